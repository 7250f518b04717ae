import assert from 'node:assert/strict';
import type { Emulator } from '../../emulator/index.js';
import { openForEachTest } from '../support/open-for-tests.js';
import { type Client, assertTwilioError, basic, client, startTestEmulator } from './helpers.js';

const MG = `MG${'d'.repeat(32)}`;
const TO = '+15017122661';

describe('emulator: Messages API (POST /2010-04-01/Accounts/{AccountSid}/Messages.json)', () => {
  let emu: Emulator;
  let api: Client;
  let path: string;
  openForEachTest(startTestEmulator, (opened) => {
    emu = opened;
    api = client(emu);
    path = `/2010-04-01/Accounts/${emu.accountSid}/Messages.json`;
  });

  it('sends via a Messaging Service: 201 Twilio message resource (status accepted), recorded in the outbox with code null', async () => {
    const res = await api.post(path, { To: TO, Body: 'Your login code is 424242', MessagingServiceSid: MG, RiskCheck: 'disable', ValidityPeriod: 600 });
    assert.equal(res.status, 201, res.text);
    const m = res.body;
    assert.match(m.sid, /^SM[0-9a-f]{32}$/);
    assert.equal(m.account_sid, emu.accountSid);
    assert.equal(m.api_version, '2010-04-01');
    assert.equal(m.to, TO);
    assert.equal(m.from, null);
    assert.equal(m.messaging_service_sid, MG);
    assert.equal(m.body, 'Your login code is 424242');
    assert.equal(m.status, 'accepted');
    assert.equal(m.direction, 'outbound-api');
    assert.equal(m.num_segments, '1');
    assert.equal(m.num_media, '0');
    assert.equal(m.error_code, null);
    assert.equal(m.uri, `/2010-04-01/Accounts/${emu.accountSid}/Messages/${m.sid}.json`);
    assert.match(m.date_created, /^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d \+0000$/, 'RFC 2822 dates as the 2010 API uses');
    assert.deepEqual(emu.outbox({ to: TO }), [
      { to: TO, channel: 'sms', body: 'Your login code is 424242', code: null, at: new Date(emu.clock.now()).toISOString() },
    ]);
  });

  it('sends from a number (status queued) and to WhatsApp (channel whatsapp); counts segments', async () => {
    const res = await api.post(path, { To: `whatsapp:${TO}`, From: 'whatsapp:+15005550006', Body: 'x'.repeat(161) });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.status, 'queued');
    assert.equal(res.body.from, 'whatsapp:+15005550006');
    assert.equal(res.body.num_segments, '2');
    assert.equal(emu.outbox({ to: `whatsapp:${TO}` })[0]?.channel, 'whatsapp');
  });

  it('accepts API key credentials on the account path; a key SID in the account path → 400 code 21470; another account → 404', async () => {
    const keyApi = client(emu, basic(emu.apiKeySid, emu.apiKeySecret));
    assert.equal((await keyApi.post(path, { To: TO, Body: 'hi', MessagingServiceSid: MG })).status, 201);
    assertTwilioError(await keyApi.post(`/2010-04-01/Accounts/${emu.apiKeySid}/Messages.json`, { To: TO, Body: 'hi', MessagingServiceSid: MG }), 400, 21470);
    assertTwilioError(await api.post(`/2010-04-01/Accounts/AC${'0'.repeat(32)}/Messages.json`, { To: TO, Body: 'hi', MessagingServiceSid: MG }), 404, 20404);
  });

  it("answers Twilio's Messages errors: 21604, 21211, 21602, 21617, 21603, 21701 (and 60200 for bad RiskCheck/ValidityPeriod)", async () => {
    assertTwilioError(await api.post(path, { Body: 'hi', MessagingServiceSid: MG }), 400, 21604);
    assertTwilioError(await api.post(path, { To: '12345', Body: 'hi', MessagingServiceSid: MG }), 400, 21211);
    assertTwilioError(await api.post(path, { To: TO, MessagingServiceSid: MG }), 400, 21602);
    assertTwilioError(await api.post(path, { To: TO, Body: 'x'.repeat(1601), MessagingServiceSid: MG }), 400, 21617);
    assertTwilioError(await api.post(path, { To: TO, Body: 'hi' }), 400, 21603);
    assertTwilioError(await api.post(path, { To: TO, Body: 'hi', MessagingServiceSid: 'MG123' }), 400, 21701);
    assertTwilioError(await api.post(path, { To: TO, Body: 'hi', MessagingServiceSid: MG, RiskCheck: 'on' }), 400, 60200);
    assertTwilioError(await api.post(path, { To: TO, Body: 'hi', MessagingServiceSid: MG, ValidityPeriod: 0 }), 400, 60200);
    assert.equal(emu.outbox().length, 0, 'nothing recorded for refused messages');
  });

  it('GET on Messages.json is 405 code 20004 with Allow: POST', async () => {
    const res = await api.get(path);
    assertTwilioError(res, 405, 20004);
    assert.equal(res.headers.get('allow'), 'POST');
  });
});
