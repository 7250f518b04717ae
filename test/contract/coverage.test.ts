/**
 * All of Verify: every operation of Twilio's official description (../shared/reference/twilio-oai, read in place) is
 * reachable, either through a module of its own or through a documented, tested make-api-call recipe
 * (docs/recipes.md, run by recipes.test.ts). A missing operation is named.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConnector } from '../../connector/index.js';
import { packageRoot } from '../../connector/paths.js';
import { readRecipes } from './recipes.js';

const SPEC_PATH = join(packageRoot, '..', 'shared', 'reference', 'twilio-oai', 'twilio_verify_v2.json');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

interface SpecOperation {
  id: string;
  method: string;
  path: string;
}

function specOperations(): SpecOperation[] {
  assert.ok(existsSync(SPEC_PATH), `the official spec must be at ${SPEC_PATH}; this test does not skip`);
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as { paths: Record<string, Record<string, { operationId: string }>> };
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ id: item[m]!.operationId, method: m.toUpperCase(), path })),
  );
}

/** `/v2/Services/{ServiceSid}/RateLimits/{Sid}` and `/v2/Services/VA…/RateLimits/RK…` alike: placeholders match one segment. */
function matches(specPath: string, path: string): boolean {
  const pattern = new RegExp(`^${specPath.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`);
  return pattern.test(path) || pattern.test(path.replace(/\{[^}]+\}/g, 'x'));
}

/** The operation a method and a path (with placeholders or values) address: a fixed segment wins over a placeholder. */
function operationFor(operations: SpecOperation[], method: string, path: string): SpecOperation | undefined {
  const candidates = operations.filter((o) => o.method === method && matches(o.path, path));
  return candidates.sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0))[0];
}

describe('coverage: all 57 operations of Verify v2 through modules and make-api-call recipes', () => {
  const operations = specOperations();

  it('the spec has the 57 operations this count is about', () => {
    assert.equal(operations.length, 57);
  });

  it('every operation has a module or a recipe (naming any that is missing); every recipe addresses the operation it names', async () => {
    const connector = await loadConnector();
    const byModule = new Map<string, string[]>();
    for (const info of connector.modules) {
      const request = connector.module(info.id).definition.request;
      if (!request?.method) continue; // make-api-call (its path is the input) and composed modules
      const op = operationFor(operations, request.method, request.path);
      assert.ok(op, `${info.id}: ${request.method} ${request.path} is no operation of the spec`);
      byModule.set(op.id, [...(byModule.get(op.id) ?? []), info.id]);
    }
    const byRecipe = new Set<string>();
    for (const recipe of readRecipes()) {
      const op = operationFor(operations, recipe.input.method, recipe.input.url);
      assert.equal(op?.id, recipe.operation, `the recipe for ${recipe.operation} sends ${recipe.input.method} ${recipe.input.url}`);
      byRecipe.add(recipe.operation);
    }
    const missing = operations.filter((o) => !byModule.has(o.id) && !byRecipe.has(o.id)).map((o) => `${o.id} (${o.method} ${o.path})`);
    assert.deepEqual(missing, [], `operations without a module or a recipe: ${missing.join(', ')}`);
    const deviceOnly = operations.filter((o) => !byModule.has(o.id)).map((o) => o.id);
    assert.deepEqual(deviceOnly.sort(), ['CreateAccessToken', 'CreateChallengePasskeys', 'CreateNewFactorPasskey', 'FetchAccessToken', 'FetchForm', 'UpdateChallenge', 'UpdateChallengePasskeys', 'UpdatePasskeysFactor']);
    assert.equal(byModule.size, 49, 'server-side operations with a module');
  });
});
