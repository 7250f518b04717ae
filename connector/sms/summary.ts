import type { SmsConfig } from './config.js';
import { riskCheckOf } from './message.js';
import { chooseTemplate } from './template.js';
import { USAGE_TYPES } from './usage-types.js';

/** What one usage type sends: its own template, a fallback's, or nothing (Logto gets template_not_found). */
export interface UsageSummary {
  usageType: string;
  source: 'own' | 'fallback' | 'none';
  /** The template's usage type (differs from usageType for a fallback). */
  templateType?: string;
  /** JSON pointer of the template used. */
  pointer?: string;
  content?: string;
}

export interface ConfigSummary {
  accountSid: string;
  auth: 'auth token' | 'api key';
  sender: { kind: 'messaging service' | 'number' | 'sender id'; value: string };
  /** Form fields sent besides To, Body and the sender, e.g. ["RiskCheck=disable"]. */
  options: string[];
  target: string;
  usage: UsageSummary[];
  /** Templates that can never be used because an earlier one has the same usage type. */
  shadowed: Array<{ pointer: string; usageType: string; usedPointer: string }>;
}

/** For a valid config: who signs, who sends, and what each usage type would send. Holds no secret. */
export function summariseConfig(config: SmsConfig): ConfigSummary {
  const sender: ConfigSummary['sender'] = config.fromMessagingServiceSID
    ? { kind: 'messaging service', value: config.fromMessagingServiceSID }
    : { kind: config.from?.startsWith('+') ? 'number' : 'sender id', value: config.from ?? '' };
  const options: string[] = [];
  const riskCheck = riskCheckOf(config);
  if (riskCheck) options.push(`RiskCheck=${riskCheck}`);
  if (config.validityPeriod !== undefined) options.push(`ValidityPeriod=${config.validityPeriod}`);

  const usage = USAGE_TYPES.map((usageType): UsageSummary => {
    const chosen = chooseTemplate(config.templates, usageType);
    if (!chosen) return { usageType, source: 'none' };
    return {
      usageType,
      source: chosen.fallback ? 'fallback' : 'own',
      templateType: chosen.usedType,
      pointer: `/templates/${config.templates.indexOf(chosen.template)}`,
      content: chosen.template.content,
    };
  });

  const shadowed: ConfigSummary['shadowed'] = [];
  config.templates.forEach((template, index) => {
    const first = config.templates.findIndex((t) => t.usageType === template.usageType);
    if (first !== index) shadowed.push({ pointer: `/templates/${index}`, usageType: template.usageType, usedPointer: `/templates/${first}` });
  });

  return {
    accountSid: config.accountSID,
    auth: config.apiKeySID ? 'api key' : 'auth token',
    sender,
    options,
    target: config.baseUrl ?? ['api', config.edge, config.region ?? (config.edge ? 'us1' : undefined), 'twilio.com'].filter(Boolean).join('.'),
    usage,
    shadowed,
  };
}
