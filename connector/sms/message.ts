import type { WireRequest } from '../transport/wire.js';
import type { SmsConfig } from './config.js';

/** Twilio's Messages API: https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource */
export const MESSAGES_PATH = '/2010-04-01/Accounts/{AccountSid}/Messages.json';
export const MESSAGES_DOCS = 'https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource';

/** RiskCheck as the config asks for it, in either spelling; undefined leaves Twilio's default. */
export function riskCheckOf(config: SmsConfig): 'enable' | 'disable' | undefined {
  if (config.riskCheck) return config.riskCheck;
  if (config.disableRiskCheck !== undefined) return config.disableRiskCheck ? 'disable' : 'enable';
  return undefined;
}

/** The form Twilio receives, in a fixed order: To, Body, the sender, then the options that are set. */
export function messageForm(config: SmsConfig, to: string, body: string): Array<[string, string]> {
  const form: Array<[string, string]> = [['To', to], ['Body', body]];
  if (config.fromMessagingServiceSID) form.push(['MessagingServiceSid', config.fromMessagingServiceSID]);
  else if (config.from) form.push(['From', config.from]);
  const riskCheck = riskCheckOf(config);
  if (riskCheck) form.push(['RiskCheck', riskCheck]);
  if (config.validityPeriod !== undefined) form.push(['ValidityPeriod', String(config.validityPeriod)]);
  return form;
}

export function messageRequest(config: SmsConfig, to: string, body: string): WireRequest {
  return {
    method: 'POST',
    host: 'api',
    path: MESSAGES_PATH.replace('{AccountSid}', encodeURIComponent(config.accountSID)),
    form: messageForm(config, to, body),
  };
}
