/**
 * The webhook modules against the real emulator, and the end of the chain: a webhook registered through
 * create-webhook receives a signed event (a real POST to a loopback server) that twilio.validateRequest accepts.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as OTPAuth from 'otpauth';
import twilio from 'twilio';
import { openForEachTest } from '../support/open-for-tests.js';
import { type Harness, type Json, harnessWithService } from './helpers.js';

const IDENTITY = 'ff483d1ff591898a9942916050d2ca3f';

describe('emulator × modules: webhooks', () => {
  let h: Harness;
  let serviceSid: string;
  openForEachTest(harnessWithService, (opened) => ({ h, serviceSid } = opened));

  it('create-webhook, get-webhook, list-webhooks, update-webhook, delete-webhook', async () => {
    const input = { serviceSid, friendlyName: 'Login events', eventTypes: ['factor.verified', 'challenge.approved'], webhookUrl: 'http://127.0.0.1:9/events' };
    assert.deepEqual(h.connector.prepareRequest('create-webhook', input), {
      method: 'POST',
      host: 'verify',
      path: `/v2/Services/${serviceSid}/Webhooks`,
      form: [['FriendlyName', 'Login events'], ['EventTypes', 'factor.verified'], ['EventTypes', 'challenge.approved'], ['WebhookUrl', 'http://127.0.0.1:9/events']],
    });
    const created = await h.run('create-webhook', input);
    assert.deepEqual(created.event_types, ['factor.verified', 'challenge.approved']);
    assert.equal(created.status, 'enabled');
    const ref = { serviceSid, webhookSid: created.sid };
    assert.equal((await h.run('get-webhook', ref)).webhook_url, 'http://127.0.0.1:9/events');
    assert.deepEqual((await h.run('list-webhooks', { serviceSid })).webhooks.map((w: Json) => w.sid), [created.sid]);
    assert.deepEqual(h.connector.prepareRequest('update-webhook', { ...ref, status: 'disabled', version: 'v2' }).form, [['Status', 'disabled'], ['Version', 'v2']]);
    const updated = await h.run('update-webhook', { ...ref, status: 'disabled' });
    assert.equal(updated.status, 'disabled');
    assert.deepEqual(await h.run('delete-webhook', ref), { sid: created.sid, deleted: true });
    const gone = await h.fails('get-webhook', ref, 'not_found');
    assert.equal(gone.twilioCode, 20404);
    await h.fails('update-webhook', ref, 'invalid_input');
  });

  it('a webhook registered through create-webhook receives a signed factor.verified event that twilio.validateRequest accepts', async () => {
    const received: Array<{ signature: string; params: Record<string, string> }> = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ signature: String(req.headers['x-twilio-signature']), params: Object.fromEntries(new URLSearchParams(body)) });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/verify-events`;
      await h.run('create-webhook', { serviceSid, friendlyName: 'Verified', eventTypes: ['factor.verified'], webhookUrl: url });
      const factor = await h.run('create-totp-factor', { serviceSid, identity: IDENTITY, friendlyName: 'ana@example.com' });
      const totp = OTPAuth.URI.parse(factor.binding.uri) as OTPAuth.TOTP;
      await h.run('verify-totp-factor', { serviceSid, identity: IDENTITY, factorSid: factor.sid, code: totp.generate({ timestamp: h.emu.clock.now() }) });
      await h.emu.webhooksIdle();
      assert.equal(received.length, 1, 'factor.created is not subscribed, factor.verified is');
      const [event] = received;
      assert.equal(event!.params['type'], 'factor.verified');
      assert.equal(event!.params['factor_sid'], factor.sid);
      assert.ok(twilio.validateRequest(h.emu.authToken, event!.signature, url, event!.params));
      assert.equal(twilio.validateRequest(h.emu.authToken, event!.signature, `${url}?x=1`, event!.params), false);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
