/** The demo report as a person reads it on a terminal: one block per step, then the outcome. */
import type { DemoReport, DemoStep } from './story.js';

const value = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

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

function renderStep(step: DemoStep): string[] {
  const lines = [`${step.step}. ${step.title}${step.module ? `   [module: ${step.module}]` : ''}`];
  lines.push(...wrap(step.did, '   '));
  if (step.input) lines.push(`   input: ${JSON.stringify(step.input)}`);
  const width = Math.max(...Object.keys(step.output).map((k) => k.length));
  for (const [key, v] of Object.entries(step.output)) {
    if (v === null || v === undefined) continue;
    const [first, ...rest] = wrap(value(v), ' '.repeat(5 + width + 2));
    lines.push(`   → ${key.padEnd(width)}  ${first?.trimStart() ?? ''}`, ...rest);
  }
  if (step.explanation) lines.push(...wrap(step.explanation, '     ').map((l, i) => (i === 0 ? `   ✓ ${l.trimStart()}` : l)));
  return lines;
}

export function renderDemo(report: DemoReport): string[] {
  const lines = ['Twilio Verify connector: the whole verification story, offline (no account, no network, nothing sent)', ''];
  for (const step of report.steps) lines.push(...renderStep(step), '');
  if (report.ok) {
    lines.push(`Result: ${report.result}. The code sent to ${report.to} was checked wrong (pending), then right (approved),`);
    lines.push('and a late check was refused as verification_not_pending, as Twilio Verify does. The emulator is closed.');
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
