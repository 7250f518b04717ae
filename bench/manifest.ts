/**
 * validateManifest(): on the package in a fresh process (the first call, as `verify-connector validate` makes it),
 * again in the same process, and on a copy whose input schema a connector author has just edited (every schema
 * then goes through AJV's strict compile).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validateManifest } from '../connector/index.js';
import { packageRoot } from '../connector/paths.js';
import { fmtMs, median, nowMs, round, shuffled } from './lib/stats.js';
import { budgetRow, type Bench, type BenchResult, type Row } from './lib/types.js';

const entry = pathToFileURL(join(packageRoot, 'dist', 'connector', 'index.js')).href;

function editedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verify-connector-bench-'));
  for (const part of ['manifest.json', 'modules', 'schemas']) cpSync(join(packageRoot, part), join(dir, part), { recursive: true });
  const file = join(dir, 'schemas', 'modules', 'start-verification.input.schema.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as { title: string };
  schema.title += ' (edited)';
  writeFileSync(file, JSON.stringify(schema, null, 2));
  return dir;
}

function firstCallInFreshProcess(dir?: string): number {
  const script = `const api = await import(${JSON.stringify(entry)});
const t0 = performance.now();
const report = api.validateManifest(${dir ? JSON.stringify(dir) : ''});
const ms = performance.now() - t0;
if (!report.valid) { console.error(JSON.stringify(report.errors)); process.exit(1); }
process.stdout.write(String(ms));`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: packageRoot, encoding: 'utf8' }));
}

export const manifest: Bench = {
  name: 'manifest',
  title: 'Manifest validation',
  async run({ quick, log }): Promise<BenchResult> {
    const rounds = quick ? 2 : 9;
    const copy = editedCopy();
    try {
      const cold: Record<string, number[]> = { package: [], edited: [] };
      for (let r = 0; r < rounds; r++) {
        for (const which of shuffled(['package', 'edited'] as const)) cold[which]!.push(firstCallInFreshProcess(which === 'edited' ? copy : undefined));
      }
      const warm: number[] = [];
      for (let r = 0; r < rounds + 1; r++) {
        const t0 = nowMs();
        const report = validateManifest();
        if (!report.valid) throw new Error('manifest: the package does not validate');
        if (r > 0) warm.push(nowMs() - t0);
      }
      log(`  ${rounds} fresh processes per case, ${warm.length} repeated calls`);
      const first = median(cold['package']!);
      const rows: Row[] = [
        budgetRow('validateManifest(), first call in a fresh process', fmtMs(first), '≤ 200 ms', first <= 200),
        { metric: '  repeated call in the same process', value: fmtMs(median(warm)), status: 'info' },
        { metric: '  after editing a schema (AJV strict compile of all)', value: fmtMs(median(cold['edited']!)), status: 'info' },
      ];
      return {
        name: this.name,
        title: this.title,
        rows,
        data: { rounds, firstCallMs: round(first), repeatedMs: round(median(warm)), editedCopyFirstCallMs: round(median(cold['edited']!)) },
      };
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  },
};
