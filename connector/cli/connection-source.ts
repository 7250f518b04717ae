import { readFileSync } from 'node:fs';
import { UsageError } from './io.js';

/** `{...}` as JSON, or `@path` to a JSON file. Messages name the option, never echo the value (it may hold a secret). */
export function readJsonArgument(value: string, what: string): unknown {
  const file = value.startsWith('@') ? value.slice(1) : undefined;
  let text = value;
  if (file !== undefined) {
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(`${what}: cannot read the file ${file}.`);
    }
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${what} is not valid JSON${file !== undefined ? ` (in ${file})` : ''}. Give JSON such as '{"to":"+15017122661"}' or @file.json.`);
  }
}

/** A JSON argument that must be an object, such as --input or --connection. */
export function readJsonObjectArgument(value: string, what: string): Record<string, unknown> {
  const parsed = readJsonArgument(value, what);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError(`${what} must be a JSON object, such as '{"name":"value"}'.`);
  return parsed as Record<string, unknown>;
}

/**
 * The connection for a command: `--connection` if given, else the environment the twilio CLI and SDK also read.
 * TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN, or with TWILIO_API_KEY and TWILIO_API_SECRET; when both a token and a
 * key are set the Auth Token wins, as in the twilio SDK (and `note` says so).
 */
export function connectionFrom(option: string | undefined, env: NodeJS.ProcessEnv = process.env, note: (text: string) => void = () => undefined): Record<string, unknown> {
  if (option !== undefined) return readJsonObjectArgument(option, '--connection');
  const accountSid = env['TWILIO_ACCOUNT_SID'];
  const authToken = env['TWILIO_AUTH_TOKEN'];
  const apiKey = env['TWILIO_API_KEY'];
  const apiSecret = env['TWILIO_API_SECRET'];
  if (!accountSid) throw new UsageError('no connection: pass --connection @connection.json, or set TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET).');
  if (authToken) {
    if (apiKey || apiSecret) note('note: TWILIO_AUTH_TOKEN and TWILIO_API_KEY/TWILIO_API_SECRET are both set; using the Auth Token.');
    return { accountSid, authToken };
  }
  if (apiKey && apiSecret) return { accountSid, apiKeySid: apiKey, apiKeySecret: apiSecret };
  if (apiKey) throw new UsageError('TWILIO_API_KEY is set without TWILIO_API_SECRET: set the key\'s secret too, or use TWILIO_AUTH_TOKEN.');
  throw new UsageError('TWILIO_ACCOUNT_SID is set without credentials: set TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET).');
}
