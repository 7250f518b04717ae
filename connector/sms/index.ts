/**
 * The passwordless-login SMS connector in Logto's shape:
 *
 *   // createConnector: this file's default export, or lib/index.js of the built dist/logto-connector/ package
 *   const connector = await createConnector({ getConfig });        // getConfig is not called here
 *   await connector.sendMessage({ to: '+15017122661', type: 'SignIn', payload: { code: '123456' } });
 */
import { loadLogtoKit } from './logto-kit.js';
import { smsConnectorMetadata } from './metadata.js';
import { smsConfigGuard, type SmsConfigGuard } from './guard.js';
import { sendSms, type SendMessageData, type SendOptions, type SentMessage } from './send-message.js';

export { smsConfigGuard, SmsConfigError, type SmsConfigGuard, type SmsConfigIssue, type SafeParseResult } from './guard.js';
export { checkSmsConfig, SMS_CONFIG_SCHEMA_ID, type SmsConfig, type Template } from './config.js';
export { smsConnectorMetadata, SMS_CONNECTOR_ID, configTemplate } from './metadata.js';
export { chooseTemplate, fillTemplate, templateTypes } from './template.js';
export { normalisePhone } from './phone.js';
export { summariseConfig, type ConfigSummary, type UsageSummary } from './summary.js';
export { messageInput, SEND_MESSAGE_MODULE } from './message.js';
export { TWILIO_CODE_TO_LOGTO, STATUS_TO_LOGTO, logtoCodeFor, type LogtoErrorCode, type SmsErrorData } from './errors.js';
export { USAGE_TYPES, FALLBACK_USAGE_TYPES, CODELESS_USAGE_TYPES, type UsageType } from './usage-types.js';
export type { SendMessageData, SendOptions, SentMessage } from './send-message.js';

/** Logto's `getConfig(connectorId)`. */
export type GetConnectorConfig = (connectorId: string) => Promise<unknown>;

export interface SmsConnector {
  metadata: typeof smsConnectorMetadata;
  type: 'Sms';
  configGuard: SmsConfigGuard;
  /** Sends one SMS; `config` (Logto's console test) replaces the stored config for this call. */
  sendMessage(data: SendMessageData, config?: unknown): Promise<SentMessage>;
}

/** `createConnector` with send options (timeouts, a test's fast retry policy). */
export async function createSmsConnector({ getConfig }: { getConfig: GetConnectorConfig }, options: SendOptions = {}): Promise<SmsConnector> {
  const kit = await loadLogtoKit();
  return {
    metadata: smsConnectorMetadata,
    type: 'Sms',
    configGuard: smsConfigGuard,
    async sendMessage(data, config) {
      return sendSms(kit, config ?? (await getConfig(smsConnectorMetadata.id)), data, options);
    },
  };
}

/** Logto's entry point: loaded at start-up, so it reads no config and sends nothing. */
export default async function createConnector({ getConfig }: { getConfig: GetConnectorConfig }): Promise<SmsConnector> {
  return createSmsConnector({ getConfig });
}
