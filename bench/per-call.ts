/**
 * Per-call overhead against one emulator (in its own process), interleaved: each round runs every variant in a
 * fresh random order, each variant a few start+check pairs, so machine noise falls on all of them alike.
 *   connector  connector.execute('start-verification' | 'check-verification', connection, input)
 *   sdk        client.verify.v2.services(sid).verifications.create / verificationChecks.create (twilio SDK)
 *   fetch      a bare fetch of the same form POST, JSON parsed
 */
import { loadConnector } from '../connector/index.js';
import { createService, phoneNumbers, startEmulatorProcess } from './lib/emulator-process.js';
import { fmtMs, fmtRatio, median, nowMs, percentile, round, shuffled } from './lib/stats.js';
import { budgetRow, type Bench, type BenchResult, type Row } from './lib/types.js';

type Variant = 'connector' | 'sdk' | 'fetch';
type Call = 'start' | 'check';
type Pair = (to: string) => Promise<void>;

const CODE = '123456';

function expect(condition: boolean, what: string): void {
  if (!condition) throw new Error(`per-call: ${what}`);
}

export const perCall: Bench = {
  name: 'per-call',
  title: 'Per-call overhead against the emulator',
  async run({ quick, log }): Promise<BenchResult> {
    const rounds = quick ? 4 : 40;
    const pairsPerRound = quick ? 5 : 15;
    const warmup = quick ? 20 : 100;
    const emu = await startEmulatorProcess();
    try {
      const serviceSid = await createService(emu, 'Bench');
      const connection = { accountSid: emu.accountSid, authToken: emu.authToken, baseUrl: emu.url };
      const connector = await loadConnector();
      const twilio = (await import('twilio')).default as unknown as (u: string, p: string, o: Record<string, unknown>) => any;
      // The same client options the connector's transport uses.
      const client = twilio(emu.accountSid, emu.authToken, { accountSid: emu.accountSid, keepAlive: true, autoRetry: false });
      client.verify.baseUrl = emu.url;
      const service = client.verify.v2.services(serviceSid);
      const next = phoneNumbers('555');
      const samples: Record<Variant, Record<Call, number[]>> = {
        connector: { start: [], check: [] },
        sdk: { start: [], check: [] },
        fetch: { start: [], check: [] },
      };
      let record = true;
      const timed = async <T>(variant: Variant, call: Call, f: () => Promise<T>): Promise<T> => {
        const t0 = nowMs();
        const result = await f();
        if (record) samples[variant][call].push(nowMs() - t0);
        return result;
      };

      const formPost = async (path: string, form: Record<string, string>): Promise<Record<string, unknown>> => {
        const res = await fetch(`${emu.url}${path}`, {
          method: 'POST',
          headers: { authorization: emu.authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new URLSearchParams(form).toString(),
        });
        const body = (await res.json()) as Record<string, unknown>;
        expect(res.status < 300, `fetch got HTTP ${res.status}`);
        return body;
      };

      const pairs: Record<Variant, Pair> = {
        async connector(to) {
          const started = (await timed('connector', 'start', () => connector.execute('start-verification', connection, { serviceSid, to, channel: 'sms' }))) as { status: string };
          expect(started.status === 'pending', 'connector start not pending');
          const checked = (await timed('connector', 'check', () => connector.execute('check-verification', connection, { serviceSid, to, code: CODE }))) as { status: string };
          expect(checked.status === 'approved', 'connector check not approved');
        },
        async sdk(to) {
          const started = (await timed('sdk', 'start', () => service.verifications.create({ to, channel: 'sms' }))) as { status: string };
          expect(started.status === 'pending', 'sdk start not pending');
          const checked = (await timed('sdk', 'check', () => service.verificationChecks.create({ to, code: CODE }))) as { status: string };
          expect(checked.status === 'approved', 'sdk check not approved');
        },
        async fetch(to) {
          const started = await timed('fetch', 'start', () => formPost(`/v2/Services/${serviceSid}/Verifications`, { To: to, Channel: 'sms' }));
          expect(started['status'] === 'pending', 'fetch start not pending');
          const checked = await timed('fetch', 'check', () => formPost(`/v2/Services/${serviceSid}/VerificationCheck`, { To: to, Code: CODE }));
          expect(checked['status'] === 'approved', 'fetch check not approved');
        },
      };
      const variants = Object.keys(pairs) as Variant[];

      record = false;
      for (let i = 0; i < warmup; i++) for (const v of variants) await pairs[v](next());
      record = true;
      for (let r = 0; r < rounds; r++) {
        for (const v of shuffled(variants)) for (let i = 0; i < pairsPerRound; i++) await pairs[v](next());
      }
      log(`  ${rounds} rounds × ${pairsPerRound} start+check pairs per variant (after ${warmup} warm-up pairs each)`);

      const stat = (v: Variant, c: Call) => ({ p50: round(median(samples[v][c])), p90: round(percentile(samples[v][c], 90)), n: samples[v][c].length });
      const data: Record<string, unknown> = {};
      for (const v of variants) data[v] = { start: stat(v, 'start'), check: stat(v, 'check') };
      const ratio = (call: Call, a: Variant, b: Variant): number => median(samples[a][call]) / median(samples[b][call]);
      const rows: Row[] = [];
      for (const call of ['start', 'check'] as const) {
        const name = call === 'start' ? "execute('start-verification')" : "execute('check-verification')";
        const r = ratio(call, 'connector', 'sdk');
        rows.push(budgetRow(`${name} / direct SDK`, fmtRatio(r), '≤ 1.10×', r <= 1.1));
        rows.push({
          metric: `  p50: connector · SDK · bare fetch`,
          value: `${fmtMs(median(samples.connector[call]))} · ${fmtMs(median(samples.sdk[call]))} · ${fmtMs(median(samples.fetch[call]))}`,
          status: 'info',
        });
        rows.push({ metric: `  connector / bare fetch`, value: fmtRatio(ratio(call, 'connector', 'fetch')), status: 'info' });
        data[`${call}Ratio`] = { connectorOverSdk: round(r), connectorOverFetch: round(ratio(call, 'connector', 'fetch')), sdkOverFetch: round(ratio(call, 'sdk', 'fetch')) };
      }
      return { name: this.name, title: this.title, rows, data: { rounds, pairsPerRound, warmup, ...data } };
    } finally {
      await emu.close();
    }
  },
};
