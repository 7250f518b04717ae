/** Make's published schemas, read in place from ../shared/reference/make-apps-sdk/ (never copied into the repo). */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { DEFAULT_SCHEMAS_DIR } from '../../../connector/make/locations.js';
import { loadMakeSchemas, type MakeSchemaSet } from '../../../connector/make/validate/make-schemas.js';

export const MAKE_SCHEMAS_DIR = DEFAULT_SCHEMAS_DIR;

let schemas: MakeSchemaSet | undefined;

/** Fails loudly when the reference schemas are not beside the checkout: these tests judge files by Make's own rules. */
export function makeSchemas(): MakeSchemaSet {
  assert.ok(
    existsSync(`${MAKE_SCHEMAS_DIR}/imljson/api.json`),
    `Make's schemas are missing: expected ${MAKE_SCHEMAS_DIR}/imljson/*.json (../shared/reference/make-apps-sdk beside the checkout)`,
  );
  schemas ??= loadMakeSchemas(MAKE_SCHEMAS_DIR);
  return schemas;
}
