/* Generated from schemas/modules/make-api-call.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * Any Verify API request, signed with this connection. For endpoints the other modules do not cover.
 */
export interface MakeAnAPICallInput {
  /**
   * The path on https://verify.twilio.com, starting with a slash, for example /v2/Services or /v2/Services/VA…/Verifications/VE…. Not a full address: the host comes from the connection. Put query parameters in Query string, not after a ?.
   */
  url: string;
  /**
   * GET reads, POST creates or updates, DELETE removes (PUT and PATCH exist for completeness; Verify uses POST for updates). Choose GET when unsure.
   */
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /**
   * Extra HTTP headers, name → value, for example { "I-Twilio-Idempotency-Token": "order-42" }. Authorization, Host and Cookie cannot be set: the connection signs every request.
   */
  headers?: {
    [k: string]: string | undefined;
  };
  /**
   * Query parameters with Twilio's names, for example { "PageSize": 20 }. A list sends the name once per value.
   */
  qs?: {
    [k: string]: string | number | boolean | (string | number | boolean)[] | undefined;
  };
  /**
   * For POST, PUT and PATCH: the fields with Twilio's names, for example { "FriendlyName": "My app" }. Sent as a form unless Body type is json. Leave empty for GET and DELETE.
   */
  body?: {
    [k: string]: unknown | undefined;
  };
  /**
   * form (the default, what Verify expects) sends the body as application/x-www-form-urlencoded; json sends it as application/json.
   */
  bodyType?: 'form' | 'json';
}
