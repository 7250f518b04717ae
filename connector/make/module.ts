/**
 * One Make module (modules/<name>/…) from one entry of `connector.modules`: its type by Make's conventions (search
 * for a module that pages through a list, universal for the free-form "Make an API call", action otherwise), its
 * mappable parameters, communication, interface and sample, and what Make cannot say about it.
 */
import type { ModuleInfo } from '../connector.js';
import type { ErrorOverrides } from '../errors/map.js';
import { NEXT_PAGE, requestFor } from './communication.js';
import { CONNECTION_NAME } from './connection.js';
import { errorTemp } from './errors.js';
import { expectFor } from './expect.js';
import { MAKE_RECORD_LIMIT, planFields, type FieldPlan, type PlanContext } from './fields.js';
import { interfaceOf } from './interface.js';
import { moduleName } from './names.js';
import { MAX_PATH_LENGTH, RELATIVE_PATH_PATTERN } from './safe-patterns.js';
import { conditionalKeywords, fieldsOfCondition, flatten, type JsonSchema } from './schema-view.js';
import type { MakeParameter, Simplification } from './types.js';

export type MakeModuleType = 'action' | 'search' | 'universal';

export interface ModuleComponent {
  /** The connector's module id. */
  id: string;
  name: string;
  type: MakeModuleType;
  metadata: Record<string, unknown>;
  api: Record<string, unknown>;
  expect: MakeParameter[];
  interface: MakeParameter[];
  samples: unknown;
  plans: FieldPlan[];
}

function moduleType(module: ModuleInfo, plans: FieldPlan[]): MakeModuleType {
  if (plans.some((plan) => plan.location === 'url')) return 'universal';
  return module.kind === 'search' && module.definition.pagination ? 'search' : 'action';
}

function emptyOutput(template: unknown): unknown {
  if (typeof template === 'string') {
    const whole = /^\{([A-Za-z][A-Za-z0-9]*)\}$/.exec(template);
    return whole ? `{{ifempty(parameters.${whole[1]}; null)}}` : template;
  }
  if (Array.isArray(template)) return template.map(emptyOutput);
  if (template !== null && typeof template === 'object') return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, emptyOutput(v)]));
  return template;
}

function collectNotes(module: ModuleInfo, plans: FieldPlan[], prefix = ''): Simplification[] {
  return plans.flatMap((plan) => [
    ...plan.notes.map((what) => ({ module: module.id, field: `${prefix}/${plan.property}`, what })),
    ...collectNotes(module, plan.children ?? [], `${prefix}/${plan.property}`),
  ]);
}

function conditionalNotes(module: ModuleInfo): Simplification[] {
  const schema = module.inputSchema as JsonSchema;
  return conditionalKeywords(schema).map((keyword) => {
    const fields = keyword === 'if' ? fieldsOfCondition(schema) : [];
    return {
      module: module.id,
      what:
        keyword === 'if'
          ? `the rule that changes what other fields must hold by ${fields.join(', ') || 'another field'} (if/then/else) is not checked by Make: Twilio checks what is sent`
          : `the input rule "${keyword}" that ties fields together is not checked by Make: Twilio checks what is sent`,
    };
  });
}

/** The output Make maps: a search module's items one by one (Make's convention), otherwise the output schema. */
function outputSchemaFor(module: ModuleInfo, type: MakeModuleType): JsonSchema {
  const output = flatten(module.outputSchema as JsonSchema);
  const itemsKey = module.definition.pagination?.itemsKey;
  if (type === 'search' && itemsKey) {
    const list = flatten(((output['properties'] as Record<string, JsonSchema> | undefined) ?? {})[itemsKey] ?? {});
    return flatten((list['items'] as JsonSchema | undefined) ?? {});
  }
  return output;
}

export function buildModule(module: ModuleInfo, context: PlanContext, sample: unknown): { component: ModuleComponent; notes: Simplification[] } {
  const definition = module.definition;
  const plans = planFields(module.inputSchema as JsonSchema, definition.request!.method, context);
  const type = moduleType(module, plans);
  const notes: Simplification[] = [...collectNotes(module, plans), ...conditionalNotes(module)];

  for (const plan of plans) {
    if (plan.location === 'url') plan.parameter.validate = { ...plan.parameter.validate, pattern: RELATIVE_PATH_PATTERN, max: MAX_PATH_LENGTH };
  }
  const api: Record<string, unknown> = { ...requestFor(definition, plans) };
  const response: Record<string, unknown> = {};
  const pagination = definition.pagination;
  if (type === 'search' && pagination) {
    const limitPlan = plans.find((plan) => plan.property === pagination.limitInput);
    if (limitPlan) {
      const max = limitPlan.parameter.validate?.max;
      if (max === undefined || max > MAKE_RECORD_LIMIT) {
        limitPlan.parameter.validate = { ...limitPlan.parameter.validate, max: MAKE_RECORD_LIMIT };
        notes.push({ module: module.id, field: `/${limitPlan.property}`, what: `at most ${MAKE_RECORD_LIMIT} items: Make's limit for one module run` });
      }
    }
    response['iterate'] = `{{body.${pagination.itemsKey}}}`;
    response['output'] = '{{item}}';
    response['limit'] = limitPlan ? `{{ifempty(parameters.${limitPlan.property}; ${pagination.defaultLimit ?? MAKE_RECORD_LIMIT})}}` : pagination.defaultLimit ?? MAKE_RECORD_LIMIT;
    api['pagination'] = NEXT_PAGE;
  } else if (definition.response?.raw) {
    response['output'] = { statusCode: '{{statusCode}}', headers: '{{headers}}', body: '{{body}}' };
  } else if (definition.response?.empty) {
    response['output'] = emptyOutput(definition.response.empty);
  }
  const overrides = definition.errors as ErrorOverrides | undefined;
  // A module that gives a Twilio code its own meaning carries the whole remedy table, so it does not depend on how
  // Make merges `temp` with base's.
  if (overrides && Object.keys(overrides).length > 0) response['temp'] = { remedies: errorTemp(overrides)['remedies'] };
  if (Object.keys(response).length > 0) api['response'] = response;

  const expect = expectFor(plans);
  notes.push(...expect.notes.map((note) => ({ module: module.id, field: `/${note.property}`, what: note.what })));
  const name = moduleName(module.id);
  return {
    component: {
      id: module.id,
      name,
      type,
      metadata: { name, label: module.label, description: module.description, type, connection: CONNECTION_NAME },
      api,
      expect: expect.parameters,
      interface: interfaceOf(outputSchemaFor(module, type)),
      samples: sample ?? {},
      plans,
    },
    notes,
  };
}
