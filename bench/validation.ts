/**
 * Validation throughput: inputs per second through the very validators the runtime uses
 * (`connector.module(id).validateInput`), valid and invalid, for start-verification and create-service.
 * Cases are interleaved round by round; each figure is the median over rounds.
 */
import type { ValidateFunction } from 'ajv';
import { loadConnector } from '../connector/index.js';
import { fmtRate, median, nowMs, round, shuffled } from './lib/stats.js';
import { budgetRow, type Bench, type BenchResult, type Row } from './lib/types.js';

const VA = 'VA' + '0123456789abcdef'.repeat(2);

const CASES: Array<{ module: string; valid: boolean; inputs: unknown[] }> = [
  {
    module: 'start-verification',
    valid: true,
    inputs: [
      { serviceSid: VA, to: '+15017122661', channel: 'sms' },
      { serviceSid: VA, to: '+447700900123', channel: 'call', locale: 'en' },
      { serviceSid: VA, to: 'ana@example.com', channel: 'email' },
      { serviceSid: VA, to: '+15017122662', channel: 'whatsapp', customFriendlyName: 'Acme' },
    ],
  },
  {
    module: 'start-verification',
    valid: false,
    inputs: [
      { serviceSid: VA, to: '+15017122661', channel: 'fax' },
      { to: '+15017122661', channel: 'sms' },
      { serviceSid: 'VA123', to: '+15017122661', channel: 'sms' },
      { serviceSid: VA, to: '+15017122661', channel: 'sms', colour: 'blue' },
    ],
  },
  {
    module: 'create-service',
    valid: true,
    inputs: [
      { friendlyName: 'My App' },
      { friendlyName: 'Acme Login', codeLength: 6 },
      { friendlyName: 'Shop', codeLength: 8, doNotShareWarningEnabled: true, customCodeEnabled: false },
      { friendlyName: 'Bank', psd2Enabled: true, lookupEnabled: false, skipSmsToLandlines: true },
    ],
  },
  {
    module: 'create-service',
    valid: false,
    inputs: [{ friendlyName: '' }, { friendlyName: 'My App', codeLength: 20 }, { codeLength: 6 }, { friendlyName: 'My App', lookupEnabled: 'yes' }],
  },
];

let sink = 0;

function measure(validate: ValidateFunction, inputs: unknown[], iterations: number): number {
  const n = inputs.length;
  let ok = 0;
  const t0 = nowMs();
  for (let i = 0; i < iterations; i++) if (validate(inputs[i % n])) ok++;
  const ms = nowMs() - t0;
  sink += ok;
  return iterations / (ms / 1000);
}

export const validation: Bench = {
  name: 'validation',
  title: 'Input validation throughput (the runtime’s compiled validators)',
  async run({ quick, log }): Promise<BenchResult> {
    const rounds = quick ? 3 : 15;
    const targetMs = quick ? 40 : 100;
    const connector = await loadConnector();
    const cases = CASES.map((c) => ({ ...c, label: `${c.module} ${c.valid ? 'valid' : 'invalid'}`, validate: connector.module(c.module).validateInput, rates: [] as number[], iterations: 1000 }));
    for (const c of cases) {
      for (const input of c.inputs) {
        if (c.validate(input) !== c.valid) throw new Error(`validation: ${JSON.stringify(input)} should be ${c.valid ? 'valid' : 'invalid'} for ${c.module}`);
      }
      // Calibrate: about targetMs per measurement (this also warms the validator up).
      for (;;) {
        const t0 = nowMs();
        measure(c.validate, c.inputs, c.iterations);
        const ms = nowMs() - t0;
        if (ms >= targetMs / 4) {
          c.iterations = Math.max(1000, Math.round((c.iterations * targetMs) / ms));
          break;
        }
        c.iterations *= 4;
      }
    }
    for (let r = 0; r < rounds; r++) for (const c of shuffled(cases)) c.rates.push(measure(c.validate, c.inputs, c.iterations));
    log(`  ${rounds} rounds × ${cases.length} cases, ~${targetMs} ms each (sink ${sink % 10})`);

    const rows: Row[] = [];
    const data: Record<string, unknown> = { rounds };
    for (const c of cases) {
      const rate = median(c.rates);
      data[c.label] = { perSecond: round(rate, 0), iterations: c.iterations };
      rows.push(c.valid ? budgetRow(c.label, fmtRate(rate, 'inputs'), '≥ 1,000,000/s', rate >= 1e6) : { metric: c.label, value: fmtRate(rate, 'inputs'), status: 'info' });
    }
    return { name: this.name, title: this.title, rows, data };
  },
};
