/** Shared set-up for flow tests: an emulator with a frozen clock and predictable codes, the connector, a runner. */
import { loadConnector, type Connector } from '../../connector/index.js';
import { movedClock } from '../../connector/flows/clock.js';
import { scriptedAnswers, type ScriptedAnswer } from '../../connector/flows/inputs.js';
import { runScenario, type FlowEvent, type ScenarioRun } from '../../connector/flows/runner.js';
import type { LoadedScenario } from '../../connector/flows/load.js';
import type { Emulator } from '../../emulator/index.js';
import { sequenceCodes, startTestEmulator } from '../emulator/helpers.js';

/**
 * Vonage's workflow_id presets as the facts page lists them, [channel, seconds until the next step] each (2's waits are
 * not listed there: the templates and escalate-verification use 1's).
 */
export const VONAGE_PRESETS: Readonly<Record<number, ReadonlyArray<readonly [string, number]>>> = {
  1: [['sms', 125], ['call', 180], ['call', 300]],
  2: [['sms', 125], ['sms', 180], ['call', 300]],
  3: [['call', 150], ['call', 150]],
  4: [['sms', 120], ['sms', 180]],
  5: [['sms', 120], ['call', 180]],
  6: [['sms', 300]],
  7: [['call', 300]],
};

export interface FlowBench {
  emu: Emulator;
  connector: Connector;
  connection: Record<string, string>;
  serviceSid: string;
  /** Runs a scenario with scripted answers (`@code` reads the outbox) on the emulator's clock. */
  run(scenario: string | LoadedScenario, params: Record<string, unknown>, answers: ScriptedAnswer[], events?: FlowEvent[]): Promise<ScenarioRun>;
  /** The latest code sent to a number. */
  code(to: string): string;
}

export async function flowBench(): Promise<FlowBench> {
  const emu = await startTestEmulator({ codeGenerator: sequenceCodes() });
  const connector = await loadConnector();
  const connection = { accountSid: emu.accountSid, authToken: emu.authToken, baseUrl: emu.url };
  const serviceSid = ((await connector.execute('create-service', connection, { friendlyName: 'Flows' })) as { sid: string }).sid;
  return {
    emu,
    connector,
    connection,
    serviceSid,
    run: (scenario, params, answers, events) =>
      runScenario(scenario, {
        connector,
        connection,
        params,
        answers: scriptedAnswers(answers, (to) => emu.outbox({ to })),
        clock: movedClock(emu.clock),
        ...(events ? { onEvent: (e: FlowEvent) => events.push(e) } : {}),
      }),
    code: (to) => emu.outbox({ to }).at(-1)!.code!,
  };
}

let counter = 0;
/** A fresh phone number per test, so verifications never collide. */
export function freshNumber(): string {
  counter++;
  return `+1500555${String(2000 + counter).padStart(4, '0')}`;
}
