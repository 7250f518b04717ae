import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { twilioEnvRestorer } from '../support/env.js';
import { copyConnector } from '../support/connector-copy.js';
import { ACCOUNT_SID, assertNoSecret, AUTH_TOKEN, connection, expectRequest, SERVICE_SID, twilioError, useNock } from '../support/nock.js';
import { verificationResource } from '../modules/fixtures/resources.js';

describe('verify-connector CLI', () => {
  useNock();
  afterEach(twilioEnvRestorer());

  it('prints usage and exits 2 without a command, and for an unknown command', async () => {
    assert.equal((await runCli([])).status, 2);
    const unknown = await runCli(['frobnicate']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^verify-connector: usage error: unknown command 'frobnicate'/);
  });

  for (const command of ['demo', 'validate', 'modules', 'run', 'docs', 'emulator', 'sms']) {
    it(`answers --help for ${command}`, async () => {
      const result = await runCli([command, '--help']);
      assert.equal(result.status, 0);
      assert.match(result.stdout, new RegExp(`Usage:\\s+verify-connector ${command}`));
    });
  }

  it('validate exits 0 on this package', async () => {
    const result = await runCli(['validate']);
    assert.equal(result.status, 0, result.stdout);
    assert.match(result.stdout, /The connector is valid\./);
  });

  it('validate names file and pointer for a broken copy and exits 1', async () => {
    const copy = copyConnector();
    try {
      copy.edit('modules/start-verification.json', (m) => (m.request.path = '/v2/Services/{service}/Verifications'));
      const result = await runCli(['validate', copy.dir]);
      assert.equal(result.status, 1);
      assert.match(result.stdout, /error: modules\/start-verification\.json \/request\/path: placeholder \{service\} names no input property/);
      assert.match(result.stdout, /hint: /);
      const json = await runCli(['validate', copy.dir, '--json']);
      assert.equal(JSON.parse(json.stdout).valid, false);
    } finally {
      copy.dispose();
    }
  });

  it('validate exits 2 on a usage error', async () => {
    assert.equal((await runCli(['validate', 'a', 'b'])).status, 2);
    assert.equal((await runCli(['validate', '--frob'])).status, 2);
  });

  it('modules prints a table of all ten modules', async () => {
    const result = await runCli(['modules']);
    assert.equal(result.status, 0);
    for (const id of ['list-services', 'get-service', 'create-service', 'update-service', 'delete-service', 'start-verification', 'get-verification', 'update-verification-status', 'check-verification', 'make-api-call']) {
      assert.match(result.stdout, new RegExp(`^${id} `, 'm'));
    }
  });

  it('docs describes a module field by field', async () => {
    const result = await runCli(['docs', 'start-verification']);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /to \(required\)/);
    assert.match(result.stdout, /tags \(optional, advanced\)/);
  });

  it('run sends the module with the connection from the environment and prints the output as JSON', async () => {
    process.env['TWILIO_ACCOUNT_SID'] = ACCOUNT_SID;
    process.env['TWILIO_AUTH_TOKEN'] = AUTH_TOKEN;
    const seen = expectRequest('POST', `/v2/Services/${SERVICE_SID}/Verifications`, { status: 201, body: verificationResource() });
    const result = await runCli(['run', 'start-verification', '--input', JSON.stringify({ serviceSid: SERVICE_SID, to: '+15017122661', channel: 'sms' })]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), verificationResource());
    assert.deepEqual(seen.form, [['To', '+15017122661'], ['Channel', 'sms']]);
  });

  it('run reads --input and --connection from files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    writeFileSync(join(dir, 'input.json'), JSON.stringify({ serviceSid: SERVICE_SID, to: '+15017122661', channel: 'call' }));
    writeFileSync(join(dir, 'connection.json'), JSON.stringify(connection));
    const seen = expectRequest('POST', `/v2/Services/${SERVICE_SID}/Verifications`, { status: 201, body: verificationResource({ channel: 'call' }) });
    const result = await runCli(['run', 'start-verification', '--input', `@${join(dir, 'input.json')}`, '--connection', `@${join(dir, 'connection.json')}`]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(seen.form, [['To', '+15017122661'], ['Channel', 'call']]);
  });

  it('run explains a Twilio error with a remedy, exit 1, and never prints the token', async () => {
    process.env['TWILIO_ACCOUNT_SID'] = ACCOUNT_SID;
    process.env['TWILIO_AUTH_TOKEN'] = AUTH_TOKEN;
    expectRequest('POST', `/v2/Services/${SERVICE_SID}/Verifications`, twilioError(20003, 401, 'Authenticate'));
    const result = await runCli(['run', 'start-verification', '--input', JSON.stringify({ serviceSid: SERVICE_SID, to: '+15017122661', channel: 'sms' })]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /error \(authentication_failed\)/);
    assert.match(result.stderr, /what to do: /);
    assertNoSecret(result.stdout + result.stderr);
  });

  it('run refuses bad input by pointer, sends nothing, exit 1', async () => {
    const result = await runCli(['run', 'start-verification', '--connection', JSON.stringify(connection), '--input', JSON.stringify({ serviceSid: SERVICE_SID, to: 'nope', channel: 'sms' })]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /\/to must be a phone number in E\.164/);
    assertNoSecret(result.stdout + result.stderr);
  });

  it('run with an invalid connection names the field but never echoes the token', async () => {
    const result = await runCli(['run', 'list-services', '--connection', JSON.stringify({ accountSid: 'AC123', authToken: AUTH_TOKEN }), '--json']);
    assert.equal(result.status, 1);
    const error = JSON.parse(result.stdout).error;
    assert.equal(error.code, 'invalid_connection');
    assert.match(error.message, /\/accountSid/);
    assertNoSecret(result.stdout + result.stderr);
  });

  it('run exits 2 for an unknown module, a missing module, bad JSON and a missing connection', async () => {
    delete process.env['TWILIO_ACCOUNT_SID'];
    assert.equal((await runCli(['run'])).status, 2);
    assert.equal((await runCli(['run', 'send-fax'])).status, 2);
    assert.equal((await runCli(['run', 'list-services', '--input', '{bad'])).status, 2);
    const noConnection = await runCli(['run', 'list-services']);
    assert.equal(noConnection.status, 2);
    assert.match(noConnection.stderr, /TWILIO_ACCOUNT_SID/);
  });
});
