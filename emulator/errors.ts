/**
 * Twilio's error codes as one table, and the error type handlers throw.
 * The server turns a thrown TwilioError into Twilio's JSON error body
 * `{ code, message, more_info, status }`; anything else thrown becomes a 20500.
 */

interface ErrorDefinition {
  status: number;
  message: string;
}

/** Default HTTP status and message per Twilio code. Handlers may give a more specific message. */
export const ERRORS = {
  20001: { status: 400, message: 'Invalid request' }, // emulator's generic "bad request" (bad JSON, bad form encoding)
  20003: { status: 401, message: 'Authenticate' },
  20004: { status: 405, message: 'Method not allowed' },
  20404: { status: 404, message: 'The requested resource was not found' },
  20413: { status: 413, message: 'Request body is larger than 1 MB' }, // emulator-only code: Twilio has none for this
  20431: { status: 431, message: 'Request header fields are too large' }, // emulator-only code: Twilio has none for this
  20429: { status: 429, message: 'Too many requests' },
  20500: { status: 500, message: 'Internal Server Error' },
  21211: { status: 400, message: "Invalid 'To' Phone Number" },
  21470: { status: 400, message: 'An API Key SID was used where the Account SID belongs' },
  21602: { status: 400, message: 'Message body is required.' },
  21603: { status: 400, message: "A 'From' phone number or MessagingServiceSid is required." },
  21604: { status: 400, message: "A 'To' phone number is required." },
  21617: { status: 400, message: 'The concatenated message body exceeds the 1600 character limit.' },
  21701: { status: 400, message: 'The Messaging Service Sid is invalid.' },
  60200: { status: 400, message: 'Invalid parameter' },
  60201: { status: 400, message: 'Selected template translation is not approved' },
  60202: { status: 429, message: 'Max check attempts reached' },
  60203: { status: 429, message: 'Max send attempts reached' },
  60204: { status: 403, message: 'Service does not support this feature' },
  60206: { status: 400, message: 'PSD2 service requires Amount and Payee' },
  60207: { status: 400, message: 'Max rate limits per service reached' },
  60208: { status: 400, message: 'Rate limit with that UniqueName already exists' },
  60209: { status: 400, message: 'UniqueName format is invalid' },
  60210: { status: 400, message: 'Max Buckets per Rate limit reached' },
  60211: { status: 400, message: 'Bucket with that interval already exists' },
  60213: { status: 400, message: 'A Messaging Configuration already exists for the given country' },
  60217: { status: 400, message: 'No email integration is configured for this service' },
  60228: { status: 400, message: 'Template was not found' },
  60411: { status: 400, message: 'The phone number already exists in the SafeList' },
  68008: { status: 400, message: 'WhatsApp is not configured for this service' },
  // Entities, factors, challenges (TOTP and push): Twilio's error dictionary; statuses it does not state are inferred.
  60301: { status: 409, message: 'Entity already exists' },
  60308: { status: 429, message: 'Challenge verification attempts limit reached' },
  60310: { status: 429, message: 'Factor verification attempts reached' },
  60311: { status: 403, message: 'Factor verification failed' },
  60312: { status: 429, message: 'Challenge creation limit reached' },
  60315: { status: 400, message: 'Reached max limit of 100 totp Factors associated per Entity' },
  60318: { status: 403, message: 'Factor is unverified' },
  60322: { status: 403, message: 'Challenge already responded' },
  60323: { status: 403, message: 'Challenge expired' },
  60324: { status: 403, message: 'Challenge verification failed' },
  60362: { status: 400, message: 'Factor SID invalid or not provided' },
  60364: { status: 400, message: 'Challenge SID invalid or not provided' },
  60366: { status: 400, message: 'Entity invalid or not provided' },
  60383: { status: 400, message: 'Illegal factor status' },
  60390: { status: 404, message: 'Factor not found' },
  60391: { status: 404, message: 'Challenge not found' },
  60392: { status: 404, message: 'Entity not found' },
} as const satisfies Record<number, ErrorDefinition>;

export type TwilioErrorCode = keyof typeof ERRORS;

export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

export class TwilioError extends Error {
  readonly code: TwilioErrorCode;
  readonly status: number;
  /** Extra response headers, e.g. Retry-After on 60203 or Allow on 405. */
  readonly headers: Record<string, string>;

  constructor(code: TwilioErrorCode, message?: string, headers: Record<string, string> = {}) {
    super(message ?? ERRORS[code].message);
    this.name = 'TwilioError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.headers = headers;
  }

  toBody(): TwilioErrorBody {
    return errorBody(this.code, this.message);
  }
}

export function errorBody(code: TwilioErrorCode, message?: string): TwilioErrorBody {
  return {
    code,
    message: message ?? ERRORS[code].message,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status: ERRORS[code].status,
  };
}

/** 60200 with Twilio's wording for a named parameter. */
export function invalidParameter(name: string, detail?: string): TwilioError {
  return new TwilioError(60200, `Invalid parameter \`${name}\`${detail ? `: ${detail}` : ''}`);
}

/** 20404 naming the path, as Twilio does. */
export function notFound(path: string): TwilioError {
  return new TwilioError(20404, `The requested resource ${path} was not found`);
}
