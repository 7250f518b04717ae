import type { InputProblem } from '../errors/connector-error.js';
import { packageSchemas } from '../schema/ajv.js';
import { problemsFrom } from '../schema/problems.js';
import type { SMSConnectorConfig as SmsConfig, Template } from '../../types/generated/sms-config.js';

export type { SmsConfig, Template };

export const SMS_CONFIG_SCHEMA_ID = 'https://twilio-verify-connector.dev/schemas/sms-config.schema.json';

/**
 * Checks a config against schemas/sms-config.schema.json (the package's one AJV registry, compiled once).
 * Problems name fields by JSON pointer and never quote a value, so no secret is ever echoed.
 */
export function checkSmsConfig(config: unknown): InputProblem[] {
  const validate = packageSchemas().validator(SMS_CONFIG_SCHEMA_ID);
  return validate(config) ? [] : problemsFrom(validate.errors);
}

export function isSmsConfig(config: unknown): config is SmsConfig {
  return checkSmsConfig(config).length === 0;
}
