import assert from 'node:assert/strict';
import { loadConnector } from '../../connector/index.js';
import { TOKEN_HEADER } from '../../connector/playground/server.js';
import { CONTENT_SECURITY_POLICY } from '../../connector/playground/static-files.js';
import { playgroundClient, type PlaygroundClient } from './support.js';

describe('playground server', () => {
  let client: PlaygroundClient;
  before(async () => (client = await playgroundClient()));
  after(() => client.close());

  it('listens on loopback only and prints an address whose fragment carries the token', () => {
    const url = new URL(client.playground.url);
    assert.equal(url.hostname, '127.0.0.1');
    assert.equal(url.hash, `#token=${client.playground.token}`);
    assert.match(client.playground.token, /^[0-9a-f]{64}$/);
  });

  it('serves the page with a strict content security policy, and refuses any API call without the token', async () => {
    const page = await client.get('/', {});
    assert.equal(page.status, 200);
    assert.match(page.text, /<script src="app\.js" defer><\/script>/);
    assert.equal(page.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline/);
    for (const headers of [{} as Record<string, string>, { [TOKEN_HEADER]: 'wrong' }, { [TOKEN_HEADER]: client.playground.token.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }]) {
      assert.equal((await client.get('/api/connector', headers)).status, 401);
      assert.equal((await client.post('/api/run', { module: 'create-service', input: { friendlyName: 'x' } }, headers)).status, 401);
    }
    assert.equal(client.playground.target.emulator!.stats().services, 0, 'nothing ran without the token');
  });

  it('answers only to its own host names (no DNS rebinding)', async () => {
    const answer = await client.get('/api/connector', { [TOKEN_HEADER]: client.playground.token, host: 'evil.example:80' });
    assert.equal(answer.status, 421);
    assert.equal((await client.get('/', { host: `attacker.test:${new URL(client.playground.origin).port}` })).status, 421);
  });

  it('refuses a body that is not JSON (a cross-site form cannot post here)', async () => {
    const answer = await client.post('/api/run', 'module=create-service', { [TOKEN_HEADER]: client.playground.token, 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(answer.status, 415);
  });

  it('describes every module of the connector from connector.modules, each in one group', async () => {
    const connector = await loadConnector();
    const { body } = await client.get('/api/connector');
    assert.deepEqual(
      body.modules.map((m: { id: string }) => m.id),
      connector.modules.map((m) => m.id),
    );
    for (const module of connector.modules) {
      const shown = body.modules.find((m: { id: string }) => m.id === module.id);
      assert.deepEqual(shown.inputSchema, module.inputSchema);
      assert.deepEqual(shown.definition, module.definition);
    }
    const grouped = body.groups.flatMap((g: { modules: string[] }) => g.modules).sort();
    assert.deepEqual(grouped, connector.modules.map((m) => m.id).sort());
    assert.ok(body.flows.some((f: { id: string }) => f.id === 'studio-verify-subflow'));
  });

  it('runs a module and shows the exact request it sent, as prepareRequest says', async () => {
    const connector = await loadConnector();
    const input = { friendlyName: 'Acme', codeLength: 8 };
    const { body } = await client.post('/api/run', { module: 'create-service', input });
    const prepared = connector.prepareRequest('create-service', input);
    assert.equal(body.request.method, 'POST');
    assert.equal(body.request.url, `${client.playground.target.baseUrl('verify')}/v2/Services`);
    assert.deepEqual(body.request.form, prepared.form);
    assert.equal(body.request.body, 'FriendlyName=Acme&CodeLength=8');
    assert.equal(body.sent, 1);
    assert.equal(body.result.ok, true);
    assert.equal(body.result.output.code_length, 8);
  });

  it('refuses invalid input with JSON pointers and sends nothing', async () => {
    const before = client.playground.target.emulator!.stats().requests;
    const { body } = await client.post('/api/run', { module: 'start-verification', input: { serviceSid: 'VA' + 'a'.repeat(32), to: '12', channel: 'sms' } });
    assert.equal(body.result.ok, false);
    assert.equal(body.result.error.code, 'invalid_input');
    assert.deepEqual(
      body.result.error.details.problems.map((p: { pointer: string }) => p.pointer),
      ['/to'],
    );
    assert.equal(body.request, null);
    assert.equal(body.sent, 0);
    assert.equal(client.playground.target.emulator!.stats().requests, before);
  });

  it('fills x-options-from dropdowns from the search module, and runs nothing else that way', async () => {
    await client.post('/api/run', { module: 'create-service', input: { friendlyName: 'Dropdown' } });
    const { body } = await client.post('/api/options', { module: 'list-services', input: {}, value: 'sid', label: 'friendly_name' });
    const option = body.options.find((o: { label: string }) => o.label === 'Dropdown');
    assert.match(option.value, /^VA[0-9a-f]{32}$/);
    const refused = await client.post('/api/options', { module: 'create-service', input: { friendlyName: 'no' }, value: 'sid' });
    assert.equal(refused.body.error.code, 'invalid_input');
    assert.deepEqual(refused.body.options, []);
  });

  it('shows the outbox to the phone panel, from a given position', async () => {
    const service = (await client.post('/api/run', { module: 'create-service', input: { friendlyName: 'Phone' } })).body.result.output;
    const before = (await client.get('/api/status')).body.outbox.total;
    await client.post('/api/run', { module: 'start-verification', input: { serviceSid: service.sid, to: '+15017122661', channel: 'call' } });
    const { body } = await client.get(`/api/status?after=${before}`);
    assert.equal(body.outbox.messages.length, 1);
    assert.equal(body.outbox.messages[0].channel, 'call');
    assert.match(body.outbox.messages[0].body, new RegExp(body.outbox.messages[0].code));
  });

  it('never sends a secret to the page: every answer so far, every module example, flows and errors', async () => {
    const connector = await loadConnector();
    for (const module of connector.modules) {
      for (const example of module.definition.examples ?? []) await client.post('/api/run', { module: module.id, input: example.input });
    }
    await client.post('/api/run', { module: 'make-api-call', input: { url: '/v2/Services', method: 'GET' } });
    const run = (await client.post('/api/flows', { template: 'studio-verify-subflow', params: { to: '+15005550006' } })).body;
    await client.get(`/api/flows/run?id=${run.id}`);
    await client.post('/api/flows/stop', { id: run.id });
    const emulator = client.playground.target.emulator!;
    const secrets = [emulator.authToken, emulator.apiKeySecret, Buffer.from(`${emulator.accountSid}:${emulator.authToken}`).toString('base64')];
    assert.ok(client.received.length > 20);
    for (const text of client.received) for (const secret of secrets) assert.ok(!text.includes(secret), 'a secret reached the page');
  });
});

describe('playground server with a real account (--connection)', () => {
  it('runs against the account, keeps its secret in the server, and has no phone to show', async () => {
    // The emulator plays the account here: what matters is that the page only ever sees the connection's SID.
    const { startEmulator } = await import('../../emulator/index.js');
    const account = await startEmulator();
    const client = await playgroundClient({ connection: { accountSid: account.accountSid, authToken: account.authToken, baseUrl: account.url } });
    try {
      assert.equal(client.playground.target.kind, 'account');
      assert.equal(client.playground.target.emulator, undefined);
      const described = (await client.get('/api/connector')).body;
      assert.deepEqual(described.target, { kind: 'account', url: null });
      const run = (await client.post('/api/run', { module: 'create-service', input: { friendlyName: 'Real' } })).body;
      assert.equal(run.result.ok, true);
      assert.equal(run.sent, null, 'nobody counts requests to a real account');
      assert.equal(run.request.url, `${account.url}/v2/Services`);
      assert.deepEqual((await client.get('/api/status')).body.outbox, { total: 0, messages: [] });
      const failing = (await client.post('/api/run', { module: 'get-service', input: { serviceSid: `VA${'0'.repeat(32)}` } })).body;
      assert.equal(failing.result.error.code, 'not_found');
      const basic = Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64');
      for (const text of client.received) assert.ok(!text.includes(account.authToken) && !text.includes(basic), 'the secret reached the page');
    } finally {
      await client.close();
      await account.close();
    }
  });
});
