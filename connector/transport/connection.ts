import { ConnectorError } from '../errors/connector-error.js';
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

/** Checks a connection against its schema; never echoes a secret back (problems name fields, not values). */
export function resolveConnection(connection: unknown): ResolvedConnection {
  const validate = packageSchemas().validator(CONNECTION_SCHEMA);
  if (!validate(connection)) {
    const problems = problemsFrom(validate.errors);
    throw new ConnectorError('invalid_connection', `The connection is not valid: ${summarise(problems)}`, {
      remedy: 'Give the Account SID with its Auth Token, or the Account SID with an API key SID and secret.',
      details: { problems },
    });
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

/** A connection fit to print: every secret replaced by a fixed mask. */
export function redactConnection(connection: unknown): Record<string, unknown> {
  if (connection === null || typeof connection !== 'object') return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(connection)) out[key] = SECRET_FIELDS.has(key) ? '[redacted]' : value;
  return out;
}
