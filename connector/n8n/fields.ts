/**
 * One input property's JSON Schema → one n8n parameter, and the plan that turns the parameter's value back into
 * the input. The rules, for every module alike:
 *
 *   string                     string (`x-secret` → password)          enum → options (named by `x-enum-labels`)
 *   integer / number           number (min/max, whole numbers for integers)
 *   boolean                    boolean
 *   object with properties     collection of its properties (nested objects nest)
 *   object of name → value     fixedCollection of name/value pairs (a key/value map: tags, headers, rate limits)
 *   array of strings/numbers   the item's parameter with multiple values (of an enum → multiOptions)
 *   array of objects           fixedCollection with multiple values, one entry per object
 *   `x-options-from`           options loaded by the node's loadOptions method (the source module's list)
 *   anything else              json (parsed when the node runs)
 *
 * `x-show-when` becomes displayOptions.show; `x-deprecated` is said in the help text. What a value must look like
 * is left to the runtime's validation, which names the field by JSON pointer.
 */
import type { IDisplayOptions, INodeProperties, INodePropertyOptions, NodeParameterValueType } from 'n8n-workflow';
import { sentenceCase } from './words.js';

export type Schema = Readonly<Record<string, unknown>>;

/** How a parameter's value becomes the module input's value. */
export type Shape =
  | { kind: 'value' }
  | { kind: 'json' }
  | { kind: 'pairs' }
  | { kind: 'collection'; fields: FieldPlan[] }
  | { kind: 'objects'; fields: FieldPlan[] };

/** One input property: the parameter has the property's name. */
export interface FieldPlan {
  key: string;
  shape: Shape;
}

/** A field whose choices come from a search module (`x-options-from`), served by one loadOptions method. */
export interface OptionSource {
  method: string;
  module: string;
  value: string;
  label: string;
  /** The source module's input name → the path of this node's parameter that fills it. */
  input: Record<string, string>;
}

/** Where a property is rendered: its container's path from the node's root ('' for the top level). */
export interface Placement {
  /** The root path of the container, e.g. '' or 'additionalFields' or 'additionalFields.push'. */
  container: string;
  /** Root path of a sibling property (the same object level), for x-show-when and x-options-from. */
  siblingPath(name: string): string;
  /** Registers an x-options-from source and names the loadOptions method that serves it (shared by identical sources). */
  addOptionSource(source: Omit<OptionSource, 'method'>): string;
}

export const PAIRS_NAME = 'pairs';
export const OBJECTS_NAME = 'items';

const isObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The one type a property is entered as: the first non-null of `type`, or what `enum` holds. */
export function typeOf(schema: Schema): string | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t) => t !== 'null') as string | undefined;
  if (Array.isArray(schema['enum'])) {
    const kinds = new Set((schema['enum'] as unknown[]).map((v) => typeof v));
    if (kinds.size === 1 && kinds.has('string')) return 'string';
  }
  return undefined;
}

const PRIMITIVE = new Set(['string', 'integer', 'number', 'boolean']);

function help(schema: Schema): string | undefined {
  const said = typeof schema['description'] === 'string' && /deprecated/i.test(schema['description']);
  const parts = [schema['description'], schema['x-deprecated'] && !said ? `Deprecated: ${String(schema['x-deprecated'])}` : undefined].filter(
    (part): part is string => typeof part === 'string' && part.length > 0,
  );
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function label(name: string, schema: Schema): string {
  return typeof schema['title'] === 'string' ? schema['title'] : sentenceCase(name);
}

/** An enum's options: `x-enum-labels` names them; a value without a label shows as itself. */
function enumOptions(values: readonly unknown[], labels: unknown): INodePropertyOptions[] {
  const named = isObject(labels) ? labels : {};
  return values.map((value) => {
    const label = named[String(value)];
    return { name: typeof label === 'string' ? label : value === '' ? '(none: clears the setting)' : String(value), value: value as string | number | boolean };
  });
}

function displayFor(schema: Schema, placement: Placement): IDisplayOptions | undefined {
  const when = schema['x-show-when'];
  if (!isObject(when)) return undefined;
  const show: NonNullable<IDisplayOptions['show']> = {};
  for (const [sibling, values] of Object.entries(when)) {
    const path = placement.siblingPath(sibling);
    const inSameContainer = placement.container === '' ? !path.includes('.') : path.startsWith(`${placement.container}.`) && !path.slice(placement.container.length + 1).includes('.');
    const key = inSameContainer ? path.slice(placement.container === '' ? 0 : placement.container.length + 1) : `/${path}`;
    show[key] = values as Array<string | number | boolean>;
  }
  return { show };
}

/** The default an n8n parameter starts with (n8n needs one for every parameter). */
function defaultOf(schema: Schema, type: string | undefined): NodeParameterValueType {
  const given = schema['default'];
  if (given !== undefined && (typeof given !== 'object' || given === null)) return given as NodeParameterValueType;
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) return schema['enum'][0] as string;
  switch (type) {
    case 'integer':
    case 'number':
      return typeof schema['minimum'] === 'number' ? schema['minimum'] : 0;
    case 'boolean':
      return false;
    default:
      return '';
  }
}

/** The child placement of an object property rendered as a collection. */
function nested(placement: Placement, name: string, properties: Schema): Placement {
  const container = placement.container === '' ? name : `${placement.container}.${name}`;
  return {
    container,
    siblingPath: (sibling) => (Object.prototype.hasOwnProperty.call(properties, sibling) ? `${container}.${sibling}` : placement.siblingPath(sibling)),
    addOptionSource: (source) => placement.addOptionSource(source),
  };
}

function objectChildren(schema: Schema, placement: Placement, inList = false): { options: INodeProperties[]; fields: FieldPlan[] } {
  const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
  const options: INodeProperties[] = [];
  const fields: FieldPlan[] = [];
  for (const [child, childSchema] of Object.entries(properties)) {
    const rendered = renderField(child, childSchema, placement, { required: inList && ((schema['required'] as string[] | undefined) ?? []).includes(child) });
    options.push(rendered.property);
    fields.push(rendered.plan);
  }
  return { options, fields };
}

export interface RenderOptions {
  required?: boolean;
}

/** Renders one property where `placement` says it sits. */
export function renderField(name: string, schema: Schema, placement: Placement, options: RenderOptions = {}): { property: INodeProperties; plan: FieldPlan } {
  const type = typeOf(schema);
  const base = {
    displayName: label(name, schema),
    name,
    ...(help(schema) ? { description: help(schema) } : {}),
    ...(options.required ? { required: true } : {}),
    ...(displayFor(schema, placement) ? { displayOptions: displayFor(schema, placement) } : {}),
  };
  const source = schema['x-options-from'];
  if (isObject(source) && (type === 'string' || type === undefined)) {
    const input: Record<string, string> = {};
    for (const [sourceInput, sibling] of Object.entries((source['input'] ?? {}) as Record<string, string>)) input[sourceInput] = placement.siblingPath(sibling);
    const method = placement.addOptionSource({ module: String(source['module']), value: String(source['value']), label: String(source['label']), input });
    return {
      property: {
        ...base,
        description: [base.description, 'Choose from the list, or specify an ID using an expression.'].filter(Boolean).join(' '),
        type: 'options',
        typeOptions: { loadOptionsMethod: method, ...(Object.keys(input).length > 0 ? { loadOptionsDependsOn: Object.values(input) } : {}) },
        default: '',
      },
      plan: { key: name, shape: { kind: 'value' } },
    };
  }
  if (Array.isArray(schema['enum']) && (type === 'string' || type === 'integer' || type === 'number')) {
    return {
      property: { ...base, type: 'options', options: enumOptions(schema['enum'] as unknown[], schema['x-enum-labels']), default: defaultOf(schema, type) },
      plan: { key: name, shape: { kind: 'value' } },
    };
  }
  switch (type) {
    case 'string':
      return {
        property: { ...base, type: 'string', default: defaultOf(schema, type), ...(schema['x-secret'] === true ? { typeOptions: { password: true } } : {}) },
        plan: { key: name, shape: { kind: 'value' } },
      };
    case 'integer':
    case 'number': {
      const typeOptions: Record<string, number> = {};
      if (typeof schema['minimum'] === 'number') typeOptions['minValue'] = schema['minimum'];
      if (typeof schema['maximum'] === 'number') typeOptions['maxValue'] = schema['maximum'];
      if (type === 'integer') typeOptions['numberPrecision'] = 0;
      return { property: { ...base, type: 'number', typeOptions, default: defaultOf(schema, type) }, plan: { key: name, shape: { kind: 'value' } } };
    }
    case 'boolean':
      return { property: { ...base, type: 'boolean', default: defaultOf(schema, type) }, plan: { key: name, shape: { kind: 'value' } } };
    case 'object': {
      const properties = schema['properties'];
      if (isObject(properties) && Object.keys(properties).length > 0) {
        const { options: children, fields } = objectChildren(schema, nested(placement, name, properties));
        return {
          property: { ...base, type: 'collection', placeholder: `Add ${base.displayName} Field`, default: {}, options: children },
          plan: { key: name, shape: { kind: 'collection', fields } },
        };
      }
      const values = schema['additionalProperties'];
      if (values === true || (isObject(values) && (typeOf(values) === undefined || PRIMITIVE.has(typeOf(values)!) || Array.isArray(values['type'])))) {
        return {
          property: {
            ...base,
            type: 'fixedCollection',
            placeholder: 'Add Entry',
            typeOptions: { multipleValues: true },
            default: {},
            options: [
              {
                name: PAIRS_NAME,
                displayName: 'Entry',
                values: [
                  { displayName: 'Name', name: 'name', type: 'string', default: '' },
                  { displayName: 'Value', name: 'value', type: 'string', default: '' },
                ],
              },
            ],
          },
          plan: { key: name, shape: { kind: 'pairs' } },
        };
      }
      break;
    }
    case 'array': {
      const items = schema['items'];
      if (!isObject(items)) break;
      const itemType = typeOf(items);
      if (Array.isArray(items['enum'])) {
        return {
          property: { ...base, type: 'multiOptions', options: enumOptions(items['enum'] as unknown[], items['x-enum-labels'] ?? schema['x-enum-labels']), default: [] },
          plan: { key: name, shape: { kind: 'value' } },
        };
      }
      if (itemType !== undefined && PRIMITIVE.has(itemType) && itemType !== 'boolean') {
        const item = renderField(name, { ...items, title: base.displayName, description: base.description }, placement, options);
        return {
          property: { ...item.property, typeOptions: { ...item.property.typeOptions, multipleValues: true }, default: [] },
          plan: { key: name, shape: { kind: 'value' } },
        };
      }
      const properties = items['properties'];
      if (itemType === 'object' && isObject(properties) && Object.keys(properties).length > 0) {
        const { options: children, fields } = objectChildren(items, nested(placement, name, properties), true);
        return {
          property: {
            ...base,
            type: 'fixedCollection',
            placeholder: `Add ${base.displayName}`,
            typeOptions: { multipleValues: true, sortable: true },
            default: {},
            options: [{ name: OBJECTS_NAME, displayName: base.displayName, values: children }],
          },
          plan: { key: name, shape: { kind: 'objects', fields } },
        };
      }
      break;
    }
  }
  return {
    property: { ...base, type: 'json', default: '', description: [base.description, 'Enter JSON.'].filter(Boolean).join(' ') },
    plan: { key: name, shape: { kind: 'json' } },
  };
}
