/** Factor and challenge events: what the stores report and the webhooks deliver. */
import type { ChallengeRecord, FactorRecord } from './entities.js';

export const EVENT_TYPES = ['factor.created', 'factor.verified', 'factor.deleted', 'challenge.approved', 'challenge.denied'] as const;
export type VerifyEventType = (typeof EVENT_TYPES)[number];

export interface VerifyEvent {
  type: VerifyEventType;
  factor: FactorRecord;
  challenge?: ChallengeRecord;
}

export type EmitEvent = (event: VerifyEvent) => void;
