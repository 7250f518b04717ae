/** The closed set of error codes a host, a scenario or a person can branch on. */
export const ERROR_CODES = [
  'invalid_input',
  'invalid_connection',
  'authentication_failed',
  'not_found',
  'verification_not_pending',
  'invalid_parameter',
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
}

export function isConnectorError(value: unknown): value is ConnectorError {
  return value instanceof ConnectorError;
}
