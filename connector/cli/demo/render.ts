/** The demo report as a person reads it on a terminal: one block per step, then the outcome. */
import type { DemoReport, DemoStep } from './demo.js';

/** Wraps plain text at about 100 columns with the given indent. */
function wrap(text: string, indent: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** The few facts of a step a person follows: an answer, a host step's figures, or a continued error's code. */
function facts(step: DemoStep): Array<[string, unknown]> {
  if (step.error) return [['error', step.error['code']], ['remedy', step.error['remedy']]];
  if (step.module) return [];
  return Object.entries((step.output ?? {}) as Record<string, unknown>);
}

function renderStep(step: DemoStep): string[] {
  const lines = [`${step.step}. ${step.title}${step.module ? `   [module: ${step.module}]` : ''}`];
  if (step.input !== undefined) lines.push(`   input: ${JSON.stringify(step.input)}`);
  const shown = facts(step).filter(([, v]) => v !== null && v !== undefined);
  const width = Math.max(0, ...shown.map(([k]) => k.length));
  for (const [key, v] of shown) {
    const [first, ...rest] = wrap(typeof v === 'string' ? v : JSON.stringify(v), ' '.repeat(5 + width + 2));
    lines.push(`   → ${key.padEnd(width)}  ${first?.trimStart() ?? ''}`, ...rest);
  }
  for (const text of step.said) lines.push(...wrap(text, '     ').map((l, i) => (i === 0 ? `   ✓ ${l.trimStart()}` : l)));
  return lines;
}

export function renderDemo(report: DemoReport): string[] {
  const lines = ['Twilio Verify connector: the whole verification story, offline (no account, no network, nothing sent)', ''];
  for (const step of report.steps) lines.push(...renderStep(step), '');
  if (report.ok && report.result) {
    lines.push(`Result: ${String(report.result['status'])}. The code sent to ${String(report.result['to'])} was checked mistyped (pending), then right (approved),`);
    lines.push('and a late check was refused as verification_not_pending, as Twilio Verify does. The emulator is closed.');
    lines.push('The story is the scenario flows/verification-story.json: `verify-connector flow run verification-story --emulator` runs it with your answers.');
  }
  return lines;
}

/** The failure, for stderr. */
export function renderDemoFailure(report: DemoReport): string[] {
  const e = report.error;
  if (!e) return [];
  const lines = [`demo failed at step ${e.step} (${e.title})${e.code ? ` [${e.code}]` : ''}: ${e.message}`];
  if (e.remedy) lines.push(`what to do: ${e.remedy}`);
  lines.push('The emulator was closed. Run again with VERIFY_CONNECTOR_DEBUG=1 for details, or `verify-connector validate` to check the connector.');
  return lines;
}
