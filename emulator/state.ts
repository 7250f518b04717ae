/** Everything one running emulator holds: credentials, clock, stores and outbox. */
import type { AttemptStore } from './attempts.js';
import type { Credentials } from './auth.js';
import type { EmulatorClock } from './clock.js';
import type { MessagingConfigurationStore } from './messaging-configurations.js';
import type { Outbox } from './outbox.js';
import type { RateLimitStore } from './rate-limits.js';
import type { SafeListStore } from './safe-list.js';
import type { ServiceStore } from './services.js';
import type { TemplateStore } from './templates.js';
import type { VerificationStore } from './verifications.js';
import type { ChallengeStore } from './challenges.js';
import type { EntityStore } from './entities.js';
import type { FactorStore } from './factors.js';
import type { WebhookDispatcher } from './webhook-delivery.js';
import type { WebhookStore } from './webhooks.js';

export interface EmulatorState {
  credentials: Credentials;
  clock: EmulatorClock;
  services: ServiceStore;
  verifications: VerificationStore;
  /** Entities with their TOTP and push factors and challenges; webhooks and their deliveries. */
  entities: EntityStore;
  factors: FactorStore;
  challenges: ChallengeStore;
  webhooks: WebhookStore;
  webhookDelivery: WebhookDispatcher;
  attempts: AttemptStore;
  templates: TemplateStore;
  rateLimits: RateLimitStore;
  safeList: SafeListStore;
  messagingConfigurations: MessagingConfigurationStore;
  outbox: Outbox;
  /** e.g. http://127.0.0.1:4010 — set once the server listens. */
  baseUrl: string;
  counters: { requests: number; errors: number };
}
