/**
 * The command line keeps its promises: help and version everywhere, one usage-error format naming the wrong argument
 * (exit 2), a closed pipe ends quietly, credentials taken in the documented order.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { buildProgram, commandPath } from '../../connector/cli/program.js';
import { startEmulator } from '../../emulator/index.js';
import { runCli } from '../support/cli.js';
import { twilioEnvRestorer } from '../support/env.js';
import { copyConnector, type ConnectorCopy } from '../support/connector-copy.js';
import { ACCOUNT_SID, API_KEY_SECRET, API_KEY_SID, assertNoSecret, AUTH_TOKEN, basicAuth, expectRequest, useNock } from '../support/nock.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = resolve(root, 'dist/connector/cli/main.js');
const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}
const program = buildProgram({ io: { out: () => undefined, err: () => undefined }, exitCode: 0, untilStopped: () => Promise.resolve() });
const paths = allCommands(program).map((c) => commandPath(c).split(' ').slice(1));

/** Runs the built CLI as a child process whose stdout is closed before it writes anything. */
function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('the command line', () => {
  useNock();
  afterEach(twilioEnvRestorer());

  for (const words of paths) {
    const name = ['verify-connector', ...words].join(' ');
    it(`${name} --help and --version answer (exit 0)`, async () => {
      const help = await runCli([...words, '--help']);
      assert.equal(help.status, 0);
      assert.match(help.stdout, new RegExp(`^Usage: ${name}\\b`));
      const shown = await runCli([...words, '--version']);
      assert.equal(shown.status, 0);
      assert.equal(shown.stdout, version);
    });
  }

  for (const words of paths.filter((w) => w.length === 1)) {
    it(`verify-connector help ${words[0]} is its --help`, async () => {
      const help = await runCli(['help', words[0]!]);
      assert.equal(help.status, 0);
      assert.equal(help.stdout, (await runCli([words[0]!, '--help'])).stdout);
    });
  }

  for (const words of paths.filter((w) => w.length > 1)) {
    it(`verify-connector help ${words.join(' ')} and ${words[0]} help ${words.slice(1).join(' ')} are its --help`, async () => {
      const expected = (await runCli([...words, '--help'])).stdout;
      for (const argv of [['help', ...words], [words[0]!, 'help', ...words.slice(1)]]) {
        const help = await runCli(argv);
        assert.equal(help.status, 0, argv.join(' '));
        assert.equal(help.stdout, expected, argv.join(' '));
      }
    });
  }

  /** [argv, what the one usage-error line must name] */
  const usageErrors: Array<[string[], RegExp]> = [
    [[], /^Usage: verify-connector /m],
    [['frobnicate'], /usage error: unknown command 'frobnicate'/],
    [['modules', '--jsn'], /usage error: unknown option '--jsn'\n?.*(Did you mean --json\?)?/],
    [['run'], /verify-connector run: usage error: missing required argument 'module'/],
    [['run', 'list-services', '--emulator', 'ftp://x'], /usage error: option '--emulator \[url\]' argument 'ftp:\/\/x' is invalid/],
    [['run', 'list-services', '--emulator', 'https://example.com'], /usage error: option '--emulator \[url\]' argument 'https:\/\/example\.com' is invalid\. The emulator runs on this machine: give its loopback URL/],
    [['playground', '--dir', '/no/such/folder'], /verify-connector playground: usage error: --dir \/no\/such\/folder is not a folder: give the connector folder/],
    [['run', 'list-services', '--input', '{bad'], /usage error: --input is not valid JSON/],
    [['run', 'list-services', '--input', '[1]'], /usage error: --input must be a JSON object/],
    [['run', 'list-services', '--input', '@/no/such/file.json'], /usage error: --input: cannot read the file \/no\/such\/file\.json/],
    [['run', 'send-fax', '--input', '{}'], /usage error: no module "send-fax"/],
    [['docs', 'send-fax'], /verify-connector docs: usage error: no module "send-fax"/],
    [['run', 'get-servce', '--emulator'], /verify-connector run: usage error: no module "get-servce" in this connector\. Did you mean "get-service"\?/],
    [['docs', 'start-verifcation'], /verify-connector docs: usage error: no module "start-verifcation"\. Did you mean "start-verification"\?/],
    [['flow', 'run', 'vonage-fallback-8'], /usage error: no template "vonage-fallback-8"\. Did you mean "vonage-fallback-1"\?/],
    [['flow', 'export', 'vonage-fallback-1', '--to', 'n8n', '--out', resolve(root, 'package.json')], /verify-connector flow export: usage error: --out \S+package\.json: cannot write the workflows there \(EEXIST: a file is in the way\)/],
    [['help', 'nosuch'], /^verify-connector: usage error: unknown command 'nosuch'/],
    [['help', 'flow', 'rnu'], /^verify-connector flow: usage error: unknown command 'rnu'\n\(Did you mean run\?\)/],
    [['validate', 'a', 'b'], /usage error: too many arguments for 'validate'/],
    [['emulator', '--port', '65536'], /usage error: option '--port <n>' argument '65536' is invalid/],
    [['emulator', '--host', '0.0.0.0'], /usage error: --host 0\.0\.0\.0 is not a loopback address/],
    [['emulator', '--host', '192.0.2.1'], /usage error: --host 192\.0\.2\.1 is not a loopback address/],
    [['sms', 'send', '--config', 'c.json', '--type', 'SignIn'], /usage error: required option '--to <phone>' not specified/],
    [['sms', 'send', '--config', 'c.json', '--to', '+15017122661', '--type', 'Login'], /usage error: --type Login is not a usage type/],
    [['sms', 'validate'], /usage error: missing required argument 'config.json'/],
    [['flow', 'frob'], /usage error: unknown command 'frob'/],
    [['flow', 'run', 'studio-verify-subflow', '--param', 'to', '--emulator'], /usage error: --param to: write name=value/],
    [['flow', 'run', 'no-such-template'], /usage error: no template "no-such-template"/],
  ];
  for (const [argv, names] of usageErrors) {
    it(`usage error, exit 2: verify-connector ${argv.join(' ')}`, async () => {
      delete process.env['TWILIO_ACCOUNT_SID'];
      const result = await runCli(argv);
      assert.equal(result.status, 2, result.stdout + result.stderr);
      assert.match(result.stderr, names);
      assert.equal(result.stdout, '', 'nothing on stdout');
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    });
  }

  it('a closed pipe ends quietly: no stack trace, exit 0 (verify-connector docs start-verification | head -0)', async () => {
    for (const args of [['docs', 'start-verification'], ['modules'], ['flow', 'list', '--json']]) {
      const { code, stderr } = await withClosedStdout(args);
      assert.equal(stderr, '', args.join(' '));
      assert.equal(code, 0, args.join(' '));
    }
  });

  describe('--dir: a connector being written, before it is published', () => {
    let copy: ConnectorCopy;
    before(() => {
      copy = copyConnector();
      // A new module, as an author adds one: its file, its entry in the manifest, nothing else.
      copy.write('modules/count-services.json', JSON.stringify({ ...JSON.parse(readFileSync(join(copy.dir, 'modules/list-services.json'), 'utf8')), id: 'count-services', label: 'Count services' }));
      copy.edit('manifest.json', (m) => m.modules.push({ id: 'count-services', file: 'modules/count-services.json' }));
    });
    after(() => copy.dispose());

    it('modules, docs and run see the new module; this package does not', async () => {
      assert.match((await runCli(['modules', '--dir', copy.dir])).stdout, /^count-services /m);
      assert.doesNotMatch((await runCli(['modules'])).stdout, /count-services/);
      const docs = await runCli(['docs', 'count-services', '--dir', copy.dir]);
      assert.equal(docs.status, 0, docs.stderr);
      assert.match(docs.stdout, /^Count services \(count-services\)/);
      const run = await runCli(['run', 'count-services', '--dir', copy.dir, '--input', '{"limit":5}', '--emulator']);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout).services, []);
      assert.equal((await runCli(['run', 'count-services', '--input', '{}', '--emulator'])).status, 2);
    });

    it('validate takes the folder as --dir too, as the other commands do (and refuses two different folders)', async () => {
      const broken = copyConnector();
      try {
        broken.edit('modules/get-service.json', (m) => (m.label = null));
        const byOption = await runCli(['validate', '--dir', broken.dir]);
        assert.equal(byOption.status, 1);
        assert.equal(byOption.stdout, (await runCli(['validate', broken.dir])).stdout);
        assert.match(byOption.stdout, /^error: modules\/get-service\.json \/label: must be a string/);
        assert.equal((await runCli(['validate', '--dir', copy.dir])).status, 0);
        const both = await runCli(['validate', broken.dir, '--dir', copy.dir]);
        assert.equal(both.status, 2);
        assert.match(both.stderr, /usage error: give the connector folder once/);
      } finally {
        broken.dispose();
      }
    });

    it('a broken folder: exit 1, invalid_manifest naming the file and pointer (text and --json)', async () => {
      const broken = copyConnector();
      try {
        broken.edit('modules/get-service.json', (m) => (m.label = null));
        const text = await runCli(['run', 'get-service', '--dir', broken.dir, '--input', '{}', '--emulator']);
        assert.equal(text.status, 1);
        assert.match(text.stderr, /error \(invalid_manifest\): .*modules\/get-service\.json \/label must be a string/);
        assert.match(text.stderr, /what to do: Run verify-connector validate /);
        const json = await runCli(['docs', '--dir', broken.dir, '--json']);
        assert.equal(json.status, 1);
        assert.equal(JSON.parse(json.stdout).error.code, 'invalid_manifest');
      } finally {
        broken.dispose();
      }
    });
  });

  describe('credentials from the environment', () => {
    const input = JSON.stringify({ limit: 1 });
    const page = { services: [], meta: { page: 0, page_size: 1, first_page_url: '', previous_page_url: null, next_page_url: null, url: '', key: 'services' } };

    it('the Auth Token wins over a stray API key, and a note says so', async () => {
      process.env['TWILIO_ACCOUNT_SID'] = ACCOUNT_SID;
      process.env['TWILIO_AUTH_TOKEN'] = AUTH_TOKEN;
      process.env['TWILIO_API_KEY'] = API_KEY_SID;
      process.env['TWILIO_API_SECRET'] = API_KEY_SECRET;
      const seen = expectRequest('GET', /^\/v2\/Services/, { status: 200, body: page });
      const result = await runCli(['run', 'list-services', '--input', input]);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(seen.headers?.['authorization'], basicAuth(ACCOUNT_SID, AUTH_TOKEN));
      assert.match(result.stderr, /both set; using the Auth Token/);
      assertNoSecret(result.stdout + result.stderr);
    });

    it('an API key with its secret signs when there is no Auth Token', async () => {
      process.env['TWILIO_ACCOUNT_SID'] = ACCOUNT_SID;
      delete process.env['TWILIO_AUTH_TOKEN'];
      process.env['TWILIO_API_KEY'] = API_KEY_SID;
      process.env['TWILIO_API_SECRET'] = API_KEY_SECRET;
      const seen = expectRequest('GET', /^\/v2\/Services/, { status: 200, body: page });
      const result = await runCli(['run', 'list-services', '--input', input]);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(seen.headers?.['authorization'], basicAuth(API_KEY_SID, API_KEY_SECRET));
      assert.equal(result.stderr, '');
    });

    it('an API key without its secret, or an Account SID alone, is a usage error that names the variable', async () => {
      process.env['TWILIO_ACCOUNT_SID'] = ACCOUNT_SID;
      delete process.env['TWILIO_AUTH_TOKEN'];
      process.env['TWILIO_API_KEY'] = API_KEY_SID;
      delete process.env['TWILIO_API_SECRET'];
      const keyOnly = await runCli(['run', 'list-services', '--input', input]);
      assert.equal(keyOnly.status, 2);
      assert.match(keyOnly.stderr, /TWILIO_API_KEY is set without TWILIO_API_SECRET/);
      delete process.env['TWILIO_API_KEY'];
      const sidOnly = await runCli(['run', 'list-services', '--input', input]);
      assert.equal(sidOnly.status, 2);
      assert.match(sidOnly.stderr, /TWILIO_ACCOUNT_SID is set without credentials/);
    });

    it('--connection wins over the environment; one holding both a token and a key is refused by name, nothing sent', async () => {
      process.env['TWILIO_ACCOUNT_SID'] = ACCOUNT_SID;
      process.env['TWILIO_AUTH_TOKEN'] = 'env-token-never-used';
      const both = JSON.stringify({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, apiKeySid: API_KEY_SID, apiKeySecret: API_KEY_SECRET });
      const result = await runCli(['run', 'list-services', '--input', input, '--connection', both]);
      assert.equal(result.status, 1);
      assert.match(result.stderr, /error \(invalid_connection\): .*not both/);
      assertNoSecret(result.stdout + result.stderr);
    });
  });

  describe('emulator', () => {
    it('a port in use: "port N is already in use", exit 2', async () => {
      const blocker = await startEmulator();
      try {
        const port = new URL(blocker.url).port;
        const result = await runCli(['emulator', '--port', port]);
        assert.equal(result.status, 2);
        assert.match(result.stderr, new RegExp(`usage error: port ${port} is already in use`));
      } finally {
        await blocker.close();
      }
    });

    it('the playground, on a port in use: "port N is already in use", exit 2 (not an unexpected failure)', async () => {
      const blocker = await startEmulator();
      try {
        const port = new URL(blocker.url).port;
        const result = await runCli(['playground', '--port', port]);
        assert.equal(result.status, 2, result.stderr);
        assert.match(result.stderr, new RegExp(`^verify-connector playground: usage error: port ${port} is already in use`));
      } finally {
        await blocker.close();
      }
    });

    it('--unsafe-public with a wildcard host: listens, prints the address it is bound to and a warning', async () => {
      const result = await runCli(['emulator', '--host', '0.0.0.0', '--unsafe-public', '--json']);
      assert.equal(result.status, 0, result.stderr);
      const started = JSON.parse(result.stdout) as { listening: string; url: string };
      assert.match(started.listening, /^0\.0\.0\.0:\d+$/);
      assert.match(result.stderr, /^warning: listening on 0\.0\.0\.0:\d+ \(every network interface\): anyone who can reach it can read the codes/);
    });

    it('the loopback addresses need no flag', async () => {
      for (const host of ['127.0.0.1', 'localhost', '::1']) {
        const result = await runCli(['emulator', '--host', host, '--json']);
        assert.equal(result.status, 0, `${host}: ${result.stderr}`);
        assert.equal(result.stderr, '');
      }
    });
  });
});
