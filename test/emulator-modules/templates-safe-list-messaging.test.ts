import assert from 'node:assert/strict';
import { TEMPLATE_FIXTURES } from '../../emulator/index.js';
import { openForEachTest } from '../support/open-for-tests.js';
import { type Harness, type Json, TO, harness } from './helpers.js';

const MG = `MG${'a'.repeat(32)}`;
const MG2 = `MG${'b'.repeat(32)}`;

describe('emulator × modules: templates, the safe list and messaging configurations', () => {
  let h: Harness;
  openForEachTest(harness, (opened) => {
    h = opened;
  });

  it('list-templates returns the templates whose SIDs the templateSid fields offer (x-options-from); start-verification sends one', async () => {
    const { templates } = await h.run('list-templates', {});
    assert.deepEqual(templates.map((t: Json) => t.sid), TEMPLATE_FIXTURES.map((t) => t.sid));
    const named = await h.run('list-templates', { friendlyName: 'Base Verification Template 3' });
    assert.equal(named.templates.length, 1);
    const field = h.connector.modules.find((m) => m.id === 'start-verification')!.inputSchema['properties'] as Json;
    assert.deepEqual(field['templateSid']['x-options-from'], { module: 'list-templates', value: 'sid', label: 'friendly_name' });
    const service = await h.createService();
    await h.run('start-verification', { serviceSid: service.sid, to: TO, channel: 'sms', templateSid: templates[1].sid });
    assert.equal(h.emu.outbox({ to: TO })[0]!.body, `Your verification code is: ${h.lastCode()}. Do not share it.`);
  });

  it('a start with a translation that is not approved is invalid_parameter (60201), with the remedy pointing at List templates', async () => {
    const service = await h.createService();
    const custom = TEMPLATE_FIXTURES[2]!;
    const error = await h.fails('start-verification', { serviceSid: service.sid, to: TO, channel: 'sms', templateSid: custom.sid, locale: 'fr' }, 'invalid_parameter');
    assert.equal(error.twilioCode, 60201);
    assert.match(error.remedy ?? '', /List templates/);
  });

  it('add-safe-list-number, check-safe-list-number, remove-safe-list-number; a duplicate is already_exists (60411), a number not listed is not_found', async () => {
    const phoneNumber = '+18001234567';
    assert.deepEqual(h.connector.prepareRequest('add-safe-list-number', { phoneNumber }), { method: 'POST', host: 'verify', path: '/v2/SafeList/Numbers', form: [['PhoneNumber', phoneNumber]] });
    const added = await h.run('add-safe-list-number', { phoneNumber });
    assert.match(added.sid, /^GN[0-9a-f]{32}$/);
    assert.equal((await h.fails('add-safe-list-number', { phoneNumber }, 'already_exists')).twilioCode, 60411);
    assert.deepEqual(h.connector.prepareRequest('check-safe-list-number', { phoneNumber }), { method: 'GET', host: 'verify', path: '/v2/SafeList/Numbers/%2B18001234567' });
    assert.deepEqual(await h.run('check-safe-list-number', { phoneNumber }), added);
    assert.deepEqual(await h.run('remove-safe-list-number', { phoneNumber }), { phone_number: phoneNumber, deleted: true });
    const missing = await h.fails('check-safe-list-number', { phoneNumber }, 'not_found');
    assert.match(missing.remedy ?? '', /not on the safe list/);
    await h.fails('remove-safe-list-number', { phoneNumber }, 'not_found');
  });

  it('create-, list-, get-, update- and delete-messaging-configuration by country; a second one for a country is already_exists (60213)', async () => {
    const serviceSid = (await h.createService()).sid;
    assert.deepEqual(h.connector.prepareRequest('create-messaging-configuration', { serviceSid, country: 'CA', messagingServiceSid: MG }).form, [['Country', 'CA'], ['MessagingServiceSid', MG]]);
    const created = await h.run('create-messaging-configuration', { serviceSid, country: 'CA', messagingServiceSid: MG });
    assert.deepEqual([created.country, created.messaging_service_sid, created.service_sid], ['CA', MG, serviceSid]);
    assert.equal((await h.fails('create-messaging-configuration', { serviceSid, country: 'CA', messagingServiceSid: MG2 }, 'already_exists')).twilioCode, 60213);
    await h.run('create-messaging-configuration', { serviceSid, country: 'all', messagingServiceSid: MG2 });
    const listed = await h.run('list-messaging-configurations', { serviceSid, pageSize: 1 });
    assert.deepEqual(listed.messaging_configurations.map((c: Json) => c.country), ['CA', 'all'], 'two pages followed');
    const updated = await h.run('update-messaging-configuration', { serviceSid, country: 'CA', messagingServiceSid: MG2 });
    assert.equal(updated.messaging_service_sid, MG2);
    assert.deepEqual(await h.run('get-messaging-configuration', { serviceSid, country: 'CA' }), updated);
    assert.deepEqual(await h.run('delete-messaging-configuration', { serviceSid, country: 'CA' }), { country: 'CA', deleted: true });
    await h.fails('get-messaging-configuration', { serviceSid, country: 'CA' }, 'not_found');
    await h.fails('create-messaging-configuration', { serviceSid, country: 'Canada', messagingServiceSid: MG }, 'invalid_input');
  });
});
