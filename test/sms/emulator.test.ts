import assert from 'node:assert/strict';
import { createSmsConnector } from '../../connector/sms/index.js';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { openForAllTests } from '../support/open-for-tests.js';
import { MESSAGING_SERVICE_SID, seedConfig } from './fixtures.js';

describe('sms sendMessage into the emulator (Messages API on loopback)', () => {
  let emulator: Emulator;
  openForAllTests(startEmulator, (opened) => {
    emulator = opened;
  });

  function configFor(e: Emulator): Record<string, unknown> {
    return { ...seedConfig, accountSID: e.accountSid, authToken: e.authToken, baseUrl: e.url };
  }

  it("the seed's SignIn code sent by sendMessage arrives in the outbox, text as the template says", async () => {
    const connector = await createSmsConnector({ getConfig: async () => configFor(emulator) });
    const message = await connector.sendMessage({ to: '+1 (501) 712-2661', type: 'SignIn', payload: { code: '734021' } });
    assert.match(String(message['sid']), /^SM[0-9a-f]{32}$/);
    assert.equal(message['messaging_service_sid'], MESSAGING_SERVICE_SID);
    const outbox = emulator.outbox({ to: '+15017122661' });
    assert.equal(outbox.length, 1);
    assert.equal(outbox[0]!.body, 'Your sign-in code is 734021.');
    assert.equal(outbox[0]!.channel, 'sms');
  });

  it('with a sender number, RiskCheck and ValidityPeriod, the emulator accepts the message', async () => {
    const { fromMessagingServiceSID: _, ...rest } = configFor(emulator);
    const connector = await createSmsConnector({ getConfig: async () => ({ ...rest, from: '+15005550006', riskCheck: 'disable', validityPeriod: 600 }) });
    const message = await connector.sendMessage({ to: '447700900123', type: 'Generic', payload: { code: '000000' } });
    assert.equal(message['from'], '+15005550006');
    assert.equal(emulator.outbox({ to: '+447700900123' })[0]?.body, 'Your test code is 000000.');
  });

  it('a wrong Auth Token is refused by the emulator (20003) → invalid_config, nothing in the outbox', async () => {
    const before = emulator.outbox().length;
    const connector = await createSmsConnector({ getConfig: async () => ({ ...configFor(emulator), authToken: 'wrong-token' }) });
    await assert.rejects(connector.sendMessage({ to: '+15017122661', type: 'SignIn', payload: { code: '1' } }), (error: { code: string; data: { code: number } }) => {
      assert.equal(error.code, 'invalid_config');
      assert.equal(error.data.code, 20003);
      return true;
    });
    assert.equal(emulator.outbox().length, before);
  });
});
