/** Importing the package (and using it) loads no host room: flows, sms, the CLI and the host exports stay unloaded. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../../connector/paths.js';

const HOST_ROOM = /\/dist\/connector\/(flows|sms|cli|n8n|make|playground)\//;

/** The files of this package's dist/ that a fresh process loads while running `steps` (recorded by a load hook). */
function loadedFiles(steps: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'loads-'));
  try {
    const log = join(dir, 'loaded.txt');
    writeFileSync(log, '');
    writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function load(url, context, next) { if (url.startsWith('file:')) appendFileSync(log, url + '\\n'); return next(url, context); }
`);
    writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)}, { data: { log: ${JSON.stringify(log)} } });
`);
    execFileSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, '--input-type=module', '-e', steps], { cwd: packageRoot, encoding: 'utf8' });
    const dist = pathToFileURL(join(packageRoot, 'dist')).href;
    return readFileSync(log, 'utf8').split('\n').filter((url) => url.startsWith(dist));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const entry = (file: string): string => JSON.stringify(pathToFileURL(join(packageRoot, 'dist', 'connector', file)).href);

describe('architecture: the main entry point loads no host', function () {
  this.timeout(30_000);

  it('import, loadConnector, validateManifest, module schemas and a composed call load nothing of flows, sms or the CLI', () => {
    const files = loadedFiles(`
      const api = await import(${entry('index.js')});
      const c = await api.loadConnector();
      api.validateManifest();
      for (const m of c.modules) void m.inputSchema;
      await c.execute('escalate-verification', { accountSid: 'AC' + '0'.repeat(32), authToken: 'x'.repeat(32), baseUrl: 'http://127.0.0.1:9' },
        { serviceSid: 'VA' + '0'.repeat(32), verificationSid: 'VE' + '0'.repeat(32), preset: 1 },
        { onError: 'output', retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 }, timeoutMs: 2000 });`);
    assert.ok(files.some((url) => url.endsWith('/dist/connector/runtime/compose.js')), 'the composed call ran through the runtime');
    assert.deepEqual(files.filter((url) => HOST_ROOM.test(url)), []);
  });

  it('the flows entry point does load the flows room (the check above can fail)', () => {
    const files = loadedFiles(`await import(${entry('flows/index.js')});`);
    assert.ok(files.some((url) => HOST_ROOM.test(url)));
  });
});
