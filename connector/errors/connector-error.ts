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

  /** A copy with some fields changed: the one way this package re-makes an error (to redact it, to change its remedy). */
  with(changes: ConnectorErrorInit & { code?: ErrorCode; message?: string }): ConnectorError {
    const { code = this.code, message = this.message, ...init } = changes;
    return new ConnectorError(code, message, {
      status: this.status,
      twilioCode: this.twilioCode,
      moreInfo: this.moreInfo,
      retryable: this.retryable,
      remedy: this.remedy,
      details: this.details,
      ...init,
    });
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
  static fromData({ code, message, status, twilioCode, moreInfo, retryable, remedy, details }: ConnectorErrorData): ConnectorError {
    return new ConnectorError(code, message, { status: status ?? undefined, twilioCode: twilioCode ?? undefined, moreInfo: moreInfo ?? undefined, retryable, remedy: remedy ?? undefined, details });
  }
}

export function isConnectorError(value: unknown): value is ConnectorError {
  return value instanceof ConnectorError;
}

/** The text with every occurrence of the given secrets replaced by "[redacted]". */
export function redactText(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => (secret.length > 0 ? out.split(secret).join('[redacted]') : out), text);
}

/**
 * The error with every occurrence of the given secrets replaced by "[redacted]" in its message, remedy, more-info
 * link and details. A last line of defence: Twilio, a proxy or a person may echo a credential back (a path, a
 * parameter, a field name), and no error this package hands out may repeat it. Unchanged when none occurs.
 */
export function redactSecrets(error: ConnectorError, secrets: readonly string[]): ConnectorError {
  const present = secrets.filter((s) => s.length > 0);
  if (present.length === 0) return error;
  const scrub = (text: string): string => redactText(text, present);
  const details = error.details === undefined ? undefined : JSON.stringify(error.details);
  const texts = [error.message, error.remedy ?? '', error.moreInfo ?? '', details ?? ''];
  if (!texts.some((t) => present.some((s) => t.includes(s)))) return error;
  return error.with({
    message: scrub(error.message),
    moreInfo: error.moreInfo === undefined ? undefined : scrub(error.moreInfo),
    remedy: error.remedy === undefined ? undefined : scrub(error.remedy),
    details: details === undefined ? undefined : (JSON.parse(scrub(details)) as Record<string, unknown>),
  });
}
