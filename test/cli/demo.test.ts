/**
 * `npm start` (= `verify-connector demo`) as a person runs it: a child process on the built CLI, no network, no
 * credentials. Plus `run <module> --emulator` in-process through the CLI router.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { main } from '../../connector/cli/main.js';
import type { CliIo } from '../../connector/cli/io.js';
import { renderDemoFailure } from '../../connector/cli/demo/render.js';
import { DEMO_SCENARIO, runDemo, wrongCodeFor } from '../../connector/cli/demo/demo.js';
import { listTemplates } from '../../connector/flows/load.js';
import { createClock, startEmulator } from '../../emulator/index.js';
import { TWILIO_ENV } from '../support/env.js';

const here = dirname(fileURLToPath(import.meta.url)); // dist/test/cli
const root = resolve(here, '../../..');
const bin = resolve(root, 'dist/connector/cli/main.js');

/** Runs the CLI as a child process; resolves exit code and output (never rejects on a non-zero exit). */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env };
  for (const name of TWILIO_ENV) delete env[name];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd: root, env, timeout: 15_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** A bare 32-hex string is what an Auth Token or API key secret looks like (SIDs carry a prefix). */
const SECRET_LIKE = /(?<![A-Za-z0-9])[0-9a-fA-F]{32}(?![A-Za-z0-9])/;

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

describe('npm start: verify-connector demo (child process)', () => {
  it('prints the story step by step, reports approved and the expected verification_not_pending, exits 0', async () => {
    const { code, stdout, stderr } = await cli(['demo']);
    assert.equal(code, 0, `exit ${code}\n${stdout}\n${stderr}`);
    assert.equal(stderr, '');
    for (const text of [
      'Load and validate the connector',
      '[module: create-service]',
      '[module: start-verification]',
      'mistypes it',
      "the emulator's outbox",
      '[module: check-verification]',
      'Result: approved',
      'verification_not_pending',
      'this failure is expected',
    ]) {
      assert.ok(stdout.includes(text), `missing "${text}" in:\n${stdout}`);
    }
    assert.match(stdout, /status pending, valid false: a wrong code is an answer/, 'the mistyped code leaves it pending, valid false');
    assert.match(stdout, /status approved, valid true/, 'the right code approves');
    assert.match(stdout, /HTTP 404, Twilio error 20404/);
    assert.doesNotMatch(stdout, SECRET_LIKE, 'no secret-looking value is printed');
  });

  it('--json: exactly one JSON document on stdout with the same story (9 steps, approved, then verification_not_pending)', async () => {
    const { code, stdout, stderr } = await cli(['demo', '--json']);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    const report = JSON.parse(stdout);
    assert.equal(report.ok, true);
    assert.deepEqual([report.result.verified, report.result.status, report.result.to], [true, 'approved', '+15017122661']);
    assert.match(report.emulator.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.deepEqual(
      report.steps.map((s: { step: number; id: string; module: string | null }) => [s.step, s.id, s.module]),
      [[1, 'emulator', null], [2, 'connector', null], [3, 'create', 'create-service'], [4, 'start', 'start-verification'], [5, 'mistyped', null], [6, 'wrong', 'check-verification'], [7, 'typed', null], [8, 'right', 'check-verification'], [9, 'late', 'check-verification']],
    );
    const [, validate, create, start, mistyped, wrong, typed, right, late] = report.steps;
    assert.equal(validate.output.valid, true);
    assert.ok(validate.output.modules >= 10, 'the ten Verify modules at least');
    assert.match(create.output.sid, /^VA[0-9a-f]{32}$/);
    assert.equal(start.output.status, 'pending');
    assert.equal(start.output.sid, right.output.sid);
    assert.match(typed.output.answer, /^\d{6}$/);
    assert.equal(right.input.code, typed.output.answer);
    assert.equal(wrong.input.code, mistyped.output.answer);
    assert.notEqual(mistyped.output.answer, typed.output.answer);
    assert.deepEqual([wrong.output.status, wrong.output.valid], ['pending', false]);
    assert.deepEqual([right.output.status, right.output.valid], ['approved', true]);
    assert.deepEqual([late.error.code, late.error.status, late.error.twilioCode], ['verification_not_pending', 404, 20404]);
    assert.match(late.said.join(' '), /expected/);
    assert.doesNotMatch(stdout, SECRET_LIKE);
  });

  it('an unknown argument is a usage error (exit 2) with the help', async () => {
    const { code, stderr } = await cli(['demo', '--nope']);
    assert.equal(code, 2);
    assert.match(stderr, /Usage: verify-connector demo/);
  });
});

describe('demo: the shipped scenario run in-process', () => {
  it('a mistyped code is always different from the right one, same length', () => {
    for (const code of ['000000', '999999', '123456', '4242', 'abcz09']) {
      const bad = wrongCodeFor(code);
      assert.equal(bad.length, code.length);
      for (let i = 0; i < code.length; i++) assert.notEqual(bad[i], code[i]);
    }
  });

  it('main(["demo", "--json"]) through the router: exit 0, approved', async () => {
    const io = captureIo();
    assert.equal(await main(['demo', '--json'], io), 0, io.stderr.join('\n'));
    assert.equal(JSON.parse(io.stdout.join('\n')).result.status, 'approved');
  });

  it('the story is the template flows/verification-story.json, listed like any other', () => {
    assert.ok(listTemplates().some((t) => t.id === DEMO_SCENARIO));
  });

  it('a failing story stops with ok false, names the step and the reason, and says the emulator was closed', async () => {
    // The port is taken: the emulator cannot start.
    const blocker = await startEmulator();
    try {
      const port = Number(new URL(blocker.url).port);
      const report = await runDemo({ emulatorOptions: { port } });
      assert.equal(report.ok, false);
      assert.equal(report.result, null);
      assert.equal(report.error?.step, 1);
      assert.match(report.error?.message ?? '', /EADDRINUSE/);
      const lines = renderDemoFailure(report).join('\n');
      assert.match(lines, /demo failed at step 1 \(Start the emulator\)/);
    } finally {
      await blocker.close();
    }
  });

  it('a verification that expires mid-story fails the story at the first check, with the error code and remedy', async () => {
    // A clock that jumps past the 10-minute window as soon as the code is made.
    const clock = createClock({ frozen: true });
    const report = await runDemo({
      emulatorOptions: {
        clock,
        codeGenerator: (length: number) => {
          clock.advance(10 * 60 * 1000 + 1);
          return '7'.repeat(length);
        },
      },
    });
    assert.equal(report.ok, false);
    assert.equal(report.error?.step, 6, JSON.stringify(report.error));
    assert.equal(report.error?.title, 'Check the mistyped code');
    assert.equal(report.error?.code, 'verification_not_pending');
    assert.match(report.error?.remedy ?? '', /Start a new verification/);
    assert.equal(report.steps.length, 5, 'the steps done before the failure are kept');
    assert.doesNotMatch(JSON.stringify(report), SECRET_LIKE);
  });
});

describe('verify-connector run <module> --emulator (in-process via main)', () => {
  it('with no URL: starts an emulator for the call, runs create-service, prints the service, exit 0', async () => {
    const io = captureIo();
    const code = await main(['run', 'create-service', '--input', '{"friendlyName":"Acme"}', '--emulator'], io);
    assert.equal(code, 0, io.stderr.join('\n'));
    const service = JSON.parse(io.stdout.join('\n'));
    assert.match(service.sid, /^VA[0-9a-f]{32}$/);
    assert.equal(service.friendly_name, 'Acme');
    assert.deepEqual(io.stderr, []);
  });

  it('with no URL, a Twilio error: exit 1 and the error in plain words on stderr', async () => {
    const io = captureIo();
    const code = await main(['run', 'get-service', '--input', JSON.stringify({ serviceSid: `VA${'0'.repeat(32)}` }), '--emulator'], io);
    assert.equal(code, 1);
    assert.match(io.stderr.join('\n'), /error \(not_found\)/);
  });

  it('with the URL of a running emulator and --connection: the service lands in that emulator', async () => {
    const emu = await startEmulator();
    try {
      const io = captureIo();
      const connection = JSON.stringify({ accountSid: emu.accountSid, authToken: emu.authToken });
      const code = await main(['run', 'create-service', '--input', '{"friendlyName":"Shared"}', '--connection', connection, '--emulator', emu.url], io);
      assert.equal(code, 0, io.stderr.join('\n'));
      assert.equal(JSON.parse(io.stdout.join('\n')).friendly_name, 'Shared');
      assert.equal(emu.stats().services, 1);
    } finally {
      await emu.close();
    }
  });
});
