import { loadConnector } from '../manifest/load.js';
import { SMS_TIMEOUT_MS, type RetryPolicy } from '../runtime/defaults.js';
import type { SmsConfig } from './config.js';
import { connectionFromConfig } from './connection.js';
import { connectorError, toLogtoError } from './errors.js';
import { smsConfigGuard } from './guard.js';
import type { LogtoKit } from './logto-kit.js';
import { messageInput, SEND_MESSAGE_MODULE } from './message.js';
import { normalisePhone } from './phone.js';
import { chooseTemplate, fillTemplate, needsCode, templateTypes } from './template.js';

/** Logto's `sendMessage` argument: `{ to, type, payload: { code, locale, … } }`. */
export interface SendMessageData {
  to: string;
  type: string;
  payload?: Record<string, unknown>;
}

/** The message resource Twilio created (sid, status, to, …), as Twilio returned it. */
export type SentMessage = Record<string, unknown>;

export interface SendOptions {
  /** Per request; default SMS_TIMEOUT_MS (runtime/defaults.ts). */
  timeoutMs?: number;
  /** For tests; the send is never repeated after Twilio may have acted (idempotent: false). */
  retry?: RetryPolicy;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * One SMS: validate the config (through connector-kit's own validateConfig and the guard), choose the template,
 * normalise the number, fill the placeholders, then run the internal send-message module through the package's
 * Connector: the same input validation, pipeline, error table and secret redaction as every other request.
 * Every refusal happens before any request; every failure is a Logto ConnectorError.
 */
export async function sendSms(kit: LogtoKit, config: unknown, data: SendMessageData, options: SendOptions = {}): Promise<SentMessage> {
  kit.validateConfig(config, smsConfigGuard);
  const valid = config as SmsConfig;

  if (!isPlainObject(data) || typeof data.to !== 'string' || typeof data.type !== 'string') {
    throw connectorError(kit, 'invalid_request_parameters', { errorDescription: 'sendMessage needs { to, type, payload }: to and type as text.' });
  }
  const payload = isPlainObject(data.payload) ? data.payload : {};

  const chosen = chooseTemplate(valid.templates, data.type);
  if (!chosen) {
    const available = templateTypes(valid.templates);
    throw connectorError(kit, 'template_not_found', {
      errorDescription: `No SMS template for usage type "${data.type}", and no Generic or Test template to fall back on. The config has templates for: ${available.join(', ')}. Add a template with usageType "${data.type}" or "Generic".`,
      usageType: data.type,
      availableUsageTypes: available,
    });
  }

  const to = normalisePhone(data.to);
  if (!to) {
    throw connectorError(kit, 'invalid_request_parameters', {
      errorDescription: 'The phone number is not a valid international number: give the country code and the number, for example +15017122661 (spaces, dashes and brackets are ignored).',
    });
  }

  if (needsCode(chosen.template.content) && (typeof payload['code'] !== 'string' || payload['code'] === '')) {
    throw connectorError(kit, 'insufficient_request_parameters', {
      errorDescription: `The ${chosen.usedType} template contains {{code}} but no code was given in the payload.`,
    });
  }

  const body = fillTemplate(chosen.template.content, payload);
  try {
    const connector = await loadConnector();
    return (await connector.execute(SEND_MESSAGE_MODULE, connectionFromConfig(valid), messageInput(valid, to, body), {
      timeoutMs: options.timeoutMs ?? SMS_TIMEOUT_MS,
      ...(options.retry ? { retry: options.retry } : {}),
    })) as SentMessage;
  } catch (error) {
    throw toLogtoError(kit, error);
  }
}

