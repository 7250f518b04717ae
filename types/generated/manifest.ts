/* Generated from schemas/manifest.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * The connector a host platform loads: its identity, its connection schema and its modules. Each module file follows the module definition format (`definitions.module`, kept in module.schema.json). Input schemas carry their wire mapping in the project keywords `x-wire` (a wire name, or { name, in: path|query|form|none|url|method|headers|body|bodyType, encode: json, prefix, spread }), mark rarely used fields with `x-advanced: true`, secrets with `x-secret: true`, deprecated ones with `x-deprecated: "why"`; `x-show-when: { "channel": ["call"] }` says a field applies only while a sibling field has one of those values, `x-options-from: { module, value, label, input }` says its choices are the items a search module returns, and `x-enum-labels: { "call": "Voice call" }` gives the words shown for an enum's values (hosts render them: hidden fields, dropdowns, option labels).
 */
export interface ConnectorManifest {
  $schema?: string;
  id: string;
  name: string;
  version: string;
  description: string;
  docs?: string;
  connection: {
    /**
     * The connection JSON Schema.
     */
    schema: string;
    /**
     * The id of the module `testConnection` runs (a cheap read).
     */
    test: string;
    /**
     * The input given to that module.
     */
    testInput?: {};
  };
  /**
   * The modules hosts offer: every one appears in `connector.modules`, the n8n node, the Make app, the playground and the CLI.
   *
   * @minItems 1
   */
  modules: ModuleEntry[];
  /**
   * Modules the package's own code runs by id but no host lists (the SMS connector's Messages API send): same file format, same checks, same pipeline as `modules`, absent from `connector.modules`. Ids are unique across both lists.
   */
  internalModules?: ModuleEntry[];
}
export interface ModuleEntry {
  id: string;
  file: string;
}
