import assert from 'node:assert/strict';
import nock from 'nock';
import { loadConnector, ConnectorError } from '../../connector/index.js';
import { ACCOUNT_SID, AUTH_TOKEN, FAST_RETRY, SERVICE_SID, assertNoSecret, basicAuth, connection, expectRequest, twilioError, useNock, trapRequests } from '../support/nock.js';

/** Runs the module with an input that must be refused before any request; returns the error. */
async function refused(input: Record<string, unknown>): Promise<ConnectorError> {
  const connector = await loadConnector();
  const trap = trapRequests();
  let caught: unknown;
  try {
    await connector.execute('make-api-call', connection, input, { retry: FAST_RETRY });
  } catch (error) {
    caught = error;
  }
  assert.equal(trap.count, 0, 'nothing may be sent');
  assert.ok(caught instanceof ConnectorError, `expected a ConnectorError, got ${String(caught)}`);
  assertNoSecret(caught);
  return caught;
}

function assertProblemAt(error: ConnectorError, code: string, pointer: string): void {
  assert.equal(error.code, code, `${error.code}: ${error.message}`);
  const problems = error.details?.['problems'] as Array<{ pointer: string; message: string }> | undefined;
  assert.ok(problems?.some((p) => p.pointer === pointer), `expected a problem at ${JSON.stringify(pointer)}, got ${JSON.stringify(problems)}`);
}

describe('module make-api-call', () => {
  useNock();
  const services = { services: [], meta: { key: 'services', page: 0, page_size: 5, next_page_url: null } };

  it("GET /v1/Services (the seed's example) with a query string and a custom header, signed with the connection's Basic auth", async () => {
    const connector = await loadConnector();
    const seen = expectRequest('GET', '/v1/Services', { status: 200, body: services, headers: { 'content-type': 'application/json', 'x-twilio-request-id': 'RQ123' } });
    const output = await connector.execute('make-api-call', connection, {
      url: '/v1/Services',
      method: 'GET',
      qs: { PageSize: 5, Page: 0 },
      headers: { 'X-Trace-Id': 'scenario-42' },
    });
    assert.equal(seen.count, 1);
    assert.equal(seen.method, 'GET');
    assert.equal(seen.path, '/v1/Services?PageSize=5&Page=0');
    assert.equal(seen.headers?.['x-trace-id'], 'scenario-42');
    assert.equal(seen.headers?.['authorization'], basicAuth(ACCOUNT_SID, AUTH_TOKEN));
    assert.deepEqual(output, { statusCode: 200, headers: { 'content-type': 'application/json', 'x-twilio-request-id': 'RQ123' }, body: services });
  });

  it('keeps $$ and $& in a path literally (found by the property tests: replaceAll read them as patterns)', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('GET', '/v2/Services/a$$b$&c', { status: 200, body: services });
    await connector.execute('make-api-call', connection, { url: '/v2/Services/a$$b$&c', method: 'GET' });
    assert.equal(seen.path, '/v2/Services/a$$b$&c');
  });

  it('sends a query list as the name repeated once per value', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('GET', '/v2/Services', { status: 200, body: services });
    await connector.execute('make-api-call', connection, { url: '/v2/Services', method: 'GET', qs: { Status: ['pending', 'approved'] } });
    assert.equal(seen.path, '/v2/Services?Status=pending&Status=approved');
  });

  it('POST with a form body (the default body type): the fields in order, as application/x-www-form-urlencoded', async () => {
    const connector = await loadConnector();
    const answer = { sid: SERVICE_SID, friendly_name: 'My app', code_length: 6 };
    const seen = expectRequest('POST', `/v2/Services/${SERVICE_SID}`, { status: 200, body: answer });
    const output = await connector.execute('make-api-call', connection, {
      url: `/v2/Services/${SERVICE_SID}`,
      method: 'POST',
      body: { FriendlyName: 'My app', CodeLength: 6, LookupEnabled: false },
    });
    assert.equal(seen.count, 1);
    assert.equal(seen.path, `/v2/Services/${SERVICE_SID}`);
    assert.deepEqual(seen.form, [['FriendlyName', 'My app'], ['CodeLength', '6'], ['LookupEnabled', 'false']]);
    assert.equal(seen.headers?.['content-type'], 'application/x-www-form-urlencoded');
    assert.deepEqual(output, { statusCode: 200, headers: { 'content-type': 'application/json' }, body: answer });
  });

  it('POST with bodyType json: the body as application/json', async () => {
    const connector = await loadConnector();
    const body = { FriendlyName: 'My app', Config: { nested: [1, 2] } };
    const seen = expectRequest('POST', '/v2/Services', { status: 201, body: { sid: SERVICE_SID } });
    const output = await connector.execute('make-api-call', connection, { url: '/v2/Services', method: 'POST', body, bodyType: 'json' });
    assert.equal(seen.headers?.['content-type'], 'application/json');
    assert.deepEqual(Object.fromEntries(seen.form ?? []), body);
    assert.deepEqual(output, { statusCode: 201, headers: { 'content-type': 'application/json' }, body: { sid: SERVICE_SID } });
  });

  it('DELETE answered 204: statusCode 204 and an empty body, not an error', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('DELETE', `/v2/Services/${SERVICE_SID}`, { status: 204, headers: {} });
    const output = (await connector.execute('make-api-call', connection, { url: `/v2/Services/${SERVICE_SID}`, method: 'DELETE' })) as { statusCode: number; body: unknown };
    assert.equal(seen.count, 1);
    assert.equal(output.statusCode, 204);
    assert.equal(output.body, '');
  });

  it('a 404 answer rejects with not_found like every module; onError "output" turns it into data', async () => {
    const connector = await loadConnector();
    const url = '/v2/Services/VA00000000000000000000000000000000';
    expectRequest('GET', url, twilioError(20404, 404, `The requested resource ${url} was not found`));
    await assert.rejects(connector.execute('make-api-call', connection, { url, method: 'GET' }, { retry: FAST_RETRY }), (error: ConnectorError) => {
      assert.equal(error.code, 'not_found');
      assert.equal(error.status, 404);
      assert.equal(error.twilioCode, 20404);
      return true;
    });
    const seen = expectRequest('GET', url, twilioError(20404, 404, `The requested resource ${url} was not found`));
    const result = await connector.execute('make-api-call', connection, { url, method: 'GET' }, { onError: 'output', retry: FAST_RETRY });
    assert.equal(seen.count, 1);
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.code, 'not_found');
      assert.equal(result.error.status, 404);
      assertNoSecret(result);
    }
  });

  it('idempotent by method: a GET answered 500 is retried', async () => {
    const connector = await loadConnector();
    const failed = expectRequest('GET', '/v2/Services', twilioError(20500, 500, 'Internal Server Error'));
    const answered = expectRequest('GET', '/v2/Services', { status: 200, body: services });
    const output = (await connector.execute('make-api-call', connection, { url: '/v2/Services', method: 'GET' }, { retry: FAST_RETRY })) as { statusCode: number };
    assert.equal(failed.count, 1);
    assert.equal(answered.count, 1);
    assert.equal(output.statusCode, 200);
  });

  it('idempotent by method: a POST answered 500 is sent exactly once and not retryable (Twilio may have acted)', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('POST', `/v2/Services/${SERVICE_SID}/Verifications`, twilioError(20500, 500, 'Internal Server Error'));
    const result = await connector.execute(
      'make-api-call',
      connection,
      { url: `/v2/Services/${SERVICE_SID}/Verifications`, method: 'POST', body: { To: '+15017122661', Channel: 'sms' } },
      { onError: 'output', retry: FAST_RETRY },
    );
    assert.equal(seen.count, 1);
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.code, 'server_error');
      assert.equal(result.error.retryable, false);
    }
  });

  describe('refuses, before any request, a URL that could leave the Verify host (unsafe_url at /url)', () => {
    const unsafeUrls: Array<[string, string]> = [
      ['an absolute URL', 'https://evil.example/x'],
      ['an absolute URL to Twilio itself', 'https://verify.twilio.com/v2/Services'],
      ['a protocol-relative URL', '//evil.example'],
      ['a protocol-relative URL with a path', '//evil.example/v2/Services'],
      ['a slash then a backslash', '/\\evil.example'],
      ['two backslashes', '\\\\evil'],
      ['percent-encoded dots', '/v2/%2e%2e/x'],
      ['percent-encoded dots in capitals', '/v2/%2E%2E/x'],
      ['percent-encoded slashes', '/%2F%2Fevil'],
      ['a percent-encoded backslash', '/v2/%5cevil.example'],
      ['user-info (@)', '/@evil.example'],
      ['user-info after a path', '/v2@evil.example/x'],
      ['CR/LF in the path (header injection)', '/v2/Services\r\nHost: evil.example'],
      ['a lone LF in the path', '/v2/Services\n'],
      ['a fullwidth solidus (／v2)', '／v2'],
      ['a Cyrillic S look-alike (/v2/Ѕervices)', '/v2/Ѕervices'],
      ['dot-dot segments', '/v2/../../evil'],
      ['an overlong path', `/v2/${'a'.repeat(5000)}`],
      ['a javascript: URL', 'javascript:alert(1)'],
      ['a path without a leading slash', 'v2/Services'],
      ['a query string inside the path', '/v2/Services?PageSize=5'],
      ['a leading space', ' /v2/Services'],
    ];
    for (const [what, url] of unsafeUrls) {
      it(`${what}: ${JSON.stringify(url.length > 40 ? `${url.slice(0, 40)}…` : url)}`, async () => {
        const error = await refused({ url, method: 'GET' });
        assertProblemAt(error, 'unsafe_url', '/url');
        assert.match(error.message, /\/url/, 'the message names the field');
        assert.ok(error.remedy, 'a remedy says what to enter instead');
      });
    }
  });

  describe('refuses, before any request, headers that would change who signs in or where it goes (invalid_input at /headers/<name>)', () => {
    const unsafeHeaders: Array<[string, Record<string, string>, string]> = [
      ['Authorization', { Authorization: 'Basic ZXZpbDpldmls' }, '/headers/Authorization'],
      ['authorization in lower case', { authorization: 'Bearer x' }, '/headers/authorization'],
      ['AUTHORIZATION in capitals', { AUTHORIZATION: 'Bearer x' }, '/headers/AUTHORIZATION'],
      ['Host', { Host: 'evil.example' }, '/headers/Host'],
      ['host in lower case', { host: 'evil.example' }, '/headers/host'],
      ['Cookie', { Cookie: 'session=1' }, '/headers/Cookie'],
      ['cOoKiE in mixed case', { cOoKiE: 'session=1' }, '/headers/cOoKiE'],
      ['Proxy-Authorization', { 'Proxy-Authorization': 'Basic x' }, '/headers/Proxy-Authorization'],
      ['Content-Type (bodyType chooses it, rather than being overridden silently)', { 'Content-Type': 'text/plain' }, '/headers/Content-Type'],
      ['CR/LF in a header value', { 'X-Trace-Id': 'a\r\nHost: evil.example' }, '/headers/X-Trace-Id'],
      ['a lone LF in a header value', { 'X-Trace-Id': 'a\nb' }, '/headers/X-Trace-Id'],
      ['CR/LF in a header name', { 'X-A\r\nHost': 'evil.example' }, '/headers/X-A\r\nHost'],
      ['a header name with a colon', { 'X-A: b': 'c' }, '/headers/X-A: b'],
    ];
    for (const [what, headers, pointer] of unsafeHeaders) {
      it(what, async () => {
        const error = await refused({ url: '/v2/Services', method: 'GET', headers });
        assertProblemAt(error, 'invalid_input', pointer);
      });
    }
  });

  describe('refuses other invalid inputs with invalid_input and a pointer', () => {
    const invalid: Array<[string, Record<string, unknown>, string]> = [
      ['a missing URL', { method: 'GET' }, '/url'],
      ['an empty URL', { url: '', method: 'GET' }, '/url'],
      ['a missing method (the runtime applies no default)', { url: '/v2/Services' }, '/method'],
      ['an unknown method', { url: '/v2/Services', method: 'TRACE' }, '/method'],
      ['a method in lower case', { url: '/v2/Services', method: 'get' }, '/method'],
      ['a body with GET (it would be dropped)', { url: '/v2/Services', method: 'GET', body: { FriendlyName: 'x' } }, '/body'],
      ['a body with DELETE', { url: `/v2/Services/${SERVICE_SID}`, method: 'DELETE', body: { x: 'y' } }, '/body'],
      ['an unknown body type', { url: '/v2/Services', method: 'POST', body: {}, bodyType: 'xml' }, '/bodyType'],
      ['a header value that is not text', { url: '/v2/Services', method: 'GET', headers: { 'X-A': 5 } }, '/headers/X-A'],
      ['a query value that is an object', { url: '/v2/Services', method: 'GET', qs: { Filter: { a: 1 } } }, '/qs/Filter'],
      ['a field the module does not know', { url: '/v2/Services', method: 'GET', host: 'evil.example' }, '/host'],
    ];
    for (const [what, input, pointer] of invalid) {
      it(what, async () => {
        const error = await refused(input);
        assertProblemAt(error, 'invalid_input', pointer);
      });
    }
  });
});
