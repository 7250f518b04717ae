import type { ValidateFunction } from 'ajv';
import type { ErrorOverrides } from '../errors/map.js';
import type { SchemaRegistry } from '../schema/ajv.js';
import type { HttpMethod } from '../transport/wire.js';
import type { ModuleDefinition } from '../../types/generated/module.js';
import type { RequestTemplate } from './request-builder.js';
import { defaultLocation, planFor, type FieldPlan } from './wire-plan.js';

type Compose = NonNullable<ModuleDefinition['compose']>;

/** What every plan holds: the definition, and its input and output validators (each compiled on its first call). */
interface PlanBase {
  readonly id: string;
  readonly definition: ModuleDefinition;
  readonly inputSchemaId: string;
  readonly outputSchemaId: string;
  readonly validateInput: ValidateFunction;
  readonly validateOutput: ValidateFunction;
  /** The validator of one input property, for literal values a composition or a scenario gives this module; undefined when there is none. */
  readonly inputPropertyValidator: (property: string) => ValidateFunction | undefined;
}

/** A module that sends one request: everything the pipeline needs, derived once from its file and input schema. */
export interface RequestPlan extends PlanBase {
  readonly kind: 'request';
  readonly template: RequestTemplate;
  /** Each input property's route to Twilio (from `x-wire`). */
  readonly fields: readonly FieldPlan[];
  /** Whether a request with this method may be sent again after a failure Twilio may have acted on. */
  readonly idempotent: (method: HttpMethod) => boolean;
  readonly errors: ErrorOverrides | undefined;
  readonly pagination: ModuleDefinition['pagination'];
  readonly response: ModuleDefinition['response'];
}

/** A module that runs other modules of the connector, as data. */
export interface ComposePlan extends PlanBase {
  readonly kind: 'compose';
  readonly compose: Compose;
}

export type ModulePlan = RequestPlan | ComposePlan;

/** Thrown at load for a module whose file and schemas disagree; `verify-connector validate` names the place. */
export class ModulePlanError extends Error {}

/**
 * A validator that is compiled (or, from the build, required) on its first call, so loading stays cheap, and reused
 * after. It reports `errors` like the AJV function it stands for.
 */
function compiledOnFirstCall(load: () => ValidateFunction): ValidateFunction {
  let compiled: ValidateFunction | undefined;
  const validate = ((data: unknown) => {
    compiled ??= load();
    const valid = compiled(data) as boolean;
    validate.errors = compiled.errors;
    return valid;
  }) as ValidateFunction;
  return validate;
}

const IDEMPOTENT_METHODS: ReadonlySet<HttpMethod> = new Set(['GET', 'PUT', 'DELETE']);

function idempotency(declared: ModuleDefinition['idempotent']): (method: HttpMethod) => boolean {
  if (declared === 'by-method') return (method) => IDEMPOTENT_METHODS.has(method);
  return declared === true ? () => true : () => false;
}

/** Loading a module: its file becomes a plan. Validators are made on first use; everything else here, once. */
export function compileModule(definition: ModuleDefinition, registry: SchemaRegistry): ModulePlan {
  const inputSchemaId = registry.idForFile(definition.input);
  const outputSchemaId = registry.idForFile(definition.output);
  const base: PlanBase = {
    id: definition.id,
    definition,
    inputSchemaId,
    outputSchemaId,
    validateInput: compiledOnFirstCall(() => registry.validator(inputSchemaId)),
    validateOutput: compiledOnFirstCall(() => registry.validator(outputSchemaId)),
    inputPropertyValidator: (property) => {
      try {
        return registry.validator(`${inputSchemaId}#/properties/${property}`);
      } catch {
        return undefined;
      }
    },
  };
  if (definition.compose) return Object.freeze({ ...base, kind: 'compose', compose: definition.compose });
  const request = definition.request;
  if (!request) throw new ModulePlanError(`Module ${definition.id} has neither request nor compose; run \`verify-connector validate\`.`);
  const method = request.method as HttpMethod | undefined;
  let fields: FieldPlan[];
  try {
    fields = planFor(registry.schema(inputSchemaId), defaultLocation(method));
  } catch (error) {
    throw new ModulePlanError(`Module ${definition.id}, ${definition.input}: ${(error as Error).message}; run \`verify-connector validate\`.`);
  }
  return Object.freeze({
    ...base,
    kind: 'request',
    template: Object.freeze({
      ...(method ? { method } : {}),
      host: request.host ?? 'verify',
      path: request.path,
      ...(request.fixed ? { fixed: Object.freeze(Object.entries(request.fixed).map(([name, value]): readonly [string, string] => [name, String(value)])) } : {}),
    }),
    fields: Object.freeze(fields),
    idempotent: idempotency(definition.idempotent),
    errors: definition.errors as ErrorOverrides | undefined,
    pagination: definition.pagination,
    response: definition.response,
  });
}
