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

/** A plain object's own properties and their (primitive) values at one moment. */
interface Snapshot {
  keys: string[];
  values: unknown[];
}

/** What a plain connection object held when it was last resolved, so an unchanged object is not validated again. */
interface ResolvedEntry extends Snapshot {
  resolved: ResolvedConnection;
}

const resolvedByObject = new WeakMap<object, ResolvedEntry>();

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The object's own properties, or undefined when a value is an object (it could change without the object changing). */
function snapshotOf(connection: Record<string, unknown>): Snapshot | undefined {
  const keys = Object.keys(connection);
  const values = keys.map((key) => connection[key]);
  return values.every((value) => value === null || typeof value !== 'object') ? { keys, values } : undefined;
}

/** Exactly the same own properties with the same values as the snapshot. */
function sameProperties(connection: Record<string, unknown>, snapshot: Snapshot): boolean {
  const keys = Object.keys(connection);
  if (keys.length !== snapshot.keys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== snapshot.keys[i] || connection[keys[i]!] !== snapshot.values[i]) return false;
  }
  return true;
}

/**
 * Checks a connection against its schema. Problems name fields, never values (a field named like a secret is masked
 * where the error leaves the Connector). A host usually passes the same connection object on every call: while that plain object
 * is unchanged (same own properties, same primitive values), its earlier result is returned without validating again.
 */
export function resolveConnection(connection: unknown): ResolvedConnection {
  const plain = isPlainObject(connection);
  if (plain) {
    const entry = resolvedByObject.get(connection);
    if (entry && sameProperties(connection, entry)) return entry.resolved;
  }
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
  const snapshot = plain ? snapshotOf(connection) : undefined;
  if (snapshot) resolvedByObject.set(connection as object, { ...snapshot, resolved });
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
