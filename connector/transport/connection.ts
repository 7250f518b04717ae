import { ConnectorError, redactSecrets } from '../errors/connector-error.js';
import { packageSchemas } from '../schema/ajv.js';
import { problemsFrom, summarise } from '../schema/problems.js';
import type { TwilioConnection as Connection } from '../../types/generated/connection.js';

export type { Connection };

/** A connection after validation: who signs the requests, and where they go. */
export interface ResolvedConnection {
  accountSid: string;
  username: string;
  password: string;
  region?: string;
  edge?: string;
  baseUrl?: string;
}

const CONNECTION_SCHEMA = 'https://twilio-verify-connector.dev/schemas/connection.schema.json';

/** Checks a connection against its schema; never echoes a secret back (problems name fields, not values; a field named like a secret is masked). */
export function resolveConnection(connection: unknown): ResolvedConnection {
  const validate = packageSchemas().validator(CONNECTION_SCHEMA);
  if (!validate(connection)) {
    const problems = problemsFrom(validate.errors);
    const error = new ConnectorError('invalid_connection', `The connection is not valid: ${summarise(problems)}`, {
      remedy: 'Give the Account SID with its Auth Token, or the Account SID with an API key SID and secret.',
      details: { problems },
    });
    throw redactSecrets(error, secretTexts(connection));
  }
  const c = connection as Connection;
  const resolved: ResolvedConnection = {
    accountSid: c.accountSid,
    username: c.apiKeySid ?? c.accountSid,
    password: (c.apiKeySid ? c.apiKeySecret : c.authToken) as string,
  };
  if (c.region) resolved.region = c.region;
  if (c.edge) resolved.edge = c.edge;
  if (c.baseUrl) resolved.baseUrl = c.baseUrl.replace(/\/+$/, '');
  return resolved;
}

const SECRET_FIELDS = new Set(['authToken', 'apiKeySecret', 'password']);

/** Shorter strings are not masked in error texts: they would mask ordinary words, and no Twilio secret is that short. */
const MIN_SECRET_LENGTH = 8;

/**
 * Every text a connection's secrets could be echoed as: each secret (string) field, and the Basic-auth credentials
 * built from it. For `redactSecrets`. Works on unvalidated connections too.
 */
export function secretTexts(connection: unknown): string[] {
  if (connection === null || typeof connection !== 'object') return [];
  const c = connection as Record<string, unknown>;
  const users = [c['accountSid'], c['apiKeySid']].filter((u): u is string => typeof u === 'string');
  const out: string[] = [];
  for (const field of SECRET_FIELDS) {
    const value = c[field];
    if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) continue;
    out.push(value);
    for (const user of users) out.push(Buffer.from(`${user}:${value}`).toString('base64'));
  }
  return out;
}

/** A connection fit to print: every secret replaced by a fixed mask. */
export function redactConnection(connection: unknown): Record<string, unknown> {
  if (connection === null || typeof connection !== 'object') return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(connection)) out[key] = SECRET_FIELDS.has(key) ? '[redacted]' : value;
  return out;
}
