/** What a code field shows and edits: prompt templates, user JavaScript, or a JSON state. */
export interface CodeFieldProps {
  value: string;
  onChange: (value: string) => void;
  language: 'template' | 'javascript' | 'json';
  /** The accessible name of the editing area. */
  label: string;
  /** State keys offered after `{{` in templates. */
  keys?: readonly string[];
  minHeight?: string;
  maxHeight?: string;
  lineNumbers?: boolean;
  /** Load the editor only once the field is focused or clicked (for fields on the first screen). */
  loadOnFocus?: boolean;
  autoFocus?: boolean;
}
