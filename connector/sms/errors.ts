import { ConnectorError } from '../errors/connector-error.js';
import type { LogtoKit, LogtoConnectorError } from './logto-kit.js';

/** The Logto error codes this connector raises (connector-kit's ConnectorErrorCodes values). */
export type LogtoErrorCode =
  | 'invalid_config'
  | 'template_not_found'
  | 'invalid_request_parameters'
  | 'insufficient_request_parameters'
  | 'invalid_response'
  | 'rate_limit_exceeded'
  | 'general';

/** Twilio error code → Logto code. Anything not listed is `general`. */
export const TWILIO_CODE_TO_LOGTO: Readonly<Record<number, LogtoErrorCode>> = {
  20003: 'invalid_config',
  20429: 'rate_limit_exceeded',
  21211: 'invalid_request_parameters',
  21614: 'invalid_request_parameters',
  60200: 'invalid_request_parameters',
};

/** HTTP status → Logto code, for answers whose body names no Twilio code. */
export const STATUS_TO_LOGTO: Readonly<Record<number, LogtoErrorCode>> = {
  401: 'invalid_config',
  429: 'rate_limit_exceeded',
};

/** This package's own error codes that mean the config, not Twilio, is at fault. */
const OWN_CODE_TO_LOGTO: Readonly<Partial<Record<ConnectorError['code'], LogtoErrorCode>>> = {
  invalid_connection: 'invalid_config',
  invalid_input: 'invalid_request_parameters',
  unsafe_url: 'invalid_config',
  invalid_response: 'invalid_response',
};

/** What Logto keeps in `error.data`: Twilio's own error fields (as Twilio names them) and a sentence for the admin. */
export interface SmsErrorData {
  errorDescription: string;
  code?: number;
  message?: string;
  more_info?: string;
  status?: number;
  [key: string]: unknown;
}

/** Which Logto code a failure of the Twilio call becomes. */
export function logtoCodeFor(error: ConnectorError): LogtoErrorCode {
  if (error.twilioCode !== undefined) return TWILIO_CODE_TO_LOGTO[error.twilioCode] ?? (error.status !== undefined ? STATUS_TO_LOGTO[error.status] : undefined) ?? 'general';
  if (error.status !== undefined) {
    // Twilio's error answers always carry a code: an error status without one is not Twilio's JSON (a proxy page, HTML).
    return STATUS_TO_LOGTO[error.status] ?? 'invalid_response';
  }
  return OWN_CODE_TO_LOGTO[error.code] ?? 'general';
}

/** Twilio's own message, without the "(Twilio error N)." this package's errors append. */
function twilioMessageOf(error: ConnectorError): string {
  return error.message.replace(/ \(Twilio error \d+\)\.$/, '').replace(/\.$/, '');
}

/** Where Twilio may have acted (a 5xx, a lost answer) the SMS may be on its way: say so, in this connector's terms. */
const MAY_HAVE_SENT = new Set<ConnectorError['code']>(['server_error', 'timeout', 'network_error']);

function remedyFor(error: ConnectorError, code: LogtoErrorCode): string | undefined {
  if (code === 'invalid_response') return undefined;
  if (MAY_HAVE_SENT.has(error.code) && error.details?.['sent'] !== false) {
    return 'Twilio may have sent the SMS, so it was not sent again: if no code arrives, the user can ask for a new one. Check https://status.twilio.com if this persists.';
  }
  return error.remedy;
}

/** A failure of the send → the Logto ConnectorError the host branches on. Built from codes and Twilio's words only: no secret. */
export function toLogtoError(kit: LogtoKit, thrown: unknown): LogtoConnectorError {
  if (thrown instanceof kit.ConnectorError) return thrown;
  if (!(thrown instanceof ConnectorError)) {
    return new kit.ConnectorError('general', { errorDescription: 'The SMS could not be sent: an unexpected failure in the connector.' } satisfies SmsErrorData);
  }
  const code = logtoCodeFor(thrown);
  const data: SmsErrorData = { errorDescription: '' };
  if (thrown.twilioCode !== undefined) {
    data.code = thrown.twilioCode;
    data.message = twilioMessageOf(thrown);
  }
  if (thrown.moreInfo !== undefined) data.more_info = thrown.moreInfo;
  if (thrown.status !== undefined) data.status = thrown.status;
  const what =
    thrown.twilioCode !== undefined
      ? `Twilio did not send the SMS: ${data.message} (Twilio error ${thrown.twilioCode}).`
      : code === 'invalid_response'
        ? `Twilio's answer (HTTP ${thrown.status ?? '?'}) was not the JSON Twilio sends: check the region, edge or base URL of the config.`
        : `The SMS could not be sent: ${thrown.message.replace(/\.$/, '')}.`;
  data.errorDescription = [what, remedyFor(thrown, code), thrown.moreInfo ? `More: ${thrown.moreInfo}` : undefined].filter(Boolean).join(' ');
  return new kit.ConnectorError(code, data);
}

export function connectorError(kit: LogtoKit, code: LogtoErrorCode, data: SmsErrorData): LogtoConnectorError {
  return new kit.ConnectorError(code, data);
}
