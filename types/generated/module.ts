/* Generated from schemas/module.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { Condition, OnError, Value } from './expression.js';

/**
 * One operation of the connector, as data: what a person sees (label, description), what it accepts (input schema, whose properties carry their wire mapping in `x-wire`), where it goes (request) and what it returns (output schema). The runtime executes every module the same way. A module either sends one Twilio request (`request`) or composes other modules (`compose`): exactly one of the two.
 */
export interface ModuleDefinition {
  $schema?: string;
  /**
   * Kebab-case id; names the module file, its schemas, tests and fixtures.
   */
  id: string;
  /**
   * `action` changes something or returns one resource; `search` returns a list.
   */
  kind: 'action' | 'search';
  /**
   * What a no-code user sees, as a person says it: "Start a verification".
   */
  label: string;
  /**
   * One or two sentences: what it does and when to use it.
   */
  description: string;
  /**
   * Twilio's documentation page for the endpoint.
   */
  docs: string;
  /**
   * `true` when sending the request twice cannot do anything twice (reads, updates, deletes); `false` for starts and checks (never re-sent after Twilio may have acted); `by-method` when the input chooses the method (GET, PUT and DELETE are idempotent).
   */
  idempotent: true | false | 'by-method';
  request?: {
    /**
     * Omit only when an input property has `x-wire: { in: method }`.
     */
    method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    /**
     * verify.twilio.com or api.twilio.com (region and edge applied to both).
     */
    host?: 'verify' | 'api';
    /**
     * Path on the host. `{name}` placeholders name input properties (mapped with `x-wire: { in: path }`). A path of just `{name}` takes the whole path from an input property with `x-wire: { in: url }`, checked to stay on the host.
     */
    path: string;
    /**
     * Twilio parameters this module always sends with these values, in the method's default place (the query for GET and DELETE, the form otherwise), for a module that is one use of a wider operation: create-totp-factor is CreateNewFactor with `{ "FactorType": "totp" }`. No input property may map to the same name.
     */
    fixed?: {
      [k: string]: string | undefined;
    };
  };
  /**
   * Instead of `request`: the module runs other modules of the same connector, in order, as data. Each step calls a module (`module`, `input`) or asks the `schedule` capability which timed step is due; `when` skips a step, `onError` turns a failure into data. References (`$.input.x`, `$.constants.x`, `$.steps.<id>.output.x`, `$.steps.<id>.error.code`, `$.steps.<id>.ok`) may name the input, the constants and earlier steps only. `output` maps the steps' results to the module's output, which is validated against the output schema like any other. See docs/module-format.md, "Composed modules".
   */
  compose?: {
    /**
     * Fixed data the steps read as `$.constants.…`, for example a table of presets.
     */
    constants?: {};
    /**
     * @minItems 1
     */
    steps: ComposeStep[];
    /**
     * The module's output, as a template over `$.input`, `$.constants` and `$.steps`.
     */
    output: Value;
  };
  /**
   * Path, from the package root, of the input JSON Schema (for a `request` module its properties carry `x-wire`; a composed module's need none).
   */
  input: string;
  /**
   * Path, from the package root, of the output JSON Schema.
   */
  output: string;
  /**
   * For `search` modules: follow `meta.next_page_url` until `limitInput` items are collected.
   */
  pagination?: {
    /**
     * The list's key in Twilio's answer (`services`).
     */
    itemsKey: string;
    /**
     * The input property holding the most items to return.
     */
    limitInput: string;
    defaultLimit: number;
  };
  /**
   * How Twilio's answer becomes the output. Default: the JSON body. `empty`: the output for a 204 answer, where `{name}` in a string is replaced by that input value. `raw`: `{ statusCode, headers, body }`.
   */
  response?: {
    empty?: {};
    raw?: true;
  };
  /**
   * Twilio error codes that mean something more precise for this module, for example 20404 on a check.
   */
  errors?: {
    [k: string]:
      | {
          code: string;
          remedy: string;
        }
      | undefined;
  };
  /**
   * Sample inputs; each must validate against the input schema (the validator checks).
   */
  examples?: {
    title: string;
    input: {};
  }[];
}
/**
 * One step of a composed module: a module call or a schedule decision.
 */
export interface ComposeStep {
  /**
   * Names the step's result: `$.steps.<id>`.
   */
  id: string;
  description?: string;
  /**
   * Run the step only when this holds; a skipped step leaves `$.steps.<id>` missing.
   */
  when?: Condition;
  /**
   * The id of another module of this connector.
   */
  module?: string;
  /**
   * That module's input, as a template; the validator checks it against the module's input schema.
   */
  input?: {};
  onError?: OnError;
  /**
   * The `schedule` capability: given timed steps (`[{ channel, waitSeconds }]`, each wait counted from that step's send) and the sends so far (`[{ time }]`, e.g. a verification's send_code_attempts), says whether the next step is due now. Its output: `{ due, step, channel, last, finished, done, dueInSeconds, nextCheckInSeconds }` (`step` 1-based; `done`: nothing is left to send once a due step is sent; `nextCheckInSeconds`: when to look again, counting the send of a due step; null once nothing is left).
   */
  schedule?: {
    /**
     * A list of { channel, waitSeconds }, or a template giving one.
     */
    steps: Value;
    /**
     * The sends so far: a list of objects with an ISO 8601 `time`.
     */
    sent: Value;
  };
}
