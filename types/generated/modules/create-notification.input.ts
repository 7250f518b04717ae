/* Generated from schemas/modules/create-notification.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { ChallengeSid, Identity, ServiceSid } from '../definitions.js';

export interface ResendAPushNotificationInput {
  /**
   * The Verify service (VA…) the user belongs to: the same one for every factor and challenge of this user.
   */
  serviceSid: ServiceSid;
  /**
   * Your own id for the user (8 to 64 letters and digits, groups joined by dashes, such as a UUID), the same one you gave "Create a TOTP factor". Never a phone number, email address or name: Twilio treats it as not personal.
   */
  identity: Identity;
  /**
   * The pending push challenge to notify again (YC…): map the sid "Send a push challenge" returned.
   */
  challengeSid: ChallengeSid;
  /**
   * How long Twilio keeps trying to deliver the notification while the phone is offline, from 0 to 300 seconds (default 300). 0 tries once, right away.
   */
  ttl?: number;
}
