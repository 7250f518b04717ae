/**
 * `verify-connector demo totp`: the totp-authenticator flow on the embedded emulator, with the person's authenticator
 * app played by otpauth (an independent TOTP library). The factor is verified with the app's first code, a mistyped
 * login code is an answer (pending), and the next right code is approved.
 */
import assert from 'node:assert/strict';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import { runTotpDemo } from '../../connector/cli/demo-totp/story.js';
import { createClock, startEmulator } from '../../emulator/index.js';
import { runCli } from '../support/cli.js';

describe('verify-connector demo totp', () => {
  it('prints the QR code of the otpauth:// link, the codes the app entered, and approves the right code (exit 0)', async () => {
    const result = await runCli(['demo', 'totp']);
    assert.equal(result.status, 0, result.stderr);
    const uri = /otpauth:\/\/totp\/\S+/.exec(result.stdout)?.[0];
    assert.ok(uri, 'the link is shown');
    const qr = await QRCode.toString(uri, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
    assert.ok(result.stdout.includes(qr.trimEnd().split('\n')[1]!), 'the QR code of that very link is drawn');
    assert.match(result.stdout, /✓ verify {2}verify-totp-factor {2}status=verified/);
    assert.match(result.stdout, /✓ check {2}check-totp-code {2}status=pending/);
    assert.match(result.stdout, /✓ check {2}check-totp-code {2}status=approved/);
    assert.match(result.stdout, /Codes computed by otpauth \d+\.\d+\.\d+, independent of the emulator/);
  });

  it('--json: one document with the flow result (enrolled, approved, 2 login tries) and the link, without the terminal QR', async () => {
    const result = await runCli(['demo', 'totp', '--json']);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as Record<string, any>;
    assert.equal(report['ok'], true);
    assert.deepEqual({ ...report['result'], factorSid: undefined }, { enrolled: true, approved: true, factorSid: undefined, factorStatus: 'verified', loginStatus: 'approved', enrolTries: 1, loginTries: 2 });
    assert.match(report['uri'], /^otpauth:\/\/totp\/Acme:ana%40example\.com\?secret=[A-Z2-7]{32}&issuer=Acme&algorithm=SHA1&digits=6&period=30$/);
    assert.equal('qr' in report, false);
  });

  it('the code the emulator approved is the one otpauth computes from the link at the emulator time of the check', async () => {
    const emulator = await startEmulator({ clock: createClock({ frozen: true, start: Date.UTC(2025, 0, 15, 12, 0, 0) }) });
    try {
      const report = await runTotpDemo({ emulator });
      assert.equal(report.ok, true, report.error);
      const app = OTPAuth.URI.parse(report.uri!) as OTPAuth.TOTP;
      const entered = report.lines.filter((l) => l.kind === 'code').map((l) => l.text.split(' ')[0]);
      assert.deepEqual(entered[0], app.generate({ timestamp: Date.UTC(2025, 0, 15, 12, 0, 0) }), 'first code: the enrolment moment');
      assert.deepEqual(entered[2], app.generate({ timestamp: Date.UTC(2025, 0, 15, 12, 0, 30) }), 'login: the next time step');
      assert.equal(app.validate({ token: entered[1]!, timestamp: Date.UTC(2025, 0, 15, 12, 0, 30), window: 1 }), null, 'the mistyped code is wrong for every step in the skew');
      const { challenges } = (await (await fetch(`${emulator.url}/v2/Services/${String((report.lines[0]!.text.match(/VA[0-9a-f]{32}/) ?? [])[0])}/Entities/ana-0b6c1f2e-demo/Challenges`, { headers: { authorization: `Basic ${Buffer.from(`${emulator.accountSid}:${emulator.authToken}`).toString('base64')}` } })).json()) as { challenges: Array<{ status: string }> };
      assert.deepEqual(challenges.map((c) => c.status), ['pending', 'approved'], 'the emulator kept both challenges');
    } finally {
      await emulator.close();
    }
  });
});
