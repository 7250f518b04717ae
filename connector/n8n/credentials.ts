/**
 * The credential type "Twilio Verify API", read from the manifest's connection schema: one field per connection
 * property, and — because the schema offers ways to sign in as alternatives (`anyOf` of `required` lists: the Auth
 * Token, or an API key SID with its secret) — an "Authentication" choice that shows only the chosen way's fields.
 * `connectionFrom` turns what n8n stores back into the connection the runtime validates.
 */
import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';
import { renderField, type Schema } from './fields.js';

export const CREDENTIAL_NAME = 'twilioVerifyApi';
export const CREDENTIAL_CLASS = 'TwilioVerifyApi';
export const AUTHENTICATION = 'authentication';

export interface CredentialPlan {
  /** The connection's properties, in the schema's order. */
  fields: string[];
  /** The Authentication choice's value → the properties only that choice uses. Empty when there is no choice. */
  alternatives: Record<string, string[]>;
}

export interface CredentialDescription {
  name: string;
  displayName: string;
  documentationUrl: string;
  properties: INodeProperties[];
}

const isObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `anyOf: [{ required: [...] }, …]` lists of the schema (and of its allOf members). */
function signInAlternatives(schema: Schema): string[][] {
  const found: string[][] = [];
  for (const part of [schema, ...((schema['allOf'] as Schema[] | undefined) ?? [])]) {
    const anyOf = part['anyOf'];
    if (!Array.isArray(anyOf) || anyOf.length < 2) continue;
    const lists = anyOf.map((branch) => (isObject(branch) && Object.keys(branch).every((k) => k === 'required') ? (branch['required'] as string[]) : undefined));
    if (lists.every((list): list is string[] => Array.isArray(list) && list.length > 0)) found.push(...lists);
  }
  return found;
}

/** "API key SID" + "API key secret" → "API key"; one field → its title. */
function choiceName(titles: string[]): string {
  if (titles.length === 1) return titles[0]!;
  const split = titles.map((t) => t.split(' '));
  const common: string[] = [];
  for (let i = 0; split.every((words) => i < words.length - 1 && words[i] === split[0]![i]); i++) common.push(split[0]![i]!);
  return common.length > 0 ? common.join(' ') : titles.join(' and ');
}

export function describeCredentials(connectionSchema: Schema, names: { displayName: string; documentationUrl: string }): { description: CredentialDescription; plan: CredentialPlan } {
  const properties = (connectionSchema['properties'] ?? {}) as Record<string, Schema>;
  const required = new Set((connectionSchema['required'] as string[] | undefined) ?? []);
  const lists = signInAlternatives(connectionSchema);
  const alternatives: Record<string, string[]> = {};
  const choiceOf = new Map<string, string>();
  for (const list of lists) {
    alternatives[list[0]!] = list;
    for (const field of list) choiceOf.set(field, list[0]!);
  }
  const rendered: INodeProperties[] = [];
  if (lists.length > 0) {
    rendered.push({
      displayName: 'Authentication',
      name: AUTHENTICATION,
      type: 'options',
      default: lists[0]![0]!,
      options: lists.map((list) => ({ name: choiceName(list.map((f) => String(properties[f]?.['title'] ?? f))), value: list[0]! })),
      description: typeof connectionSchema['description'] === 'string' ? connectionSchema['description'] : undefined,
    });
  }
  const placement = {
    container: '',
    siblingPath: (name: string) => name,
    addOptionSource: (): string => {
      throw new Error('x-options-from is not supported on a connection property');
    },
  };
  for (const [name, schema] of Object.entries(properties)) {
    const { property } = renderField(name, schema, placement, { required: required.has(name) || choiceOf.has(name) });
    if (property.type === 'options' && !required.has(name) && Array.isArray(property.options)) {
      // An optional choice starts empty: nothing is sent unless the user picks one.
      property.options = [{ name: 'Default', value: '' }, ...(property.options as Array<{ name: string; value: string }>)];
      property.default = '';
    }
    const choice = choiceOf.get(name);
    if (choice !== undefined) property.displayOptions = { show: { [AUTHENTICATION]: [choice] } };
    rendered.push(property);
  }
  return {
    description: { name: CREDENTIAL_NAME, displayName: names.displayName, documentationUrl: names.documentationUrl, properties: rendered },
    plan: { fields: Object.keys(properties), alternatives },
  };
}

/** What n8n stored for a credential → the connection: only the chosen way to sign in, and no empty values. */
export function connectionFrom(data: ICredentialDataDecryptedObject | undefined, plan: CredentialPlan): Record<string, unknown> {
  const chosen = typeof data?.[AUTHENTICATION] === 'string' ? (data[AUTHENTICATION] as string) : Object.keys(plan.alternatives)[0];
  const unused = new Set(Object.entries(plan.alternatives).flatMap(([value, fields]) => (value === chosen ? [] : fields)));
  const connection: Record<string, unknown> = {};
  for (const field of plan.fields) {
    const value = data?.[field];
    if (unused.has(field) || value === undefined || value === null || value === '') continue;
    connection[field] = typeof value === 'string' ? value.trim() : value;
  }
  return connection;
}
