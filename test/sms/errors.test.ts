import assert from 'node:assert/strict';
import { ConnectorError as KitConnectorError } from '@logto/connector-kit';
import { createSmsConnector, TWILIO_CODE_TO_LOGTO } from '../../connector/sms/index.js';
import { API, assertNoSecret, AUTH_TOKEN, expectRequest, FAST_RETRY, twilioError, useNock } from '../support/nock.js';
import { clone, messageResource, MESSAGES_PATH, seedConfig, TO } from './fixtures.js';

async function sendFailure(config: unknown = seedConfig): Promise<KitConnectorError> {
  const connector = await createSmsConnector({ getConfig: async () => config }, { retry: FAST_RETRY, timeoutMs: 2_000 });
  try {
    await connector.sendMessage({ to: TO, type: 'SignIn', payload: { code: '123456' } });
  } catch (error) {
    assert.ok(error instanceof KitConnectorError, "errors are connector-kit's ConnectorError (Logto checks instanceof)");
    assertNoSecret(error);
    assertNoSecret(error.message);
    assertNoSecret(JSON.stringify(error.data));
    assert.ok(!JSON.stringify(error.data).includes(AUTH_TOKEN));
    return error;
  }
  assert.fail('expected the send to fail');
}

interface Data {
  errorDescription: string;
  code?: number;
  message?: string;
  more_info?: string;
  status?: number;
}

describe('sms sendMessage: Twilio errors as Logto ConnectorError codes', () => {
  useNock();

  const table: Array<[number, number, string, string, number]> = [
    [20003, 401, 'Authenticate', 'invalid_config', 1],
    [21211, 400, "Invalid 'To' Phone Number: +1501712266", 'invalid_request_parameters', 1],
    [21614, 400, "'To' number is not a valid mobile number", 'invalid_request_parameters', 1],
    [60200, 400, 'Invalid parameter', 'invalid_request_parameters', 1],
    // 20429: Twilio did not act, so the transport tries again (3 attempts with the test policy) before reporting.
    [20429, 429, 'Too Many Requests', 'rate_limit_exceeded', 3],
    [21610, 400, 'Attempt to send to unsubscribed recipient', 'general', 1],
    [21608, 400, 'The number is unverified. Trial accounts cannot send messages to unverified numbers', 'general', 1],
    [21408, 400, 'Permission to send an SMS has not been enabled for the region', 'general', 1],
  ];
  for (const [twilioCode, status, message, logtoCode, attempts] of table) {
    it(`Twilio ${twilioCode} (HTTP ${status}) → ${logtoCode}, with code, message and more_info in data and a readable errorDescription`, async () => {
      const reply = twilioError(twilioCode, status, message);
      const seen = expectRequest('POST', MESSAGES_PATH, reply, API);
      if (attempts > 1) for (let i = 1; i < attempts; i++) expectRequest('POST', MESSAGES_PATH, reply, API);
      const error = await sendFailure();
      assert.equal(error.code, logtoCode);
      const data = error.data as Data;
      assert.equal(data.code, twilioCode);
      assert.equal(data.message, message);
      assert.equal(data.more_info, `https://www.twilio.com/docs/errors/${twilioCode}`);
      assert.equal(data.status, status);
      assert.match(data.errorDescription, new RegExp(`Twilio error ${twilioCode}`));
      assert.ok(data.errorDescription.length > message.length + 30, 'the description says what to do');
      assert.equal(seen.count, 1);
    });
  }

  it('the table of Twilio codes is exactly the one the issue asks for', () => {
    assert.deepEqual(TWILIO_CODE_TO_LOGTO, { 20003: 'invalid_config', 20429: 'rate_limit_exceeded', 21211: 'invalid_request_parameters', 21614: 'invalid_request_parameters', 60200: 'invalid_request_parameters' });
  });

  it('HTTP 429 without a Twilio code → rate_limit_exceeded', async () => {
    for (let i = 0; i < 3; i++) expectRequest('POST', MESSAGES_PATH, { status: 429, body: '', headers: { 'retry-after': '0' } }, API);
    const error = await sendFailure();
    assert.equal(error.code, 'rate_limit_exceeded');
  });

  it('a 5xx is never sent twice (an SMS may have gone out) → general, saying so', async () => {
    const seen = expectRequest('POST', MESSAGES_PATH, twilioError(20500, 500, 'An internal server error has occurred'), API);
    const error = await sendFailure();
    assert.equal(error.code, 'general');
    assert.equal(seen.count, 1);
    assert.match((error.data as Data).errorDescription, /may have sent the SMS/);
  });

  it('a non-JSON error answer (an HTML 502 from a proxy) → invalid_response', async () => {
    expectRequest('POST', MESSAGES_PATH, { status: 502, body: '<html>Bad gateway</html>', headers: { 'content-type': 'text/html' } }, API);
    const error = await sendFailure();
    assert.equal(error.code, 'invalid_response');
    assert.match((error.data as Data).errorDescription, /not the JSON Twilio sends/);
  });

  it('a non-JSON success answer → invalid_response', async () => {
    expectRequest('POST', MESSAGES_PATH, { status: 200, body: '<html>welcome</html>', headers: { 'content-type': 'text/html' } }, API);
    const error = await sendFailure();
    assert.equal(error.code, 'invalid_response');
  });

  it('a refused connection → general, with the network reason and no secret', async () => {
    const error = await sendFailure({ ...clone(seedConfig), baseUrl: 'http://127.0.0.1:9' });
    assert.equal(error.code, 'general');
    assert.match((error.data as Data).errorDescription, /could not be sent: Could not connect to Twilio \(ECONNREFUSED\)\. .*nothing was sent, so sending again is safe/);
    assert.doesNotMatch((error.data as Data).errorDescription, /may have/, 'never "may have been sent" for an SMS that never left');
  });

  it('a success resolves the message even when Twilio adds fields', async () => {
    expectRequest('POST', MESSAGES_PATH, { status: 201, body: messageResource({ new_field: 1 }) }, API);
    const connector = await createSmsConnector({ getConfig: async () => seedConfig });
    const message = await connector.sendMessage({ to: TO, type: 'SignIn', payload: { code: '1' } });
    assert.equal(message['new_field'], 1);
  });
});
