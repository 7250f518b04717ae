/* Generated from schemas/module.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * One operation of the connector, as data: what a person sees (label, description), what it accepts (input schema, whose properties carry their wire mapping in `x-wire`), where it goes (request) and what it returns (output schema). The runtime executes every module the same way.
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
  request: {
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
  };
  /**
   * Path, from the package root, of the input JSON Schema.
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
