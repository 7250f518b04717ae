import assert from 'node:assert/strict';
import { loadConnector } from '../../connector/index.js';
import { ACCOUNT_SID, AUTH_TOKEN, VERIFY, basicAuth, connection, expectRequest, useNock } from '../support/nock.js';
import { assertInvalidInput, serviceResource, serviceSidNumber } from './fixtures/service.js';

/** One page of Twilio's list answer: `services` plus `meta`, its next_page_url absolute as Twilio sends it. */
function page(services: unknown[], pageIndex: number, pageSize: number, next: string | null): Record<string, unknown> {
  const url = (p: number): string => `${VERIFY}/v2/Services?PageSize=${pageSize}&Page=${p}`;
  return {
    services,
    meta: {
      first_page_url: url(0),
      key: 'services',
      next_page_url: next,
      page: pageIndex,
      page_size: pageSize,
      previous_page_url: pageIndex === 0 ? null : url(pageIndex - 1),
      url: url(pageIndex),
    },
  };
}

const services = (from: number, count: number): Array<Record<string, unknown>> =>
  Array.from({ length: count }, (_, i) => serviceResource({ sid: serviceSidNumber(from + i), friendly_name: `Service ${from + i}` }));

describe('module list-services', () => {
  useNock();

  it('sends GET /v2/Services with no query by default and returns { services } from a one-page list', async () => {
    const connector = await loadConnector();
    const list = services(1, 2);
    const seen = expectRequest('GET', '/v2/Services', { status: 200, body: page(list, 0, 50, null) });
    const output = await connector.execute('list-services', connection, {});
    assert.equal(seen.count, 1);
    assert.equal(seen.method, 'GET');
    assert.equal(seen.path, '/v2/Services');
    assert.equal(seen.headers?.['authorization'], basicAuth(ACCOUNT_SID, AUTH_TOKEN));
    assert.deepEqual(output, { services: list });
  });

  it('sends the page size as PageSize and never sends the limit (it is the connector\'s own)', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('GET', '/v2/Services', { status: 200, body: page(services(1, 1), 0, 7, null) });
    await connector.execute('list-services', connection, { limit: 3, pageSize: 7 });
    assert.equal(seen.path, '/v2/Services?PageSize=7');
  });

  it('follows absolute meta.next_page_url across three pages and stops at the limit with exactly `limit` services', async () => {
    const connector = await loadConnector();
    const next1 = `${VERIFY}/v2/Services?PageSize=2&Page=1&PageToken=PTone`;
    const next2 = `${VERIFY}/v2/Services?PageSize=2&Page=2&PageToken=PTtwo`;
    const next3 = `${VERIFY}/v2/Services?PageSize=2&Page=3&PageToken=PTthree`;
    const first = expectRequest('GET', '/v2/Services', { status: 200, body: page(services(1, 2), 0, 2, next1) });
    const second = expectRequest('GET', '/v2/Services', { status: 200, body: page(services(3, 2), 1, 2, next2) });
    // The third page still links a fourth: the limit, not the end of the list, must stop the walk (no fourth interceptor exists).
    const third = expectRequest('GET', '/v2/Services', { status: 200, body: page(services(5, 2), 2, 2, next3) });
    const output = (await connector.execute('list-services', connection, { limit: 5, pageSize: 2 })) as { services: Array<{ sid: string }> };
    assert.equal(first.path, '/v2/Services?PageSize=2');
    assert.equal(second.path, '/v2/Services?PageSize=2&Page=1&PageToken=PTone');
    assert.equal(third.path, '/v2/Services?PageSize=2&Page=2&PageToken=PTtwo');
    assert.equal(second.headers?.['authorization'], basicAuth(ACCOUNT_SID, AUTH_TOKEN), 'later pages are signed too');
    assert.equal(output.services.length, 5);
    assert.deepEqual(output.services.map((s) => s.sid), [1, 2, 3, 4, 5].map(serviceSidNumber));
    assert.deepEqual(output, { services: services(1, 5) }, 'each service exactly as Twilio sent it, nothing else');
  });

  it('stops when a page has no next_page_url, returning fewer services than the limit', async () => {
    const connector = await loadConnector();
    expectRequest('GET', '/v2/Services', { status: 200, body: page(services(1, 2), 0, 2, `${VERIFY}/v2/Services?PageSize=2&Page=1&PageToken=PTone`) });
    expectRequest('GET', '/v2/Services', { status: 200, body: page(services(3, 1), 1, 2, null) });
    const output = (await connector.execute('list-services', connection, { limit: 100, pageSize: 2 })) as { services: unknown[] };
    assert.equal(output.services.length, 3);
  });

  it('returns { services: [] } for an account without services', async () => {
    const connector = await loadConnector();
    expectRequest('GET', '/v2/Services', { status: 200, body: page([], 0, 50, null) });
    assert.deepEqual(await connector.execute('list-services', connection, {}), { services: [] });
  });

  it('does not follow a next_page_url on another host (credentials stay with Twilio): invalid_response, one request', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('GET', '/v2/Services', { status: 200, body: page(services(1, 2), 0, 2, 'https://evil.example.com/v2/Services?Page=1') });
    await assert.rejects(connector.execute('list-services', connection, { limit: 10, pageSize: 2 }), { code: 'invalid_response' });
    assert.equal(seen.count, 1);
  });

  it('does not follow a next_page_url on plain http to the Verify host either', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('GET', '/v2/Services', { status: 200, body: page(services(1, 2), 0, 2, 'http://verify.twilio.com/v2/Services?Page=1') });
    await assert.rejects(connector.execute('list-services', connection, { limit: 10, pageSize: 2 }), { code: 'invalid_response' });
    assert.equal(seen.count, 1);
  });

  it('refuses an answer without a services list as invalid_response', async () => {
    const connector = await loadConnector();
    expectRequest('GET', '/v2/Services', { status: 200, body: { verifications: [], meta: {} } });
    await assert.rejects(connector.execute('list-services', connection, {}), { code: 'invalid_response' });
  });

  it('is the manifest\'s connection test and its testInput (limit 1, page size 1) reads one service', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('GET', '/v2/Services', { status: 200, body: page(services(1, 1), 0, 1, `${VERIFY}/v2/Services?PageSize=1&Page=1`) });
    const result = await connector.testConnection(connection);
    assert.equal(result.module, 'list-services');
    assert.equal(seen.path, '/v2/Services?PageSize=1');
  });

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['a limit of 0', { limit: 0 }, '/limit'],
    ['a limit of 10001', { limit: 10001 }, '/limit'],
    ['a limit of 2.5', { limit: 2.5 }, '/limit'],
    ['a limit given as text', { limit: '5' }, '/limit'],
    ['a page size of 0', { pageSize: 0 }, '/pageSize'],
    ['a page size of 1001', { pageSize: 1001 }, '/pageSize'],
    ['a field the module does not have', { page: 2 }, '/page'],
  ];
  for (const [what, input, pointer] of invalid) {
    it(`refuses ${what} with a pointer to ${pointer} and sends nothing`, async () => {
      const connector = await loadConnector();
      await assertInvalidInput(connector.execute('list-services', connection, input), pointer);
    });
  }
});
