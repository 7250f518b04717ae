/** Everything one running emulator holds: credentials, clock, stores and outbox. */
import type { Credentials } from './auth.js';
import type { EmulatorClock } from './clock.js';
import type { Outbox } from './outbox.js';
import type { ServiceStore } from './services.js';
import type { VerificationStore } from './verifications.js';

export interface EmulatorState {
  credentials: Credentials;
  clock: EmulatorClock;
  services: ServiceStore;
  verifications: VerificationStore;
  outbox: Outbox;
  /** e.g. http://127.0.0.1:4010 — set once the server listens. */
  baseUrl: string;
  counters: { requests: number; errors: number };
}
