/** The internal module send-message: the SMS connector's Messages API send, run through the same pipeline as any module. */
import assert from 'node:assert/strict';
import { loadConnector } from '../../connector/index.js';
import { ACCOUNT_SID, API, AUTH_TOKEN, FAST_RETRY, basicAuth, connection, expectRequest, trapRequests, twilioError, useNock } from '../support/nock.js';
import { messageResource, MESSAGING_SERVICE_SID } from '../sms/fixtures.js';
import { assertInvalidInput } from './fixtures/service.js';

const path = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;
const input = { accountSid: ACCOUNT_SID, to: '+15017122661', body: 'Your code is 123456.', messagingServiceSid: MESSAGING_SERVICE_SID };

describe('module send-message (internal)', () => {
  useNock();

  it('is not listed in connector.modules (no host generates it) but runs by id', async () => {
    const connector = await loadConnector();
    assert.ok(!connector.modules.some((m) => m.id === 'send-message'));
    assert.equal(connector.module('send-message').kind, 'request');
  });

  it('prepares POST api …/Accounts/{AccountSid}/Messages.json with To, Body, the sender, then the options that are set', async () => {
    const connector = await loadConnector();
    assert.deepEqual(connector.prepareRequest('send-message', { ...input, riskCheck: 'disable', validityPeriod: 600 }), {
      method: 'POST',
      host: 'api',
      path,
      form: [['To', '+15017122661'], ['Body', 'Your code is 123456.'], ['MessagingServiceSid', MESSAGING_SERVICE_SID], ['RiskCheck', 'disable'], ['ValidityPeriod', '600']],
    });
    const { messagingServiceSid: _sender, ...withoutService } = input;
    assert.deepEqual(connector.prepareRequest('send-message', { ...withoutService, from: '+15005550006' }).form, [['To', '+15017122661'], ['Body', 'Your code is 123456.'], ['From', '+15005550006']]);
  });

  it('sends it once, signed with the connection, and resolves the message Twilio created', async () => {
    const connector = await loadConnector();
    const answer = messageResource({ body: input.body });
    const seen = expectRequest('POST', path, { status: 201, body: answer }, API);
    const output = await connector.execute('send-message', connection, input);
    assert.equal(seen.count, 1);
    assert.equal(seen.headers?.['authorization'], basicAuth(ACCOUNT_SID, AUTH_TOKEN));
    assert.deepEqual(seen.form, [['To', input.to], ['Body', input.body], ['MessagingServiceSid', MESSAGING_SERVICE_SID]]);
    assert.deepEqual(output, answer);
  });

  it('maps Twilio errors through the one table and never sends a 5xx twice (a second send is a second SMS)', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('POST', path, twilioError(20500, 500, 'An internal server error has occurred'), API);
    await assert.rejects(connector.execute('send-message', connection, input, { retry: FAST_RETRY }), { code: 'server_error', retryable: false });
    assert.equal(seen.count, 1);
    expectRequest('POST', path, twilioError(21211, 400, "Invalid 'To' Phone Number"), API);
    await assert.rejects(connector.execute('send-message', connection, input), { code: 'invalid_parameter', twilioCode: 21211 });
  });

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['no sender', { accountSid: ACCOUNT_SID, to: input.to, body: input.body }, ''],
    ['two senders', { ...input, from: '+15005550006' }, ''],
    ['a number without its country code', { ...input, to: '5017122661' }, '/to'],
    ['an empty text', { ...input, body: '' }, '/body'],
    ['a text longer than 1,600 characters', { ...input, body: 'x'.repeat(1601) }, '/body'],
  ];
  for (const [what, value, pointer] of invalid) {
    it(`refuses ${what} (${pointer || 'the whole input'}) and sends nothing`, async () => {
      const connector = await loadConnector();
      const trap = trapRequests();
      await assertInvalidInput(connector.execute('send-message', connection, value), pointer);
      assert.equal(trap.count, 0);
    });
  }
});
