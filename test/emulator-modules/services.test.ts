import assert from 'node:assert/strict';
import { openForEachTest } from '../support/open-for-tests.js';
import { type Harness, harness } from './helpers.js';

describe('emulator × modules: services (create, get, update, list, delete)', () => {
  let h: Harness;
  openForEachTest(harness, (opened) => {
    h = opened;
  });

  it('create-service: sends FriendlyName and settings as a form, returns the service resource (VA… sid, code length)', async () => {
    const service = await h.createService({ friendlyName: 'Acme sign-in', codeLength: 8, doNotShareWarningEnabled: true, totp: { issuer: 'Acme', timeStep: 30 } });
    assert.match(service.sid, /^VA[0-9a-f]{32}$/);
    assert.equal(service.account_sid, h.emu.accountSid);
    assert.equal(service.friendly_name, 'Acme sign-in');
    assert.equal(service.code_length, 8);
    assert.equal(service.do_not_share_warning_enabled, true);
    assert.equal(service.totp.issuer, 'Acme');
    assert.equal(service.totp.time_step, 30);
    assert.equal(h.emu.stats().services, 1);
  });

  it('create-service: a friendly name over 30 characters is refused by our schema, nothing sent', async () => {
    await h.fails('create-service', { friendlyName: 'x'.repeat(31) }, 'invalid_input');
    assert.equal(h.emu.stats().requests, 0);
  });

  it('get-service: fetches the service by SID; an unknown SID gives not_found (20404)', async () => {
    const created = await h.createService();
    const fetched = await h.run('get-service', { serviceSid: created.sid });
    assert.equal(fetched.sid, created.sid);
    assert.equal(fetched.friendly_name, 'Acme');
    assert.equal(fetched.code_length, 6, 'VERIFY-FACTS: default code length 6');
    const error = await h.fails('get-service', { serviceSid: `VA${'0'.repeat(32)}` }, 'not_found');
    assert.equal(error.twilioCode, 20404);
    assert.equal(error.status, 404);
  });

  it('update-service: changes only the given settings, and the change sticks (get-service)', async () => {
    const created = await h.createService({ codeLength: 8 });
    const updated = await h.run('update-service', { serviceSid: created.sid, friendlyName: 'Acme login', lookupEnabled: true });
    assert.equal(updated.friendly_name, 'Acme login');
    assert.equal(updated.lookup_enabled, true);
    assert.equal(updated.code_length, 8, 'settings left out keep their value');
    const fetched = await h.run('get-service', { serviceSid: created.sid });
    assert.equal(fetched.friendly_name, 'Acme login');
  });

  it('update-service: a new code length applies to the next verification', async () => {
    const created = await h.createService();
    await h.run('update-service', { serviceSid: created.sid, codeLength: 4 });
    await h.run('start-verification', { serviceSid: created.sid, to: '+15017122661', channel: 'sms' });
    assert.match(h.lastCode(), /^\d{4}$/);
  });

  it('list-services: follows next_page_url across pages up to the limit (PageSize 2, 7 services, limit 5)', async () => {
    const sids: string[] = [];
    for (let i = 0; i < 7; i++) sids.push((await h.createService({ friendlyName: `Service ${i}` })).sid);
    const before = h.emu.stats().requests;
    const listed = await h.run('list-services', { limit: 5, pageSize: 2 });
    assert.equal(listed.services.length, 5);
    assert.deepEqual(
      listed.services.map((s: { sid: string }) => s.sid),
      sids.slice(0, 5),
      'the first five, in the emulator order, no repeats',
    );
    assert.equal(h.emu.stats().requests - before, 3, 'three pages of 2 (2 + 2 + 1 kept), and no fourth request');
  });

  it('list-services: the whole list when the limit is above the count; an empty account lists nothing', async () => {
    assert.deepEqual((await h.run('list-services', {})).services, []);
    for (let i = 0; i < 5; i++) await h.createService({ friendlyName: `S${i}` });
    const listed = await h.run('list-services', { pageSize: 2, limit: 100 });
    assert.equal(listed.services.length, 5);
    assert.equal(new Set(listed.services.map((s: { sid: string }) => s.sid)).size, 5);
  });

  it('list-services: with no input returns the default 50 of 55 services in one page request (Twilio PageSize default 50)', async () => {
    for (let i = 0; i < 55; i++) await h.createService({ friendlyName: `S${i}` });
    const before = h.emu.stats().requests;
    const listed = await h.run('list-services', {});
    assert.equal(listed.services.length, 50);
    assert.equal(h.emu.stats().requests - before, 1);
  });

  it('delete-service: deletes (204 → { sid, deleted: true }); the service is gone, its verifications too', async () => {
    const created = await h.createService();
    await h.run('start-verification', { serviceSid: created.sid, to: '+15017122661', channel: 'sms' });
    const deleted = await h.run('delete-service', { serviceSid: created.sid });
    assert.deepEqual(deleted, { sid: created.sid, deleted: true });
    assert.equal(h.emu.stats().services, 0);
    assert.equal(h.emu.stats().verifications, 0);
    await h.fails('get-service', { serviceSid: created.sid }, 'not_found');
    assert.deepEqual((await h.run('list-services', {})).services, []);
  });

  it('delete-service: deleting an unknown service gives not_found', async () => {
    await h.fails('delete-service', { serviceSid: `VA${'1'.repeat(32)}` }, 'not_found');
  });
});
