/**
 * Entities (the users of a service that own TOTP and push factors), with their factors and challenges nested, so
 * deleting an entity or a service takes everything of it along. Twilio creates an entity on its first factor.
 */
import { TwilioError } from './errors.js';
import { sid } from './ids.js';
import { PerService } from './per-service.js';
import type { TotpSettings } from './totp.js';

export type FactorType = 'totp' | 'push';

export interface FactorRecord {
  sid: string;
  entity: EntityRecord;
  type: FactorType;
  friendlyName: string;
  status: 'unverified' | 'verified';
  /** totp: the shared key (bytes and Base32) and how codes are made. */
  totp?: { key: Buffer; secret: string; settings: TotpSettings };
  /** push: what the device registered. */
  push?: { publicKey: string; alg: string; appId: string; notificationPlatform: string; notificationToken: string | null; sdkVersion: string };
  /** Wrong codes given to UpdateFactor so far. */
  wrongCodes: number;
  metadata: Record<string, string> | null;
  /** Creation times of its challenges, for Twilio's creation limit (60312). */
  challengeTimes: number[];
  createdAt: number;
  updatedAt: number;
}

export type ChallengeStatus = 'pending' | 'expired' | 'approved' | 'denied';

export interface ChallengeRecord {
  sid: string;
  entity: EntityRecord;
  factor: FactorRecord;
  status: ChallengeStatus;
  respondedReason: 'none' | 'not_needed' | 'not_requested';
  details: { message: string; date: string; fields: Array<{ label: string; value: string }> } | null;
  hiddenDetails: Record<string, string> | null;
  /** Wrong TOTP codes given to this challenge so far (the create's code counts). */
  wrongCodes: number;
  createdAt: number;
  updatedAt: number;
  respondedAt: number | null;
  expiresAt: number;
}

export interface EntityRecord {
  sid: string;
  identity: string;
  serviceSid: string;
  accountSid: string;
  createdAt: number;
  updatedAt: number;
  factors: Map<string, FactorRecord>;
  challenges: Map<string, ChallengeRecord>;
}

/** Twilio's rule: 8–64 characters, alphanumeric groups separated by single dashes (a UUID fits). */
const IDENTITY = /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/;

export function checkIdentity(identity: string | undefined): string {
  if (identity === undefined || identity.length < 8 || identity.length > 64 || !IDENTITY.test(identity)) {
    throw new TwilioError(60366, 'Entity invalid or not provided: Identity must be 8 to 64 characters, alphanumeric groups separated by dashes');
  }
  return identity;
}

export class EntityStore {
  /** serviceSid → identity → entity, in creation order. */
  private readonly records = new PerService<EntityRecord>();

  create(serviceSid: string, accountSid: string, identity: string | undefined, now: number): EntityRecord {
    const checked = checkIdentity(identity);
    if (this.find(serviceSid, checked)) throw new TwilioError(60301, `Entity already exists: ${checked}`);
    return this.insert(serviceSid, accountSid, checked, now);
  }

  /** The entity, created if the service has none of that identity yet (CreateNewFactor does this). */
  ensure(serviceSid: string, accountSid: string, identity: string, now: number): EntityRecord {
    return this.find(serviceSid, checkIdentity(identity)) ?? this.insert(serviceSid, accountSid, identity, now);
  }

  find(serviceSid: string, identity: string): EntityRecord | undefined {
    return this.records.get(serviceSid, identity);
  }

  /** The entity a path names: a malformed identity is 60366, an unknown one 60392. */
  get(serviceSid: string, identity: string): EntityRecord {
    const found = this.find(serviceSid, checkIdentity(identity));
    if (!found) throw new TwilioError(60392, `Entity not found: ${identity}`);
    return found;
  }

  list(serviceSid: string): EntityRecord[] {
    return this.records.list(serviceSid);
  }

  delete(entity: EntityRecord): void {
    this.records.delete(entity.serviceSid, entity.identity);
  }

  deleteService(serviceSid: string): void {
    this.records.deleteService(serviceSid);
  }

  get size(): number {
    return this.records.size;
  }

  private insert(serviceSid: string, accountSid: string, identity: string, now: number): EntityRecord {
    const entity: EntityRecord = { sid: sid('YE'), identity, serviceSid, accountSid, createdAt: now, updatedAt: now, factors: new Map(), challenges: new Map() };
    return this.records.add(serviceSid, identity, entity);
  }
}
