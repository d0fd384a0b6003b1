/** What the Thoughts view says over a run imported from the reference framework's output_graph file. */
export const REFERENCE_IMPORT_BANNER = 'Imported from the reference framework: no lineage, thoughts shown per operation';
