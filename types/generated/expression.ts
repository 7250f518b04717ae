/* Generated from schemas/expression.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * A JSONPath-like path: `$`, then `.name`, `[0]` or `['name']` segments, for example `$.steps.read.output.send_code_attempts[0].time`.
 *
 * This interface was referenced by `Expression`'s JSON-Schema
 * via the `definition` "reference".
 */
export type Reference = string;
/**
 * @minItems 2
 * @maxItems 2
 *
 * This interface was referenced by `Expression`'s JSON-Schema
 * via the `definition` "operands".
 */
export type Operands = Value[];
/**
 * true, false, or one comparison (`eq`, `ne`, `lt`, `le`, `gt`, `ge`: [a, b]; `in`: [a, [list]]; `exists`: a path) or combination (`and`, `or`: [conditions]; `not`: a condition). Comparing unlike types is false, never an error.
 *
 * This interface was referenced by `Expression`'s JSON-Schema
 * via the `definition` "condition".
 */
export type Condition =
  | boolean
  | {
      eq?: Operands;
      ne?: Operands;
      lt?: Operands;
      le?: Operands;
      gt?: Operands;
      ge?: Operands;
      in?: Operands;
      exists?: Reference;
      /**
       * @minItems 1
       */
      and?: Condition[];
      /**
       * @minItems 1
       */
      or?: Condition[];
      not?: Condition;
    };
/**
 * What a failed call does: `fail` (the default) stops with the error; `continue` records it as data (`$.steps.<id>.error`: `{ code, message, status, … }`, `$.steps.<id>.ok` false) so later steps can branch on it; `{ "continue": [codes] }` continues only on those ConnectorError codes.
 *
 * This interface was referenced by `Expression`'s JSON-Schema
 * via the `definition` "onError".
 */
export type OnError =
  | ('fail' | 'continue')
  | {
      /**
       * @minItems 1
       */
      continue: string[];
    };

/**
 * The data-reference and condition language shared by module composition (a module's `compose` section) and scenarios (flows/*.json). It is data, read by connector/expressions/: no code is evaluated. A string that starts with `$.` is a reference (`$.params.to`, `$.steps.check.output.status`); `{{$.path}}` inside a longer string is replaced by the value's text; objects with one `$` key are operators (`$literal`, `$first`, `$count`, `$add`, `$if`, `$test`, `$lookup`). Paths read own properties only and may not name `__proto__`, `constructor` or `prototype`.
 */
export interface Expression {}
/**
 * Any JSON value. Strings that are references are read, `{{…}}` is interpolated, and one-key objects `$literal`, `$first` (first non-null), `$count` (length), `$add` (sum), `$if` ([condition, then, else]), `$test` (condition → boolean) and `$lookup` ([table, key]) compute. Any other object or list is a template whose members are evaluated.
 *
 * This interface was referenced by `Expression`'s JSON-Schema
 * via the `definition` "value".
 */
export interface Value {
  [k: string]: unknown | undefined;
}
