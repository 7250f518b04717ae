import assert from 'node:assert/strict';
import type { Emulator } from '../../emulator/index.js';
import { openForEachTest } from '../support/open-for-tests.js';
import { type Client, assertMatchesSpec, assertTwilioError, client, schemaProperties, startTestEmulator } from './helpers.js';

describe('emulator: the safe list (/v2/SafeList/Numbers)', () => {
  let emu: Emulator;
  let api: Client;
  openForEachTest(startTestEmulator, (opened) => {
    emu = opened;
    api = client(emu);
  });

  it('adds, checks and removes a number; bodies are the spec verify.v2.safelist; a second add is 60411', async () => {
    const added = await api.post('/v2/SafeList/Numbers', { PhoneNumber: '+18001234567' });
    assert.equal(added.status, 201, added.text);
    assertMatchesSpec('CreateSafelist', added);
    assert.deepEqual(Object.keys(added.body), schemaProperties('verify.v2.safelist'));
    assert.match(added.body.sid, /^GN[0-9a-f]{32}$/);
    assert.equal(added.body.url, `${emu.url}/v2/SafeList/Numbers/+18001234567`);
    assertTwilioError(await api.post('/v2/SafeList/Numbers', { PhoneNumber: '+18001234567' }), 400, 60411);
    const checked = await api.get('/v2/SafeList/Numbers/%2B18001234567');
    assertMatchesSpec('FetchSafelist', checked);
    assert.deepEqual(checked.body, added.body);
    const removed = await api.del('/v2/SafeList/Numbers/+18001234567');
    assert.equal(removed.status, 204);
    assertMatchesSpec('DeleteSafelist', removed);
    assertTwilioError(await api.get('/v2/SafeList/Numbers/+18001234567'), 404, 20404);
    assertTwilioError(await api.del('/v2/SafeList/Numbers/+18001234567'), 404, 20404);
  });

  it('needs an E.164 PhoneNumber (60200)', async () => {
    assertTwilioError(await api.post('/v2/SafeList/Numbers', {}), 400, 60200);
    assertTwilioError(await api.post('/v2/SafeList/Numbers', { PhoneNumber: '18001234567' }), 400, 60200);
  });
});
