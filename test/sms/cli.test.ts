import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { API, AUTH_TOKEN, expectRequest, useNock } from '../support/nock.js';
import { clone, currentLogtoConfig, messageResource, MESSAGES_PATH, seedConfig } from './fixtures.js';

interface Run {
  code: number;
  out: string[];
  err: string[];
}

async function run(...argv: string[]): Promise<Run> {
  const result = await runCli(['sms', ...argv]);
  const [code, out, err] = [result.status, result.stdout.split('\n'), result.stderr.split('\n')];
  for (const line of [...out, ...err]) assert.ok(!line.includes(AUTH_TOKEN), 'the CLI never prints the token');
  return { code, out, err };
}

describe('verify-connector sms', () => {
  useNock();
  let dir: string;
  const file = (name: string, content: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sms-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('validate: the seed config is valid (exit 0), with what each usage type sends, fallbacks and gaps named', async () => {
    const r = await run('validate', file('seed.json', seedConfig));
    assert.equal(r.code, 0, r.err.join('\n'));
    const text = r.out.join('\n');
    assert.match(text, /is a valid SMS connector config/);
    assert.match(text, /Messaging Service MG0123456789abcdef0123456789abcdef/);
    assert.match(text, /SignIn\s+"Your sign-in code is \{\{code\}\}\." \(\/templates\/1\)/);
    assert.match(text, /ForgotPassword\s+"Your test code is \{\{code\}\}\." \(the Test template, \/templates\/2\)/);
    assert.match(text, /not shown/);
    assert.doesNotMatch(text, /template_not_found/, 'the seed falls back to Test for every type');
  });

  it('validate: a config without Generic or Test names the usage types that would get template_not_found; a repeated type is a warning', async () => {
    const config = { ...clone(seedConfig), templates: [{ usageType: 'SignIn', content: 'A {{code}}' }, { usageType: 'SignIn', content: 'B {{code}}' }] };
    const r = await run('validate', file('partial.json', config));
    assert.equal(r.code, 0);
    assert.match(r.out.join('\n'), /Register\s+nothing: Logto gets template_not_found/);
    assert.match(r.out.join('\n'), /warning: \S*partial\.json \/templates\/1: repeats usage type SignIn; only \/templates\/0 is used/);
  });

  it('validate: a broken config prints each problem with its JSON pointer (exit 1) and never a secret', async () => {
    const broken = { ...clone(currentLogtoConfig), accountSID: 'AC123', fromMessagingServiceSID: undefined, templates: [{ usageType: 'SignIn', content: 'hello' }, { usageType: 'Login', content: '{{code}}' }] };
    const r = await run('validate', file('broken.json', broken));
    assert.equal(r.code, 1);
    const text = r.out.join('\n');
    assert.match(text, /^4 problems found\.$/m);
    assert.match(text, /^error: \S*broken\.json \/: needs exactly one sender/m);
    assert.match(text, /^error: \S*broken\.json \/accountSID: must be an Account SID/m);
    assert.match(text, /^error: \S*broken\.json \/templates\/0\/content: must contain \{\{code\}\}/m);
    assert.match(text, /^error: \S*broken\.json \/templates\/1\/usageType: must be one of/m);
  });

  it('validate: a file that is not JSON is a broken config (exit 1); a missing file or argument is a usage error (exit 2)', async () => {
    assert.equal((await run('validate', file('bad.json', '{ "accountSID": '))).code, 1);
    assert.equal((await run('validate', join(dir, 'missing.json'))).code, 2);
    assert.equal((await run('validate')).code, 2);
    assert.equal((await run('validate', 'a.json', 'b.json')).code, 2);
  });

  it('validate: a config that is not an object says only that (exit 1)', async () => {
    for (const [name, text] of [['list.json', '[]'], ['null.json', 'null'], ['text.json', '"AC123"'], ['number.json', '42']] as const) {
      const r = await run('validate', file(name, text));
      assert.equal(r.code, 1, name);
      assert.deepEqual(r.out.filter((l) => l.startsWith('error: ')), [`error: ${join(dir, name)} /: must be a JSON object`], name);
    }
  });

  it('validate --json: one document, a repeated usageType reported as a warning by pointer', async () => {
    const config = { ...clone(seedConfig), templates: [{ usageType: 'SignIn', content: 'A {{code}}' }, { usageType: 'SignIn', content: 'B {{code}}' }] };
    const r = await run('validate', file('repeated.json', config), '--json');
    assert.equal(r.code, 0);
    const report = JSON.parse(r.out.join('\n'));
    assert.equal(report.valid, true);
    assert.deepEqual(report.errors.map((e: { pointer: string; severity: string }) => [e.pointer, e.severity]), [['/templates/1', 'warning']]);
    assert.match(report.errors[0].message, /repeats usage type SignIn; only \/templates\/0 is used/);
  });

  it('send: an SMS that never left (connection refused) says nothing was sent, never "may have been sent" (exit 1)', async () => {
    const r = await run('send', '--config', file('refused.json', seedConfig), '--to', '+15017122661', '--type', 'SignIn', '--code', '1', '--emulator', 'http://127.0.0.1:9');
    assert.equal(r.code, 1);
    assert.match(r.err.join('\n'), /Could not connect to Twilio \(ECONNREFUSED\)\. .*nothing was sent/);
    assert.doesNotMatch(r.err.join('\n'), /may have/);
  });

  it('--help prints the commands (exit 0); no command or an unknown one is a usage error (exit 2)', async () => {
    const help = await run('--help');
    assert.equal(help.code, 0);
    assert.match(help.out.join('\n'), /^ {2}validate \[options\] <config\.json>/m);
    assert.match(help.out.join('\n'), /^ {2}send \[options\]/m);
    assert.equal((await run('send', '--help')).code, 0);
    assert.equal((await run()).code, 2);
    assert.equal((await run('frobnicate')).code, 2);
  });

  it('send: usage errors (missing options, unknown type or option, a bad emulator URL) exit 2 and send nothing', async () => {
    const config = file('send.json', seedConfig);
    for (const argv of [
      ['send', '--config', config, '--to', '+15017122661'],
      ['send', '--config', config, '--to', '+15017122661', '--type', 'Login', '--code', '1'],
      ['send', '--config', config, '--to', '+15017122661', '--type', 'SignIn', '--colour', 'red'],
      ['send', '--config', config, '--to', '+15017122661', '--type', 'SignIn', '--emulator', 'ftp://x'],
    ]) {
      const r = await run(...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err.join('\n'), /usage error/);
    }
  });

  it('send: to Twilio (nock) with the exact form body; prints the message SID and a masked number', async () => {
    const seen = expectRequest('POST', MESSAGES_PATH, { status: 201, body: messageResource() }, API);
    const r = await run('send', '--config', file('send.json', seedConfig), '--to', '+1 501 712 2661', '--type', 'SignIn', '--code', '123456');
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.deepEqual(seen.form, [['To', '+15017122661'], ['Body', 'Your sign-in code is 123456.'], ['MessagingServiceSid', 'MG0123456789abcdef0123456789abcdef']]);
    assert.match(r.out[0]!, /Sent the SignIn SMS to \+1•+2661: message SM0123456789abcdef0123456789abcdef \(status accepted\)/);
  });

  it('send: a Twilio refusal prints the Logto code and the description (exit 1)', async () => {
    expectRequest('POST', MESSAGES_PATH, { status: 400, body: { code: 21614, message: "'To' number is not a valid mobile number", more_info: 'https://www.twilio.com/docs/errors/21614', status: 400 } }, API);
    const r = await run('send', '--config', file('send.json', seedConfig), '--to', '+15017122661', '--type', 'SignIn', '--code', '1');
    assert.equal(r.code, 1);
    assert.match(r.err.join('\n'), /error \(invalid_request_parameters\): Twilio did not send the SMS: 'To' number is not a valid mobile number \(Twilio error 21614\)/);
  });

  it('send: a broken config prints its problems by pointer and sends nothing (exit 1)', async () => {
    const r = await run('send', '--config', file('broken-send.json', { ...clone(seedConfig), templates: [] }), '--to', '+15017122661', '--type', 'SignIn', '--code', '1');
    assert.equal(r.code, 1);
    assert.match(r.err.join('\n'), /\/templates: must have at least 1/);
  });

  it('send --emulator: starts an emulator for the send, with its own credentials, and shows the outbox', async () => {
    const r = await run('send', '--config', file('send.json', seedConfig), '--to', '+15017122661', '--type', 'SignIn', '--code', '654321', '--emulator');
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.match(r.out.join('\n'), /emulator outbox: "Your sign-in code is 654321\."/);
  });

  describe('with a running emulator', () => {
    let emulator: Emulator;
    before(async () => {
      emulator = await startEmulator();
    });
    after(() => emulator.close());

    for (const form of ['--emulator URL', '--emulator=URL']) {
      it(`send ${form}: the code lands in that emulator's outbox`, async () => {
        const config = file('emu.json', { ...seedConfig, accountSID: emulator.accountSid, authToken: emulator.authToken });
        const flag = form === '--emulator URL' ? ['--emulator', emulator.url] : [`--emulator=${emulator.url}`];
        const to = form === '--emulator URL' ? '+447700900123' : '+447700900124';
        const r = await run('send', ...flag, '--config', config, '--to', to, '--type', 'Register', '--code', '111222');
        assert.equal(r.code, 0, r.err.join('\n'));
        assert.equal(emulator.outbox({ to })[0]?.body, 'Your registration code is 111222.');
      });
    }
  });
});

describe('verify-connector sms validate: where the SMS goes', () => {
  const cases: Array<[Record<string, unknown>, string]> = [
    [{}, 'api.twilio.com'],
    [{ region: 'ie1' }, 'api.ie1.twilio.com'],
    [{ region: 'ie1', edge: 'dublin' }, 'api.dublin.ie1.twilio.com'],
    [{ edge: 'sydney' }, 'api.sydney.us1.twilio.com'],
    [{ baseUrl: 'http://127.0.0.1:4010', riskCheck: 'disable', validityPeriod: 600 }, 'http://127.0.0.1:4010 with RiskCheck=disable, ValidityPeriod=600'],
  ];
  for (const [extra, target] of cases) {
    it(`${JSON.stringify(extra)} → ${target}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sms-cli-'));
      try {
        const path = join(dir, 'c.json');
        writeFileSync(path, JSON.stringify({ ...seedConfig, ...extra }));
        const r = await run('validate', path);
        assert.equal(r.code, 0, r.err.join('\n'));
        assert.ok(r.out.includes(`  sent to  ${target}`), r.out.join('\n'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
