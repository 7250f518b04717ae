/**
 * The embedded Twilio Verify (and Messages) emulator: public entry point.
 *
 *   const emu = await startEmulator();
 *   // talk to emu.url with Basic auth emu.accountSid:emu.authToken (or emu.apiKeySid:emu.apiKeySecret)
 *   emu.outbox({ to: '+15017122661' });  // the codes a user would have received
 *   emu.clock.advance(11 * 60_000);       // expire pending verifications without waiting
 *   await emu.close();
 */
import { randomInt } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type EmulatorClock, createClock } from './clock.js';
import { SWEEP_INTERVAL_MS } from './constants.js';
import { isLoopbackHost, urlHost } from './host.js';
import { hex32, sid } from './ids.js';
import { Outbox, type OutboxMessage } from './outbox.js';
import { AttemptStore } from './attempts.js';
import { MessagingConfigurationStore } from './messaging-configurations.js';
import { RateLimitStore } from './rate-limits.js';
import { SafeListStore } from './safe-list.js';
import { answerClientError, createRequestListener } from './server.js';
import { ServiceStore } from './services.js';
import type { EmulatorState } from './state.js';
import { TemplateStore } from './templates.js';
import { VerificationStore } from './verifications.js';
import { type PushDevice, createEntityState, pushDevice } from './entity-state.js';
import type { WebhookDelivery } from './webhook-delivery.js';

export { createClock, type ClockOptions, type EmulatorClock } from './clock.js';
export type { OutboxMessage } from './outbox.js';
export type { PushDevice } from './entity-state.js';
export type { WebhookDelivery } from './webhook-delivery.js';
export { type TotpAlgorithm, type TotpSettings, base32Decode, base32Encode, hotp, totpCode } from './totp.js';
export { TEMPLATE_FIXTURES, type TemplateFixture } from './templates.js';
export * as EMULATOR_LIMITS from './constants.js';

export interface EmulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. Anything but a loopback address needs `unsafePublic`. */
  host?: string;
  /**
   * Allow a non-loopback `host`: whoever reaches it can read the outbox (the codes) without credentials. For a
   * trusted network only; refused otherwise.
   */
  unsafePublic?: boolean;
  accountSid?: string;
  authToken?: string;
  apiKeySid?: string;
  apiKeySecret?: string;
  /** Time source; default a system clock that advance()/set() can shift. */
  clock?: EmulatorClock;
  /** Makes codes of the given length; default cryptographically random digits. */
  codeGenerator?: (length: number) => string;
}

export interface EmulatorStats {
  services: number;
  verifications: number;
  pendingVerifications: number;
  attempts: number;
  outbox: number;
  requests: number;
  errors: number;
}

export interface Emulator {
  /** Base URL, e.g. http://127.0.0.1:54321 (no trailing slash). */
  url: string;
  accountSid: string;
  authToken: string;
  apiKeySid: string;
  apiKeySecret: string;
  /** Delivered codes and messages, oldest first (a copy). */
  outbox(filter?: { to?: string }): OutboxMessage[];
  clock: EmulatorClock;
  /** Forgets verifications whose window ended long enough ago (and attempts past 30 days); returns how many verifications were removed. */
  sweep(): number;
  stats(): EmulatorStats;
  /** Webhook calls made (or refused: only loopback URLs are called), oldest first (a copy). */
  webhookDeliveries(): WebhookDelivery[];
  /** Resolves once every webhook call started so far has finished (they run in the background, as Twilio's do). */
  webhooksIdle(): Promise<void>;
  /** Plays the customer's phone app with the Verify Push SDK: confirms push factors, answers push challenges. */
  device: PushDevice;
  close(): Promise<void>;
}

/** Cryptographically random numeric code. */
export function randomNumericCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += String(randomInt(10));
  return code;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && options.unsafePublic !== true) {
    throw new Error(`The emulator listens on loopback only (127.0.0.1, ::1, localhost), not ${host}: anyone who reaches it can read the codes it sends. Pass unsafePublic: true to allow it on a trusted network.`);
  }
  const port = options.port ?? 0;
  // Node takes a string port for a Unix socket path: the emulator would "start" with no TCP port at all.
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`The emulator's port is a whole number from 0 to 65535 (0 picks a free one), not ${JSON.stringify(port)}.`);
  const clock = options.clock ?? createClock();
  const credentials = {
    accountSid: options.accountSid ?? sid('AC'),
    authToken: options.authToken ?? hex32(),
    apiKeySid: options.apiKeySid ?? sid('SK'),
    apiKeySecret: options.apiKeySecret ?? hex32(),
  };
  const outbox = new Outbox();
  const attempts = new AttemptStore(() => clock.now());
  const templates = new TemplateStore(credentials.accountSid);
  const rateLimits = new RateLimitStore(credentials.accountSid);
  const state: EmulatorState = {
    credentials,
    clock,
    outbox,
    services: new ServiceStore(credentials.accountSid),
    verifications: new VerificationStore({
      now: () => clock.now(),
      outbox,
      codeGenerator: options.codeGenerator ?? randomNumericCode,
      baseUrl: () => state.baseUrl,
      attempts,
      templates,
      admit: (serviceSid, values, now) => rateLimits.admit(serviceSid, values, now),
    }),
    ...createEntityState(() => clock.now(), () => credentials.authToken),
    attempts,
    templates,
    rateLimits,
    safeList: new SafeListStore(),
    messagingConfigurations: new MessagingConfigurationStore(credentials.accountSid),
    baseUrl: '',
    counters: { requests: 0, errors: 0 },
  };

  const server = createServer(createRequestListener(state));
  // Slow or stuck clients must not pin sockets forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.on('clientError', answerClientError);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  state.baseUrl = `http://${urlHost(host)}:${address.port}`;

  // Verifications long finished, attempts older than the report window, rate-limit counts out of every window.
  const sweep = (): number => {
    state.attempts.sweep();
    state.rateLimits.sweep(clock.now());
    return state.verifications.sweep();
  };
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS);
  timer.unref();

  let closing: Promise<void> | undefined;
  return {
    url: state.baseUrl,
    ...credentials,
    outbox: (filter) => outbox.list(filter ?? {}),
    clock,
    sweep,
    stats: () => ({
      services: state.services.size,
      verifications: state.verifications.size,
      pendingVerifications: state.verifications.pendingCount(),
      attempts: state.attempts.size,
      outbox: outbox.size,
      requests: state.counters.requests,
      errors: state.counters.errors,
    }),
    webhookDeliveries: () => state.webhookDelivery.deliveries(),
    webhooksIdle: () => state.webhookDelivery.idle(),
    device: pushDevice(state),
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(timer);
        state.webhookDelivery.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
