import { redactText, type InputProblem } from '../errors/connector-error.js';
import { packageSchemas } from '../schema/ajv.js';
import { problemsFrom } from '../schema/problems.js';
import { secretTexts } from '../transport/connection.js';
import type { SMSConnectorConfig as SmsConfig, Template } from '../../types/generated/sms-config.js';

export type { SmsConfig, Template };

export const SMS_CONFIG_SCHEMA_ID = 'https://twilio-verify-connector.dev/schemas/sms-config.schema.json';

/**
 * Checks a config against schemas/sms-config.schema.json (the package's one AJV registry, compiled once).
 * Problems name fields by JSON pointer and never quote a value, so no secret is ever echoed.
 */
export function checkSmsConfig(config: unknown): InputProblem[] {
  const validate = packageSchemas().validator(SMS_CONFIG_SCHEMA_ID);
  if (validate(config)) return [];
  // A pointer names the field at fault, and a field can be named like the config's own secret: mask it.
  const secrets = secretTexts(config);
  return problemsFrom(validate.errors).map((p) => ({ pointer: redactText(p.pointer, secrets), message: redactText(p.message, secrets) }));
}

export function isSmsConfig(config: unknown): config is SmsConfig {
  return checkSmsConfig(config).length === 0;
}
