import assert from 'node:assert/strict';
import nock from 'nock';
import { ConnectorError as KitConnectorError } from '@logto/connector-kit';
import createConnector, { createSmsConnector, normalisePhone, fillTemplate } from '../../connector/sms/index.js';
import { API, ACCOUNT_SID, API_KEY_SECRET, API_KEY_SID, AUTH_TOKEN, basicAuth, expectRequest, FAST_RETRY, useNock } from '../support/nock.js';
import { apiKeyConfig, clone, currentLogtoConfig, messageResource, MESSAGES_PATH, MESSAGING_SERVICE_SID, seedConfig, TO } from './fixtures.js';

/** Counts requests nock could not match (none are expected): proves a refusal sent nothing. */
function watchUnmatched(): { count(): number; stop(): void } {
  let count = 0;
  const listener = (): void => {
    count++;
  };
  nock.emitter.on('no match', listener);
  return { count: () => count, stop: () => nock.emitter.removeListener('no match', listener) };
}

async function connectorFor(config: unknown) {
  return createSmsConnector({ getConfig: async () => config }, { retry: FAST_RETRY });
}

async function rejection(promise: Promise<unknown>): Promise<KitConnectorError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof KitConnectorError, `expected connector-kit's ConnectorError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('sms sendMessage: the Messages API request', () => {
  useNock();

  it('createConnector does not call getConfig, and has Logto\'s shape (metadata, type Sms, configGuard, sendMessage)', async () => {
    let calls = 0;
    const connector = await createConnector({ getConfig: async () => { calls++; return seedConfig; } });
    assert.equal(calls, 0);
    assert.equal(connector.type, 'Sms');
    assert.equal(connector.metadata.id, 'twilio-verify-connector-sms');
    assert.notEqual(connector.metadata.id, 'twilio-short-message-service');
    assert.equal(typeof connector.configGuard.safeParse, 'function');
    assert.equal(typeof connector.sendMessage, 'function');
  });

  it('reads the stored config through getConfig(metadata.id) when sendMessage gets no config', async () => {
    const asked: string[] = [];
    const connector = await createSmsConnector({ getConfig: async (id) => { asked.push(id); return seedConfig; } });
    const seen = expectRequest('POST', MESSAGES_PATH, { status: 201, body: messageResource() }, API);
    await connector.sendMessage({ to: TO, type: 'SignIn', payload: { code: '123456' } });
    assert.deepEqual(asked, ['twilio-verify-connector-sms']);
    assert.equal(seen.count, 1);
  });

  it("sends the seed's SignIn code end to end: POST …/Messages.json, Basic auth, To, Body, MessagingServiceSid; resolves Twilio's message", async () => {
    const connector = await connectorFor(seedConfig);
    const answer = messageResource();
    const seen = expectRequest('POST', MESSAGES_PATH, { status: 201, body: answer }, API);
    const result = await connector.sendMessage({ to: TO, type: 'SignIn', payload: { code: '123456' } });
    assert.equal(seen.method, 'POST');
    assert.equal(seen.path, MESSAGES_PATH);
    assert.equal(seen.headers?.['authorization'], basicAuth(ACCOUNT_SID, AUTH_TOKEN));
    assert.equal(seen.headers?.['content-type'], 'application/x-www-form-urlencoded');
    assert.deepEqual(seen.form, [['To', TO], ['Body', 'Your sign-in code is 123456.'], ['MessagingServiceSid', MESSAGING_SERVICE_SID]]);
    assert.deepEqual(result, answer);
  });

  for (const template of seedConfig.templates) {
    it(`seed config, usage type ${template.usageType}: the exact form body`, async () => {
      const connector = await connectorFor(seedConfig);
      const seen = expectRequest('POST', MESSAGES_PATH, { status: 201, body: messageResource() }, API);
      await connector.sendMessage({ to: TO, type: template.usageType, payload: { code: '482913' } });
      assert.deepEqual(seen.form, [['To', TO], ['Body', template.content.replace('{{code}}', '482913')], ['MessagingServiceSid', MESSAGING_SERVICE_SID]]);
    });
  }

  for (const template of currentLogtoConfig.templates) {
    it(`current Logto config, usage type ${template.usageType}: the exact form body, RiskCheck=enable from disableRiskCheck: false`, async () => {
      const connector = await connectorFor(currentLogtoConfig);
      const seen = expectRequest('POST', MESSAGES_PATH, { status: 201, body: messageResource() }, API);
      await connector.sendMessage({ to: TO, type: template.usageType, payload: { code: '000000', locale: 'en' } });
      assert.deepEqual(seen.form, [
        ['To', TO],
        ['Body', template.content.replace('{{code}}', '000000')],
        ['MessagingServiceSid', MESSAGING_SERVICE_SID],
        ['RiskCheck', 'enable'],
      ]);
    });
  }

  it("Logto's console test (type Generic, code 000000, digits-only number) on the seed's config falls back to Test", async () => {
    const connector = await connectorFor(seedConfig);
    const seen = expectRequest('POST', MESSAGES_PATH, { status: 201, body: messageResource() }, API);
    await connector.sendMessage({ to: '15017122661', type: 'Generic', payload: { code: '000000' } }, seedConfig);
    assert.deepEqual(seen.form, [['To', TO], ['Body', 'Your test code is 000000.'], ['MessagingServiceSid', MESSAGING_SERVICE_SID]]);
  });

  it('sends From, RiskCheck and ValidityPeriod when the config sets them, signed with the API key', async () => {
    const connector = await connectorFor({ ...clone(apiKeyConfig), riskCheck: 'disable', validityPeriod: 600 });
    const seen = expectRequest('POST', MESSAGES_PATH, { status: 201, body: messageResource() }, API);
    await connector.sendMessage({ to: TO, type: 'SignIn', payload: { code: '123456' } });
    assert.equal(seen.headers?.['authorization'], basicAuth(API_KEY_SID, API_KEY_SECRET));
    assert.deepEqual(seen.form, [['To', TO], ['Body', 'Code: 123456'], ['From', '+15005550006'], ['RiskCheck', 'disable'], ['ValidityPeriod', '600']]);
  });

  it('uses the config given to sendMessage (the console test) instead of the stored one', async () => {
    const connector = await createSmsConnector({ getConfig: async () => assert.fail('getConfig must not be called') });
    const seen = expectRequest('POST', MESSAGES_PATH, { status: 201, body: messageResource() }, API);
    await connector.sendMessage({ to: TO, type: 'Generic', payload: { code: '000000' } }, currentLogtoConfig);
    assert.equal(seen.count, 1);
  });
});

describe('sms sendMessage: template choice', () => {
  useNock();

  const cases: Array<[string, Array<{ usageType: string; content: string }>, string, string]> = [
    ['the exact usage type wins over Generic and Test', [{ usageType: 'Test', content: 'T {{code}}' }, { usageType: 'Generic', content: 'G {{code}}' }, { usageType: 'BindMfa', content: 'B {{code}}' }], 'BindMfa', 'B 1'],
    ['Generic comes before Test', [{ usageType: 'Test', content: 'T {{code}}' }, { usageType: 'Generic', content: 'G {{code}}' }], 'MfaVerification', 'G 1'],
    ['legacy Test answers when there is no Generic', [{ usageType: 'SignIn', content: 'S {{code}}' }, { usageType: 'Test', content: 'T {{code}}' }], 'ForgotPassword', 'T 1'],
    ['the first of two templates of one type is used', [{ usageType: 'SignIn', content: 'first {{code}}' }, { usageType: 'SignIn', content: 'second {{code}}' }], 'SignIn', 'first 1'],
  ];
  for (const [what, templates, type, body] of cases) {
    it(what, async () => {
      const connector = await connectorFor({ ...clone(seedConfig), templates });
      const seen = expectRequest('POST', MESSAGES_PATH, { status: 201, body: messageResource() }, API);
      await connector.sendMessage({ to: TO, type, payload: { code: '1' } });
      assert.equal(seen.form?.find(([name]) => name === 'Body')?.[1], body);
    });
  }

  it('with no exact, Generic or Test template: template_not_found listing the types the config has, and no request', async () => {
    const watch = watchUnmatched();
    try {
      const connector = await connectorFor({ ...clone(seedConfig), templates: [{ usageType: 'Register', content: 'R {{code}}' }, { usageType: 'SignIn', content: 'S {{code}}' }] });
      const error = await rejection(connector.sendMessage({ to: TO, type: 'ForgotPassword', payload: { code: '1' } }));
      assert.equal(error.code, 'template_not_found');
      const data = error.data as { errorDescription: string; availableUsageTypes: string[] };
      assert.deepEqual(data.availableUsageTypes, ['Register', 'SignIn']);
      assert.match(data.errorDescription, /ForgotPassword.*Register, SignIn/);
      assert.equal(watch.count(), 0);
    } finally {
      watch.stop();
    }
  });
});

describe('sms sendMessage: placeholders', () => {
  const payload = { code: '123456', application: { name: 'Acme', 'x-y': 'dash' }, 'organization.name': 'Flat Org', count: 3, locale: 'en' };
  const cases: Array<[string, string, string]> = [
    ['{{code}}', 'Code {{code}}', 'Code 123456'],
    ['spaces inside the braces', 'Code {{ code }}!', 'Code 123456!'],
    ['a dotted payload path', '{{application.name}}: {{code}}', 'Acme: 123456'],
    ['a flat key that contains a dot', '{{organization.name}}', 'Flat Org'],
    ['a number', '{{count}} tries', '3 tries'],
    ['an unknown placeholder stays as written', 'Hi {{user.name}}, {{code}}', 'Hi {{user.name}}, 123456'],
    ['an object value stays as written', '{{application}}', '{{application}}'],
    ['prototype paths are never walked', '{{constructor.name}} {{__proto__}} {{code.length}}', '{{constructor.name}} {{__proto__}} {{code.length}}'],
    ['expressions are not placeholders and are not evaluated', '{{code + 1}} ${code} {{process.exit()}}', '{{code + 1}} ${code} {{process.exit()}}'],
    ['replacement patterns in values are inserted literally', '{{code}}', "$& $1 $' {{code}}"],
  ];
  for (const [what, template, expected] of cases) {
    it(what, () => {
      const values = what.startsWith('replacement') ? { code: "$& $1 $' {{code}}" } : payload;
      assert.equal(fillTemplate(template, values), expected);
    });
  }

  it('a payload value holding {{code}} is not expanded a second time', () => {
    assert.equal(fillTemplate('{{application.name}} {{code}}', { code: '42', application: { name: '{{code}}' } }), '{{code}} 42');
  });
});

describe('sms sendMessage: phone numbers', () => {
  useNock();

  const normalised: Array<[string, string]> = [
    ['+15017122661', '+15017122661'],
    ['15017122661', '+15017122661'],
    ['+1 (501) 712-2661', '+15017122661'],
    ['0044 7700 900123', '+447700900123'],
    ['+44 7700-900-123', '+447700900123'],
    ['+33 6.12.34.56.78', '+33612345678'],
    [' +49 151 2345 6789 ', '+4915123456789'],
  ];
  for (const [given, expected] of normalised) {
    it(`normalises ${JSON.stringify(given)} to ${expected}`, () => assert.equal(normalisePhone(given), expected));
  }

  it('sends the normalised number as To', async () => {
    const connector = await connectorFor(seedConfig);
    const seen = expectRequest('POST', MESSAGES_PATH, { status: 201, body: messageResource() }, API);
    await connector.sendMessage({ to: '00 1 (501) 712-2661', type: 'SignIn', payload: { code: '123456' } });
    assert.deepEqual(seen.form?.[0], ['To', TO]);
  });

  const refused = ['', '+', '12345', '07700900123', '+0 501 712 2661', '+1501712266100000', 'ana@example.com', '+1 501 ABC 2661', '+1501712266;1'];
  for (const to of refused) {
    it(`refuses ${JSON.stringify(to)} with invalid_request_parameters and sends nothing`, async () => {
      const watch = watchUnmatched();
      try {
        const connector = await connectorFor(seedConfig);
        const error = await rejection(connector.sendMessage({ to, type: 'SignIn', payload: { code: '123456' } }));
        assert.equal(error.code, 'invalid_request_parameters');
        assert.match((error.data as { errorDescription: string }).errorDescription, /E\.164|international/i);
        assert.equal(watch.count(), 0);
      } finally {
        watch.stop();
      }
    });
  }

  it('refuses a code-bearing template without a code (insufficient_request_parameters) and sends nothing', async () => {
    const watch = watchUnmatched();
    try {
      const connector = await connectorFor(seedConfig);
      const error = await rejection(connector.sendMessage({ to: TO, type: 'SignIn', payload: {} }));
      assert.equal(error.code, 'insufficient_request_parameters');
      assert.equal(watch.count(), 0);
    } finally {
      watch.stop();
    }
  });

  it('refuses an invalid config with invalid_config before any request', async () => {
    const watch = watchUnmatched();
    try {
      const connector = await connectorFor({ ...clone(seedConfig), fromMessagingServiceSID: 'MG-broken' });
      const error = await rejection(connector.sendMessage({ to: TO, type: 'SignIn', payload: { code: '1' } }));
      assert.equal(error.code, 'invalid_config');
      assert.match(JSON.stringify(error.data), /\/fromMessagingServiceSID/);
      assert.equal(watch.count(), 0);
    } finally {
      watch.stop();
    }
  });
});
