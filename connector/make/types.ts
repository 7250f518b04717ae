/** The shapes of Make app files this export writes (a subset of what imljson/parameters.json and api.json allow). */

export interface MakeOption {
  label: string;
  value: string | number | boolean;
  nested?: MakeParameter[];
}

export interface MakeValidate {
  pattern?: string;
  min?: number;
  max?: number;
  minItems?: number;
  maxItems?: number;
}

export interface MakeParameter {
  name: string;
  type: string;
  label?: string;
  help?: string;
  required?: boolean;
  default?: unknown;
  advanced?: boolean;
  /** Static choices, or `rpc://name` for choices an RPC loads. */
  options?: MakeOption[] | string;
  validate?: MakeValidate;
  /** A collection's fields, or an array's item (one parameter: a list of plain values). */
  spec?: MakeParameter | MakeParameter[];
  multiline?: boolean;
  time?: boolean;
}

/** Something the export could not say in Make's terms, said in words for REPORT.md and the build's output. */
export interface Simplification {
  /** The module id, or '' for the app as a whole (connection, base). */
  module: string;
  /** The input field (JSON pointer into the input), when it is about one. */
  field?: string;
  what: string;
}
