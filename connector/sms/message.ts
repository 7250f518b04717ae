import type { SmsConfig } from './config.js';

/** The internal module (modules/send-message.json) that sends one SMS through Twilio's Messages API. */
export const SEND_MESSAGE_MODULE = 'send-message';

/** RiskCheck as the config asks for it, in either spelling; undefined leaves Twilio's default. */
export function riskCheckOf(config: SmsConfig): 'enable' | 'disable' | undefined {
  if (config.riskCheck) return config.riskCheck;
  if (config.disableRiskCheck !== undefined) return config.disableRiskCheck ? 'disable' : 'enable';
  return undefined;
}

/** The send-message input for one SMS: the config's account and sender, the recipient and the filled text. */
export function messageInput(config: SmsConfig, to: string, body: string): Record<string, unknown> {
  const input: Record<string, unknown> = { accountSid: config.accountSID, to, body };
  if (config.fromMessagingServiceSID) input['messagingServiceSid'] = config.fromMessagingServiceSID;
  else if (config.from) input['from'] = config.from;
  const riskCheck = riskCheckOf(config);
  if (riskCheck) input['riskCheck'] = riskCheck;
  if (config.validityPeriod !== undefined) input['validityPeriod'] = config.validityPeriod;
  return input;
}
