/* Generated from schemas/modules/escalate-verification.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * What happened and when to call again. Map $.done to stop, $.nextCheckInSeconds to schedule the next call.
 */
export interface EscalateAVerificationOutput {
  /**
   * The verification's status (pending, approved, canceled, …); null when Twilio no longer returns it (approved, expired or canceled verifications answer 404).
   */
  status?: string | null;
  /**
   * True when this call sent the code again on the next channel.
   */
  escalated?: boolean | null;
  /**
   * The channel of the latest send.
   */
  channel?: string | null;
  /**
   * How many times the code has been sent so far (1 for the first send).
   */
  attempt?: number | null;
  /**
   * Call again after this many seconds; null when done.
   */
  nextCheckInSeconds?: number | null;
  /**
   * True when nothing is left to do: the verification is no longer pending, or the workflow's last step has been sent.
   */
  done?: boolean | null;
}
