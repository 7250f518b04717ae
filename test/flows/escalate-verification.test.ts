/**
 * escalate-verification: a composed module (get-verification + schedule + start-verification), run on the emulator
 * with a frozen clock that the tests move instead of waiting. Presets follow Vonage's workflow_id table
 * (VERIFY-FACTS.md, "Other seeds' patterns"), TTS becoming Twilio's `call` channel.
 */
import assert from 'node:assert/strict';
import { loadConnector, validateManifest, type Connector } from '../../connector/index.js';
import type { Emulator } from '../../emulator/index.js';
import { startTestEmulator } from '../emulator/helpers.js';
import { copyConnector, type ConnectorCopy } from '../support/connector-copy.js';
import { VONAGE_PRESETS } from './support.js';

interface Escalation {
  status: string | null;
  escalated: boolean;
  channel: string | null;
  attempt: number | null;
  nextCheckInSeconds: number | null;
  done: boolean;
}

describe('escalate-verification (composed module) on the emulator', () => {
  let emu: Emulator;
  let connector: Connector;
  let connection: Record<string, string>;
  let serviceSid: string;
  let n = 0;
  const to = () => `+1500555${String(1000 + n).padStart(4, '0')}`;

  before(async () => {
    emu = await startTestEmulator();
    connector = await loadConnector();
    connection = { accountSid: emu.accountSid, authToken: emu.authToken, baseUrl: emu.url };
    serviceSid = ((await connector.execute('create-service', connection, { friendlyName: 'Escalation' })) as { sid: string }).sid;
  });
  after(() => emu.close());
  beforeEach(() => n++);

  const start = async (channel: string): Promise<string> =>
    ((await connector.execute('start-verification', connection, { serviceSid, to: to(), channel })) as { sid: string }).sid;
  const escalate = (input: Record<string, unknown>): Promise<Escalation> =>
    connector.execute('escalate-verification', connection, { serviceSid, ...input }, { now: () => emu.clock.now() }) as Promise<Escalation>;
  const channelsSent = () => emu.outbox({ to: to() }).map((m) => m.channel);

  for (const [preset, steps] of Object.entries(VONAGE_PRESETS)) {
    it(`preset ${preset}: sends ${steps.map(([c]) => c).join(' → ')} at Vonage's waits (${steps.map(([, w]) => `${w} s`).join(', ')}), never early`, async () => {
      const verificationSid = await start(steps[0]![0]);
      for (let i = 1; i < steps.length; i++) {
        const wait = steps[i - 1]![1];
        const early = await escalate({ verificationSid, preset: Number(preset) });
        assert.deepEqual(early, { status: 'pending', escalated: false, channel: steps[i - 1]![0], attempt: i, nextCheckInSeconds: wait, done: false });
        emu.clock.advance((wait - 1) * 1000);
        const almost = await escalate({ verificationSid, preset: Number(preset) });
        assert.equal(almost.escalated, false);
        assert.equal(almost.nextCheckInSeconds, 1, 'one second before the wait ends, look again in 1 s');
        emu.clock.advance(1000);
        const due = await escalate({ verificationSid, preset: Number(preset) });
        const last = i === steps.length - 1;
        assert.deepEqual(due, { status: 'pending', escalated: true, channel: steps[i]![0], attempt: i + 1, nextCheckInSeconds: last ? null : steps[i]![1], done: last });
      }
      const after = await escalate({ verificationSid, preset: Number(preset) });
      assert.equal(after.escalated, false);
      assert.equal(after.done, true, 'every step sent: done');
      assert.equal(after.nextCheckInSeconds, null);
      assert.deepEqual(channelsSent(), steps.map(([c]) => c));
    });
  }

  it('follows explicit steps instead of a preset', async () => {
    const steps = [{ channel: 'sms', waitSeconds: 30 }, { channel: 'call', waitSeconds: 45 }, { channel: 'sms', waitSeconds: 60 }];
    const verificationSid = await start('sms');
    emu.clock.advance(30_000);
    assert.deepEqual(await escalate({ verificationSid, steps }), { status: 'pending', escalated: true, channel: 'call', attempt: 2, nextCheckInSeconds: 45, done: false });
    emu.clock.advance(44_000);
    assert.equal((await escalate({ verificationSid, steps })).nextCheckInSeconds, 1);
    emu.clock.advance(1_000);
    assert.deepEqual(await escalate({ verificationSid, steps }), { status: 'pending', escalated: true, channel: 'sms', attempt: 3, nextCheckInSeconds: null, done: true });
    assert.deepEqual(channelsSent(), ['sms', 'call', 'sms']);
  });

  it('not due yet: sends nothing and says when to look again (nextCheckInSeconds)', async () => {
    const verificationSid = await start('sms');
    emu.clock.advance(100_000);
    const result = await escalate({ verificationSid, preset: 1 });
    assert.deepEqual(result, { status: 'pending', escalated: false, channel: 'sms', attempt: 1, nextCheckInSeconds: 25, done: false });
    assert.equal(emu.outbox({ to: to() }).length, 1);
  });

  it('approved: done, and no send even when the next step is overdue', async () => {
    const verificationSid = await start('sms');
    const code = emu.outbox({ to: to() })[0]!.code!;
    await connector.execute('check-verification', connection, { serviceSid, verificationSid, code });
    emu.clock.advance(200_000);
    assert.deepEqual(await escalate({ verificationSid, preset: 1 }), { status: 'approved', escalated: false, channel: 'sms', attempt: 1, nextCheckInSeconds: null, done: true });
    assert.equal(emu.outbox({ to: to() }).length, 1);
  });

  it('expired (the 10-minute window passed): done, no send', async () => {
    const verificationSid = await start('sms');
    emu.clock.advance(11 * 60_000);
    const result = await escalate({ verificationSid, preset: 1 });
    assert.equal(result.status, 'expired');
    assert.equal(result.done, true);
    assert.equal(result.escalated, false);
  });

  it('a verification Twilio no longer has (404 20404): status null, done, no error (onError continue on verification_not_pending)', async () => {
    const result = await escalate({ verificationSid: 'VE' + 'f'.repeat(32), preset: 1 });
    assert.deepEqual(result, { status: null, escalated: false, channel: null, attempt: null, nextCheckInSeconds: null, done: true });
  });

  it('rejects an input with both preset and steps, or a preset outside 1–7, before sending anything', async () => {
    const verificationSid = await start('sms');
    for (const input of [{ verificationSid, preset: 1, steps: [{ channel: 'sms', waitSeconds: 1 }] }, { verificationSid, preset: 8 }, { verificationSid }]) {
      const result = (await connector.execute('escalate-verification', connection, { serviceSid, ...input }, { onError: 'output' })) as { ok: boolean; error: { code: string } };
      assert.equal(result.ok, false);
      assert.equal(result.error.code, 'invalid_input');
    }
    assert.equal(emu.outbox({ to: to() }).length, 1);
  });

  it('is listed like any other module, with its input and output schemas', () => {
    const info = connector.modules.find((m) => m.id === 'escalate-verification');
    assert.ok(info);
    assert.deepEqual(Object.keys(info.inputSchema['properties'] as object), ['serviceSid', 'verificationSid', 'preset', 'steps']);
    assert.ok('nextCheckInSeconds' in (info.outputSchema['properties'] as object));
  });
});

describe('validateManifest on a broken compose section', () => {
  let copy: ConnectorCopy;
  beforeEach(() => (copy = copyConnector()));
  afterEach(() => copy.dispose());
  const FILE = 'modules/escalate-verification.json';

  const cases: Array<[string, (m: any) => void, string]> = [
    ['a step calling a module the connector does not have', (m) => (m.compose.steps[0].module = 'fetch-verification'), '/compose/steps/0/module'],
    ['a reference to a later step', (m) => (m.compose.steps[0].input.verificationSid = '$.steps.resend.output.sid'), '/compose/steps/0/input/verificationSid'],
    ['a reference to a step that does not exist', (m) => (m.compose.steps[2].input.to = '$.steps.lookup.output.to'), '/compose/steps/2/input/to'],
    ['a reference to an input property that does not exist', (m) => (m.compose.steps[0].input.serviceSid = '$.input.serviceSID'), '/compose/steps/0/input/serviceSid'],
    ['a prototype segment in a path', (m) => (m.compose.steps[1].when = { exists: '$.input.__proto__' }), '/compose/steps/1/when/exists'],
    ['a composed input that does not validate (a channel Twilio lacks)', (m) => (m.compose.steps[2].input.channel = 'pigeon'), '/compose/steps/2/input/channel'],
    ['a composed input with a field the module does not take', (m) => (m.compose.steps[2].input.colour = 'red'), '/compose/steps/2/input/colour'],
    ['a composed input missing a required field', (m) => delete m.compose.steps[2].input.to, '/compose/steps/2/input'],
    ['a continue on a code outside the closed set', (m) => (m.compose.steps[0].onError = { continue: ['gone'] }), '/compose/steps/0/onError/continue/0'],
    ['an output field the output schema lacks', (m) => (m.compose.output.colour = 'red'), '/compose/output/colour'],
    ['a step with neither module nor schedule', (m) => delete m.compose.steps[2].module, '/compose/steps/2'],
    ['both request and compose', (m) => (m.request = { method: 'GET', path: '/v2/Services' }), ''],
    ['a module calling itself', (m) => (m.compose.steps[2].module = 'escalate-verification'), '/compose/steps/2/module'],
  ];
  for (const [what, breakIt, pointer] of cases) {
    it(`reports ${what} at ${FILE} ${pointer || '(whole file)'}`, () => {
      copy.edit(FILE, breakIt);
      const report = validateManifest(copy.dir);
      assert.equal(report.valid, false);
      const hit = report.errors.find((e) => e.file === FILE && e.pointer === pointer);
      assert.ok(hit, `expected a problem at ${pointer}; got ${JSON.stringify(report.errors, null, 1)}`);
    });
  }

  it('finds nothing wrong with the shipped module', () => {
    assert.deepEqual(validateManifest(copy.dir).errors, []);
  });
});
