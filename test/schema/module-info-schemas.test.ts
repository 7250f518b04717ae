import assert from 'node:assert/strict';
import { createAjv } from '../../connector/schema/ajv.js';
import { loadConnector } from '../../connector/index.js';

/** What a host reads from `connector.modules`: schemas it can use on their own, which it cannot change. */
describe('connector.modules schemas for hosts', () => {
  it('are self-contained: no $ref, and a fresh AJV that knows none of our files validates every example with them', async () => {
    const connector = await loadConnector();
    for (const info of connector.modules) {
      for (const schema of [info.inputSchema, info.outputSchema]) assert.ok(!JSON.stringify(schema).includes('"$ref"'), `${info.id} keeps a $ref`);
      const validate = createAjv().compile(info.inputSchema);
      for (const example of info.definition.examples ?? []) assert.ok(validate(example.input), `${info.id}: ${example.title}: ${JSON.stringify(validate.errors)}`);
      assert.equal(validate({ notAField: 1 }), false, `${info.id} accepts an unknown field`);
    }
  });

  it('keep the titles, help and host keywords written beside a $ref', async () => {
    const info = (await loadConnector()).modules.find((m) => m.id === 'start-verification')!;
    const props = info.inputSchema['properties'] as Record<string, Record<string, unknown>>;
    assert.equal(props['serviceSid']!['title'], 'Service SID');
    assert.equal(props['serviceSid']!['pattern'], '^VA[0-9a-fA-F]{32}$');
    assert.deepEqual(props['serviceSid']!['x-options-from'], { module: 'list-services', value: 'sid', label: 'friendly_name' });
    assert.deepEqual(props['sendDigits']!['x-show-when'], { channel: ['call'] });
    // The definition's own errorMessage and the property's are both kept.
    assert.deepEqual(Object.keys(props['tags']!['errorMessage'] as object).sort(), ['maxProperties', 'propertyNames']);
  });

  it('are frozen: a host that edits them gets a TypeError and the runtime still validates as before', async () => {
    const connector = await loadConnector();
    const info = connector.modules.find((m) => m.id === 'get-service')!;
    const props = info.inputSchema['properties'] as Record<string, Record<string, unknown>>;
    assert.throws(() => {
      props['serviceSid']!['pattern'] = '.*';
    }, TypeError);
    assert.throws(() => {
      (info.definition as { idempotent: unknown }).idempotent = false;
    }, TypeError);
    const result = await connector.execute('get-service', { accountSid: `AC${'a'.repeat(32)}`, authToken: 'x'.repeat(32) }, { serviceSid: 'nope' }, { onError: 'output' });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.code, 'invalid_input');
  });
});

describe('connector.prepareRequest', () => {
  it('gives the request execute would send, with Twilio names, and sends nothing', async () => {
    const connector = await loadConnector();
    const request = connector.prepareRequest('start-verification', {
      serviceSid: `VA${'a'.repeat(32)}`,
      to: '+15017122661',
      channel: 'sms',
      rateLimits: { ip: '203.0.113.7' },
    });
    assert.deepEqual(request, {
      method: 'POST',
      host: 'verify',
      path: `/v2/Services/VA${'a'.repeat(32)}/Verifications`,
      form: [
        ['To', '+15017122661'],
        ['Channel', 'sms'],
        ['RateLimits', '{"ip":"203.0.113.7"}'],
      ],
    });
  });

  it('refuses invalid input with invalid_input and a pointer, and a composed module by name', async () => {
    const connector = await loadConnector();
    assert.throws(() => connector.prepareRequest('start-verification', { serviceSid: 'VA1', to: '+1', channel: 'sms' }), (e: { code: string; details: { problems: Array<{ pointer: string }> } }) => e.code === 'invalid_input' && e.details.problems.some((p) => p.pointer === '/serviceSid'));
    assert.throws(() => connector.prepareRequest('escalate-verification', { serviceSid: `VA${'a'.repeat(32)}`, verificationSid: `VE${'b'.repeat(32)}`, preset: 1 }), /composes other modules/);
  });
});
