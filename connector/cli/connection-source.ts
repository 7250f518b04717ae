import { readFileSync } from 'node:fs';
import { UsageError } from './io.js';

/** `{...}` as JSON, or `@path` to a JSON file. */
export function readJsonArgument(value: string, what: string): unknown {
  const text = value.startsWith('@') ? readFileOrExplain(value.slice(1), what) : value;
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${what} is not valid JSON${value.startsWith('@') ? ` (in ${value.slice(1)})` : ''}. Give JSON such as '{"to":"+15017122661"}' or @file.json.`);
  }
}

function readFileOrExplain(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${what} file ${path}.`);
  }
}

/**
 * The connection for `run`: `--connection` if given, else the environment the twilio CLI and SDK also read
 * (TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN, or with TWILIO_API_KEY and TWILIO_API_SECRET).
 */
export function connectionFrom(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  if (option) return readJsonArgument(option, '--connection') as Record<string, unknown>;
  const accountSid = env['TWILIO_ACCOUNT_SID'];
  if (!accountSid) throw new UsageError('no connection: pass --connection @connection.json, or set TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET).');
  if (env['TWILIO_API_KEY']) return { accountSid, apiKeySid: env['TWILIO_API_KEY'], apiKeySecret: env['TWILIO_API_SECRET'] ?? '' };
  return { accountSid, authToken: env['TWILIO_AUTH_TOKEN'] ?? '' };
}
