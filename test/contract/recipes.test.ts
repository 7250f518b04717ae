/**
 * The make-api-call recipes of docs/recipes.md run: each input goes through the connector (validation, the request
 * builder, the twilio client) to nock, which checks the exact request the page says it sends; the answer comes back
 * as make-api-call's { statusCode, headers, body }.
 */
import nock from 'nock';
import assert from 'node:assert/strict';
import { loadConnector } from '../../connector/index.js';
import { VERIFY, connection, useNock } from '../support/nock.js';
import { readRecipes } from './recipes.js';

describe('make-api-call recipes (docs/recipes.md)', () => {
  useNock();
  const recipes = readRecipes();

  it('the page holds a recipe for each device-only operation', () => {
    assert.deepEqual(recipes.map((r) => r.operation).sort(), [
      'CreateAccessToken', 'CreateChallengePasskeys', 'CreateNewFactor', 'CreateNewFactorPasskey', 'FetchAccessToken', 'FetchForm', 'UpdateChallenge', 'UpdateChallengePasskeys', 'UpdatePasskeysFactor',
    ]);
  });

  for (const recipe of recipes) {
    it(`${recipe.operation}: ${recipe.sends.method} ${recipe.sends.path} as the page says`, async () => {
      const connector = await loadConnector();
      let seen: { body: unknown; contentType: unknown; path: string } | undefined;
      nock(VERIFY)
        .intercept(recipe.sends.path, recipe.sends.method)
        .reply(function (uri, body) {
          seen = { body, contentType: this.req.headers['content-type'], path: uri };
          return [200, { ok: true }, { 'content-type': 'application/json' }];
        });
      const output = (await connector.execute('make-api-call', connection, recipe.input)) as { statusCode: number; body: unknown };
      assert.ok(seen, 'the request reached Twilio');
      assert.equal(seen.path, recipe.sends.path);
      if (recipe.sends.form) {
        assert.match(String(seen.contentType), /^application\/x-www-form-urlencoded/);
        assert.deepEqual([...new URLSearchParams(String(seen.body))], recipe.sends.form);
      } else if (recipe.sends.json !== undefined) {
        assert.match(String(seen.contentType), /^application\/json/);
        assert.deepEqual(typeof seen.body === 'string' ? JSON.parse(seen.body) : seen.body, recipe.sends.json);
      } else {
        assert.equal(seen.body, '');
      }
      assert.deepEqual([output.statusCode, output.body], [200, { ok: true }]);
    });
  }
});
