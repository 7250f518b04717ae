/**
 * The inverse of input.ts: a module input → the node parameters that produce it (what a workflow stores). The flow
 * export writes module steps with it, and the tests prove the round trip for every module's examples.
 * A leaf value may be an n8n expression string (`={{ … }}`); objects, maps and lists are spelled out.
 */
import type { INodeParameters, NodeParameterValueType } from 'n8n-workflow';
import { ADDITIONAL_FIELDS, type ModulePlan } from './description.js';
import { OBJECTS_NAME, PAIRS_NAME, type FieldPlan } from './fields.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value that cannot be put in the parameter its field has (a whole object given as one expression, say). */
export class ParameterShapeError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(message);
    this.name = 'ParameterShapeError';
  }
}

function toParameter(field: FieldPlan, value: unknown, pointer: string): NodeParameterValueType {
  switch (field.shape.kind) {
    case 'value':
      return value as NodeParameterValueType;
    case 'json':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'pairs':
      if (!isRecord(value)) throw new ParameterShapeError(pointer, 'is a map of names to values in the node: give it as an object, each value may be an expression');
      return { [PAIRS_NAME]: Object.entries(value).map(([name, entry]) => ({ name, value: entry as string })) } as NodeParameterValueType;
    case 'collection':
      if (!isRecord(value)) throw new ParameterShapeError(pointer, 'is a group of fields in the node: give it as an object, each field may be an expression');
      return fieldsToParameters(field.shape.fields, value, pointer) as NodeParameterValueType;
    case 'objects': {
      if (!Array.isArray(value)) throw new ParameterShapeError(pointer, 'is a list of entries in the node: give it as a list of objects');
      const fields = field.shape.fields;
      return { [OBJECTS_NAME]: value.map((entry, i) => (isRecord(entry) ? fieldsToParameters(fields, entry, `${pointer}/${i}`) : entry)) } as NodeParameterValueType;
    }
  }
}

function fieldsToParameters(fields: readonly FieldPlan[], input: Record<string, unknown>, pointer: string): INodeParameters {
  const parameters: INodeParameters = {};
  for (const field of fields) {
    if (!Object.prototype.hasOwnProperty.call(input, field.key) || input[field.key] === undefined) continue;
    parameters[field.key] = toParameter(field, input[field.key], `${pointer}/${field.key}`);
  }
  const known = new Set(fields.map((f) => f.key));
  const unknown = Object.keys(input).find((key) => !known.has(key));
  if (unknown !== undefined) throw new ParameterShapeError(`${pointer}/${unknown}`, 'is not a field of this operation');
  return parameters;
}

/** The parameters (resource, operation, fields, Additional Fields) of a node that sends `input` to the module. */
export function toParameters(plan: ModulePlan, input: Record<string, unknown>): INodeParameters {
  const top = new Set(plan.fields.map((f) => f.key));
  const topInput: Record<string, unknown> = {};
  const extraInput: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) (top.has(key) ? topInput : extraInput)[key] = value;
  const parameters: INodeParameters = { resource: plan.resource, operation: plan.id, ...fieldsToParameters(plan.fields, topInput, '') };
  const additional = fieldsToParameters(plan.additional, extraInput, '');
  if (Object.keys(additional).length > 0) parameters[ADDITIONAL_FIELDS] = additional;
  return parameters;
}
