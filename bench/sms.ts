/**
 * The SMS connector's sendMessage against the emulator's Messages API, interleaved with the same message sent
 * directly with the twilio SDK (client.messages.create) and with a bare fetch, all to one emulator process.
 */
import { createService, phoneNumbers, startEmulatorProcess } from './lib/emulator-process.js';
import { fmtMs, fmtRatio, median, nowMs, round, shuffled } from './lib/stats.js';
import type { Bench, BenchResult, Row } from './lib/types.js';

type Variant = 'sendMessage' | 'sdk' | 'fetch';

const MG = 'MG' + '0123456789abcdef'.repeat(2);

export const sms: Bench = {
  name: 'sms',
  title: 'SMS connector sendMessage against the emulator',
  async run({ quick, log }): Promise<BenchResult> {
    let smsModule: { createSmsConnector: (deps: { getConfig: (id: string) => Promise<unknown> }) => Promise<{ sendMessage(data: unknown): Promise<Record<string, unknown>> }> };
    try {
      smsModule = (await import(new URL('../connector/sms/index.js', import.meta.url).href)) as typeof smsModule;
    } catch (error) {
      return { name: this.name, title: this.title, rows: [], data: {}, skipped: `the SMS connector could not be loaded (${(error as Error).message})` };
    }
    const rounds = quick ? 4 : 30;
    const perRound = quick ? 5 : 15;
    const warmup = quick ? 20 : 100;
    const emu = await startEmulatorProcess();
    try {
      await createService(emu, 'Warm');
      const config = {
        accountSID: emu.accountSid,
        authToken: emu.authToken,
        fromMessagingServiceSID: MG,
        templates: [{ usageType: 'SignIn', content: 'Your sign-in code is {{code}}.' }],
        baseUrl: emu.url,
      };
      const connector = await smsModule.createSmsConnector({ getConfig: async () => config });
      const twilio = (await import('twilio')).default as unknown as (u: string, p: string, o: Record<string, unknown>) => any;
      const client = twilio(emu.accountSid, emu.authToken, { accountSid: emu.accountSid, keepAlive: true, autoRetry: false });
      client.api.baseUrl = emu.url;
      const next = phoneNumbers('777');
      const body = 'Your sign-in code is 123456.';
      const samples: Record<Variant, number[]> = { sendMessage: [], sdk: [], fetch: [] };
      const send: Record<Variant, (to: string) => Promise<unknown>> = {
        sendMessage: (to) => connector.sendMessage({ to, type: 'SignIn', payload: { code: '123456' } }),
        sdk: (to) => client.messages.create({ to, messagingServiceSid: MG, body }),
        fetch: async (to) => {
          const res = await fetch(`${emu.url}/2010-04-01/Accounts/${emu.accountSid}/Messages.json`, {
            method: 'POST',
            headers: { authorization: emu.authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            body: new URLSearchParams({ To: to, MessagingServiceSid: MG, Body: body }).toString(),
          });
          const json = (await res.json()) as Record<string, unknown>;
          if (res.status !== 201) throw new Error(`sms: fetch got HTTP ${res.status}`);
          return json;
        },
      };
      const variants = Object.keys(send) as Variant[];
      const once = async (v: Variant, record: boolean): Promise<void> => {
        const t0 = nowMs();
        const message = (await send[v](next())) as { sid?: string };
        if (record) samples[v].push(nowMs() - t0);
        if (typeof message.sid !== 'string' || !message.sid.startsWith('SM')) throw new Error(`sms: ${v} returned no message SID`);
      };
      for (let i = 0; i < warmup; i++) for (const v of variants) await once(v, false);
      for (let r = 0; r < rounds; r++) for (const v of shuffled(variants)) for (let i = 0; i < perRound; i++) await once(v, true);
      log(`  ${rounds} rounds × ${perRound} messages per variant (after ${warmup} warm-up each)`);

      const p50 = (v: Variant): number => median(samples[v]);
      const ratio = p50('sendMessage') / p50('sdk');
      const rows: Row[] = [
        { metric: 'sendMessage / messages.create (SDK)', value: fmtRatio(ratio), status: 'info' },
        { metric: '  p50: sendMessage · SDK · bare fetch', value: `${fmtMs(p50('sendMessage'))} · ${fmtMs(p50('sdk'))} · ${fmtMs(p50('fetch'))}`, status: 'info' },
        { metric: '  sendMessage / bare fetch', value: fmtRatio(p50('sendMessage') / p50('fetch')), status: 'info' },
      ];
      return {
        name: this.name,
        title: this.title,
        rows,
        data: {
          rounds,
          perRound,
          p50Ms: { sendMessage: round(p50('sendMessage')), sdk: round(p50('sdk')), fetch: round(p50('fetch')) },
          sendMessageOverSdk: round(ratio),
          sendMessageOverFetch: round(p50('sendMessage') / p50('fetch')),
        },
      };
    } finally {
      await emu.close();
    }
  },
};
