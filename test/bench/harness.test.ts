import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../connector/paths.js';

// The benchmarks themselves stay out of `npm test` (and no test asserts a duration): this only proves the harness runs.
describe('bench harness', () => {
  it('runs `--quick --only validation` and writes its JSON', function () {
    this.timeout(30_000);
    const dir = mkdtempSync(join(tmpdir(), 'verify-connector-bench-test-'));
    try {
      const out = join(dir, 'latest.json');
      const stdout = execFileSync(process.execPath, [join(packageRoot, 'dist', 'bench', 'run.js'), '--quick', '--only', 'validation', '--out', out], {
        cwd: packageRoot,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      assert.match(stdout, /start-verification valid/);
      const report = JSON.parse(readFileSync(out, 'utf8')) as { quick: boolean; results: Record<string, { rows: unknown[] }> };
      assert.equal(report.quick, true);
      assert.deepEqual(Object.keys(report.results), ['validation']);
      assert.equal(report.results['validation']!.rows.length, 4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an unknown benchmark name', () => {
    assert.throws(() =>
      execFileSync(process.execPath, [join(packageRoot, 'dist', 'bench', 'run.js'), '--only', 'nope'], { cwd: packageRoot, stdio: ['ignore', 'pipe', 'pipe'] }),
    );
  });
});
