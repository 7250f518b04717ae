/**
 * Cold start: fresh `node` processes, interleaved round by round.
 *   bare       node -e with only the reporting lines (the floor)
 *   connector  import the package + loadConnector()
 *   twilio     import 'twilio' only
 * Each child reports the time of its work (performance.now around the import), its RSS and peak RSS, and whether
 * the `twilio` package is in the module cache. The parent also times each process from spawn to exit, and a literal
 * `node -e 0`. One more connector process runs with `--trace-opt`: a function V8 optimises during the cold start
 * (Node's own path functions, when the loader resolves too many imports) pages in the optimising compiler, ~3.5 MB
 * of RSS (docs/performance.md), so the table says how many there were.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../connector/paths.js';
import { fmtMb, fmtMs, median, nowMs, round, shuffled } from './lib/stats.js';
import { budgetRow, type Bench, type BenchResult, type Row } from './lib/types.js';

interface ChildReport {
  ms: number;
  rss: number;
  maxRss: number;
  heapUsed: number;
  twilioLoaded: boolean;
}

const entry = pathToFileURL(join(packageRoot, 'dist', 'connector', 'index.js')).href;

const WORK: Record<string, string> = {
  bare: '',
  connector: `const api = await import(${JSON.stringify(entry)}); await api.loadConnector();`,
  twilio: `await import('twilio');`,
};

function script(work: string): string {
  return `const t0 = performance.now();
${work}
const t1 = performance.now();
const m = process.memoryUsage();
const cache = (await import('node:module')).createRequire(process.cwd() + '/').cache;
const twilioLoaded = Object.keys(cache).some((p) => /node_modules[\\\\/]twilio[\\\\/]/.test(p));
process.stdout.write(JSON.stringify({ ms: t1 - t0, rss: m.rss, maxRss: process.resourceUsage().maxRSS * 1024, heapUsed: m.heapUsed, twilioLoaded }));`;
}

function runChild(args: string[]): { wallMs: number; out: string } {
  const t0 = nowMs();
  const out = execFileSync(process.execPath, args, { cwd: packageRoot, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return { wallMs: nowMs() - t0, out };
}

export const coldStart: Bench = {
  name: 'cold-start',
  title: 'Cold start (fresh node processes)',
  async run({ quick, log }): Promise<BenchResult> {
    const rounds = quick ? 3 : 15;
    const variants = ['node -e 0', ...Object.keys(WORK)];
    const wall: Record<string, number[]> = Object.fromEntries(variants.map((v) => [v, []]));
    const reports: Record<string, ChildReport[]> = Object.fromEntries(Object.keys(WORK).map((v) => [v, []]));
    // One unmeasured round warms the file system cache.
    for (const work of Object.values(WORK)) runChild(['--input-type=module', '-e', script(work)]);
    for (let round = 0; round < rounds; round++) {
      for (const variant of shuffled(variants)) {
        if (variant === 'node -e 0') {
          wall[variant]!.push(runChild(['-e', '0']).wallMs);
          continue;
        }
        const { wallMs, out } = runChild(['--input-type=module', '-e', script(WORK[variant]!)]);
        wall[variant]!.push(wallMs);
        reports[variant]!.push(JSON.parse(out) as ChildReport);
      }
    }
    log(`  ${rounds} rounds × ${variants.length} processes`);
    const traced = runChild(['--trace-opt', '--input-type=module', '-e', script(WORK['connector']!)]).out;
    const optimised = [...traced.matchAll(/^\[compiling method .*?<JSFunction ([^ >]*)/gm)].map((m) => m[1] || '(anonymous)');

    const m = (variant: string, key: keyof ChildReport): number => median(reports[variant]!.map((r) => Number(r[key])));
    const summary = Object.fromEntries(
      Object.keys(WORK).map((v) => [
        v,
        {
          workMs: round(m(v, 'ms')),
          wallMs: round(median(wall[v]!)),
          rss: m(v, 'rss'),
          maxRss: m(v, 'maxRss'),
          heapUsed: m(v, 'heapUsed'),
          twilioLoaded: reports[v]!.some((r) => r.twilioLoaded),
        },
      ]),
    ) as Record<string, { workMs: number; wallMs: number; rss: number; maxRss: number; heapUsed: number; twilioLoaded: boolean }>;
    const bare = summary['bare']!;
    const ours = summary['connector']!;
    const tw = summary['twilio']!;
    const nodeE0 = median(wall['node -e 0']!);
    const rssOver = ours.rss - bare.rss;
    const peakOver = ours.maxRss - bare.maxRss;

    const rows: Row[] = [
      budgetRow('import + loadConnector()', fmtMs(ours.workMs), '≤ 50 ms', ours.workMs <= 50),
      budgetRow('  RSS above bare node', fmtMb(rssOver), '≤ 10 MB', rssOver <= 10 * 1024 * 1024),
      { metric: '  peak RSS above bare node', value: fmtMb(peakOver), status: 'info' },
      budgetRow('  twilio loaded after import + load', String(ours.twilioLoaded), 'false', !ours.twilioLoaded),
      { metric: '  functions V8 optimised during import + load', value: optimised.length === 0 ? 'none' : `${optimised.length}: ${optimised.join(', ')}`, status: 'info' },
      { metric: '  process wall time above node -e 0', value: fmtMs(ours.wallMs - nodeE0), status: 'info' },
      { metric: "import 'twilio' only", value: `${fmtMs(tw.workMs)}, ${fmtMb(tw.rss - bare.rss)} RSS above bare`, status: 'info' },
      { metric: '  ratio twilio / connector (time)', value: `${(tw.workMs / ours.workMs).toFixed(1)}×`, status: 'info' },
      { metric: 'bare node: node -e 0 wall time, RSS', value: `${fmtMs(nodeE0)}, ${fmtMb(bare.rss)}`, status: 'info' },
    ];
    return {
      name: this.name,
      title: this.title,
      rows,
      data: { rounds, nodeE0WallMs: round(nodeE0), ...summary, connectorRssOverBare: rssOver, connectorPeakRssOverBare: peakOver, optimisedDuringLoad: optimised },
    };
  },
};
