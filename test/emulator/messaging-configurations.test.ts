import assert from 'node:assert/strict';
import type { Emulator } from '../../emulator/index.js';
import { openForEachTest } from '../support/open-for-tests.js';
import { type Client, assertMatchesSpec, assertTwilioError, schemaProperties, startWithService } from './helpers.js';

const MG = `MG${'a'.repeat(32)}`;
const MG2 = `MG${'b'.repeat(32)}`;

describe('emulator: messaging configurations (/v2/Services/{ServiceSid}/MessagingConfigurations)', () => {
  let emu: Emulator;
  let api: Client;
  let base: string;
  openForEachTest(startWithService, (opened) => {
    ({ emu, api } = opened);
    base = `/v2/Services/${opened.serviceSid}/MessagingConfigurations`;
  });

  it('creates, fetches, lists, updates and deletes by country (spec verify.v2.service.messaging_configuration); a second one for a country is 60213', async () => {
    const created = await api.post(base, { Country: 'CA', MessagingServiceSid: MG });
    assert.equal(created.status, 201, created.text);
    assertMatchesSpec('CreateMessagingConfiguration', created);
    assert.deepEqual(Object.keys(created.body), schemaProperties('verify.v2.service.messaging_configuration'));
    assert.equal(created.body.url, `${emu.url}${base}/CA`);
    assertTwilioError(await api.post(base, { Country: 'CA', MessagingServiceSid: MG2 }), 400, 60213);
    assert.equal((await api.post(base, { Country: 'all', MessagingServiceSid: MG2 })).status, 201);
    const listed = await api.get(base);
    assertMatchesSpec('ListMessagingConfiguration', listed);
    assert.deepEqual(listed.body.messaging_configurations.map((c: { country: string }) => c.country), ['CA', 'all']);
    const updated = await api.post(`${base}/CA`, { MessagingServiceSid: MG2 });
    assertMatchesSpec('UpdateMessagingConfiguration', updated);
    assert.equal(updated.body.messaging_service_sid, MG2);
    const fetched = await api.get(`${base}/CA`);
    assertMatchesSpec('FetchMessagingConfiguration', fetched);
    assert.deepEqual(fetched.body, updated.body);
    const deleted = await api.del(`${base}/CA`);
    assert.equal(deleted.status, 204);
    assertMatchesSpec('DeleteMessagingConfiguration', deleted);
    assertTwilioError(await api.get(`${base}/CA`), 404, 20404);
  });

  it('needs a country code or all and an MG… Messaging Service SID (60200)', async () => {
    const bad: Array<Record<string, string>> = [{ MessagingServiceSid: MG }, { Country: 'Canada', MessagingServiceSid: MG }, { Country: 'CA' }, { Country: 'CA', MessagingServiceSid: 'MG1' }];
    for (const form of bad) {
      assertTwilioError(await api.post(base, form), 400, 60200);
    }
    assertTwilioError(await api.post(`${base}/CA`, { MessagingServiceSid: MG }), 404, 20404);
  });
});
