/**
 * A self-contained copy of a schema: every `$ref` replaced by what it points to, so a host (an n8n node, a Make
 * export, a browser page) can read a module's fields without seeing this package's files. The copy is deep-frozen:
 * a host that edits what it was given cannot change how any connector validates.
 */

/** Looks up a schema (or a `#/…` fragment of one) by absolute URI. */
export type SchemaLookup = (uri: string) => unknown;

type JsonObject = Record<string, unknown>;

/** Keywords that only describe a field: the `$ref`'s neighbours win (the title and help of this use of a definition). */
const ANNOTATIONS = new Set(['title', 'description', 'default', 'examples', '$comment']);

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One object from a `$ref`'s target and its neighbours, or an `allOf` of both when a validation keyword disagrees. */
function merge(target: JsonObject, siblings: JsonObject): JsonObject {
  const merged: JsonObject = { ...target };
  const clashes: JsonObject = {};
  for (const [key, value] of Object.entries(siblings)) {
    if (!(key in merged) || ANNOTATIONS.has(key) || key.startsWith('x-')) merged[key] = value;
    else if (key === 'errorMessage' && isObject(merged[key]) && isObject(value)) merged[key] = { ...(merged[key] as JsonObject), ...value };
    else if (!sameJson(merged[key], value)) clashes[key] = value;
  }
  return Object.keys(clashes).length === 0 ? merged : { ...merged, allOf: [...((merged['allOf'] as unknown[]) ?? []), clashes] };
}

/** Freezes an object and everything inside it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

/**
 * Inlines every `$ref` of the schema registered under `id`, resolving each against the `$id` of the file it sits in.
 * A reference that leads back into itself cannot be inlined and throws (no module schema of this package has one).
 */
export function bundleSchema(id: string, lookup: SchemaLookup): JsonObject {
  const root = lookup(id);
  if (!isObject(root)) throw new Error(`Unknown schema ${id}`);

  const inline = (node: unknown, base: string, trail: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => inline(item, base, trail));
    if (!isObject(node)) return node;
    const ownBase = typeof node['$id'] === 'string' ? new URL(node['$id'], base).href : base;
    const copy: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' || key === '$schema' || (key === '$id' && trail.length > 0)) continue;
      // Properties, definitions and the like hold schemas keyed by name: walk them, never read them as keywords.
      copy[key] = inline(value, ownBase, trail);
    }
    const ref = node['$ref'];
    if (typeof ref !== 'string') return copy;
    const uri = new URL(ref, ownBase).href;
    if (trail.includes(uri)) throw new Error(`Schema ${id} refers to itself through ${uri}; it cannot be made self-contained.`);
    const target = lookup(uri);
    if (!isObject(target)) throw new Error(`Schema ${id} refers to ${uri}, which is not a known schema.`);
    const targetBase = uri.split('#')[0]!;
    return merge(inline(target, targetBase, [...trail, uri]) as JsonObject, copy);
  };

  return deepFreeze(inline(root, id.split('#')[0]!, []) as JsonObject);
}
