import assert from 'node:assert/strict';
import { ConnectorError as KitConnectorError, ConnectorErrorCodes, validateConfig } from '@logto/connector-kit';
import { checkSmsConfig, smsConfigGuard, SmsConfigError } from '../../connector/sms/index.js';
import { AUTH_TOKEN, assertNoSecret } from '../support/nock.js';
import { apiKeyConfig, clone, currentLogtoConfig, seedConfig } from './fixtures.js';

type Mutate = (config: Record<string, unknown>) => void;

describe('sms config schema (schemas/sms-config.schema.json)', () => {
  const valid: Array<[string, unknown]> = [
    ["the seed's config (Register, SignIn, legacy Test)", seedConfig],
    ["current Logto's config (nine usage types, disableRiskCheck)", currentLogtoConfig],
    ['an API key and a sender number instead of the token and a Messaging Service', apiKeyConfig],
    ['an alphanumeric sender id', { ...clone(seedConfig), fromMessagingServiceSID: undefined, from: 'Acme Login' }],
    ['riskCheck, validityPeriod, region and edge', { ...clone(seedConfig), riskCheck: 'disable', validityPeriod: 600, region: 'ie1', edge: 'dublin' }],
    ['an emulator base URL on loopback', { ...clone(seedConfig), baseUrl: 'http://127.0.0.1:4010' }],
    ['legacy Continue, and an invitation that carries a link, not a code', { ...clone(seedConfig), templates: [{ usageType: 'Continue', content: '{{ code }} is your code' }, { usageType: 'OrganizationInvitation', content: 'Join us: {{link}}' }] }],
  ];
  for (const [what, config] of valid) {
    it(`accepts ${what}`, () => {
      assert.deepEqual(checkSmsConfig(JSON.parse(JSON.stringify(config))), []);
    });
  }

  const invalid: Array<[string, Mutate, string, RegExp]> = [
    ['an account SID that is not AC…', (c) => (c['accountSID'] = 'SK0123456789abcdef0123456789abcdef'), '/accountSID', /Account SID/],
    ['no token and no API key', (c) => delete c['authToken'], '', /authToken/],
    ['a token and an API key together', (c) => Object.assign(c, { apiKeySID: 'SK0123456789abcdef0123456789abcdef', apiKeySecret: 'x' }), '', /not both/],
    ['an API key without its secret', (c) => { delete c['authToken']; c['apiKeySID'] = 'SK0123456789abcdef0123456789abcdef'; }, '', /apiKeySecret/],
    ['no sender', (c) => delete c['fromMessagingServiceSID'], '', /exactly one sender/],
    ['two senders', (c) => (c['from'] = '+15005550006'), '', /exactly one sender/],
    ['a Messaging Service SID that is not MG…', (c) => (c['fromMessagingServiceSID'] = 'PN0123456789abcdef0123456789abcdef'), '/fromMessagingServiceSID', /Messaging Service SID/],
    ['a sender id of 12 characters', (c) => { delete c['fromMessagingServiceSID']; c['from'] = 'AcmeLoginApp'; }, '/from', /11/],
    ['a digits-only sender id', (c) => { delete c['fromMessagingServiceSID']; c['from'] = '12345'; }, '/from', /E\.164|letter/],
    ['a template without {{code}}', (c) => ((c['templates'] as Array<Record<string, string>>)[1]!['content'] = 'Welcome back!'), '/templates/1/content', /\{\{code\}\}/],
    ['an unknown usage type', (c) => ((c['templates'] as Array<Record<string, string>>)[0]!['usageType'] = 'Login'), '/templates/0/usageType', /one of/],
    ['an empty template list', (c) => (c['templates'] = []), '/templates', /at least 1/],
    ['a template with an extra field', (c) => ((c['templates'] as Array<Record<string, string>>)[0]!['locale'] = 'en'), '/templates/0/locale', /not a field/],
    ['a misspelt field', (c) => (c['fromMessagingServiceSid'] = c['fromMessagingServiceSID']), '/fromMessagingServiceSid', /not a field/],
    ['a riskCheck other than enable/disable', (c) => (c['riskCheck'] = 'off'), '/riskCheck', /one of/],
    ['riskCheck and disableRiskCheck together', (c) => Object.assign(c, { riskCheck: 'enable', disableRiskCheck: true }), '', /not both/],
    ['a validity period of 0', (c) => (c['validityPeriod'] = 0), '/validityPeriod', /at least 1/],
    ['a base URL that is not loopback or twilio.com', (c) => (c['baseUrl'] = 'https://evil.example.com'), '/baseUrl', /loopback/],
    ['Logto\'s host field (use region/edge)', (c) => (c['host'] = 'api.dublin.ie1.twilio.com'), '/host', /not a field/],
  ];
  for (const [what, mutate, pointer, message] of invalid) {
    it(`refuses ${what}, pointing at ${pointer || '/'}`, () => {
      const config = clone(seedConfig) as Record<string, unknown>;
      mutate(config);
      const problems = checkSmsConfig(config);
      const match = problems.find((p) => p.pointer === pointer && message.test(p.message));
      assert.ok(match, `expected ${pointer} ${message} in ${JSON.stringify(problems)}`);
      assertNoSecret(problems);
    });
  }
});

describe('sms configGuard (zod-compatible, backed by AJV)', () => {
  it('safeParse answers { success: true, data } for a valid config', () => {
    const result = smsConfigGuard.safeParse(seedConfig);
    assert.equal(result.success, true);
    assert.deepEqual(result.success && result.data, seedConfig);
    assert.deepEqual(smsConfigGuard.parse(seedConfig), seedConfig);
  });

  it('safeParse answers { success: false, error } with zod-style issues that name JSON pointers; parse throws it', async () => {
    const broken = clone(seedConfig) as Record<string, unknown>;
    (broken['templates'] as Array<Record<string, string>>)[2]!['content'] = 'no code here';
    delete broken['fromMessagingServiceSID'];
    const result = smsConfigGuard.safeParse(broken);
    assert.equal(result.success, false);
    const error = (result as { error: SmsConfigError }).error;
    assert.ok(error instanceof SmsConfigError);
    assert.deepEqual(error.issues.map((i) => i.pointer).sort(), ['', '/templates/2/content']);
    assert.deepEqual(error.issues.find((i) => i.pointer === '/templates/2/content')?.path, ['templates', 2, 'content']);
    assert.match(error.errorDescription, /\/templates\/2\/content must contain \{\{code\}\}/);
    assert.throws(() => smsConfigGuard.parse(broken), SmsConfigError);
    await assert.rejects(smsConfigGuard.parseAsync(broken), SmsConfigError);
    assert.equal((await smsConfigGuard.safeParseAsync(seedConfig)).success, true);
  });

  it("is accepted by @logto/connector-kit's own validateConfig for the seed's and current Logto's configs", () => {
    assert.doesNotThrow(() => validateConfig(clone(seedConfig), smsConfigGuard as never));
    assert.doesNotThrow(() => validateConfig(clone(currentLogtoConfig), smsConfigGuard as never));
  });

  it("makes connector-kit's validateConfig throw its ConnectorError(invalid_config) whose data names the pointers and carries errorDescription, never the token", () => {
    const broken = { ...clone(seedConfig), accountSID: 'AC-nope', authToken: `${AUTH_TOKEN}${'x'.repeat(300)}` };
    let thrown: unknown;
    try {
      validateConfig(broken, smsConfigGuard as never);
    } catch (error) {
      thrown = error;
    }
    assert.ok(thrown instanceof KitConnectorError, 'the kit throws its own ConnectorError');
    assert.equal(thrown.code, ConnectorErrorCodes.InvalidConfig);
    const data = JSON.parse(JSON.stringify(thrown.data)) as { errorDescription: string; issues: Array<{ pointer: string }> };
    assert.deepEqual(data.issues.map((i) => i.pointer).sort(), ['/accountSID', '/authToken']);
    assert.match(data.errorDescription, /\/accountSID must be an Account SID/);
    assert.match(thrown.message, /\/authToken/);
    assertNoSecret(thrown);
    assertNoSecret(thrown.message);
    assertNoSecret(JSON.stringify(thrown.data));
  });
});
