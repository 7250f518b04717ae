/* Generated from schemas/scenario.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * @minItems 2
 * @maxItems 2
 *
 * Items: Any JSON value. Strings that are references are read, `{{…}}` is interpolated, and one-key objects `$literal`, `$first` (first non-null), `$count` (length), `$add` (sum), `$if` ([condition, then, else]), `$test` (condition → boolean) and `$lookup` ([table, key]) compute. Any other object or list is a template whose members are evaluated.
 */
export type Operands = {
  [k: string]: unknown | undefined;
}[];
/**
 * true, false, or one comparison (`eq`, `ne`, `lt`, `le`, `gt`, `ge`: [a, b]; `in`: [a, [list]]; `exists`: a path) or combination (`and`, `or`: [conditions]; `not`: a condition). Comparing unlike types is false, never an error.
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
      /**
       * A JSONPath-like path: `$`, then `.name`, `[0]` or `['name']` segments, for example `$.steps.read.output.send_code_attempts[0].time`.
       */
      exists?: string;
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
export type Steps = Step[];

/**
 * A verification flow as data (flows/*.json): parameters in, steps that call modules, ask for input, wait, branch and loop, and a result out. References and conditions use the language of expression.schema.json (`$.params.to`, `$.steps.check.output.status`, `$.vars.sends`). See docs/flows.md.
 */
export interface Scenario {
  $schema?: string;
  /**
   * Kebab-case id; a template's id is its file name in flows/.
   */
  id: string;
  /**
   * What a person sees in `flow list`.
   */
  title: string;
  /**
   * What the flow does and which pattern it follows.
   */
  description: string;
  /**
   * A JSON Schema (type object) for the parameters, checked before the first step; read them as `$.params.name`. Defaults apply.
   */
  params?: {};
  steps: Steps;
  /**
   * Any JSON value. Strings that are references are read, `{{…}}` is interpolated, and one-key objects `$literal`, `$first` (first non-null), `$count` (length), `$add` (sum), `$if` ([condition, then, else]), `$test` (condition → boolean) and `$lookup` ([table, key]) compute. Any other object or list is a template whose members are evaluated.
   */
  result?: {
    [k: string]: unknown | undefined;
  };
}
/**
 * One step. It has an `id` and exactly one kind: module, scenario, ask, wait, set, say, if, switch, loop, break or end. Its result is `$.steps.<id>` (`ok`, `output`, `error`); inside a loop it holds the latest round.
 */
export interface Step {
  /**
   * Unique in the scenario.
   */
  id: string;
  /**
   * Printed when the step runs.
   */
  title?: string;
  /**
   * Run the step only when this holds.
   */
  when?:
    | boolean
    | {
        eq?: Operands;
        ne?: Operands;
        lt?: Operands;
        le?: Operands;
        gt?: Operands;
        ge?: Operands;
        in?: Operands;
        /**
         * A JSONPath-like path: `$`, then `.name`, `[0]` or `['name']` segments, for example `$.steps.read.output.send_code_attempts[0].time`.
         */
        exists?: string;
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
   * Call a module of the connector (output: the module's output).
   */
  module?: string;
  /**
   * The module's input, as a template.
   */
  input?: {};
  /**
   * Run a sub-scenario: a template id (flows/<id>.json) or a path relative to this file ending in .json (output: its result).
   */
  scenario?: string;
  /**
   * The sub-scenario's parameters, as a template.
   */
  params?: {};
  /**
   * What a failed call does: `fail` (the default) stops with the error; `continue` records it as data (`$.steps.<id>.error`: `{ code, message, status, … }`, `$.steps.<id>.ok` false) so later steps can branch on it; `{ "continue": [codes] }` continues only on those ConnectorError codes.
   */
  onError?:
    | ('fail' | 'continue')
    | {
        /**
         * @minItems 1
         */
        continue: string[];
      };
  /**
   * Variables to keep from this step's result, read later as `$.vars.<name>`. Here `$` is the step's own result: its output, or after a failure with onError continue its error `{ code, message, status, … }` — so `$.status` and `$.message` read as in an HTTP step of a workflow tool.
   */
  save?: {
    /**
     * Any JSON value. Strings that are references are read, `{{…}}` is interpolated, and one-key objects `$literal`, `$first` (first non-null), `$count` (length), `$add` (sum), `$if` ([condition, then, else]), `$test` (condition → boolean) and `$lookup` ([table, key]) compute. Any other object or list is a template whose members are evaluated.
     */
    [k: string]:
      | {
          [k: string]: unknown | undefined;
        }
      | undefined;
  };
  /**
   * Ask for input (output: `{ answer }`): the CLI prompts; tests and demos answer from a script or the emulator's outbox (which reads the latest code sent to `to`).
   */
  ask?: {
    /**
     * The question; `{{$.path}}` is filled in.
     */
    prompt: string;
    /**
     * Any JSON value. Strings that are references are read, `{{…}}` is interpolated, and one-key objects `$literal`, `$first` (first non-null), `$count` (length), `$add` (sum), `$if` ([condition, then, else]), `$test` (condition → boolean) and `$lookup` ([table, key]) compute. Any other object or list is a template whose members are evaluated.
     */
    to?: {
      [k: string]: unknown | undefined;
    };
    /**
     * The answer is a secret (a password, a recovery code): `flow run` masks it in everything it prints.
     */
    secret?: boolean;
  };
  /**
   * Wait (output: `{ seconds }`) on the runner's clock: real time on a terminal, the emulator's clock moved in tests.
   */
  wait?: {
    /**
     * Any JSON value. Strings that are references are read, `{{…}}` is interpolated, and one-key objects `$literal`, `$first` (first non-null), `$count` (length), `$add` (sum), `$if` ([condition, then, else]), `$test` (condition → boolean) and `$lookup` ([table, key]) compute. Any other object or list is a template whose members are evaluated.
     */
    seconds: {
      [k: string]: unknown | undefined;
    };
  };
  /**
   * Set variables (`$.vars.<name>`) from templates.
   */
  set?: {
    /**
     * Any JSON value. Strings that are references are read, `{{…}}` is interpolated, and one-key objects `$literal`, `$first` (first non-null), `$count` (length), `$add` (sum), `$if` ([condition, then, else]), `$test` (condition → boolean) and `$lookup` ([table, key]) compute. Any other object or list is a template whose members are evaluated.
     */
    [k: string]:
      | {
          [k: string]: unknown | undefined;
        }
      | undefined;
  };
  /**
   * Print a line (`{{$.path}}` is filled in).
   */
  say?: string;
  /**
   * true, false, or one comparison (`eq`, `ne`, `lt`, `le`, `gt`, `ge`: [a, b]; `in`: [a, [list]]; `exists`: a path) or combination (`and`, `or`: [conditions]; `not`: a condition). Comparing unlike types is false, never an error.
   */
  if?:
    | boolean
    | {
        eq?: Operands;
        ne?: Operands;
        lt?: Operands;
        le?: Operands;
        gt?: Operands;
        ge?: Operands;
        in?: Operands;
        /**
         * A JSONPath-like path: `$`, then `.name`, `[0]` or `['name']` segments, for example `$.steps.read.output.send_code_attempts[0].time`.
         */
        exists?: string;
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
  then?: Steps;
  else?: Steps;
  /**
   * Any JSON value. Strings that are references are read, `{{…}}` is interpolated, and one-key objects `$literal`, `$first` (first non-null), `$count` (length), `$add` (sum), `$if` ([condition, then, else]), `$test` (condition → boolean) and `$lookup` ([table, key]) compute. Any other object or list is a template whose members are evaluated.
   */
  switch?: {
    [k: string]: unknown | undefined;
  };
  cases?: {
    [k: string]: Steps | undefined;
  };
  default?: Steps;
  /**
   * Repeat `steps` at most `max` times: `while` is checked before each round, `until` after it; a `break` step leaves early. Output: `{ iteration, completed }` (completed false when max ran out).
   */
  loop?: {
    /**
     * Required: the most rounds.
     */
    max: number;
    while?: Condition;
    until?: Condition;
    steps: Steps;
  };
  /**
   * Leave the innermost loop.
   */
  break?: true;
  /**
   * Stop the scenario here; its result is computed as usual.
   */
  end?: true;
}
