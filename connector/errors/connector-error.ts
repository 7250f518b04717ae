/** The closed set of error codes a host, a scenario or a person can branch on. */
export const ERROR_CODES = [
  'invalid_input',
  'invalid_connection',
  'authentication_failed',
  'not_found',
  'verification_not_pending',
  'invalid_parameter',
  'already_exists',
  'max_check_attempts',
  'max_send_attempts',
  'rate_limited',
  'feature_not_enabled',
  'landline_not_supported',
  'psd2_required',
  'channel_not_configured',
  'fraud_blocked',
  'geo_blocked',
  'recipient_unreachable',
  'unsafe_url',
  'timeout',
  'network_error',
  'server_error',
  'invalid_response',
  'unknown_module',
  'invalid_manifest',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with an input, named by its JSON pointer. */
export interface InputProblem {
  pointer: string;
  message: string;
}

export interface ConnectorErrorInit {
  status?: number;
  twilioCode?: number;
  moreInfo?: string;
  retryable?: boolean;
  remedy?: string;
  details?: Record<string, unknown>;
}

/** The error shape `execute` returns as data when called with `onError: 'output'`. */
export interface ConnectorErrorData {
  code: ErrorCode;
  message: string;
  status: number | null;
  twilioCode: number | null;
  moreInfo: string | null;
  retryable: boolean;
  remedy: string | null;
  details?: Record<string, unknown>;
}

/**
 * Every failure the package reports. Messages say what happened; `remedy` says what to do.
 * Neither ever contains a credential: callers build them from codes and Twilio's own messages only.
 */
export class ConnectorError extends Error {
  readonly code: ErrorCode;
  readonly status?: number;
  readonly twilioCode?: number;
  readonly moreInfo?: string;
  readonly retryable: boolean;
  readonly remedy?: string;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, init: ConnectorErrorInit = {}) {
    super(message);
    this.name = 'ConnectorError';
    this.code = code;
    this.retryable = init.retryable ?? false;
    if (init.status !== undefined) this.status = init.status;
    if (init.twilioCode !== undefined) this.twilioCode = init.twilioCode;
    if (init.moreInfo !== undefined) this.moreInfo = init.moreInfo;
    if (init.remedy !== undefined) this.remedy = init.remedy;
    if (init.details !== undefined) this.details = init.details;
  }

  toData(): ConnectorErrorData {
    const data: ConnectorErrorData = {
      code: this.code,
      message: this.message,
      status: this.status ?? null,
      twilioCode: this.twilioCode ?? null,
      moreInfo: this.moreInfo ?? null,
      retryable: this.retryable,
      remedy: this.remedy ?? null,
    };
    if (this.details !== undefined) data.details = this.details;
    return data;
  }

  toJSON(): ConnectorErrorData {
    return this.toData();
  }

  /** The inverse of toData (an error returned as data by `onError: 'output'`). */
  static fromData(data: ConnectorErrorData): ConnectorError {
    return new ConnectorError(data.code, data.message, {
      ...(data.status !== null ? { status: data.status } : {}),
      ...(data.twilioCode !== null ? { twilioCode: data.twilioCode } : {}),
      ...(data.moreInfo !== null ? { moreInfo: data.moreInfo } : {}),
      retryable: data.retryable,
      ...(data.remedy !== null ? { remedy: data.remedy } : {}),
      ...(data.details !== undefined ? { details: data.details } : {}),
    });
  }
}

export function isConnectorError(value: unknown): value is ConnectorError {
  return value instanceof ConnectorError;
}

/**
 * The error with every occurrence of the given secrets replaced by "[redacted]" in its message, remedy, more-info
 * link and details. A last line of defence: Twilio, a proxy or a person may echo a credential back (a path, a
 * parameter, a field name), and no error this package hands out may repeat it. Unchanged when none occurs.
 */
export function redactSecrets(error: ConnectorError, secrets: readonly string[]): ConnectorError {
  const present = secrets.filter((s) => s.length > 0);
  if (present.length === 0) return error;
  const scrub = (text: string): string => present.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
  const details = error.details === undefined ? undefined : JSON.stringify(error.details);
  const texts = [error.message, error.remedy ?? '', error.moreInfo ?? '', details ?? ''];
  if (!texts.some((t) => present.some((s) => t.includes(s)))) return error;
  return new ConnectorError(error.code, scrub(error.message), {
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.twilioCode !== undefined ? { twilioCode: error.twilioCode } : {}),
    ...(error.moreInfo !== undefined ? { moreInfo: scrub(error.moreInfo) } : {}),
    retryable: error.retryable,
    ...(error.remedy !== undefined ? { remedy: scrub(error.remedy) } : {}),
    ...(details !== undefined ? { details: JSON.parse(scrub(details)) as Record<string, unknown> } : {}),
  });
}
