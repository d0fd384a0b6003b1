/** The run source id of an imported reference output: the Thoughts view shows its banner for it. */
export const REFERENCE_SOURCE_ID = 'reference-output';
