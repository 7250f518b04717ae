import assert from 'node:assert/strict';
import { loadConnector } from '../../connector/index.js';
import { FAST_RETRY, SERVICE_SID, connection, expectRequest, twilioError, useNock } from '../support/nock.js';
import { EVERY_SETTING, EVERY_SETTING_FORM, INVALID_SETTINGS, assertInvalidInput, serviceResource } from './fixtures/service.js';

describe('module update-service', () => {
  useNock();
  const path = `/v2/Services/${SERVICE_SID}`;

  it('sends only the changed setting to POST /v2/Services/{Sid} and returns the updated service', async () => {
    const connector = await loadConnector();
    const answer = serviceResource({ friendly_name: 'Acme sign-in' });
    const seen = expectRequest('POST', path, { status: 200, body: answer });
    const output = await connector.execute('update-service', connection, { serviceSid: SERVICE_SID, friendlyName: 'Acme sign-in' });
    assert.equal(seen.count, 1);
    assert.equal(seen.method, 'POST');
    assert.equal(seen.path, path);
    assert.deepEqual(seen.form, [['FriendlyName', 'Acme sign-in']]);
    assert.deepEqual(output, answer);
  });

  it('sends every UpdateService setting exactly as create-service does (the two share one set of rules and names)', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('POST', path, { status: 200, body: serviceResource() });
    await connector.execute('update-service', connection, { serviceSid: SERVICE_SID, ...EVERY_SETTING });
    assert.deepEqual(seen.form, EVERY_SETTING_FORM);
  });

  it('sends false switches (turning a setting off is a change)', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('POST', path, { status: 200, body: serviceResource() });
    await connector.execute('update-service', connection, { serviceSid: SERVICE_SID, lookupEnabled: false, push: { includeDate: false } });
    assert.deepEqual(seen.form, [['LookupEnabled', 'false'], ['Push.IncludeDate', 'false']]);
  });

  it('offers the same settings as create-service, each with the same wire name and rule', async () => {
    const connector = await loadConnector();
    const schemaOf = (id: string): Record<string, Record<string, unknown>> =>
      connector.modules.find((m) => m.id === id)!.inputSchema['properties'] as Record<string, Record<string, unknown>>;
    const strip = (props: Record<string, Record<string, unknown>>): unknown =>
      JSON.parse(JSON.stringify(props, (key, value: unknown) => (key === 'title' || key === 'description' ? undefined : value)));
    const { serviceSid, ...updateSettings } = schemaOf('update-service');
    assert.ok(serviceSid);
    assert.deepEqual(strip(updateSettings), strip(schemaOf('create-service')));
  });

  it('retries a 503 (setting the same values twice changes nothing more) and returns the service', async () => {
    const connector = await loadConnector();
    const first = expectRequest('POST', path, twilioError(20503, 503, 'Service Unavailable'));
    const second = expectRequest('POST', path, { status: 200, body: serviceResource({ code_length: 8 }) });
    const output = await connector.execute('update-service', connection, { serviceSid: SERVICE_SID, codeLength: 8 }, { retry: FAST_RETRY });
    assert.equal(first.count, 1);
    assert.equal(second.count, 1);
    assert.deepEqual(second.form, [['CodeLength', '8']]);
    assert.deepEqual(output, serviceResource({ code_length: 8 }));
  });

  it('maps a 404 20404 to not_found', async () => {
    const connector = await loadConnector();
    expectRequest('POST', path, twilioError(20404, 404, 'The requested resource was not found'));
    await assert.rejects(connector.execute('update-service', connection, { serviceSid: SERVICE_SID, codeLength: 6 }), { code: 'not_found' });
  });

  it('refuses an update with nothing to change, saying so, and sends nothing', async () => {
    const connector = await loadConnector();
    const error = await assertInvalidInput(connector.execute('update-service', connection, { serviceSid: SERVICE_SID }), '');
    assert.match(error.message, /nothing to change/);
  });

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['a missing service SID', { friendlyName: 'Acme' }, '/serviceSid'],
    ['a malformed service SID', { serviceSid: 'VA123', friendlyName: 'Acme' }, '/serviceSid'],
    ...INVALID_SETTINGS.map(([what, fields, pointer]): [string, Record<string, unknown>, string] => [what, { serviceSid: SERVICE_SID, ...fields }, pointer]),
  ];
  for (const [what, input, pointer] of invalid) {
    it(`refuses ${what} with a pointer to ${pointer} and sends nothing`, async () => {
      const connector = await loadConnector();
      await assertInvalidInput(connector.execute('update-service', connection, input), pointer);
    });
  }
});
