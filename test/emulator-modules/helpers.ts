/**
 * Module tests against the real emulator (no nock): every call goes through `connector.execute`, the runtime, the
 * `twilio` HTTP client and a loopback socket to an emulator with a frozen clock.
 */
import assert from 'node:assert/strict';
import { loadConnector } from '../../connector/index.js';
import type { Connector } from '../../connector/connector.js';
import { ConnectorError, type ErrorCode } from '../../connector/errors/connector-error.js';
import type { Emulator, EmulatorOptions } from '../../emulator/index.js';
import { sequenceCodes, startTestEmulator } from '../emulator/helpers.js';

export const TO = '+15017122661';
export const MINUTE = 60_000;
export const WINDOW_MS = 10 * MINUTE;
export const MAILER_SID = `MD${'e'.repeat(32)}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export interface Harness {
  emu: Emulator;
  connector: Connector;
  connection: { accountSid: string; authToken: string; baseUrl: string };
  /** Runs a module and resolves its output (rejects ConnectorError). */
  run(moduleId: string, input: Json): Promise<Json>;
  /** Runs a module that must fail, and returns the ConnectorError after checking its code. */
  fails(moduleId: string, input: Json, code: ErrorCode): Promise<ConnectorError>;
  createService(input?: Json): Promise<Json>;
  /** The last code delivered to `to`. */
  lastCode(to?: string): string;
  close(): Promise<void>;
}

/** Starts an emulator with a frozen clock and deterministic codes, and a connection to it. Close it in an after hook. */
export async function harness(options: EmulatorOptions = {}): Promise<Harness> {
  const emu = await startTestEmulator({ codeGenerator: sequenceCodes(), ...options });
  const connector = await loadConnector();
  const connection = { accountSid: emu.accountSid, authToken: emu.authToken, baseUrl: emu.url };
  const run = async (moduleId: string, input: Json): Promise<Json> => (await connector.execute(moduleId, connection, input)) as Json;
  return {
    emu,
    connector,
    connection,
    run,
    async fails(moduleId, input, code) {
      const error = await connector.execute(moduleId, connection, input).then(
        (output) => assert.fail(`${moduleId} should have failed with ${code}, got ${JSON.stringify(output)}`),
        (e: unknown) => e,
      );
      assert.ok(error instanceof ConnectorError, `expected a ConnectorError, got ${String(error)}`);
      assert.equal(error.code, code, `${error.code}: ${error.message}`);
      assertNoSecret(error, emu);
      return error;
    },
    createService: (input = {}) => run('create-service', { friendlyName: 'Acme', ...input }),
    lastCode(to = TO) {
      const code = emu.outbox({ to }).at(-1)?.code;
      assert.ok(code, `no code delivered to ${to}`);
      return code;
    },
    close: () => emu.close(),
  };
}

/** A harness with a service made in it, for the modules that work inside one. */
export async function harnessWithService(): Promise<{ h: Harness; serviceSid: string; close(): Promise<void> }> {
  const h = await harness();
  try {
    return { h, serviceSid: (await h.createService()).sid, close: () => h.close() };
  } catch (error) {
    await h.close();
    throw error;
  }
}

/** No message, remedy or detail of an error may quote a credential. */
export function assertNoSecret(error: ConnectorError, emu: Emulator): void {
  const text = JSON.stringify({ ...error.toData(), message: error.message });
  for (const secret of [emu.authToken, emu.apiKeySecret]) assert.ok(!text.includes(secret), 'an error quoted a secret');
}

/** A code of the same length that is certainly wrong. */
export function wrong(code: string): string {
  return [...code].map((c) => String((Number(c) + 1) % 10)).join('');
}
