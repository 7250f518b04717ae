/**
 * Make's published JSON Schemas for app files (integromat/vscode-apps-sdk, syntaxes/imljson/schemas), loaded into
 * an AJV of their own: they need options this package's strict AJV must not take (strict off for their patterns,
 * no `u` flag for response.json's `\-`), plus ajv-errors, ajv-formats and their `doNotSuggest` annotation. Every
 * file is added under its own name so the schemas' relative `$ref`s ("sources.json#/…") resolve.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv, ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

function plugin(mod: unknown): (ajv: Ajv) => Ajv {
  return ((mod as { default?: unknown }).default ?? mod) as (ajv: Ajv) => Ajv;
}

/** Which schema judges which file of an app archive (the extension's `contributes.jsonValidation`). */
export type MakeFileKind = 'base' | 'api' | 'parameters' | 'samples' | 'scope' | 'scopes' | 'common' | 'groups';
const SCHEMA_FILES: Record<MakeFileKind, string> = {
  base: 'base.json',
  api: 'api.json',
  parameters: 'parameters.json',
  samples: 'samples.json',
  scope: 'scope.json',
  scopes: 'scopes.json',
  common: 'common.json',
  groups: 'groups.json',
};

export class MakeSchemasMissing extends Error {}

/** The folder holding api.json, base.json, …: `dir` itself, or its imljson/ (the layout of shared/reference/make-apps-sdk). */
export function imljsonDir(dir: string): string {
  for (const candidate of [join(dir, 'imljson'), dir]) if (existsSync(join(candidate, 'api.json')) && existsSync(join(candidate, 'parameters.json'))) return candidate;
  throw new MakeSchemasMissing(
    `Make's app schemas are not in ${dir}: give --schemas the folder syntaxes/imljson/schemas of integromat/vscode-apps-sdk (it holds api.json, base.json, parameters.json, …).`,
  );
}

export interface MakeSchemaSet {
  /** The validator of a kind of file; `definition` picks one of its definitions (e.g. `request`) for focused errors. */
  validator(kind: MakeFileKind, definition?: string): ValidateFunction;
}

export function loadMakeSchemas(dir: string): MakeSchemaSet {
  const folder = imljsonDir(dir);
  const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
  const ajv = new AjvClass({ strict: false, unicodeRegExp: false, allErrors: true, allowUnionTypes: true });
  plugin(require('ajv-formats'))(ajv);
  plugin(require('ajv-errors'))(ajv);
  ajv.addKeyword({ keyword: 'doNotSuggest' });
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
    ajv.addSchema(JSON.parse(readFileSync(join(folder, file), 'utf8')) as object, file);
  }
  const compiled = new Map<string, ValidateFunction>();
  return {
    validator(kind, definition) {
      const ref = definition ? `${SCHEMA_FILES[kind]}#/definitions/${definition}` : SCHEMA_FILES[kind];
      let validate = compiled.get(ref);
      if (!validate) {
        validate = ajv.getSchema(ref);
        if (!validate) throw new MakeSchemasMissing(`${ref} is missing from ${folder}.`);
        compiled.set(ref, validate);
      }
      return validate;
    },
  };
}
