/** One reason a file could not be opened, with where it is when known. */
export interface OpenProblem {
  message: string;
  line?: number;
  column?: number;
  opId?: string;
  field?: string;
}
