import type { ErrorCode } from './connector-error.js';

/** What one Twilio error means to a person, and whether sending again can help. */
export interface ErrorRule {
  code: ErrorCode;
  /** True only when Twilio did not act on the request, so sending it again cannot send a second code. */
  retryable: boolean;
  remedy: string;
}

/**
 * Twilio error code → ConnectorError code. One table, walked by a test; no if-chains elsewhere.
 * Sources: ../shared/reference/VERIFY-FACTS.md and Twilio's error dictionary.
 */
export const TWILIO_ERROR_TABLE: Readonly<Record<number, ErrorRule>> = {
  20003: { code: 'authentication_failed', retryable: false, remedy: 'Check the Account SID and Auth Token (or the API key SID and secret) in the connection; an API key only works in the region it was created in.' },
  20404: { code: 'not_found', retryable: false, remedy: 'Check the SID: the resource does not exist in this account, or was deleted.' },
  20429: { code: 'rate_limited', retryable: true, remedy: 'Twilio received too many requests at once; wait a moment and try again.' },
  21211: { code: 'invalid_parameter', retryable: false, remedy: "Enter the recipient's phone number in E.164 format, for example +15017122661." },
  21408: { code: 'geo_blocked', retryable: false, remedy: 'Enable SMS to this country in the Twilio Console (Messaging › Settings › Geo permissions).' },
  21470: { code: 'invalid_connection', retryable: false, remedy: 'Put the Account SID (AC…) in "Account SID" and the API key SID (SK…) in "API key SID".' },
  21608: { code: 'feature_not_enabled', retryable: false, remedy: 'A trial account can only send to verified numbers: verify this number in the Twilio Console or upgrade the account.' },
  21610: { code: 'recipient_unreachable', retryable: false, remedy: 'The recipient replied STOP to your number; they must reply START before you can message them again.' },
  21614: { code: 'landline_not_supported', retryable: false, remedy: 'This number cannot receive SMS (not a mobile number): use a voice call instead.' },
  60200: { code: 'invalid_parameter', retryable: false, remedy: 'Correct the field Twilio names in the message (phone numbers in E.164, a supported channel, a code of 4 to 10 characters, a name of at most 30 characters).' },
  60202: { code: 'max_check_attempts', retryable: false, remedy: 'Five wrong codes were entered: start a new verification to send a new code.' },
  60203: { code: 'max_send_attempts', retryable: false, remedy: 'Five codes were sent within 10 minutes: wait for the window to end before sending another.' },
  60204: { code: 'feature_not_enabled', retryable: false, remedy: 'Enable the feature on the Verify service (for example "Custom code enabled", which Twilio support must switch on).' },
  60205: { code: 'landline_not_supported', retryable: false, remedy: 'This number is a landline and cannot receive SMS: start the verification with the "call" channel.' },
  60206: { code: 'psd2_required', retryable: false, remedy: 'This service is PSD2-enabled: send the transaction amount and payee with the start and with the check.' },
  60212: { code: 'rate_limited', retryable: true, remedy: 'Too many requests for this phone number at once; wait a moment and try again.' },
  60217: { code: 'channel_not_configured', retryable: false, remedy: 'Add an email integration (Twilio SendGrid) to the Verify service before using the email channel.' },
  60223: { code: 'channel_not_configured', retryable: false, remedy: 'This delivery channel is disabled for the account: enable it in the Twilio Console or use another channel.' },
  60410: { code: 'fraud_blocked', retryable: false, remedy: 'Verify Fraud Guard blocked this number prefix; if the user is genuine, contact Twilio support or adjust Fraud Guard.' },
  60605: { code: 'geo_blocked', retryable: false, remedy: 'Allow this country in the Verify geo permissions of the Twilio Console.' },
  68008: { code: 'channel_not_configured', retryable: false, remedy: 'Configure a WhatsApp sender on the Verify service before using the whatsapp channel.' },
};

/** When Twilio's body names no code we know, the HTTP status decides. 429 without a known code: Twilio did not act. */
export function ruleForStatus(status: number): ErrorRule {
  if (status === 401) return TWILIO_ERROR_TABLE[20003]!;
  if (status === 404) return TWILIO_ERROR_TABLE[20404]!;
  if (status === 429) return TWILIO_ERROR_TABLE[20429]!;
  if (status >= 500) return { code: 'server_error', retryable: true, remedy: 'Twilio had a temporary problem; try again in a minute. Check https://status.twilio.com if it persists.' };
  if (status === 403) return { code: 'feature_not_enabled', retryable: false, remedy: 'The account or service is not allowed to do this; check its settings in the Twilio Console.' };
  return { code: 'invalid_parameter', retryable: false, remedy: 'Correct the input Twilio names in the message and try again.' };
}
