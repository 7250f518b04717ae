/** The TOTP demo for a person at a terminal: the QR code, each step, the codes the app entered, the outcome. */
import type { TotpDemoReport } from './story.js';

export function renderTotpDemo(report: TotpDemoReport): string[] {
  const out: string[] = ['TOTP (authenticator app) on the offline emulator: flow template totp-authenticator', ''];
  for (const line of report.lines) {
    const indent = '  '.repeat(line.depth);
    if (line.kind === 'say') out.push(`${indent}» ${line.text}`);
    else if (line.kind === 'code') out.push(`${indent}⌨ ${line.step}  ${line.text}`);
    else out.push(`${indent}✓ ${line.step}  ${line.text}`);
    if (line.kind === 'say' && line.step === 'showLink' && report.qr) out.push('', ...report.qr.trimEnd().split('\n'), '');
  }
  out.push('');
  out.push(`Codes computed by ${report.authenticator}, independent of the emulator.`);
  if (report.ok) out.push(`Result: factor ${String(report.result?.['factorSid'])} verified; a wrong code left the login pending, the right one was approved.`);
  else out.push(`The demo failed: ${report.error ?? 'unknown reason'}`);
  return out;
}
