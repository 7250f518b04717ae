/* Generated from schemas/modules/make-api-call.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * Twilio's answer as it came: map $.statusCode, $.headers and $.body (for example $.body.services). Answers of 400 and above are errors, not output.
 */
export interface MakeAnAPICallOutput {
  /**
   * The HTTP status, for example 200 or 201.
   */
  statusCode: number;
  /**
   * The response headers, names in lower case.
   */
  headers: {
    [k: string]: string | undefined;
  };
  /**
   * The parsed JSON body, or the text when Twilio did not send JSON ('' for an empty answer).
   */
  body: {
    [k: string]: unknown | undefined;
  };
}
