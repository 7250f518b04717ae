/**
 * `npm run bench`: every benchmark in turn, a table on stdout and the figures in bench/results/latest.json.
 *
 *   node dist/bench/run.js [--quick] [--only cold-start,per-call,validation,manifest,emulator,sms] [--out file.json]
 *
 * Each figure is a median over repeated runs; comparisons are ratios measured side by side in the same run.
 * --quick is a smoke run (few rounds, short windows): its figures are indicative only.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { packageRoot } from '../connector/paths.js';
import { coldStart } from './cold-start.js';
import { emulatorCapacity } from './emulator-capacity.js';
import { manifest } from './manifest.js';
import { perCall } from './per-call.js';
import { sms } from './sms.js';
import { fmtMs, MB, nowMs } from './lib/stats.js';
import type { Bench, BenchResult } from './lib/types.js';
import { validation } from './validation.js';

const BENCHES: Bench[] = [coldStart, perCall, validation, manifest, emulatorCapacity, sms];

interface Args {
  quick: boolean;
  only?: string[];
  out: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, out: join(packageRoot, 'bench', 'results', 'latest.json') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--quick') args.quick = true;
    else if (arg === '--only' || arg.startsWith('--only=')) args.only = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (arg === '--out' || arg.startsWith('--out=')) args.out = resolve(value());
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`usage: node dist/bench/run.js [--quick] [--only ${BENCHES.map((b) => b.name).join(',')}] [--out file.json]\n`);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  for (const name of args.only ?? []) {
    if (!BENCHES.some((b) => b.name === name)) throw new Error(`unknown benchmark "${name}"; use one of ${BENCHES.map((b) => b.name).join(', ')}`);
  }
  return args;
}

function machine(): Record<string, unknown> {
  const cpu = cpus()[0];
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: packageRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not a git checkout
  }
  return {
    cpuModel: cpu?.model ?? 'unknown',
    cpus: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${platform()} ${release()}`,
    /** 1, 5 and 15-minute load averages when the run started: other work on the machine shows up in every figure. */
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    commit,
  };
}

function table(results: BenchResult[]): string {
  const lines: string[][] = [['Benchmark', 'Figure', 'Budget', '']];
  for (const result of results) {
    if (result.skipped) {
      lines.push([result.title, `skipped: ${result.skipped}`, '', '']);
      continue;
    }
    result.rows.forEach((row, i) => {
      const mark = row.status === 'met' ? 'met' : row.status === 'missed' ? 'MISSED' : '';
      lines.push([i === 0 ? result.title : '', `${row.metric}: ${row.value}`, row.budget ?? '', mark]);
    });
  }
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  const render = (l: string[]): string => l.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  return [render(lines[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...lines.slice(1).map(render)].join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const selected = BENCHES.filter((b) => !args.only || args.only.includes(b.name));
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  const started = nowMs();
  const host = machine();
  log(`twilio-verify-connector benchmarks${args.quick ? ' (--quick: indicative figures only)' : ''}: ${selected.map((b) => b.name).join(', ')}`);
  const results: BenchResult[] = [];
  for (const bench of selected) {
    const t0 = nowMs();
    log(`▶ ${bench.title}`);
    results.push(await bench.run({ quick: args.quick, log }));
    log(`  done in ${fmtMs(nowMs() - t0)}`);
  }
  const totalMs = nowMs() - started;
  const misses = results.flatMap((r) => r.rows.filter((row) => row.status === 'missed').map((row) => `${r.name}: ${row.metric.trim()}`));
  process.stdout.write(`\n${table(results)}\n\n`);
  process.stdout.write(`${misses.length === 0 ? 'Every budget met.' : `Budgets missed: ${misses.join('; ')}`} Total ${(totalMs / 1000).toFixed(1)} s.\n`);

  const report = {
    date: new Date().toISOString(),
    quick: args.quick,
    command: `node dist/bench/run.js${process.argv.slice(2).length ? ' ' + process.argv.slice(2).join(' ') : ''}`,
    machine: host,
    totalSeconds: Math.round(totalMs / 100) / 10,
    heapUsedMB: Math.round(process.memoryUsage().heapUsed / MB),
    budgetsMissed: misses,
    results: Object.fromEntries(results.map((r) => [r.name, { title: r.title, ...(r.skipped ? { skipped: r.skipped } : {}), rows: r.rows, data: r.data }])),
  };
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`Figures written to ${args.out}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
