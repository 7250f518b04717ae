import type { ErrorCode } from './connector-error.js';

/** What one Twilio error means to a person, and whether sending again can help. */
export interface ErrorRule {
  code: ErrorCode;
  /** True only when Twilio did not act on the request, so sending it again cannot send a second code. */
  retryable: boolean;
  remedy: string;
  /**
   * Response headers that say more about this error, by lower-case name: each value Twilio sends is put in the error's
   * `details` under `detail` and named in its message with `label` (20429: which programmable rate limit was reached).
   */
  headers?: Readonly<Record<string, { detail: string; label: string }>>;
}

/**
 * Twilio error code → ConnectorError code. One table, walked by a test; no if-chains elsewhere.
 * Sources: ../shared/reference/VERIFY-FACTS.md and Twilio's error dictionary.
 */
export const TWILIO_ERROR_TABLE: Readonly<Record<number, ErrorRule>> = {
  20003: { code: 'authentication_failed', retryable: false, remedy: 'Check the Account SID and Auth Token (or the API key SID and secret) in the connection; an API key only works in the region it was created in.' },
  20404: { code: 'not_found', retryable: false, remedy: 'Check the SID: the resource does not exist in this account, or was deleted.' },
  20429: {
    code: 'rate_limited',
    retryable: true,
    remedy: 'Twilio did not act on this request. When the error names a rate limit (details.reachedRateLimit), that limit of your service is used up for this value: wait the time Twilio gives (details.retryAfterMs) or raise its bucket\'s maximum. Otherwise the account sent too many requests at once: wait a moment and try again.',
    headers: { 'twilio-reached-rate-limit': { detail: 'reachedRateLimit', label: 'rate limit reached' } },
  },
  21211: { code: 'invalid_parameter', retryable: false, remedy: "Enter the recipient's phone number in E.164 format, for example +15017122661." },
  21408: { code: 'geo_blocked', retryable: false, remedy: 'Enable SMS to this country in the Twilio Console (Messaging › Settings › Geo permissions).' },
  21470: { code: 'invalid_connection', retryable: false, remedy: 'Put the Account SID (AC…) in "Account SID" and the API key SID (SK…) in "API key SID".' },
  21608: { code: 'feature_not_enabled', retryable: false, remedy: 'A trial account can only send to verified numbers: verify this number in the Twilio Console or upgrade the account.' },
  21610: { code: 'recipient_unreachable', retryable: false, remedy: 'The recipient replied STOP to your number; they must reply START before you can message them again.' },
  21614: { code: 'landline_not_supported', retryable: false, remedy: 'This number cannot receive SMS (not a mobile number): use a voice call instead.' },
  60200: { code: 'invalid_parameter', retryable: false, remedy: 'Correct the field Twilio names in the message (phone numbers in E.164, a supported channel, a code of 4 to 10 characters, a name of at most 30 characters).' },
  60201: { code: 'invalid_parameter', retryable: false, remedy: 'The template has no approved translation for this language: choose another template or language (see "List templates", each translation\'s status), or approve the translation in the Twilio Console.' },
  60202: { code: 'max_check_attempts', retryable: false, remedy: 'Five wrong codes were entered: start a new verification to send a new code.' },
  60203: { code: 'max_send_attempts', retryable: false, remedy: 'Five codes were sent within 10 minutes: wait for the window to end before sending another.' },
  60204: { code: 'feature_not_enabled', retryable: false, remedy: 'Enable the feature on the Verify service (for example "Custom code enabled", which Twilio support must switch on).' },
  60205: { code: 'landline_not_supported', retryable: false, remedy: 'This number is a landline and cannot receive SMS: start the verification with the "call" channel.' },
  60206: { code: 'psd2_required', retryable: false, remedy: 'This service is PSD2-enabled: send the transaction amount and payee with the start and with the check.' },
  60207: { code: 'invalid_parameter', retryable: false, remedy: 'The service has as many rate limits as Twilio allows: delete one you no longer use ("Delete a rate limit") or use another service.' },
  60208: { code: 'already_exists', retryable: false, remedy: 'The service already has a rate limit with this unique name: use that one ("List rate limits") or choose another name.' },
  60209: { code: 'invalid_parameter', retryable: false, remedy: 'A rate limit\'s unique name may hold only letters, digits, dots, dashes and underscores.' },
  60210: { code: 'invalid_parameter', retryable: false, remedy: 'The rate limit has as many buckets as Twilio allows: delete or update one ("List rate limit buckets") instead of adding another.' },
  60211: { code: 'already_exists', retryable: false, remedy: 'The rate limit already has a bucket with this interval: update that bucket\'s maximum instead ("Update a rate limit bucket").' },
  60212: { code: 'rate_limited', retryable: true, remedy: 'Too many requests for this phone number at once; wait a moment and try again.' },
  60213: { code: 'already_exists', retryable: false, remedy: 'The service already has a messaging configuration for this country: change it with "Update a messaging configuration" instead.' },
  60217: { code: 'channel_not_configured', retryable: false, remedy: 'Add an email integration (Twilio SendGrid) to the Verify service before using the email channel.' },
  60223: { code: 'channel_not_configured', retryable: false, remedy: 'This delivery channel is disabled for the account: enable it in the Twilio Console or use another channel.' },
  60228: { code: 'invalid_parameter', retryable: false, remedy: 'No template has this SID in the account: pick one listed by "List templates".' },
  60410: { code: 'fraud_blocked', retryable: false, remedy: 'Verify Fraud Guard blocked this number prefix; if the user is genuine, contact Twilio support or adjust Fraud Guard.' },
  60411: { code: 'already_exists', retryable: false, remedy: 'This phone number is already on the safe list: nothing to do.' },
  60605: { code: 'geo_blocked', retryable: false, remedy: 'Allow this country in the Verify geo permissions of the Twilio Console.' },
  68008: { code: 'channel_not_configured', retryable: false, remedy: 'Configure a WhatsApp sender on the Verify service before using the whatsapp channel.' },
  // Entities, factors and challenges (authenticator apps and push): VERIFY-BEYOND.md and Twilio's error dictionary.
  60301: { code: 'already_exists', retryable: false, remedy: 'An entity with this identity already exists in the service: use it as it is ("Get an entity"), or give another identity.' },
  60308: { code: 'max_check_attempts', retryable: false, remedy: 'Five wrong codes were entered for this challenge: check the next code with a new "Check a TOTP code".' },
  60310: { code: 'max_check_attempts', retryable: false, remedy: 'Five wrong codes were entered for this factor: delete it and create a new TOTP factor, so the person scans a new QR code.' },
  60311: { code: 'invalid_parameter', retryable: false, remedy: 'The factor could not be verified: for TOTP, enter the code the authenticator app shows now; a push factor is verified by your app on the phone.' },
  60312: { code: 'rate_limited', retryable: false, remedy: 'Too many challenges were created for this factor (for 6-digit codes: 50 an hour, 100 a day; for 4 digits or fewer: 10 a day): wait, or enrol a new factor.' },
  60315: { code: 'invalid_parameter', retryable: false, remedy: 'This user already has the most factors of this type (100 TOTP, 20 push): delete one they no longer use, then create the new one.' },
  60318: { code: 'invalid_parameter', retryable: false, remedy: 'This factor is not verified yet: run "Verify a TOTP factor" with the first code from the authenticator app, then check login codes.' },
  60322: { code: 'verification_not_pending', retryable: false, remedy: 'This challenge was already answered (approved or denied): create a new challenge for another login.' },
  60323: { code: 'verification_not_pending', retryable: false, remedy: 'This challenge expired (5 minutes by default) before it was answered: create a new challenge.' },
  60324: { code: 'invalid_parameter', retryable: false, remedy: 'The code or the phone\'s signature did not match: for TOTP, ask for the code the app shows now and check it again.' },
  60362: { code: 'invalid_parameter', retryable: false, remedy: 'Give the factor SID (YF followed by 32 hexadecimal characters) that "Create a TOTP factor" or "List factors" returned.' },
  60364: { code: 'invalid_parameter', retryable: false, remedy: 'Give the challenge SID (YC followed by 32 hexadecimal characters) that the challenge module returned.' },
  60366: { code: 'invalid_parameter', retryable: false, remedy: 'Give the identity as 8 to 64 letters and digits in groups joined by dashes (a UUID fits), the same one used when the factor was created.' },
  60383: { code: 'invalid_parameter', retryable: false, remedy: 'The factor is not in a state that allows this (for example it is already verified, or expired unverified): list the user\'s factors, and enrol again if needed.' },
  60390: { code: 'not_found', retryable: false, remedy: 'No factor with this SID for this user: unverified factors are deleted after a while, and a deleted factor is gone. List the user\'s factors or create a new one.' },
  60391: { code: 'not_found', retryable: false, remedy: 'No challenge with this SID for this user: check the identity and the challenge SID, or create a new challenge.' },
  60392: { code: 'not_found', retryable: false, remedy: 'No entity with this identity in this service: check the identity and the service, or create a TOTP factor, which creates the entity.' },
};

/** An HTTP status, or a class of them, that decides when Twilio's body names no code of the table above. */
export interface StatusRule {
  /** What it matches, as the README's table says it. */
  status: string;
  matches: (status: number) => boolean;
  rule: ErrorRule;
}

/** The first row that matches decides. 429 without a known code: Twilio did not act. Hosts may append rows before the last. */
export const HTTP_STATUS_TABLE: readonly StatusRule[] = [
  { status: '401', matches: (s) => s === 401, rule: TWILIO_ERROR_TABLE[20003]! },
  { status: '403', matches: (s) => s === 403, rule: { code: 'feature_not_enabled', retryable: false, remedy: 'The account or service is not allowed to do this; check its settings in the Twilio Console.' } },
  { status: '404', matches: (s) => s === 404, rule: TWILIO_ERROR_TABLE[20404]! },
  { status: '429', matches: (s) => s === 429, rule: TWILIO_ERROR_TABLE[20429]! },
  { status: '5xx', matches: (s) => s >= 500, rule: { code: 'server_error', retryable: true, remedy: 'Twilio had a temporary problem; try again in a minute. Check https://status.twilio.com if it persists.' } },
  { status: 'any other', matches: () => true, rule: { code: 'invalid_parameter', retryable: false, remedy: 'Correct the input Twilio names in the message and try again.' } },
];

/** When Twilio's body names no code we know, the HTTP status decides. */
export function ruleForStatus(status: number): ErrorRule {
  return HTTP_STATUS_TABLE.find((row) => row.matches(status))!.rule;
}

/** When no answer came at all: what the runtime reports (errors/map.ts errorFromException). */
export const NO_ANSWER_TABLE = {
  timeout: { code: 'timeout', retryable: true, remedy: 'Try again; if a code may have been sent, check the verification before starting a new one.' },
  cancelled: { code: 'network_error', retryable: false, remedy: 'The caller cancelled the call; Twilio may or may not have received it: check before sending again.' },
  notConnected: { code: 'network_error', retryable: true, remedy: 'Check the network connection and the region/edge or base URL of the connection, then try again: nothing was sent, so sending again is safe.' },
  unreachable: { code: 'network_error', retryable: true, remedy: 'Check the network connection and the region/edge or base URL of the connection, then try again.' },
} as const satisfies Readonly<Record<string, ErrorRule>>;
