/**
 * Contract test: every module speaks Twilio's real API, as described by Twilio's official OpenAPI file
 * (../shared/reference/twilio-oai/twilio_verify_v2.json, read in place, never copied).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConnector, type Connector, type ModuleInfo } from '../../connector/index.js';
import { packageRoot } from '../../connector/paths.js';
import type { ModulePlan, RequestPlan } from '../../connector/runtime/module-plan.js';
import type { FieldPlan } from '../../connector/runtime/wire-plan.js';
import { packageSchemas } from '../../connector/schema/ajv.js';

const SPEC_PATH = join(packageRoot, '..', 'shared', 'reference', 'twilio-oai', 'twilio_verify_v2.json');

/** Wire names a module may send that the spec does not list, each with its reason. */
const ALLOWED_EXTRA: Record<string, string> = {
  'create-service MailerSid': 'legacy email integration; in the seed and the spec examples, not in the spec parameters',
  'update-service MailerSid': 'legacy email integration; in the seed and the spec examples, not in the spec parameters',
};

/** Spec parameters no module exposes, each with its reason (aim: empty). */
const PUSH_DEVICE = 'device-only: a push factor is registered and kept up to date by the Verify Push SDK in the customer\'s app (its key pair and notification token live on the phone); reachable through make-api-call';
const NOT_EXPOSED: Record<string, string> = {
  'POST /v2/Services/{ServiceSid}/Entities/{Identity}/Factors Binding.Alg': PUSH_DEVICE,
  'POST /v2/Services/{ServiceSid}/Entities/{Identity}/Factors Binding.PublicKey': PUSH_DEVICE,
  'POST /v2/Services/{ServiceSid}/Entities/{Identity}/Factors Config.AppId': PUSH_DEVICE,
  'POST /v2/Services/{ServiceSid}/Entities/{Identity}/Factors Config.NotificationPlatform': PUSH_DEVICE,
  'POST /v2/Services/{ServiceSid}/Entities/{Identity}/Factors Config.NotificationToken': PUSH_DEVICE,
  'POST /v2/Services/{ServiceSid}/Entities/{Identity}/Factors Config.SdkVersion': PUSH_DEVICE,
  'POST /v2/Services/{ServiceSid}/Entities/{Identity}/Factors/{Sid} Config.NotificationPlatform': PUSH_DEVICE,
  'POST /v2/Services/{ServiceSid}/Entities/{Identity}/Factors/{Sid} Config.NotificationToken': PUSH_DEVICE,
  'POST /v2/Services/{ServiceSid}/Entities/{Identity}/Factors/{Sid} Config.SdkVersion': PUSH_DEVICE,
};

/** Parameters no list module exposes, on any list: the runtime follows meta.next_page_url (as the twilio SDK does) instead. */
const PAGING_PARAMETERS: Record<string, string> = {
  Page: 'the runtime follows meta.next_page_url instead of asking for page numbers',
  PageToken: 'the runtime follows meta.next_page_url instead of asking for page tokens',
};

interface SpecOperation {
  parameters?: Array<{ name: string; in: string; schema?: { type?: string } }>;
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, { type?: string; $ref?: string }>; required?: string[] } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string; properties?: Record<string, unknown> } }> }>;
}

type Spec = { paths: Record<string, Record<string, SpecOperation>>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };

function loadSpec(): Spec {
  assert.ok(existsSync(SPEC_PATH), `the official spec must be at ${SPEC_PATH} (../shared beside the checkout); this test does not skip`);
  return JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Spec;
}

const shape = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

function findOperation(spec: Spec, method: string, path: string): { path: string; op: SpecOperation } | undefined {
  const specPath = Object.keys(spec.paths).find((p) => shape(p) === shape(path));
  const op = specPath ? spec.paths[specPath]![method.toLowerCase()] : undefined;
  return specPath && op ? { path: specPath, op } : undefined;
}

/** A module that sends one request of a method of its own, with the spec operation its path names (if any). */
interface RequestModule {
  info: ModuleInfo;
  module: RequestPlan;
  method: string;
  path: string;
  found: { path: string; op: SpecOperation } | undefined;
}

/**
 * Every module the spec can judge alone: a composed module (escalate-verification) sends no request of its own (the
 * modules it composes are checked on their own), and make-api-call takes its method and path from the input.
 */
function requestModules(connector: Connector, spec: Spec): RequestModule[] {
  return connector.modules.flatMap((info) => {
    const module = connector.module(info.id);
    const method = module.kind === 'request' ? module.definition.request?.method : undefined;
    if (module.kind !== 'request' || method === undefined) return [];
    const path = module.template.path;
    return [{ info, module, method, path, found: findOperation(spec, method, path) }];
  });
}

/** Every (wire name, property) a module can send in the query or the form, nested prefixes expanded. */
function wireNames(plans: readonly FieldPlan[]): Array<{ name: string; location: string }> {
  return plans.flatMap((p) => (p.children ? wireNames(p.children) : p.location === 'query' || p.location === 'form' ? [{ name: p.name, location: p.location }] : []));
}

/** Everything a module sends: its input's wire names and its `request.fixed` parameters. */
function sentNames(module: ModulePlan): string[] {
  if (module.kind !== 'request') return [];
  return [...wireNames(module.fields).map((w) => w.name), ...Object.keys(module.definition.request?.fixed ?? {})];
}

function specParameters(op: SpecOperation): Map<string, string | undefined> {
  const params = new Map<string, string | undefined>();
  for (const p of op.parameters ?? []) if (p.in === 'query') params.set(p.name, p.schema?.type);
  const form = op.requestBody?.content['application/x-www-form-urlencoded']?.schema;
  for (const [name, schema] of Object.entries(form?.properties ?? {})) params.set(name, schema.type);
  return params;
}

function responseSchema(spec: Spec, op: SpecOperation): { properties?: Record<string, unknown> } | undefined {
  for (const [status, response] of Object.entries(op.responses)) {
    if (!status.startsWith('2')) continue;
    const schema = response.content?.['application/json']?.schema;
    if (!schema) continue;
    if (schema.$ref) return spec.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
    return schema;
  }
  return undefined;
}

/** Our property schema, `$ref`s followed through the registry. */
function propertiesOf(schema: Record<string, unknown>): Record<string, Record<string, unknown>> {
  return (schema['properties'] ?? {}) as Record<string, Record<string, unknown>>;
}

/** A property's declared type, following a `$ref` to a shared definition. */
function typeOf(property: Record<string, unknown> | undefined, baseId: string): unknown {
  if (!property) return undefined;
  if (property['type'] !== undefined || typeof property['$ref'] !== 'string') return property['type'];
  const target = packageSchemas().ajv.getSchema(new URL(property['$ref'] as string, baseId).href);
  return (target?.schema as Record<string, unknown> | undefined)?.['type'];
}

describe('contract with the official Twilio Verify v2 OpenAPI description', () => {
  const spec = loadSpec();
  const exposed = new Set<string>();

  it('finds every module (but make-api-call, whose path is the input) among the spec operations, and every wire name among its parameters', async () => {
    const connector = await loadConnector();
    const problems: string[] = [];
    for (const { info, module, method, path, found } of requestModules(connector, spec)) {
      if (!found) {
        problems.push(`${info.id}: ${method} ${path} is not an operation of the spec`);
        continue;
      }
      const params = specParameters(found.op);
      for (const name of sentNames(module)) {
        exposed.add(`${method} ${found.path} ${name}`);
        if (!params.has(name) && !ALLOWED_EXTRA[`${info.id} ${name}`]) problems.push(`${info.id}: sends ${name}, which ${method} ${found.path} does not take`);
      }
      const pathParams = (found.op.parameters ?? []).filter((p) => p.in === 'path').length;
      const placeholders = module.fields.filter((p) => p.location === 'path').length;
      if (placeholders !== pathParams) problems.push(`${info.id}: maps ${placeholders} path parameters, the spec has ${pathParams}`);
    }
    assert.deepEqual(problems, []);
  });

  it('exposes every parameter of every operation a module uses (allowlist: each entry says why)', async () => {
    const connector = await loadConnector();
    const missing: string[] = [];
    const used = new Set<string>();
    const requests = requestModules(connector, spec);
    for (const { module, method, found } of requests) {
      if (!found) continue;
      used.add(`${method} ${found.path}`);
      for (const name of specParameters(found.op).keys()) {
        const key = `${method} ${found.path} ${name}`;
        const everExposed = requests.some((other) => other.method === method && shape(other.path) === shape(found.path) && sentNames(other.module).includes(name));
        const paging = module.definition.pagination !== undefined && PAGING_PARAMETERS[name] !== undefined;
        if (!everExposed && !paging && !NOT_EXPOSED[key]) missing.push(key);
      }
    }
    assert.deepEqual(missing, []);
    for (const key of Object.keys(NOT_EXPOSED)) assert.ok(used.has(key.split(' ').slice(0, 2).join(' ')), `allowlist entry for an operation no module uses: ${key}`);
  });

  it('requires what the spec requires, and sends each scalar as the spec types it', async () => {
    const connector = await loadConnector();
    const problems: string[] = [];
    for (const { info, module, found } of requestModules(connector, spec)) {
      const form = found?.op.requestBody?.content['application/x-www-form-urlencoded']?.schema;
      const input = packageSchemas().schema(module.inputSchemaId) as Record<string, unknown>;
      const required = new Set((input['required'] as string[] | undefined) ?? []);
      const fixed = module.definition.request?.fixed ?? {};
      for (const name of form?.required ?? []) {
        if (name in fixed) continue;
        const plan = module.fields.find((p) => p.name === name);
        if (!plan || !required.has(plan.property)) problems.push(`${info.id}: the spec requires ${name}`);
      }
      const formProperties = form?.properties ?? {};
      for (const [name, value] of Object.entries(fixed)) {
        const declared = formProperties[name]?.$ref ? spec.components.schemas[formProperties[name]!.$ref!.replace('#/components/schemas/', '')] : formProperties[name];
        const allowed = (declared as { enum?: unknown[] } | undefined)?.enum;
        if (allowed && !allowed.includes(value)) problems.push(`${info.id}: fixed ${name}=${value} is not one of the spec's values (${allowed.join(', ')})`);
      }
      const params = found ? specParameters(found.op) : new Map();
      for (const plan of module.fields) {
        const specType = params.get(plan.name);
        const ours = typeOf(propertiesOf(input)[plan.property], input['$id'] as string);
        if (specType === 'integer' && ours !== 'integer') problems.push(`${info.id}: ${plan.name} is an integer in the spec`);
        if (specType === 'boolean' && ours !== 'boolean') problems.push(`${info.id}: ${plan.name} is a boolean in the spec`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it("names every property of the spec's response schema in each module's output schema", async () => {
    const connector = await loadConnector();
    const problems: string[] = [];
    for (const { info, module, found } of requestModules(connector, spec)) {
      if (module.definition.response) continue;
      const specSchema = found ? responseSchema(spec, found.op) : undefined;
      if (!specSchema) continue;
      let ours = info.outputSchema;
      let theirs = specSchema.properties ?? {};
      const pagination = module.definition.pagination;
      if (pagination) {
        // A list: compare the items of Twilio's page with the items of our output.
        const items = (theirs[pagination.itemsKey] as { items?: { $ref?: string } } | undefined)?.items?.$ref;
        theirs = items ? spec.components.schemas[items.replace('#/components/schemas/', '')]?.properties ?? {} : {};
        const ourItems = (propertiesOf(ours)[pagination.itemsKey]?.['items'] ?? {}) as Record<string, unknown>;
        ours = typeof ourItems['$ref'] === 'string' ? (packageSchemas().schema(new URL(ourItems['$ref'] as string, info.outputSchema['$id'] as string).href) as Record<string, unknown>) : ourItems;
      }
      for (const name of Object.keys(theirs)) if (!(name in propertiesOf(ours))) problems.push(`${info.id}: output schema lacks ${name}`);
    }
    assert.deepEqual(problems, []);
  });
});
