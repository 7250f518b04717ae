/* Generated from schemas/modules/escalate-verification.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { ServiceSid, VerificationSid } from '../definitions.js';

/**
 * Which verification to move on, and the fallback workflow it follows: a Vonage-style preset (1–7) or your own steps.
 */
export interface EscalateAVerificationInput {
  /**
   * The Verify service that started the verification (VA…).
   */
  serviceSid: ServiceSid;
  /**
   * The verification to escalate (VE…): map the sid that "Start a verification" returned. Start it on the workflow's first channel.
   */
  verificationSid: VerificationSid;
  /**
   * Vonage's workflow_id, with a voice call where Vonage reads the code (TTS): 1 SMS → call → call (waits 125 s, 180 s, 300 s); 2 SMS → SMS → call (125 s, 180 s, 300 s); 3 call → call (150 s, 150 s); 4 SMS → SMS (120 s, 180 s); 5 SMS → call (120 s, 180 s); 6 SMS only; 7 call only.
   */
  preset?: number;
  /**
   * Instead of a preset: the channels in order, each with the seconds to wait after it before the next one is sent, for example [{"channel":"sms","waitSeconds":60},{"channel":"call","waitSeconds":120}]. At most 5 (Twilio's send limit per verification).
   *
   * @minItems 1
   * @maxItems 5
   */
  steps?: {
    /**
     * How this step sends the code.
     */
    channel: 'sms' | 'call' | 'email' | 'whatsapp';
    /**
     * Seconds to wait after this step before the next one (a code is valid 10 minutes).
     */
    waitSeconds: number;
  }[];
}
