import type { Template } from './config.js';
import { FALLBACK_USAGE_TYPES } from './usage-types.js';

export interface ChosenTemplate {
  template: Template;
  /** The usage type asked for, or the fallback (Generic, then Test) that answered it. */
  usedType: string;
  fallback: boolean;
}

/** The exact usage type first, then Generic, then the legacy Test; the first template of a type wins. */
export function chooseTemplate(templates: readonly Template[], type: string): ChosenTemplate | undefined {
  for (const candidate of [type, ...FALLBACK_USAGE_TYPES]) {
    const template = templates.find((t) => t.usageType === candidate);
    if (template) return { template, usedType: candidate, fallback: candidate !== type };
  }
  return undefined;
}

/** The usage types a config has templates for, in the config's order, each once. */
export function templateTypes(templates: readonly Template[]): string[] {
  return [...new Set(templates.map((t) => t.usageType))];
}

/** `{{code}}`, `{{ code }}`, `{{application.name}}`: a name or a dotted path, nothing else. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)*)\s*\}\}/g;
const CODE_PLACEHOLDER = /\{\{\s*code\s*\}\}/;
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

export function needsCode(content: string): boolean {
  return CODE_PLACEHOLDER.test(content);
}

/** A payload value by exact key, else by walking own properties of plain objects; only text and numbers count. */
function lookup(payload: Record<string, unknown>, path: string): string | undefined {
  const segments = path.split('.');
  if (segments.some((s) => FORBIDDEN_SEGMENTS.has(s))) return undefined;
  let value: unknown = Object.hasOwn(payload, path) ? payload[path] : undefined;
  if (value === undefined) {
    value = payload;
    for (const segment of segments) {
      if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined;
      value = (value as Record<string, unknown>)[segment];
    }
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * Fills placeholders from the payload in one pass. A placeholder with no text value stays as written; values are
 * inserted literally (never re-scanned, never interpreted), so nothing in a template or a payload runs as code.
 */
export function fillTemplate(content: string, payload: Record<string, unknown>): string {
  return content.replace(PLACEHOLDER, (whole, path: string) => lookup(payload, path) ?? whole);
}
