/**
 * Webhooks: CRUD over real HTTP (bodies checked against the spec), and real deliveries: the emulator POSTs each
 * factor and challenge event to a loopback server, form-encoded and signed, and the `twilio` package's own
 * validateRequest accepts the signature (and refuses it with another token or a changed parameter).
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as OTPAuth from 'otpauth';
import twilio from 'twilio';
import type { Emulator } from '../../emulator/index.js';
import { type Client, assertMatchesSpec, assertTwilioError, client, createService, startTestEmulator } from './helpers.js';

const IDENTITY = 'ff483d1ff591898a9942916050d2ca3f';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  params: Record<string, string>;
}

/** A real HTTP endpoint on loopback (port 0) that records every POST it gets. */
async function receiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body, params: Object.fromEntries(new URLSearchParams(body)) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('emulator: webhooks', () => {
  let emu: Emulator;
  let api: Client;
  let serviceSid: string;
  let hook: Awaited<ReturnType<typeof receiver>>;
  beforeEach(async () => {
    emu = await startTestEmulator();
    api = client(emu);
    serviceSid = (await createService(api, { FriendlyName: 'Acme' })).sid;
    hook = await receiver();
  });
  afterEach(async () => {
    await emu.close();
    await hook.close();
  });

  const webhooksPath = (): string => `/v2/Services/${serviceSid}/Webhooks`;

  it('CreateWebhook 201 (enabled, v2, POST by default), Fetch, List, Update, Delete 204 then 20404', async () => {
    const created = await api.post(webhooksPath(), { FriendlyName: 'Login events', EventTypes: ['factor.verified', 'challenge.approved'], WebhookUrl: `${hook.url}/events` });
    assertMatchesSpec('CreateWebhook', created);
    assert.equal(created.status, 201);
    assert.match(created.body.sid, /^YW[0-9a-f]{32}$/);
    assert.deepEqual(created.body.event_types, ['factor.verified', 'challenge.approved']);
    assert.equal(created.body.status, 'enabled');
    assert.equal(created.body.version, 'v2');
    assert.equal(created.body.webhook_method, 'POST');
    const path = `${webhooksPath()}/${created.body.sid}`;
    assertMatchesSpec('FetchWebhook', await api.get(path));
    const list = await api.get(webhooksPath());
    assertMatchesSpec('ListWebhook', list);
    assert.equal(list.body.webhooks.length, 1);
    const updated = await api.post(path, { Status: 'disabled', EventTypes: '*' });
    assertMatchesSpec('UpdateWebhook', updated);
    assert.equal(updated.body.status, 'disabled');
    assert.deepEqual(updated.body.event_types, ['*']);
    assert.equal(updated.body.friendly_name, 'Login events', 'what was not given keeps its value');
    const deleted = await api.del(path);
    assertMatchesSpec('DeleteWebhook', deleted);
    assertTwilioError(await api.get(path), 404, 20404);
  });

  it('refuses a missing name, events or URL, an unknown event type, a bad status or version (60200)', async () => {
    const good = { FriendlyName: 'x', EventTypes: 'factor.created', WebhookUrl: hook.url };
    const bads: Array<Record<string, string>> = [{ FriendlyName: '' }, { EventTypes: 'sms.sent' }, { WebhookUrl: 'ftp://example.com' }, { Status: 'paused' }, { Version: 'v3' }];
    for (const bad of bads) {
      assertTwilioError(await api.post(webhooksPath(), { ...good, ...bad }), 400, 60200);
    }
    assertTwilioError(await api.post(webhooksPath(), { FriendlyName: 'x', WebhookUrl: hook.url }), 400, 60200);
  });

  it('VERIFY-BEYOND: factor.created and factor.verified arrive as signed form POSTs that twilio.validateRequest accepts', async () => {
    const url = `${hook.url}/twilio/verify-events?tenant=acme`;
    await api.post(webhooksPath(), { FriendlyName: 'All', EventTypes: '*', WebhookUrl: url });
    const created = await api.post(`/v2/Services/${serviceSid}/Entities/${IDENTITY}/Factors`, { FriendlyName: 'ana@example.com', FactorType: 'totp' });
    const app = OTPAuth.URI.parse(created.body.binding.uri) as OTPAuth.TOTP;
    await api.post(`/v2/Services/${serviceSid}/Entities/${IDENTITY}/Factors/${created.body.sid}`, { AuthPayload: app.generate({ timestamp: emu.clock.now() }) });
    await emu.webhooksIdle();

    assert.deepEqual(hook.received.map((r) => r.params['type']), ['factor.created', 'factor.verified']);
    for (const event of hook.received) {
      assert.equal(event.path, '/twilio/verify-events?tenant=acme');
      assert.equal(event.headers['content-type'], 'application/x-www-form-urlencoded');
      const signature = event.headers['x-twilio-signature'] as string;
      assert.ok(twilio.validateRequest(emu.authToken, signature, url, event.params), 'the twilio package accepts the signature');
      assert.equal(twilio.validateRequest('another-auth-token', signature, url, event.params), false);
      assert.equal(twilio.validateRequest(emu.authToken, signature, url, { ...event.params, factor_sid: `YF${'0'.repeat(32)}` }), false);
      assert.match(event.params['uuid']!, /^[0-9a-f-]{36}$/);
      assert.equal(event.params['account_sid'], emu.accountSid);
      assert.equal(event.params['service_sid'], serviceSid);
      assert.equal(event.params['entity_identity'], IDENTITY);
      assert.equal(event.params['factor_sid'], created.body.sid);
      assert.equal(event.params['factor_type'], 'totp');
    }
    assert.notEqual(hook.received[0]!.params['uuid'], hook.received[1]!.params['uuid']);
    assert.deepEqual(emu.webhookDeliveries().map((d) => [d.type, d.status]), [['factor.created', 204], ['factor.verified', 204]]);
  });

  it('challenge.approved and challenge.denied carry the challenge; only subscribed events of enabled webhooks are sent', async () => {
    await api.post(webhooksPath(), { FriendlyName: 'Challenges', EventTypes: ['challenge.approved', 'challenge.denied'], WebhookUrl: `${hook.url}/challenges` });
    const off = await api.post(webhooksPath(), { FriendlyName: 'Off', EventTypes: '*', WebhookUrl: `${hook.url}/off`, Status: 'disabled' });
    assert.equal(off.status, 201);
    const base = `/v2/Services/${serviceSid}/Entities/${IDENTITY}`;
    const created = await api.post(`${base}/Factors`, { FriendlyName: 'ana@example.com', FactorType: 'totp' });
    const app = OTPAuth.URI.parse(created.body.binding.uri) as OTPAuth.TOTP;
    await api.post(`${base}/Factors/${created.body.sid}`, { AuthPayload: app.generate({ timestamp: emu.clock.now() }) });
    const approved = await api.post(`${base}/Challenges`, { FactorSid: created.body.sid, AuthPayload: app.generate({ timestamp: emu.clock.now() }) });
    const push = await api.post(`${base}/Factors`, { FriendlyName: 'phone', FactorType: 'push', 'Binding.PublicKey': 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE', 'Config.AppId': 'com.example.app', 'Config.NotificationPlatform': 'none', 'Config.SdkVersion': '1.0' });
    emu.device.verifyFactor(serviceSid, IDENTITY, push.body.sid);
    const pending = await api.post(`${base}/Challenges`, { FactorSid: push.body.sid, 'Details.Message': 'Log in?' });
    emu.device.answerChallenge(serviceSid, IDENTITY, pending.body.sid, 'denied');
    await emu.webhooksIdle();

    assert.deepEqual(hook.received.map((r) => [r.path, r.params['type'], r.params['challenge_sid'], r.params['factor_type']]), [
      ['/challenges', 'challenge.approved', approved.body.sid, 'totp'],
      ['/challenges', 'challenge.denied', pending.body.sid, 'push'],
    ]);
    assert.equal(hook.received[1]!.params['challenge_status'], 'denied');
  });

  it('never calls a URL outside loopback: the delivery is logged as not sent', async () => {
    await api.post(webhooksPath(), { FriendlyName: 'Outside', EventTypes: 'factor.created', WebhookUrl: 'https://example.com/hook' });
    await api.post(`/v2/Services/${serviceSid}/Entities/${IDENTITY}/Factors`, { FriendlyName: 'ana', FactorType: 'totp' });
    await emu.webhooksIdle();
    const [delivery, ...rest] = emu.webhookDeliveries();
    assert.equal(rest.length, 0);
    assert.equal(delivery?.status, null);
    assert.match(delivery?.error ?? '', /only calls loopback/);
    assert.ok(twilio.validateRequest(emu.authToken, delivery!.signature, 'https://example.com/hook', delivery!.params), 'it is signed all the same');
  });
});
