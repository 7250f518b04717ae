/**
 * Every example in the README and docs/ that is meant to run, run: `verify-connector …` commands (in shell blocks, in
 * `$ …` transcripts and inline in the prose; an inline command name alone must be a command), TypeScript blocks (in a fresh node process, importing the built package),
 * JSON blocks (parsed; scenarios validated), and `npm run <script>` names (they exist). An example with a placeholder
 * (`<module>`, `[--json]`, `a|b`, `…`) is a synopsis, not a command, and is not run. What the runs need is provided:
 * the files they name, a running emulator for the URLs they give (with its credentials in the environment), port 0 for
 * the fixed ports (others may hold them).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { loadConnector } from '../../connector/index.js';
import { validateScenario } from '../../connector/flows/validation.js';
import { packageRoot } from '../../connector/paths.js';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { runCli } from '../support/cli.js';
import { TWILIO_ENV, twilioEnvRestorer } from '../support/env.js';
import { copyConnector, type ConnectorCopy } from '../support/connector-copy.js';
import { seedConfig } from '../sms/fixtures.js';
import { exportMakeApp } from '../../connector/make/export.js';
import { writeAppDir, type AppDir } from '../make/support/app-dir.js';

interface Example {
  /** file:line, for the test title. */
  where: string;
  kind: 'command' | 'name' | 'npm' | 'ts' | 'json';
  text: string;
}

const PLACEHOLDER = /[<>[\]…|]|\bURL\b|\bPORT\b/;

function markdownFiles(): string[] {
  return ['README.md', ...readdirSync(join(packageRoot, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
}

/** Shell words: spaces separate, single and double quotes group. */
function words(line: string): string[] {
  const out: string[] = [];
  let word = '';
  let quote: string | undefined;
  let started = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      started = true;
    } else if (/\s/.test(ch)) {
      if (started || word) out.push(word);
      word = '';
      started = false;
    } else word += ch;
  }
  if (started || word) out.push(word);
  return out;
}

/** The commands of one shell line: `a && b` is two; a trailing `# comment` is not part of it. */
function commandsOf(line: string): string[] {
  return line
    .replace(/(^|\s)#.*$/, '')
    .split('&&')
    .map((c) => c.trim())
    .filter(Boolean);
}

function collect(): Example[] {
  const examples: Example[] = [];
  for (const file of markdownFiles()) {
    const text = readFileSync(join(packageRoot, file), 'utf8');
    const fenced = /^```(\w*)\n([\s\S]*?)^```/gm;
    let prose = text;
    for (const m of text.matchAll(fenced)) {
      const [block, lang = '', body = ''] = m;
      prose = prose.replace(block, '');
      const where = `${file}:${text.slice(0, m.index).split('\n').length}`;
      if (lang === 'ts' || lang === 'js') {
        if (!body.includes('…')) examples.push({ where, kind: 'ts', text: body });
      } else if (lang === 'json' || lang === 'jsonc') {
        if (!body.includes('…')) examples.push({ where, kind: 'json', text: body });
      } else if (lang === 'sh' || lang === 'bash' || lang === '') {
        for (const raw of body.split('\n')) {
          // In a block without a language, only `$ ` lines are commands (the rest is output or a synopsis).
          if (lang === '' && !raw.startsWith('$ ') && !/^verify-connector \S+( \S+)?$/.test(raw.trim())) continue;
          for (const command of commandsOf(raw.replace(/^\$ /, ''))) {
            if (command.startsWith('npm ')) examples.push({ where, kind: 'npm', text: command });
            else if (command.startsWith('npx verify-connector ') || command.startsWith('verify-connector ')) {
              if (!PLACEHOLDER.test(command)) examples.push({ where, kind: 'command', text: command.replace(/^npx /, '') });
            }
          }
        }
      }
    }
    for (const m of prose.matchAll(/`((?:npx )?verify-connector [^`]+)`/g)) {
      const command = m[1]!.split(' | ')[0]!.replace(/^npx /, '');
      if (PLACEHOLDER.test(command)) continue;
      // `verify-connector run` in a sentence names the command; with arguments it is an example to run.
      const named = /^verify-connector [a-z-]+$/.test(command);
      examples.push({ where: `${file} (inline)`, kind: named ? 'name' : 'command', text: command });
    }
  }
  return examples;
}

const examples = collect();
const seen = new Set<string>();
const unique = examples.filter((e) => (seen.has(`${e.kind}\0${e.text}`) ? false : (seen.add(`${e.kind}\0${e.text}`), true)));

/** The package's own name and its export subpaths → the built files, so a snippet runs from any folder. */
function importMap(): Map<string, string> {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { name: string; exports: Record<string, string | { default: string }> };
  const map = new Map<string, string>();
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : target.default;
    map.set(subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`, pathToFileURL(resolve(packageRoot, file)).href);
  }
  return map;
}

describe('README and docs examples run as written', () => {
  let dir: string;
  let emulator: Emulator;
  let copy: ConnectorCopy;
  let makeApp: AppDir;
  const restoreEnv = twilioEnvRestorer();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'docs-examples-'));
    writeFileSync(join(dir, 'sms-config.json'), JSON.stringify(seedConfig));
    emulator = await startEmulator();
    copy = copyConnector();
    // `make validate` without a folder checks what `npm run build:make` wrote; a clean checkout has not built it.
    makeApp = await writeAppDir(exportMakeApp(await loadConnector()));
  });
  after(async () => {
    await emulator.close();
    copy.dispose();
    makeApp.dispose();
    rmSync(dir, { recursive: true, force: true });
    restoreEnv();
  });

  it('finds the examples (commands, code, JSON) in every page', () => {
    const count = (kind: Example['kind']) => unique.filter((e) => e.kind === kind).length;
    assert.ok(count('command') >= 12, `commands: ${count('command')}`);
    assert.ok(count('ts') >= 2, `TypeScript blocks: ${count('ts')}`);
    assert.ok(count('json') >= 1, `JSON blocks: ${count('json')}`);
  });

  /**
   * What a command needs that the page takes for granted: the files it names (the app build:make writes), a running emulator, free ports, and
   * for a flow that asks, the answers a person gives (a mistyped code, then the one delivered).
   */
  const prepare = (command: string): string[] => {
    const argv = words(command)
      .slice(1)
      .map((word) => {
        if (word === 'sms-config.json') return join(dir, 'sms-config.json');
        if (word === '../my-connector') return copy.dir;
        if (/^http:\/\/127\.0\.0\.1:\d+$/.test(word)) return emulator.url;
        return word;
      })
      .map((word, i, all) => (all[i - 1] === '--port' ? '0' : word));
    if (argv[0] === 'make' && argv[1] === 'validate' && (argv[2] === undefined || argv[2].startsWith('-'))) return ['make', 'validate', makeApp.dir, ...argv.slice(2)];
    return argv[0] === 'flow' && argv[1] === 'run' && !argv.includes('--answers') ? [...argv, '--answers', '000000,@code'] : argv;
  };

  for (const example of unique.filter((e) => e.kind === 'command')) {
    it(`${example.where}: ${example.text}`, async () => {
      process.env['TWILIO_ACCOUNT_SID'] = emulator.accountSid;
      process.env['TWILIO_AUTH_TOKEN'] = emulator.authToken;
      delete process.env['TWILIO_API_KEY'];
      delete process.env['TWILIO_API_SECRET'];
      const result = await runCli(prepare(example.text));
      assert.equal(result.status, 0, `${example.text}\n${result.stdout}\n${result.stderr}`);
    });
  }

  for (const example of unique.filter((e) => e.kind === 'name')) {
    it(`${example.where}: ${example.text} runs, or is a command that needs arguments`, async () => {
      const result = await runCli(prepare(example.text));
      if (result.status === 2 && /missing required argument/.test(result.stderr)) assert.equal((await runCli([...prepare(example.text), '--help'])).status, 0);
      else assert.equal(result.status, 0, `${example.text}\n${result.stdout}\n${result.stderr}`);
    });
  }

  for (const example of unique.filter((e) => e.kind === 'npm')) {
    it(`${example.where}: ${example.text} names a script of package.json`, () => {
      const scripts = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
      const [, verb, name] = /^npm (\S+)(?: (\S+))?/.exec(example.text)!;
      if (verb === 'run' || verb === 'run-script') assert.ok(name! in scripts, `no script "${name}"`);
      else assert.ok(['ci', 'install', 'start', 'test', 'pack'].includes(verb!) && (verb !== 'start' || 'start' in scripts), `unknown npm command ${example.text}`);
    });
  }

  for (const example of unique.filter((e) => e.kind === 'json')) {
    it(`${example.where}: JSON that parses${/"steps"/.test(example.text) ? ' and is a valid scenario' : ''}`, async () => {
      const json = JSON.parse(example.text.replace(/^\s*\/\/.*$/gm, '').replace(/\s\/\/ [^"\n]*$/gm, '')) as Record<string, unknown>;
      if (Array.isArray(json['steps']) && typeof json['id'] === 'string') {
        assert.deepEqual(validateScenario(json, { connector: await loadConnector() }).errors, []);
      }
    });
  }

  for (const example of unique.filter((e) => e.kind === 'ts')) {
    it(`${example.where}: the TypeScript block runs in a fresh process`, async function () {
      this.timeout(60_000);
      let code = ts.transpileModule(example.text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
      for (const [name, url] of importMap()) code = code.split(`'${name}'`).join(`'${url}'`);
      const file = join(dir, `example-${unique.indexOf(example)}.mjs`);
      writeFileSync(file, code);
      // The example's own top-level awaits finish, then the process ends (an emulator left open is the example's point).
      const runner = join(dir, `run-${unique.indexOf(example)}.mjs`);
      writeFileSync(runner, `await import(${JSON.stringify(pathToFileURL(file).href)});\nprocess.exit(0);\n`);
      const env = { ...process.env };
      for (const key of TWILIO_ENV) delete env[key];
      await promisify(execFile)(process.execPath, [runner], { cwd: dir, env, timeout: 50_000 });
    });
  }
});
