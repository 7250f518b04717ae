/**
 * The Make connection (connections/twilio-verify/…) and the Basic-auth header of base, from the manifest's
 * connection schema and test module. Make cannot branch a connection's fields on the schema's `anyOf`, so the two
 * ways to sign in become one "Sign in with" choice whose options hold their own fields. Who signs is the transport's
 * rule (connector/transport/connection.ts: the API key when there is one, else the Account SID with its Auth Token);
 * the header below is that rule in IML, and a test holds the two to each other.
 */
import type { Connector } from '../connector.js';
import { errorRule, errorTemp } from './errors.js';
import { planField, type PlanContext } from './fields.js';
import { hostUrl, type ConnectionRoot } from './hosts.js';
import { flatten, propertiesOf, requiredOf, type JsonSchema } from './schema-view.js';
import type { MakeParameter, Simplification } from './types.js';

export const CONNECTION_NAME = 'twilio-verify';
export const AUTH_TYPE = 'authType';

/** The transport's two ways to sign in: which fields each needs, and which of them are the user name and password. */
const AUTH_CHOICES = [
  { value: 'authToken', label: 'Auth Token', fields: ['authToken'], username: 'accountSid', password: 'authToken' },
  { value: 'apiKey', label: 'API key', fields: ['apiKeySid', 'apiKeySecret'], username: 'apiKeySid', password: 'apiKeySecret' },
] as const;

/** Fields only a local test needs (the emulator's loopback base URL): Make's servers cannot reach them. */
const LOCAL_ONLY_FORMAT = 'twilio-base-url';

function credential(root: ConnectionRoot, part: 'username' | 'password'): string {
  const [token, apiKey] = AUTH_CHOICES;
  return `if(${root}.${AUTH_TYPE} = '${apiKey.value}'; ${root}.${apiKey[part]}; ${root}.${token[part]})`;
}

/** `Basic base64(user:password)` read from the connection (`connection.*`) or, in its own test, `parameters.*`. */
export function authorizationHeader(root: ConnectionRoot): string {
  return `Basic {{base64(${credential(root, 'username')} + ':' + ${credential(root, 'password')})}}`;
}

export const SANITIZE = ['request.headers.authorization'];

/** Checks the connection schema still offers exactly the transport's two ways to sign in. */
function checkAuthChoices(schema: JsonSchema): void {
  const branches = ((schema['allOf'] as JsonSchema[] | undefined) ?? [])
    .flatMap((part) => (Array.isArray(part['anyOf']) ? (part['anyOf'] as JsonSchema[]) : []))
    .map((branch) => ((branch['required'] as string[] | undefined) ?? []).join('+'));
  const expected = AUTH_CHOICES.map((choice) => choice.fields.join('+'));
  if (branches.join(',') !== expected.join(',')) {
    throw new Error(`The connection schema's sign-in alternatives (${branches.join(', ') || 'none'}) are not the transport's (${expected.join(', ')}): update connector/make/connection.ts with the transport.`);
  }
}

const NO_RPCS: PlanContext = { rpcFor: () => undefined };

/** parameters.imljson of the connection, and what it leaves out. */
export function connectionParameters(schema: JsonSchema): { parameters: MakeParameter[]; notes: Simplification[] } {
  checkAuthChoices(schema);
  const required = requiredOf(schema);
  const properties = new Map(propertiesOf(schema));
  const choiceFields = new Set<string>(AUTH_CHOICES.flatMap((choice) => [...choice.fields]));
  const notes: Simplification[] = [];
  const parameterOf = (name: string, mustGive: boolean, nested: boolean): MakeParameter =>
    planField(name, properties.get(name)!, { required: mustGive, nested, location: 'none', prefix: '', context: NO_RPCS }).parameter;

  const parameters: MakeParameter[] = [];
  for (const [name, property] of properties) {
    if (choiceFields.has(name)) {
      if (name === AUTH_CHOICES[0].fields[0]) {
        parameters.push({
          name: AUTH_TYPE,
          type: 'select',
          label: 'Sign in with',
          help: 'The Auth Token of the account, or an API key (recommended: it can be revoked on its own).',
          required: true,
          default: AUTH_CHOICES[0].value,
          options: AUTH_CHOICES.map((choice) => ({ label: choice.label, value: choice.value, nested: choice.fields.map((field) => parameterOf(field, true, true)) })),
        });
      }
      continue;
    }
    if (flatten(property)['format'] === LOCAL_ONLY_FORMAT) {
      notes.push({ module: '', field: `/${name}`, what: 'the connection has no base URL field: it points the runtime at a local emulator, which Make cannot reach' });
      continue;
    }
    parameters.push(parameterOf(name, required.has(name), false));
  }
  return { parameters, notes };
}

/** The connection's own test request: the manifest's test module with its test input, signed from `parameters`. */
export function connectionApi(connector: Connector): Record<string, unknown> {
  const test = connector.manifest.connection;
  const request = connector.prepareRequest(test.test, test.testInput ?? {});
  const qs = Object.fromEntries(request.query ?? []);
  return {
    url: `${hostUrl(request.host, 'parameters')}${request.path}`,
    method: request.method,
    encodeUrl: false,
    ...(Object.keys(qs).length > 0 ? { qs } : {}),
    headers: { authorization: authorizationHeader('parameters') },
    log: { sanitize: SANITIZE },
    response: {
      temp: errorTemp(),
      error: errorRule(),
      metadata: { type: 'text', value: '{{parameters.accountSid}}' },
    },
  };
}

export function connectionMetadata(connector: Connector): Record<string, unknown> {
  return { name: CONNECTION_NAME, label: connector.manifest.name, type: 'basic' };
}
