/**
 * The generated node in a real n8n (the pinned 2.8.4 of hosts/n8n): installed as a community package into a fresh
 * user folder, credentials and workflows imported with n8n's CLI, each workflow run with `n8n execute --id`
 * against our emulator on loopback. Part of `npm run test:hosts`, not of `npm test`.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../../emulator/index.js';
import { createN8nInstance, CUSTOM_NODE_TYPE, nodeOutput, type N8nInstance } from '../../../hosts/n8n/harness.js';
import { emulatorCredential, startEmulatorService, type EmulatorService } from '../../../hosts/n8n/emulator-service.js';
import { chain, httpGet, verify } from '../../../hosts/n8n/workflows.js';

const TO = '+15017122661';
const SOME_SERVICE = `VA${'0'.repeat(32)}`;

describe('n8n 2.8.4 runs the Twilio Verify node', function () {
  this.timeout(600_000);
  let n8n: N8nInstance;
  let emu: Emulator;

  before(async () => {
    emu = await startEmulator();
    n8n = await createN8nInstance();
    await n8n.importCredentials([emulatorCredential(emu)]);
    await n8n.importWorkflows([
      chain('tvcHostStartCheck', 'Start, read the outbox, check', [
        verify('Create service', { resource: 'service', operation: 'create-service', friendlyName: 'n8n host' }),
        verify('Start', { resource: 'verification', operation: 'start-verification', serviceSid: '={{ $json.sid }}', to: TO, channel: 'sms' }),
        httpGet('Outbox', `${emu.url}/__emulator/outbox?to=${encodeURIComponent(TO)}`),
        verify('Check a wrong code', {
          resource: 'verification',
          operation: 'check-verification',
          serviceSid: "={{ $('Create service').item.json.sid }}",
          code: "={{ $json.messages.at(-1).code.split('').map(d => (Number(d) + 1) % 10).join('') }}",
          additionalFields: { to: TO },
        }),
        verify('Check the code', {
          resource: 'verification',
          operation: 'check-verification',
          serviceSid: "={{ $('Create service').item.json.sid }}",
          code: "={{ $('Outbox').item.json.messages.at(-1).code }}",
          additionalFields: { to: TO },
        }),
      ]),
      chain('tvcHostInvalidNo', 'An invalid number', [verify('Start', { resource: 'verification', operation: 'start-verification', serviceSid: SOME_SERVICE, to: '12345', channel: 'sms' })]),
      chain('tvcHostContinue1', 'Continue On Fail', [
        verify('Bad code', { resource: 'verification', operation: 'check-verification', serviceSid: SOME_SERVICE, code: 'x', additionalFields: { to: TO } }, { onError: 'continueRegularOutput' }),
        verify(
          'Gone',
          { resource: 'verification', operation: 'get-verification', serviceSid: SOME_SERVICE, verificationSid: `VE${'0'.repeat(32)}` },
          { onError: 'continueErrorOutput' },
        ),
      ]),
    ]);
  });
  after(async () => {
    n8n?.dispose();
    await emu?.close();
  });

  it('start → outbox → check: a wrong code stays pending, the right one is approved', async () => {
    const { code, execution, output } = await n8n.execute('tvcHostStartCheck');
    assert.equal(code, 0, output.stdout + output.stderr);
    assert.equal(execution?.status, 'success');
    const [started] = nodeOutput(execution!, 'Start');
    assert.equal(started!['status'], 'pending');
    assert.equal(started!['to'], TO);
    const [wrong] = nodeOutput(execution!, 'Check a wrong code');
    assert.deepEqual([wrong!['status'], wrong!['valid']], ['pending', false]);
    const [right] = nodeOutput(execution!, 'Check the code');
    assert.deepEqual([right!['status'], right!['valid']], ['approved', true]);
    assert.equal(emu.outbox({ to: TO }).length, 1, 'one SMS was sent');
  });

  it('an invalid number fails with our code and remedy before any request reaches the emulator', async () => {
    const before = emu.stats().requests;
    const { code, execution, output } = await n8n.execute('tvcHostInvalidNo');
    assert.notEqual(code, 0, 'the execution failed');
    const error = execution?.data.resultData.error ?? {};
    assert.match(String(error['message']), /^invalid_input: The input is not valid: \/to must be a phone number in E\.164/, output.stdout.slice(-2000));
    assert.match(String(error['description']), /nothing was sent to Twilio/);
    assert.equal(emu.stats().requests, before, 'no request reached the emulator');
  });

  it('Continue On Fail: our error as data, and n8n routes it to the error output', async () => {
    const { code, execution, output } = await n8n.execute('tvcHostContinue1');
    assert.equal(code, 0, output.stdout + output.stderr);
    const [bad] = nodeOutput(execution!, 'Bad code');
    const invalid = bad!['error'] as Record<string, unknown>;
    assert.equal(invalid['code'], 'invalid_input');
    assert.match(String(invalid['message']), /\/code/);
    assert.deepEqual(nodeOutput(execution!, 'Gone', 0), [], 'nothing on the success output');
    const [gone] = nodeOutput(execution!, 'Gone', 1);
    const notPending = gone!['error'] as Record<string, unknown>;
    assert.equal(notPending['twilioCode'], 20404);
    assert.ok(['verification_not_pending', 'not_found'].includes(String(notPending['code'])), String(notPending['code']));
    assert.ok(notPending['remedy']);
    assert.ok(!JSON.stringify(execution).includes(emu.authToken), 'the token is in no output');
  });
});

describe('n8n 2.8.4 loads the node from N8N_CUSTOM_EXTENSIONS', function () {
  this.timeout(600_000);
  let n8n: N8nInstance;
  let service: EmulatorService;

  before(async () => {
    service = await startEmulatorService('custom extension');
    n8n = await createN8nInstance('custom-extensions');
    await n8n.importCredentials(service.credentials);
    const start = { resource: 'verification', operation: 'start-verification', serviceSid: service.serviceSid, to: TO, channel: 'sms' };
    await n8n.importWorkflows([chain('tvcHostCustomExt', 'Start from a custom extension', [verify('Start', start, {}, CUSTOM_NODE_TYPE)])]);
  });
  after(async () => {
    n8n?.dispose();
    await service?.emu.close();
  });

  it('names it CUSTOM.twilioVerify, and it runs: a verification is started', async () => {
    assert.equal(n8n.nodeType, CUSTOM_NODE_TYPE);
    assert.ok(!existsSync(join(n8n.userFolder, '.n8n', 'nodes', 'node_modules')), 'not installed as a community package');
    const { code, execution, output } = await n8n.execute('tvcHostCustomExt');
    assert.equal(code, 0, output.stdout + output.stderr);
    const [started] = nodeOutput(execution!, 'Start');
    assert.deepEqual([started!['status'], started!['to'], started!['channel'], started!['service_sid']], ['pending', TO, 'sms', service.serviceSid]);
    assert.equal(service.emu.outbox({ to: TO }).length, 1, 'one SMS was sent');
  });
});
