/**
 * The n8n node "Twilio Verify", made from a loaded connector and nothing else: one operation per module, grouped by
 * resource (resources.ts), each with the module's label and help; the module's required inputs as parameters and
 * every optional or advanced one under "Additional Fields", so only what the user sets is sent (fields.ts).
 * The same pass makes the plan the node's execute() reads the parameters back with, so the two cannot disagree.
 */
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import type { Connector, ModuleInfo } from '../index.js';
import { CREDENTIAL_NAME } from './credentials.js';
import { renderField, type FieldPlan, type OptionSource, type Placement, type Schema } from './fields.js';
import { groupModules } from './resources.js';

export const NODE_NAME = 'twilioVerify';
export const NODE_CLASS = 'TwilioVerify';
export const NODE_VERSION = 1;
export const N8N_PACKAGE_NAME = 'n8n-nodes-twilio-verify';
/** The node's type in a workflow: the package name, then the node name. */
export const NODE_TYPE = `${N8N_PACKAGE_NAME}.${NODE_NAME}`;
export const ADDITIONAL_FIELDS = 'additionalFields';
export const CREDENTIAL_TEST = 'twilioVerifyApiTest';
export const ICON_FILE = 'twilioVerify.svg';
/** Parameter names the node itself uses: no module input may take them. */
const RESERVED = new Set(['resource', 'operation', ADDITIONAL_FIELDS]);

export interface ModulePlan {
  id: string;
  resource: string;
  /** Required inputs: top-level parameters. */
  fields: FieldPlan[];
  /** Everything else, inside the Additional Fields collection. */
  additional: FieldPlan[];
  /** For a search module: the output's list, one n8n item per entry. */
  itemsKey?: string;
}

export interface NodePlan {
  modules: Record<string, ModulePlan>;
  optionSources: Record<string, OptionSource>;
}

export interface NodeDescription {
  description: INodeTypeDescription;
  plan: NodePlan;
}

function optionSourceKey(source: Omit<OptionSource, 'method'>): string {
  const input = Object.entries(source.input)
    .map(([name, path]) => `${name}=${path}`)
    .join(',');
  return `${source.module}:${source.value}:${source.label}${input ? `:${input}` : ''}`;
}

function moduleProperties(module: ModuleInfo, resource: string, optionSources: Record<string, OptionSource>): { properties: INodeProperties[]; plan: ModulePlan } {
  const schema = module.inputSchema as Schema;
  const inputs = (schema['properties'] ?? {}) as Record<string, Schema>;
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  const show = { resource: [resource], operation: [module.id] };
  const addOptionSource = (source: Omit<OptionSource, 'method'>): string => {
    const method = optionSourceKey(source);
    optionSources[method] ??= { method, ...source };
    return method;
  };
  const siblingPath = (name: string): string => (required.has(name) ? name : `${ADDITIONAL_FIELDS}.${name}`);
  const top: Placement = { container: '', siblingPath, addOptionSource };
  const inAdditional: Placement = { container: ADDITIONAL_FIELDS, siblingPath, addOptionSource };

  const properties: INodeProperties[] = [];
  const extra: INodeProperties[] = [];
  const plan: ModulePlan = { id: module.id, resource, fields: [], additional: [] };
  for (const [name, property] of Object.entries(inputs)) {
    if (RESERVED.has(name)) throw new Error(`Module ${module.id}: the input "${name}" has a name the n8n node uses itself; rename it.`);
    if (required.has(name)) {
      const rendered = renderField(name, property, top, { required: true });
      const display = rendered.property.displayOptions?.show ?? {};
      properties.push({ ...rendered.property, displayOptions: { show: { ...show, ...display } } });
      plan.fields.push(rendered.plan);
    } else {
      const rendered = renderField(name, property, inAdditional);
      extra.push(rendered.property);
      plan.additional.push(rendered.plan);
    }
  }
  if (extra.length > 0) {
    properties.push({ displayName: 'Additional Fields', name: ADDITIONAL_FIELDS, type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: { show }, options: extra });
  }
  if (module.kind === 'search' && module.definition.pagination) plan.itemsKey = module.definition.pagination.itemsKey;
  return { properties, plan };
}

/** The node's description (what n8n shows) and plan (how execute() reads it), for every module of the connector. */
export function describeNode(connector: Connector): NodeDescription {
  const groups = groupModules(connector.modules);
  const optionSources: Record<string, OptionSource> = {};
  const modules: Record<string, ModulePlan> = {};
  const properties: INodeProperties[] = [
    {
      displayName: 'Resource',
      name: 'resource',
      type: 'options',
      noDataExpression: true,
      options: groups.map((group) => ({ name: group.name, value: group.value })),
      default: groups[0]?.value ?? '',
    },
  ];
  for (const group of groups) {
    properties.push({
      displayName: 'Operation',
      name: 'operation',
      type: 'options',
      noDataExpression: true,
      displayOptions: { show: { resource: [group.value] } },
      options: group.modules.map((module) => ({ name: module.label, value: module.id, description: module.description, action: module.label })),
      default: group.modules[0]!.id,
    });
  }
  const fields: INodeProperties[] = [];
  for (const group of groups) {
    for (const module of group.modules) {
      const { properties: moduleFields, plan } = moduleProperties(module, group.value, optionSources);
      fields.push(...moduleFields);
      modules[module.id] = plan;
    }
  }
  properties.push(...fields);
  const manifest = connector.manifest;
  const description: INodeTypeDescription = {
    displayName: manifest.name,
    name: NODE_NAME,
    icon: `file:${ICON_FILE}`,
    group: ['output'],
    version: NODE_VERSION,
    subtitle: '={{ $parameter["operation"] }}',
    description: manifest.description ?? manifest.name,
    documentationUrl: manifest.docs,
    defaults: { name: manifest.name },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: CREDENTIAL_NAME, required: true, testedBy: CREDENTIAL_TEST }],
    properties,
  };
  return { description, plan: { modules, optionSources } };
}
