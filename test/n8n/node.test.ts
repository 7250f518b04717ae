/**
 * The generated node's execute(), loadOptions and credential test, run from the built package's own files with a
 * fake n8n context: against the real emulator (loopback) for behaviour, and under nock where the exact request
 * matters. n8n itself runs the same package in `npm run test:hosts`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { loadConnector } from '../../connector/index.js';
import { createBridge } from '../../connector/n8n/node-runtime.js';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { copyConnector, type ConnectorCopy } from '../support/connector-copy.js';
import { ACCOUNT_SID, AUTH_TOKEN, assertNoSecret, expectRequest, SERVICE_SID, trapRequests, useNock } from '../support/nock.js';
import { buildPackage, executeContext, loadOptionsContext, n8nWorkflow, type BuiltPackage } from './support.js';

const TO = '+15017122661';

describe('n8n node: execute() through the runtime', () => {
  let built: BuiltPackage;
  let emu: Emulator;
  let credentials: ICredentialDataDecryptedObject;
  let serviceSid: string;

  before(async () => {
    built = await buildPackage();
    emu = await startEmulator();
    credentials = { authentication: 'authToken', accountSid: emu.accountSid, authToken: emu.authToken, apiKeySid: '', apiKeySecret: '', region: '', edge: '', baseUrl: emu.url };
    const connector = await loadConnector();
    serviceSid = ((await connector.execute('create-service', { accountSid: emu.accountSid, authToken: emu.authToken, baseUrl: emu.url }, { friendlyName: 'n8n' })) as { sid: string }).sid;
  });
  after(async () => {
    built.dispose();
    await emu.close();
  });

  const run = (parameters: Record<string, unknown> | ((i: number) => Record<string, unknown>), options: { items?: number; continueOnFail?: boolean; credentials?: ICredentialDataDecryptedObject } = {}) => {
    const node = built.node();
    return node.execute.call(executeContext(built.description, { parameters: parameters as never, credentials: options.credentials ?? credentials, ...options }));
  };

  it('starts a verification and checks the code from the outbox: approved', async () => {
    const [started] = await run({ resource: 'verification', operation: 'start-verification', serviceSid, to: TO, channel: 'sms' });
    assert.equal(started!.length, 1);
    assert.equal(started![0]!.json['status'], 'pending');
    assert.deepEqual(started![0]!.pairedItem, { item: 0 });
    const code = emu.outbox({ to: TO }).at(-1)!.code!;
    const [checked] = await run({ resource: 'verification', operation: 'check-verification', serviceSid, code, additionalFields: { to: TO } });
    assert.equal(checked![0]!.json['status'], 'approved');
    assert.equal(checked![0]!.json['valid'], true);
  });

  it('a wrong code ends pending, not an error', async () => {
    await run({ resource: 'verification', operation: 'start-verification', serviceSid, to: '+15017122662', channel: 'sms' });
    const code = emu.outbox({ to: '+15017122662' }).at(-1)!.code!;
    const wrong = [...code].map((c) => String((Number(c) + 1) % 10)).join('');
    const [checked] = await run({ resource: 'verification', operation: 'check-verification', serviceSid, code: wrong, additionalFields: { to: '+15017122662' } });
    assert.equal(checked![0]!.json['status'], 'pending');
    assert.equal(checked![0]!.json['valid'], false);
  });

  it('an invalid number fails as a NodeOperationError naming the field, and nothing reaches Twilio', async () => {
    const before = emu.stats().requests;
    const error = await run({ resource: 'verification', operation: 'start-verification', serviceSid, to: '12345', channel: 'sms' }).then(
      () => assert.fail('should fail'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof n8nWorkflow.NodeOperationError, `n8n's own error class, got ${String(error)}`);
    assert.match(error.message, /^invalid_input: .*\/to/);
    assert.match(String(error.description), /nothing was sent/);
    assert.equal(emu.stats().requests, before, 'no request reached the emulator');
  });

  it('with Continue On Fail, each failing item is our error as data and the others run', async () => {
    const before = emu.stats().requests;
    const items = await run((i) => ({ resource: 'verification', operation: 'start-verification', serviceSid, to: i === 1 ? 'not a number' : `+1501712267${i}`, channel: 'sms' }), { items: 3, continueOnFail: true });
    const out = items[0]!;
    assert.equal(out.length, 3);
    assert.equal(out[0]!.json['status'], 'pending');
    assert.deepEqual(Object.keys(out[1]!.json), ['error'], 'only `error`: what n8n routes to the error output');
    const data = out[1]!.json['error'] as Record<string, unknown>;
    assert.equal(data['code'], 'invalid_input');
    assert.match(String(data['remedy']), /nothing was sent/);
    assert.equal(data['twilioCode'], null);
    assert.deepEqual(out[1]!.pairedItem, { item: 1 });
    assert.equal(out[2]!.json['status'], 'pending');
    assert.equal(emu.stats().requests, before + 2, 'the invalid item sent nothing');
  });

  it('one invalid item among valid ones fails the node before any item is sent', async () => {
    const before = emu.stats().requests;
    const error = await run((i) => ({ resource: 'verification', operation: 'start-verification', serviceSid, to: i === 7 ? '+1 501' : `+1501712280${i}`, channel: 'sms' }), { items: 10 }).then(
      () => assert.fail('should fail'),
      (e: unknown) => e as Error & { context?: { itemIndex?: number } },
    );
    assert.match(error.message, /^invalid_input: .*\/to/);
    assert.equal(error.context?.itemIndex, 7);
    assert.equal(emu.stats().requests, before, 'nothing was sent for any item');
  });

  it('items are sent side by side, but none is started once one has failed', async () => {
    const before = emu.stats().requests;
    const items = 200;
    const error = await run((i) => ({ resource: 'verification', operation: 'get-verification', serviceSid, verificationSid: `VE${String(i).padStart(32, '0')}` }), { items }).then(
      () => assert.fail('should fail'),
      (e: unknown) => e as Error & { context?: { itemIndex?: number } },
    );
    assert.match(error.message, /^verification_not_pending: /);
    assert.equal(error.context?.itemIndex, 0, 'the first failing item is reported');
    const sent = emu.stats().requests - before;
    assert.ok(sent >= 1 && sent < items / 2, `${sent} of ${items} requests were sent`);
  });

  it('a Twilio error keeps its code, Twilio code and remedy; never the token', async () => {
    const [out] = await run({ resource: 'verification', operation: 'get-verification', serviceSid, verificationSid: `VE${'0'.repeat(32)}` }, { continueOnFail: true });
    const data = out![0]!.json['error'] as Record<string, unknown>;
    assert.equal(data['code'], 'verification_not_pending');
    assert.equal(data['twilioCode'], 20404);
    assert.ok(data['remedy']);
    assert.ok(!JSON.stringify(out).includes(emu.authToken));
  });

  it('a search module yields one item per entry', async () => {
    const connector = await loadConnector();
    await connector.execute('create-service', { accountSid: emu.accountSid, authToken: emu.authToken, baseUrl: emu.url }, { friendlyName: 'second' });
    const [out] = await run({ resource: 'service', operation: 'list-services' });
    assert.ok(out!.length >= 2);
    for (const item of out!) {
      assert.match(String(item.json['sid']), /^VA/);
      assert.deepEqual(item.pairedItem, { item: 0 });
    }
  });

  it('loads the services as choices for a Service SID field (the x-options-from source)', async () => {
    const method = built.description.properties.find((p) => p.name === 'serviceSid')!.typeOptions!.loadOptionsMethod!;
    const choices = await built.node().methods.loadOptions[method]!.call(loadOptionsContext({ resource: 'verification', operation: 'start-verification' }, credentials));
    const mine = choices.find((c) => c.value === serviceSid);
    assert.deepEqual(mine, { name: `n8n (${serviceSid})`, value: serviceSid });
  });

  it('tests credentials with testConnection: OK with the emulator, authentication_failed with a wrong token', async () => {
    const test = built.node().methods.credentialTest['twilioVerifyApiTest']!;
    const ok = await test({ id: '1', name: 'c', type: 'twilioVerifyApi', data: credentials });
    assert.deepEqual(ok, { status: 'OK', message: `Connected to ${emu.accountSid} with the Auth Token.` });
    const bad = await test({ id: '1', name: 'c', type: 'twilioVerifyApi', data: { ...credentials, authToken: 'wrong-token-value' } });
    assert.equal(bad.status, 'Error');
    assert.match(bad.message, /^authentication_failed: /);
    assert.ok(!bad.message.includes('wrong-token-value'));
  });

  it('refuses a base URL that is not loopback or Twilio before sending anything', async () => {
    const test = built.node().methods.credentialTest['twilioVerifyApiTest']!;
    const refused = await test({ id: '1', name: 'c', type: 'twilioVerifyApi', data: { ...credentials, baseUrl: 'http://example.com' } });
    assert.equal(refused.status, 'Error');
    assert.match(refused.message, /^invalid_connection: .*baseUrl/);
  });

  it('signs in with an API key when the credential says so', async () => {
    const [out] = await run(
      { resource: 'service', operation: 'get-service', serviceSid },
      { credentials: { authentication: 'apiKeySid', accountSid: emu.accountSid, authToken: 'left over from before', apiKeySid: emu.apiKeySid, apiKeySecret: emu.apiKeySecret, baseUrl: emu.url } },
    );
    assert.equal(out![0]!.json['sid'], serviceSid);
  });

  describe('the exact request (nock)', () => {
    useNock();
    const nockCredentials = { authentication: 'authToken', accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, region: '', edge: '', baseUrl: '' };

    it('sends only the fields set, maps as JSON, nested settings with their prefix', async () => {
      const seen = expectRequest('POST', `/v2/Services/${SERVICE_SID}/Verifications`, { status: 201, body: { sid: `VE${'b'.repeat(32)}`, status: 'pending', to: TO, channel: 'call' } });
      const [out] = await run(
        {
          resource: 'verification',
          operation: 'start-verification',
          serviceSid: SERVICE_SID,
          to: TO,
          channel: 'call',
          additionalFields: { sendDigits: '12w#', tags: { pairs: [{ name: 'campaign', value: 'signup' }] }, locale: 'fr' },
        },
        { credentials: nockCredentials },
      );
      assert.equal(out![0]!.json['status'], 'pending');
      assert.equal(seen.count, 1);
      assert.deepEqual(new Map(seen.form), new Map([
        ['To', TO],
        ['Channel', 'call'],
        ['SendDigits', '12w#'],
        ['Locale', 'fr'],
        ['Tags', '{"campaign":"signup"}'],
      ]));
      assert.equal(seen.form!.length, 5, 'nothing else was sent');
      assert.equal(seen.headers!['authorization'], `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`);
    });

    it('update-service: a nested collection becomes prefixed fields; an empty one sends nothing', async () => {
      const seen = expectRequest('POST', `/v2/Services/${SERVICE_SID}`, { status: 200, body: { sid: SERVICE_SID, friendly_name: 'Acme' } });
      await run(
        { resource: 'service', operation: 'update-service', serviceSid: SERVICE_SID, additionalFields: { friendlyName: 'Acme', totp: { issuer: 'Acme', timeStep: 30 }, push: {} } },
        { credentials: nockCredentials },
      );
      assert.deepEqual(seen.form, [
        ['FriendlyName', 'Acme'],
        ['Totp.Issuer', 'Acme'],
        ['Totp.TimeStep', '30'],
      ]);
    });

    it('a failing call without Continue On Fail stops with our code and remedy, and no secret', async () => {
      const trap = trapRequests();
      const error = await run({ resource: 'verification', operation: 'start-verification', serviceSid: 'VA-not-a-sid', to: TO, channel: 'sms' }, { credentials: nockCredentials }).then(
        () => assert.fail('should fail'),
        (e: unknown) => e as Error & { description?: string },
      );
      assert.match(error.message, /^invalid_input: .*serviceSid/);
      assert.equal(trap.count, 0);
      assertNoSecret(error);
      assertNoSecret(error.description);
    });
  });
});

describe('n8n node: a module added to the manifest appears with no other change', () => {
  let copy: ConnectorCopy;
  let built: BuiltPackage;
  let emu: Emulator;
  before(async () => {
    copy = copyConnector();
    const getService = JSON.parse(readFileSync(join(copy.dir, 'modules/get-service.json'), 'utf8'));
    copy.write('modules/fetch-service-settings.json', JSON.stringify({ ...getService, id: 'fetch-service-settings', label: 'Fetch the settings of a service' }));
    copy.edit('manifest.json', (m) => m.modules.push({ id: 'fetch-service-settings', file: 'modules/fetch-service-settings.json' }));
    built = await buildPackage({ connectorDir: copy.dir });
    emu = await startEmulator();
  });
  after(async () => {
    built.dispose();
    copy.dispose();
    await emu.close();
  });

  it('is an operation under its resource, with its fields and output preview, and it runs', async () => {
    const operations = built.description.properties.filter((p) => p.name === 'operation' && (p.displayOptions?.show?.['resource'] as string[]).includes('service'));
    assert.ok((operations[0]!.options as Array<{ value: string; name: string }>).some((o) => o.value === 'fetch-service-settings' && o.name === 'Fetch the settings of a service'));
    const field = built.description.properties.find((p) => p.name === 'serviceSid' && (p.displayOptions?.show?.['operation'] as string[]).includes('fetch-service-settings'));
    assert.equal(field?.type, 'options');
    assert.ok(existsSync(`${built.dir}/dist/nodes/TwilioVerify/__schema__/v1.0.0/service/fetch-service-settings.json`));

    const bridge = await createBridge({ NodeOperationError: n8nWorkflow.NodeOperationError, connector: loadConnector(copy.dir) });
    const connection = { accountSid: emu.accountSid, authToken: emu.authToken, baseUrl: emu.url };
    const created = (await (await loadConnector(copy.dir)).execute('create-service', connection, { friendlyName: 'Copy' })) as { sid: string };
    const [out] = await bridge.execute(
      executeContext(built.description, {
        parameters: { resource: 'service', operation: 'fetch-service-settings', serviceSid: created.sid },
        credentials: { authentication: 'authToken', ...connection },
      }),
    );
    assert.equal(out![0]!.json['friendly_name'], 'Copy');
  });
});
