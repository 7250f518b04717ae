/**
 * A module's request in Make's communication format (api.imljson), from its definition and field plans: the path
 * with its placeholders, the method, query and form fields under Twilio's names (dotted names for nested settings,
 * JSON text through createJSON, key/value lists through toCollection), and free headers, query and body for
 * "Make an API call". Values are read with `encodeUrl: false` and encodeURL() on path values, so the URL is exactly
 * the runtime's.
 */
import type { ModuleDefinition } from '../../types/generated/module.js';
import type { FieldPlan } from './fields.js';
import { hostUrl } from './hosts.js';
import { SPREAD_KEY } from './iml/parse.js';

/** How a field is read in IML: its path below `parameters`, or undefined when this request does not send it (RPCs). */
export type FieldRef = (property: string) => string | undefined;

export const ownParameters: FieldRef = (property) => `parameters.${property}`;

function keyValues(ref: string): string {
  return `toCollection(${ref}; 'key'; 'value')`;
}

/** The IML that sends one field's value, or the entries it adds to a query or form object. */
function valueOf(plan: FieldPlan, ref: string): string {
  if (plan.shape === 'jsonText') return `{{${ref}}}`;
  if (plan.encodeJson || plan.shape === 'keyValue') {
    const json = plan.shape === 'keyValue' ? keyValues(ref) : ref;
    // Empty → the parameter itself (undefined), so the name is not sent at all, as the runtime leaves it out.
    return `{{if(${ref}; createJSON(${json}); ${ref})}}`;
  }
  return `{{${ref}}}`;
}

function addEntries(target: Record<string, unknown>, plan: FieldPlan, ref: string): void {
  if (plan.shape === 'collection' && !plan.encodeJson) {
    for (const child of plan.children ?? []) addEntries(target, child, `${ref}.${child.property}`);
  } else if (plan.shape === 'keyValue' && !plan.encodeJson && plan.wireName === '') {
    target[SPREAD_KEY] = `{{${keyValues(ref)}}}`;
  } else {
    target[plan.wireName] = valueOf(plan, ref);
  }
}

export interface RequestParts {
  url: string;
  method: string;
  encodeUrl: false;
  qs?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  body?: unknown;
  type?: string;
}

/** The request of one module call (no response directives): what Make sends for the module's parameters. */
export function requestFor(definition: ModuleDefinition, plans: FieldPlan[], refOf: FieldRef = ownParameters): RequestParts {
  const request = definition.request!;
  let path = request.path;
  let method: string | undefined = request.method;
  const qs: Record<string, unknown> = {};
  const form: Record<string, unknown> = {};
  // Fixed parameters (request.fixed: create-totp-factor always sends FactorType=totp) come first, as the runtime sends them.
  const fixedTarget = method === 'GET' || method === 'DELETE' ? qs : form;
  for (const [name, value] of Object.entries(request.fixed ?? {})) fixedTarget[name] = String(value);
  let headers: Record<string, unknown> | undefined;
  let body: unknown;
  let type: string | undefined;
  for (const plan of plans) {
    const ref = refOf(plan.property);
    if (ref === undefined) continue;
    switch (plan.location) {
      case 'path':
        path = path.replaceAll(`{${plan.property}}`, `{{encodeURL(${ref})}}`);
        break;
      case 'url':
        path = path.replaceAll(`{${plan.property}}`, `{{${ref}}}`);
        break;
      case 'method':
        method = `{{${ref}}}`;
        break;
      case 'query':
        addEntries(qs, plan, ref);
        break;
      case 'form':
        addEntries(form, plan, ref);
        break;
      case 'headers':
        headers = { [SPREAD_KEY]: `{{${keyValues(ref)}}}` };
        break;
      case 'body':
        body = `{{${keyValues(ref)}}}`;
        break;
      case 'bodyType':
        type = `{{if(${ref} = 'json'; 'json'; 'urlencoded')}}`;
        break;
      case 'none':
        break;
    }
  }
  if (method === undefined) throw new Error(`module "${definition.id}" has no method: give request.method or a field with x-wire "in": "method"`);
  const host = request.host ?? 'verify';
  const parts: RequestParts = { url: host === 'verify' ? path : `${hostUrl(host, 'connection')}${path}`, method, encodeUrl: false };
  if (Object.keys(qs).length > 0) parts.qs = qs;
  if (headers) parts.headers = headers;
  const sendsForm = method === 'POST' || method === 'PUT' || method === 'PATCH';
  if (body !== undefined) {
    parts.body = body;
    parts.type = type ?? 'urlencoded';
  } else if (sendsForm || Object.keys(form).length > 0) {
    parts.body = form;
    parts.type = 'urlencoded';
  }
  return parts;
}

/** Pagination over Twilio's `meta.next_page_url` (an absolute URL that already holds the page size and token). */
export const NEXT_PAGE = {
  mergeWithParent: false,
  url: '{{body.meta.next_page_url}}',
  condition: '{{body.meta.next_page_url}}',
} as const;
