/**
 * `--json` on every command: exactly one JSON document on stdout, for success and failure alike. The commands come
 * from the CLI's own declaration, so a command added later is checked too (and must add its example run below).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { buildProgram, commandPath } from '../../connector/cli/program.js';
import { runCli } from '../support/cli.js';
import { seedConfig } from '../sms/fixtures.js';
import { loadConnector } from '../../connector/index.js';
import { exportMakeApp } from '../../connector/make/export.js';
import { writeApp } from '../../scripts/build-make-app.js';

function leaves(command: Command): Command[] {
  return command.commands.length === 0 ? [command] : command.commands.flatMap(leaves);
}

const program = buildProgram({ io: { out: () => undefined, err: () => undefined }, exitCode: 0, untilStopped: () => Promise.resolve() });
const commands = leaves(program).map((c) => ({ command: c, words: commandPath(c).split(' ').slice(1) }));

const dir = mkdtempSync(join(tmpdir(), 'cli-json-'));
const smsConfig = join(dir, 'sms-config.json');
writeFileSync(smsConfig, JSON.stringify(seedConfig));
const notAnSmsConfig = join(dir, 'not-an-object.json');
writeFileSync(notAnSmsConfig, '[]');
const loopWithoutMaximum = join(dir, 'no-max.json');
writeFileSync(loopWithoutMaximum, JSON.stringify({ id: 'no-max', title: 't', description: 'd', steps: [{ id: 'again', loop: { steps: [{ id: 'a', say: 'hi' }] } }] }));
const notExportable = join(dir, 'not-exportable.json');
writeFileSync(notExportable, JSON.stringify({ id: 'tags-whole', title: 'Tags whole', description: 'A map given as one reference.', params: { type: 'object', properties: { tags: { type: 'object' } } }, steps: [{ id: 'send', module: 'start-verification', input: { serviceSid: `VA${'a'.repeat(32)}`, to: '+15005550006', channel: 'sms', tags: '$.params.tags' } }] }));
const makeApp = join(dir, 'make-app');
writeApp(exportMakeApp(await loadConnector()), makeApp);
const brokenMakeApp = join(dir, 'broken-make-app');
writeApp(exportMakeApp(await loadConnector()), brokenMakeApp);
writeFileSync(join(brokenMakeApp, 'base.imljson'), '{ "baseUrl": "https://{{connection.edge" }');

/** One run that succeeds (exit 0) for each command, keyed by the words after verify-connector. */
const SUCCEEDS: Record<string, string[]> = {
  demo: [],
  'demo totp': [],
  validate: [],
  modules: [],
  docs: ['start-verification'],
  run: ['create-service', '--input', '{"friendlyName":"Acme"}', '--emulator'],
  emulator: ['--port', '0'],
  'sms validate': [smsConfig],
  'sms send': ['--config', smsConfig, '--to', '+15017122661', '--type', 'SignIn', '--code', '123456', '--emulator'],
  'flow list': [],
  'flow validate': ['studio-verify-subflow'],
  'flow run': ['vonage-fallback-5', '--param', 'to=+15005550006', '--emulator', '--answers', ',,@code'],
  'flow export': ['vonage-fallback-1', '--to', 'n8n'],
  playground: ['--port', '0'],
  'make validate': [makeApp],
};

/** One run that fails at work (exit 1), not at the command line. */
const FAILS: Record<string, string[]> = {
  validate: [join(dir, 'no-connector-here')],
  modules: ['--dir', join(dir, 'no-connector-here')],
  docs: ['--dir', join(dir, 'no-connector-here')],
  run: ['get-service', '--input', JSON.stringify({ serviceSid: `VA${'0'.repeat(32)}` }), '--emulator'],
  'sms validate': [notAnSmsConfig],
  'sms send': ['--config', notAnSmsConfig, '--to', '+15017122661', '--type', 'SignIn'],
  'flow validate': [loopWithoutMaximum],
  'flow run': ['studio-verify-subflow', '--param', 'to=+15005550006', '--emulator', '--answers', '999999'],
  'flow export': [notExportable, '--to', 'n8n'],
  'make validate': [brokenMakeApp],
  playground: ['--port', '0', '--connection', JSON.stringify({ accountSid: 'AC-not-a-sid', authToken: 'x' })],
};

function oneDocument(stdout: string, what: string): unknown {
  try {
    return JSON.parse(stdout);
  } catch {
    assert.fail(`${what}: stdout is not one JSON document:\n${stdout}`);
  }
}

describe('--json on every command', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the CLI declares the commands this test knows (add a new command to SUCCEEDS)', () => {
    assert.ok(commands.length >= 11);
    for (const { words } of commands) assert.ok(words.join(' ') in SUCCEEDS, `add an example run of "${words.join(' ')}" to SUCCEEDS in test/cli/json-everywhere.test.ts`);
  });

  for (const { command, words } of commands) {
    const name = words.join(' ');
    it(`${name}: declares --json`, () => {
      assert.ok(command.options.some((o) => o.long === '--json'), `${name} has no --json option`);
    });

    it(`${name} --json: success is one JSON document on stdout (exit 0)`, async () => {
      const result = await runCli([...words, ...(SUCCEEDS[name] ?? []), '--json']);
      assert.equal(result.status, 0, result.stderr);
      oneDocument(result.stdout, name);
    });

    it(`${name} --json: a usage error is one JSON document on stdout naming the option (exit 2)`, async () => {
      const result = await runCli([...words, ...(SUCCEEDS[name] ?? []), '--json', '--no-such-option']);
      assert.equal(result.status, 2);
      const document = oneDocument(result.stdout, name) as { ok: boolean; error: { code: string; message: string } };
      assert.equal(document.ok, false);
      assert.equal(document.error.code, 'usage_error');
      assert.match(document.error.message, /--no-such-option/);
      assert.match(result.stderr, new RegExp(`^verify-connector ${name}: usage error: unknown option '--no-such-option'`));
    });

    if (FAILS[name]) {
      it(`${name} --json: a failure is one JSON document on stdout (exit 1)`, async () => {
        const result = await runCli([...words, ...FAILS[name]!, '--json']);
        assert.equal(result.status, 1, result.stderr);
        const document = oneDocument(result.stdout, name) as { ok?: boolean; valid?: boolean };
        assert.ok(document.ok === false || document.valid === false, JSON.stringify(document));
      });
    }
  }
});
