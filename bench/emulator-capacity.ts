/**
 * Emulator capacity: the emulator in its own process, a keep-alive node:http load generator in this one running
 * 32 concurrent loops of start + check (the right code) for 10 seconds. Then memory: the emulator's heap and RSS
 * (after a full GC) at start, after 100,000 verifications, and after the clock moves past the retention window and
 * sweep() runs.
 */
import { Agent, request } from 'node:http';
import { FINISHED_RETENTION_MS, VERIFICATION_WINDOW_MS } from '../emulator/constants.js';
import { createService, phoneNumbers, startEmulatorProcess, type EmulatorMemory, type EmulatorProcess } from './lib/emulator-process.js';
import { fmtMb, fmtMs, fmtRate, median, nowMs, percentile, round } from './lib/stats.js';
import { budgetRow, type Bench, type BenchResult, type Row } from './lib/types.js';

const CONCURRENCY = 32;

function poster(emu: EmulatorProcess): (path: string, form: Record<string, string>) => Promise<{ status: number; body: string }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const base = new URL(emu.url);
  return (path, form) =>
    new Promise((resolve, reject) => {
      const data = new URLSearchParams(form).toString();
      const req = request(
        {
          host: base.hostname,
          port: base.port,
          path,
          method: 'POST',
          agent,
          headers: { authorization: emu.authorization, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(data) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(data);
    });
}

function memoryFigures(m: EmulatorMemory): Record<string, number> {
  return { heapUsed: m.heapUsed, rss: m.rss, verifications: m.stats.verifications, outbox: m.stats.outbox };
}

export const emulatorCapacity: Bench = {
  name: 'emulator',
  title: 'Emulator capacity and memory',
  async run({ quick, log }): Promise<BenchResult> {
    const seconds = quick ? 2 : 10;
    const warmupSeconds = quick ? 0.5 : 2;
    const target = quick ? 5_000 : 100_000;
    const emu = await startEmulatorProcess();
    try {
      const serviceSid = await createService(emu, 'Load');
      const post = poster(emu);
      const next = phoneNumbers('666');
      const startPath = `/v2/Services/${serviceSid}/Verifications`;
      const checkPath = `/v2/Services/${serviceSid}/VerificationCheck`;
      const memStart = await emu.memory();

      let failures = 0;
      const pair = async (): Promise<void> => {
        const to = next();
        const started = await post(startPath, { To: to, Channel: 'sms' });
        const checked = await post(checkPath, { To: to, Code: '123456' });
        if (started.status !== 201 || checked.status !== 200 || !checked.body.includes('"status":"approved"')) failures++;
      };
      const load = async (durationS: number, latencies?: number[]): Promise<{ pairs: number; elapsedMs: number }> => {
        const t0 = nowMs();
        const deadline = t0 + durationS * 1000;
        let pairs = 0;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (nowMs() < deadline) {
              const s = nowMs();
              await pair();
              latencies?.push(nowMs() - s);
              pairs++;
            }
          }),
        );
        return { pairs, elapsedMs: nowMs() - t0 };
      };

      await load(warmupSeconds);
      failures = 0;
      const latencies: number[] = [];
      const { pairs, elapsedMs } = await load(seconds, latencies);
      const rate = pairs / (elapsedMs / 1000);
      log(`  ${pairs} pairs in ${(elapsedMs / 1000).toFixed(1)} s at concurrency ${CONCURRENCY}, ${failures} failed`);
      if (failures > 0) throw new Error(`emulator: ${failures} start+check pairs did not approve`);

      // Top up to `target` verifications with starts only, then measure, expire, sweep, measure.
      let have = (await emu.memory()).stats.verifications;
      while (have < target) {
        const batch = Math.min(target - have, 2_000);
        let i = 0;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (i < batch) {
              i++;
              const res = await post(startPath, { To: next(), Channel: 'sms' });
              if (res.status !== 201) failures++;
            }
          }),
        );
        have += batch;
      }
      const memFull = await emu.memory();
      await emu.advance(VERIFICATION_WINDOW_MS + FINISHED_RETENTION_MS + 60_000);
      const t0 = nowMs();
      const removed = await emu.sweep();
      const sweepMs = nowMs() - t0;
      const memSwept = await emu.memory();
      log(`  ${memFull.stats.verifications} verifications held, sweep removed ${removed} in ${fmtMs(sweepMs)}`);

      const grown = memFull.heapUsed - memStart.heapUsed;
      const kept = memSwept.heapUsed - memStart.heapUsed;
      const p50 = median(latencies);
      const p99 = percentile(latencies, 99);
      const rows: Row[] = [
        budgetRow(`start+check pairs/s, concurrency ${CONCURRENCY}, ${seconds} s`, fmtRate(rate, 'pairs'), '≥ 2,000/s', rate >= 2000),
        { metric: '  pair latency p50 · p99', value: `${fmtMs(p50)} · ${fmtMs(p99)}`, status: 'info' },
        { metric: `  emulator heap: start · ${memFull.stats.verifications.toLocaleString('en')} verifications · after sweep`, value: `${fmtMb(memStart.heapUsed)} · ${fmtMb(memFull.heapUsed)} · ${fmtMb(memSwept.heapUsed)}`, status: 'info' },
        budgetRow('  heap kept after sweep (of the growth)', `${fmtMb(kept)} of ${fmtMb(grown)} (${((kept / grown) * 100).toFixed(0)} %)`, 'near start', kept <= Math.max(0.15 * grown, 4 * 1024 * 1024)),
        { metric: '  emulator RSS: start · full · after sweep', value: `${fmtMb(memStart.rss)} · ${fmtMb(memFull.rss)} · ${fmtMb(memSwept.rss)}`, status: 'info' },
      ];
      return {
        name: this.name,
        title: this.title,
        rows,
        data: {
          concurrency: CONCURRENCY,
          seconds,
          pairs,
          pairsPerSecond: round(rate, 1),
          latencyMs: { p50: round(p50), p99: round(p99) },
          memory: { start: memoryFigures(memStart), full: memoryFigures(memFull), afterSweep: memoryFigures(memSwept) },
          sweep: { removed, ms: round(sweepMs) },
          failures,
        },
      };
    } finally {
      await emu.close();
    }
  },
};
