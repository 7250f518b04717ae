/**
 * The editor's output preview: before a node has run, n8n shows the fields its items will have, read from
 * `__schema__/v<version>/<resource>/<operation>.json` beside the node file. Ours come from each module's output
 * schema — for a search module the schema of one list entry, since the node emits one item per entry — reduced to
 * the plain JSON Schema the editor reads (types, properties, items, descriptions; no project keywords).
 */
import type { ModulePlan } from './description.js';
import type { Schema } from './fields.js';

const KEPT = new Set(['type', 'title', 'description', 'properties', 'items', 'required', 'enum', 'format', 'additionalProperties']);

/** A copy with only the keywords the preview uses; `["string", "null"]` becomes `"string"` (every field may be null). */
export function previewSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(previewSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const source = schema as Schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (!KEPT.has(key)) continue;
    if (key === 'type' && Array.isArray(value)) {
      const types = value.filter((t) => t !== 'null');
      out[key] = types.length === 1 ? types[0] : types;
    } else if (key === 'properties' && typeof value === 'object' && value !== null) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, previewSchema(child)]));
    } else if (key === 'enum' || key === 'required') {
      out[key] = value;
    } else if (key === 'additionalProperties') {
      if (typeof value === 'object' && value !== null) out[key] = previewSchema(value);
    } else {
      out[key] = previewSchema(value);
    }
  }
  if (out['type'] === undefined && out['properties'] !== undefined) out['type'] = 'object';
  return out;
}

/** The preview of one n8n output item of a module. */
export function outputPreview(outputSchema: Schema, plan: ModulePlan): unknown {
  if (plan.itemsKey !== undefined) {
    const list = ((outputSchema['properties'] ?? {}) as Record<string, Schema>)[plan.itemsKey];
    if (list && typeof list['items'] === 'object') return previewSchema(list['items']);
  }
  return previewSchema(outputSchema);
}

/** Where n8n looks for it, relative to the node file's folder (the editor asks for version 1 as 1.0.0). */
export function previewPath(version: number, plan: ModulePlan): string {
  const [major, minor = 0, patch = 0] = String(version).split('.').map(Number);
  return `__schema__/v${major}.${minor}.${patch}/${plan.resource}/${plan.id}.json`;
}
