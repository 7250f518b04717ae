/* Generated from schemas/scenario.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { Condition, OnError, Value } from './expression.js';

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
   * What the scenario returns (to a parent scenario, the CLI or the host), as a template.
   */
  result?: Value;
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
  when?: Condition;
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
  onError?: OnError;
  /**
   * Variables to keep from this step's result, read later as `$.vars.<name>`. Here `$` is the step's own result: its output, or after a failure with onError continue its error `{ code, message, status, … }` — so `$.status` and `$.message` read as in an HTTP step of a workflow tool.
   */
  save?: {
    [k: string]: Value | undefined;
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
     * Where the code went (phone number or email), so an outbox answer can find it.
     */
    to?: Value;
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
     * A number (0–3600) or a reference to one.
     */
    seconds: Value;
  };
  /**
   * Set variables (`$.vars.<name>`) from templates.
   */
  set?: {
    [k: string]: Value | undefined;
  };
  /**
   * Print a line (`{{$.path}}` is filled in).
   */
  say?: string;
  /**
   * Run `then` when this holds, else `else`.
   */
  if?: Condition;
  then?: Steps;
  else?: Steps;
  /**
   * Run the `cases` entry named by this value's text, else `default`.
   */
  switch?: Value;
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
