import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { SPEC_PATH, assertMatchesSpec, loadSpec, toJsonSchema } from './helpers.js';

/** The spec checks in the other files are only worth something if they can fail: prove it. */
describe('emulator tests: the official spec is present and its validators bite', () => {
  it('reads the spec from ../shared/reference/twilio-oai (outside the repo) and it names the operations used', () => {
    assert.ok(existsSync(SPEC_PATH), `missing ${SPEC_PATH}`);
    const spec = loadSpec();
    const ids = new Set<string>();
    for (const item of Object.values<Record<string, { operationId?: string }>>(spec.paths)) {
      for (const op of Object.values(item)) if (op?.operationId) ids.add(op.operationId);
    }
    for (const id of ['ListService', 'CreateService', 'FetchService', 'UpdateService', 'DeleteService', 'CreateVerification', 'FetchVerification', 'UpdateVerification', 'CreateVerificationCheck',
      'CreateEntity', 'ListEntity', 'FetchEntity', 'DeleteEntity', 'CreateNewFactor', 'UpdateFactor', 'ListFactor', 'FetchFactor', 'DeleteFactor',
      'CreateChallenge', 'ListChallenge', 'FetchChallenge', 'UpdateChallenge', 'CreateNotification',
      'CreateWebhook', 'ListWebhook', 'FetchWebhook', 'UpdateWebhook', 'DeleteWebhook',
      'ListVerificationAttempt', 'FetchVerificationAttempt', 'FetchVerificationAttemptsSummary', 'ListVerificationTemplate',
      'CreateRateLimit', 'ListRateLimit', 'FetchRateLimit', 'UpdateRateLimit', 'DeleteRateLimit',
      'CreateBucket', 'ListBucket', 'FetchBucket', 'UpdateBucket', 'DeleteBucket',
      'CreateSafelist', 'FetchSafelist', 'DeleteSafelist',
      'CreateMessagingConfiguration', 'ListMessagingConfiguration', 'FetchMessagingConfiguration', 'UpdateMessagingConfiguration', 'DeleteMessagingConfiguration']) {
      assert.ok(ids.has(id), id);
    }
  });

  it('converts OpenAPI nullable to JSON Schema type unions (and refs to the added spec)', () => {
    assert.deepEqual(toJsonSchema({ type: 'string', nullable: true }), { type: ['string', 'null'] });
    assert.deepEqual(toJsonSchema({ type: 'string', enum: ['a'], nullable: true }), { type: ['string', 'null'], enum: ['a', null] });
    assert.deepEqual(toJsonSchema({ $ref: '#/components/schemas/x', nullable: true }), { anyOf: [{ $ref: 'twilio-verify-v2#/components/schemas/x' }, { type: 'null' }] });
  });

  it('rejects bodies that break the spec (wrong SID pattern, unknown channel, wrong type)', () => {
    const good = {
      sid: `VE${'a'.repeat(32)}`,
      service_sid: `VA${'a'.repeat(32)}`,
      account_sid: `AC${'a'.repeat(32)}`,
      to: '+15017122661',
      channel: 'sms',
      status: 'pending',
      valid: false,
      lookup: {},
      amount: null,
      payee: null,
      send_code_attempts: [],
      date_created: '2015-07-30T20:00:00Z',
      date_updated: '2015-07-30T20:00:00Z',
      sna: null,
      url: 'http://127.0.0.1:1/v2/Services/x/Verifications/y',
    };
    const res = (body: unknown) => ({ status: 201, headers: new Headers(), text: JSON.stringify(body), body });
    assertMatchesSpec('CreateVerification', res(good));
    assert.throws(() => assertMatchesSpec('CreateVerification', res({ ...good, sid: 'XX1' })));
    assert.throws(() => assertMatchesSpec('CreateVerification', res({ ...good, channel: 'auto' })));
    assert.throws(() => assertMatchesSpec('CreateVerification', res({ ...good, valid: 'no' })));
    assert.throws(() => assertMatchesSpec('CreateVerification', res({ ...good, date_created: 'yesterday' })));
    assert.throws(() => assertMatchesSpec('CreateVerification', { ...res(good), status: 418 }), /no 418 response/);
  });

  it('rejects factor, challenge and webhook bodies that break the spec (status, SID prefix, event list)', () => {
    const res = (status: number, body: unknown) => ({ status, headers: new Headers(), text: JSON.stringify(body), body });
    const factor = { sid: `YF${'a'.repeat(32)}`, status: 'unverified', factor_type: 'totp', config: { alg: 'sha1' } };
    assertMatchesSpec('FetchFactor', res(200, factor));
    assert.throws(() => assertMatchesSpec('FetchFactor', res(200, { ...factor, status: 'pending' })));
    assert.throws(() => assertMatchesSpec('FetchFactor', res(200, { ...factor, sid: `YC${'a'.repeat(32)}` })));
    const challenge = { sid: `YC${'a'.repeat(32)}`, status: 'approved', responded_reason: 'none', factor_type: 'totp' };
    assertMatchesSpec('CreateChallenge', res(201, challenge));
    assert.throws(() => assertMatchesSpec('CreateChallenge', res(201, { ...challenge, status: 'verified' })));
    assert.throws(() => assertMatchesSpec('FetchWebhook', res(200, { sid: `YW${'a'.repeat(32)}`, event_types: 'factor.created' })));
  });
});
