import type { WireLocation, WireSpec } from '../schema/keywords.js';

/** One input property's route to Twilio, read once from the input schema's `x-wire` annotations. */
export interface FieldPlan {
  property: string;
  location: WireLocation;
  /** Twilio's name (for path placeholders: the property name). */
  name: string;
  encode?: 'json';
  spread?: boolean;
  /** For an object sent as dotted names: its properties' plans, their names already prefixed. */
  children?: FieldPlan[];
}

interface SchemaLike {
  properties?: Record<string, SchemaLike & { 'x-wire'?: WireSpec }>;
}

export class WirePlanError extends Error {}

/** Where a bare wire name goes: the query for GET and DELETE, the form body otherwise; undefined when the input chooses the method. */
export function defaultLocation(method: string | undefined): WireLocation | undefined {
  if (method === undefined) return undefined;
  return method === 'GET' || method === 'DELETE' ? 'query' : 'form';
}

/**
 * Reads `x-wire` from every property of an input schema. `defaultLocation` is where a bare wire name goes:
 * the query string for GET and DELETE, the form body otherwise.
 */
export function planFor(schema: object, defaultLocation: WireLocation | undefined, prefix = ''): FieldPlan[] {
  const plans: FieldPlan[] = [];
  for (const [property, child] of Object.entries((schema as SchemaLike).properties ?? {})) {
    const wire = child['x-wire'];
    if (wire === undefined) throw new WirePlanError(`property "${property}" has no x-wire mapping`);
    const spec = typeof wire === 'string' ? { name: wire } : wire;
    const location = spec.in ?? defaultLocation;
    if (location === undefined) throw new WirePlanError(`property "${property}" needs x-wire "in": the module's method comes from the input`);
    const plan: FieldPlan = { property, location, name: location === 'path' ? property : `${prefix}${spec.name ?? ''}` };
    if (spec.encode) plan.encode = spec.encode;
    if (spec.spread) plan.spread = true;
    if (spec.prefix !== undefined) plan.children = planFor(child, location, `${prefix}${spec.prefix}`);
    else if (location !== 'path' && location !== 'none' && !spec.spread && spec.name === undefined && (location === 'query' || location === 'form')) {
      throw new WirePlanError(`property "${property}" needs a wire name`);
    }
    plans.push(plan);
  }
  return plans;
}
