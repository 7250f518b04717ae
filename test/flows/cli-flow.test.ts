/** `verify-connector flow …` in process: what a person sees, and the exit codes (0 done, 1 failed or invalid, 2 usage). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { startTestEmulator } from '../emulator/helpers.js';

describe('verify-connector flow', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'flow-cli-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, scenario: unknown): string => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(scenario, null, 2));
    return file;
  };
  const base = { title: 'CLI test', description: 'A scenario for the CLI tests.' };

  it('is listed by the CLI and answers --help', async () => {
    assert.match((await runCli(['--help'])).stdout, /^\s+flow\b.*\s+list, validate and run/m);
    const help = await runCli(['flow', '--help']);
    assert.equal(help.status, 0);
    for (const sub of ['list', 'validate', 'run']) assert.match(help.stdout, new RegExp(`^ {2}${sub} `, 'm'));
  });

  it('list: every template, by id', async () => {
    const result = await runCli(['flow', 'list']);
    assert.equal(result.status, 0);
    const ids = ['studio-verify-subflow', 'next-matter-main-workflow', 'totp-authenticator', 'verification-story', ...[1, 2, 3, 4, 5, 6, 7].map((n) => `vonage-fallback-${n}`)];
    for (const id of ids) assert.match(result.stdout, new RegExp(`^${id} `, 'm'));
    assert.equal(JSON.parse((await runCli(['flow', 'list', '--json'])).stdout).length, ids.length);
  });

  it('validate: a template is valid (exit 0)', async () => {
    const result = await runCli(['flow', 'validate', 'studio-verify-subflow']);
    assert.equal(result.status, 0, result.stdout);
    assert.match(result.stdout, /the scenario is valid/);
  });

  it('validate: a reference to a missing step is rejected with its JSON pointer (exit 1)', async () => {
    const file = write('missing-step.json', { ...base, id: 'missing-step', steps: [{ id: 'a', say: 'hi' }, { id: 'b', set: { x: '$.steps.c.output.status' } }] });
    const result = await runCli(['flow', 'validate', file]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /error: .*missing-step\.json \/steps\/1\/set\/x: \$\.steps\.c\.output\.status refers to step "c", which does not exist/);
  });

  it('validate: a loop without a maximum is rejected with its JSON pointer (exit 1, --json too)', async () => {
    const file = write('no-max.json', { ...base, id: 'no-max', steps: [{ id: 'again', loop: { steps: [{ id: 'a', say: 'hi' }] } }] });
    const result = await runCli(['flow', 'validate', file]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /\/steps\/0\/loop\/max: is required/);
    const json = JSON.parse((await runCli(['flow', 'validate', file, '--json'])).stdout);
    assert.equal(json.valid, false);
    assert.deepEqual(json.errors.map((e: { pointer: string }) => e.pointer), ['/steps/0/loop/max']);
  });

  it('validate: a file that is not JSON is a problem of that file, as in every validate command (exit 1, --json too)', async () => {
    const file = join(dir, 'not-json.json');
    writeFileSync(file, '{ "id": ');
    const result = await runCli(['flow', 'validate', file]);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /^error: .*not-json\.json \/: is not valid JSON: .*\n {2}hint: Fix the JSON syntax/);
    assert.equal(result.stderr, '');
    const json = await runCli(['flow', 'validate', file, '--json']);
    assert.equal(json.status, 1);
    const report = JSON.parse(json.stdout) as { valid: boolean; errors: Array<{ pointer: string; message: string }> };
    assert.equal(report.valid, false);
    assert.deepEqual(report.errors.map((e) => e.pointer), ['']);
    const run = await runCli(['flow', 'run', file, '--emulator']);
    assert.equal(run.status, 1, 'run: the file is invalid (exit 1), not the command line');
    assert.match(run.stderr, /^error \(invalid_scenario\): .*not-json\.json is not valid JSON/);
  });

  it('validate: a step of no kind is one mistake, said once (not each kind as "is required")', async () => {
    const file = write('no-kind.json', { ...base, id: 'no-kind', steps: [{ id: 'a', flow: 'other.json' }] });
    const result = await runCli(['flow', 'validate', file, '--json']);
    assert.equal(result.status, 1);
    const pointers = (JSON.parse(result.stdout) as { errors: Array<{ pointer: string }> }).errors.map((e) => e.pointer).sort();
    assert.deepEqual(pointers, ['/steps/0', '/steps/0/flow']);
  });

  it('export: a scenario that does not validate is refused with its problems (exit 1), never an unexpected failure', async () => {
    const nothing = write('null.json', null);
    const result = await runCli(['flow', 'export', nothing, '--to', 'n8n']);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /^error \(invalid_scenario\): .*null\.json is not a valid scenario: fix what verify-connector flow validate .* lists, then export it\.\n {2}\/ must be an object/);
    const noMax = write('export-no-max.json', { ...base, id: 'export-no-max', steps: [{ id: 'again', loop: { steps: [{ id: 'a', say: 'hi' }] } }] });
    const json = await runCli(['flow', 'export', noMax, '--to', 'n8n', '--json']);
    assert.equal(json.status, 1);
    const document = JSON.parse(json.stdout) as { ok: boolean; error: { code: string; problems: Array<{ pointer: string }> } };
    assert.equal(document.error.code, 'invalid_scenario');
    assert.deepEqual(document.error.problems.map((p) => p.pointer), ['/steps/0/loop/max']);
  });

  it('usage errors exit 2: no subcommand, an unknown one, a missing file, a bad --param', async () => {
    assert.equal((await runCli(['flow'])).status, 2);
    assert.equal((await runCli(['flow', 'frob'])).status, 2);
    assert.equal((await runCli(['flow', 'validate', join(dir, 'nope.json')])).status, 2);
    assert.equal((await runCli(['flow', 'run', 'no-such-template'])).status, 2);
    assert.equal((await runCli(['flow', 'run', 'studio-verify-subflow', '--param', 'to', '--emulator'])).status, 2);
  });

  it('run --emulator --answers: prints each step as it runs and the result (exit 0)', async () => {
    const result = await runCli(['flow', 'run', 'studio-verify-subflow', '--param', 'to=+15005550006', '--emulator', '--answers', '999999,NOTRECEIVED,@code']);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.split('\n');
    const order = ['✓ send  start-verification', '✓ check  check-verification  status=pending', '✓ resend  start-verification', '✓ check  check-verification  status=approved'];
    let at = -1;
    for (const needle of order) {
      const next = lines.findIndex((line, i) => i > at && line.includes(needle));
      assert.ok(next > at, `expected "${needle}" after line ${at}:\n${result.stdout}`);
      at = next;
    }
    assert.match(result.stdout, /\[emulator: sms to \+15005550006\] .*\d{6}/);
    assert.match(result.stdout, /"verified": true/);
  });

  it('run --json: one JSON document on stdout, the steps on stderr', async () => {
    const result = await runCli(['flow', 'run', 'vonage-fallback-5', '--param', 'to=+15005550006', '--emulator', '--answers', ',,@code', '--json']);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), { ok: true, result: { verified: true, status: 'approved', attempts: 1, channel: 'call', verificationSid: JSON.parse(result.stdout).result.verificationSid } });
    assert.match(result.stderr, /✓ escalate  escalate-verification  status=pending channel=call escalated=true/);
  });

  it('run against a running emulator by URL (the outbox read over HTTP answers @code)', async () => {
    const emu = await startTestEmulator();
    try {
      const connection = JSON.stringify({ accountSid: emu.accountSid, authToken: emu.authToken });
      const result = await runCli(['flow', 'run', 'next-matter-main-workflow', '--param', 'to=+15005550007', '--emulator', emu.url, '--connection', connection, '--answers', '@code']);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /"outcome": "verified"/);
      assert.equal(emu.outbox({ to: '+15005550007' }).length, 1);
    } finally {
      await emu.close();
    }
  });

  it('a flow that cannot go on exits 1 and says why (answers ran out)', async () => {
    const result = await runCli(['flow', 'run', 'studio-verify-subflow', '--param', 'to=+15005550006', '--emulator', '--answers', '999999']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /error \(no_answer\): no scripted answer left/);
  });

  it('a parameter the scenario does not declare is refused by name, __proto__ as any other (exit 2)', async () => {
    for (const name of ['phone', '__proto__', 'constructor']) {
      const result = await runCli(['flow', 'run', 'studio-verify-subflow', '--param', 'to=+15005550006', '--param', `${name}=x`, '--emulator', '--answers', '@code']);
      assert.equal(result.status, 2, name);
      assert.match(result.stderr, new RegExp(`usage error: --param ${name}: studio-verify-subflow has no parameter "${name}"; its parameters: to`));
    }
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'x'), false);
  });

  it('secrets are masked in everything flow run prints: an x-secret parameter and the answer to a secret question', async () => {
    const file = write('secrets.json', {
      ...base,
      id: 'secrets',
      params: { type: 'object', additionalProperties: false, required: ['pin'], properties: { pin: { type: 'string', 'x-secret': true } } },
      steps: [
        { id: 'remember', set: { pin: '$.params.pin' } },
        { id: 'password', ask: { prompt: 'Password?', secret: true } },
        { id: 'note', say: 'pin {{$.vars.pin}}, password {{$.steps.password.output.answer}}' },
      ],
      result: { pin: '$.vars.pin', password: '$.steps.password.output.answer' },
    });
    for (const json of [false, true]) {
      const result = await runCli(['flow', 'run', file, '--param', 'pin=4242-1111', '--emulator', '--answers', 'hunter2-password', ...(json ? ['--json'] : [])]);
      assert.equal(result.status, 0, result.stderr);
      const everything = result.stdout + result.stderr;
      assert.ok(!everything.includes('4242-1111') && !everything.includes('hunter2-password'), everything);
      assert.match(everything, /pin \[secret\], password \[secret\]/);
      if (json) assert.deepEqual(JSON.parse(result.stdout).result, { pin: '[secret]', password: '[secret]' });
    }
  });

  it('invalid parameters exit 1 with the pointer', async () => {
    const result = await runCli(['flow', 'run', 'studio-verify-subflow', '--param', 'to=12345', '--emulator', '--answers', '@code']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /\/params\/to/);
  });
});
