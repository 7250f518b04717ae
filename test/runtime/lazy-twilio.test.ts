import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../connector/paths.js';

/** In a fresh process: is the `twilio` package in the CommonJS module cache after the given steps? */
function twilioLoadedAfter(steps: string): boolean {
  const entry = join(packageRoot, 'dist', 'connector', 'index.js');
  const script = `
    import { createRequire } from 'node:module';
    const require = createRequire(import.meta.url);
    const api = await import(${JSON.stringify(entry)});
    ${steps}
    const loaded = Object.keys(require.cache).some((p) => /node_modules[\\\\/]twilio[\\\\/]/.test(p));
    process.stdout.write(String(loaded));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }) === 'true';
}

describe('performance by construction', () => {
  it('importing the package and loading the connector does not load twilio', () => {
    assert.equal(twilioLoadedAfter('await api.loadConnector(); api.validateManifest();'), false);
  });

  it('the first module call loads twilio (the check above can fail)', () => {
    const call = `const c = await api.loadConnector();
      await c.execute('get-service', { accountSid: 'AC' + '0'.repeat(32), authToken: 'x', baseUrl: 'http://127.0.0.1:9' }, { serviceSid: 'VA' + '0'.repeat(32) }, { onError: 'output', retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 }, timeoutMs: 2000 });`;
    assert.equal(twilioLoadedAfter(call), true);
  });
});
