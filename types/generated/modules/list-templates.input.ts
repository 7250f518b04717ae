/* Generated from schemas/modules/list-templates.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * Both fields are optional: by default every template of the account (at most 50).
 */
export interface ListTemplatesInput {
  /**
   * Only templates whose name matches, for example "Base Verification Template 2 with do not share".
   */
  friendlyName?: string;
  /**
   * The most templates to return, from 1 to 10000 (default 50). The connector follows Twilio's pages until it has this many or the list ends.
   */
  limit?: number;
  /**
   * How many templates Twilio returns per request, from 1 to 1000 (Twilio's default is 50). Only affects speed: larger pages mean fewer requests for long lists.
   */
  pageSize?: number;
}
