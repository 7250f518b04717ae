/**
 * The emulator's stores for entities, factors, challenges and webhooks, wired so every factor and challenge event
 * reaches the webhooks; and the device stand-in that plays a phone with the Verify Push SDK.
 */
import { ChallengeStore } from './challenges.js';
import { EntityStore } from './entities.js';
import { FactorStore } from './factors.js';
import { WebhookDispatcher } from './webhook-delivery.js';
import { WebhookStore } from './webhooks.js';

export interface EntityState {
  entities: EntityStore;
  factors: FactorStore;
  challenges: ChallengeStore;
  webhooks: WebhookStore;
  webhookDelivery: WebhookDispatcher;
}

export function createEntityState(now: () => number, authToken: () => string): EntityState {
  const entities = new EntityStore();
  const webhooks = new WebhookStore();
  const webhookDelivery = new WebhookDispatcher(webhooks, authToken);
  const emit = webhookDelivery.dispatch.bind(webhookDelivery);
  const factors = new FactorStore(entities, { now, emit });
  const challenges = new ChallengeStore(factors, { now, emit });
  return { entities, factors, challenges, webhooks, webhookDelivery };
}

/**
 * What the customer's phone app does through the Verify Push SDK, which the emulator cannot be: confirm a push factor
 * it registered, and approve or deny a push challenge. Errors are Twilio's (60392, 60390, 60391, 60322, 60323, …).
 */
export interface PushDevice {
  verifyFactor(serviceSid: string, identity: string, factorSid: string): void;
  answerChallenge(serviceSid: string, identity: string, challengeSid: string, answer: 'approved' | 'denied'): void;
}

export function pushDevice(state: EntityState): PushDevice {
  return {
    verifyFactor(serviceSid, identity, factorSid) {
      state.factors.verifyPushFactor(state.factors.get(state.entities.get(serviceSid, identity), factorSid));
    },
    answerChallenge(serviceSid, identity, challengeSid, answer) {
      state.challenges.answerOnDevice(state.challenges.get(state.entities.get(serviceSid, identity), challengeSid), answer);
    },
  };
}
