/**
 * Challenges (VERIFY-BEYOND.md): one login attempt with a verified factor.
 *
 *   TOTP, create with the right code ──▶ approved         (a wrong code: pending, an answer and not an error)
 *   TOTP, pending ──update with a code─▶ approved | pending; the 6th try on one challenge is 60308
 *   push, pending ──the phone answers──▶ approved | denied (the device stand-in plays the phone)
 *   pending ──expiration_date passes───▶ expired          (default 5 minutes, at most 60)
 *
 * Creation is limited per factor like Twilio's 60312.
 */
import { isoSeconds } from './clock.js';
import {
  CHALLENGES_PER_DAY,
  CHALLENGES_PER_HOUR,
  DEFAULT_CHALLENGE_TTL_MS,
  MAX_CHALLENGE_TTL_MS,
  MAX_TOTP_ATTEMPTS,
  SHORT_CODE_CHALLENGES_PER_DAY,
} from './constants.js';
import type { ChallengeRecord, ChallengeStatus, EntityRecord, FactorRecord } from './entities.js';
import { TwilioError, invalidParameter } from './errors.js';
import type { EmitEvent } from './events.js';
import { type FactorStore, parseStringMap } from './factors.js';
import { SID_PATTERNS, sid } from './ids.js';
import type { Params } from './params.js';
import { totpMatches } from './totp.js';
import { parseInteger, parseJsonObject } from './validate.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const STATUSES = new Set<ChallengeStatus>(['pending', 'expired', 'approved', 'denied']);

export interface ChallengeDeps {
  now: () => number;
  emit: EmitEvent;
}

export interface NotificationRecord {
  sid: string;
  challenge: ChallengeRecord;
  priority: 'high';
  ttl: number;
  createdAt: number;
}

export class ChallengeStore {
  constructor(
    private readonly factors: FactorStore,
    private readonly deps: ChallengeDeps,
  ) {}

  /** POST …/Entities/{Identity}/Challenges. */
  create(entity: EntityRecord, params: Params): ChallengeRecord {
    const now = this.deps.now();
    const factorSid = params.get('FactorSid');
    if (factorSid === undefined || !SID_PATTERNS.factor.test(factorSid)) throw new TwilioError(60362);
    const factor = this.factors.get(entity, factorSid);
    if (factor.status !== 'verified') throw new TwilioError(60318);
    const expiresAt = this.expiration(params.get('ExpirationDate'), now);
    const hiddenDetails = parseStringMap('HiddenDetails', params.get('HiddenDetails'));
    const code = params.get('AuthPayload');
    if (code !== undefined && (code.length < 3 || code.length > 8)) throw invalidParameter('AuthPayload', 'must be 3 to 8 characters');
    const details = factor.type === 'push' ? this.details(params, now) : null;
    this.countCreation(factor, now);

    const challenge: ChallengeRecord = {
      sid: sid('YC'),
      entity,
      factor,
      status: 'pending',
      respondedReason: 'none',
      details,
      hiddenDetails,
      wrongCodes: 0,
      createdAt: now,
      updatedAt: now,
      respondedAt: null,
      expiresAt,
    };
    entity.challenges.set(challenge.sid, challenge);
    if (factor.type === 'totp' && code !== undefined) this.tryCode(challenge, code, now);
    return challenge;
  }

  /** The challenge a path names: a malformed SID is 60364, an unknown one 60391. */
  get(entity: EntityRecord, challengeSid: string): ChallengeRecord {
    if (!SID_PATTERNS.challenge.test(challengeSid)) throw new TwilioError(60364);
    const challenge = entity.challenges.get(challengeSid);
    if (!challenge) throw new TwilioError(60391, `Challenge not found: ${challengeSid}`);
    return this.refresh(challenge);
  }

  /** GET …/Challenges with the FactorSid, Status and Order filters. */
  list(entity: EntityRecord, params: Params): ChallengeRecord[] {
    const factorSid = params.get('FactorSid');
    if (factorSid !== undefined && !SID_PATTERNS.factor.test(factorSid)) throw new TwilioError(60362);
    const status = params.get('Status');
    if (status !== undefined && !STATUSES.has(status as ChallengeStatus)) throw invalidParameter('Status', 'must be pending, expired, approved or denied');
    const order = params.get('Order') ?? 'asc';
    if (order !== 'asc' && order !== 'desc') throw invalidParameter('Order', 'must be asc or desc');
    const found = [...entity.challenges.values()]
      .map((c) => this.refresh(c))
      .filter((c) => (factorSid === undefined || c.factor.sid === factorSid) && (status === undefined || c.status === status));
    return order === 'desc' ? found.reverse() : found;
  }

  /** POST …/Challenges/{Sid} (UpdateChallenge): a TOTP code for a pending challenge. A push answer comes from the phone. */
  update(challenge: ChallengeRecord, params: Params): ChallengeRecord {
    const now = this.deps.now();
    this.assertPending(challenge);
    const code = params.get('AuthPayload');
    if (challenge.factor.type !== 'totp') throw new TwilioError(60324, 'Challenge verification failed: a push challenge is answered by the phone (the Verify Push SDK signs it)');
    if (code === undefined || code.length < 3 || code.length > 8) throw invalidParameter('AuthPayload', 'must be the 3 to 8 digit code');
    if (challenge.wrongCodes >= MAX_TOTP_ATTEMPTS) throw new TwilioError(60308);
    this.tryCode(challenge, code, now);
    return challenge;
  }

  /** POST …/Challenges/{ChallengeSid}/Notifications: send a pending push challenge's notification again. */
  notify(challenge: ChallengeRecord, params: Params): NotificationRecord {
    if (challenge.factor.type !== 'push') throw invalidParameter('ChallengeSid', 'notifications are only for push challenges');
    this.assertPending(challenge);
    const ttl = params.has('Ttl') ? parseInteger('Ttl', params.get('Ttl')!, 0, 300) : 300;
    return { sid: sid('NT'), challenge, priority: 'high', ttl, createdAt: this.deps.now() };
  }

  /** The device stand-in: the person approves or denies a push challenge on the phone. */
  answerOnDevice(challenge: ChallengeRecord, answer: 'approved' | 'denied'): ChallengeRecord {
    if (challenge.factor.type !== 'push') throw new TwilioError(60324, 'Only a push challenge is answered on the phone');
    this.assertPending(challenge);
    this.respond(challenge, answer, this.deps.now());
    return challenge;
  }

  /** Lazily moves a pending challenge past its expiration to expired. */
  refresh(challenge: ChallengeRecord): ChallengeRecord {
    if (challenge.status === 'pending' && this.deps.now() >= challenge.expiresAt) {
      challenge.status = 'expired';
      challenge.updatedAt = challenge.expiresAt;
    }
    return challenge;
  }

  private assertPending(challenge: ChallengeRecord): void {
    this.refresh(challenge);
    if (challenge.status === 'expired') throw new TwilioError(60323);
    if (challenge.status !== 'pending') throw new TwilioError(60322);
  }

  private tryCode(challenge: ChallengeRecord, code: string, now: number): void {
    const { totp } = challenge.factor;
    if (totp && totpMatches(totp.key, code, now, totp.settings)) this.respond(challenge, 'approved', now);
    else {
      challenge.wrongCodes += 1;
      challenge.updatedAt = now;
    }
  }

  private respond(challenge: ChallengeRecord, status: 'approved' | 'denied', now: number): void {
    challenge.status = status;
    challenge.respondedAt = now;
    challenge.updatedAt = now;
    this.deps.emit({ type: status === 'approved' ? 'challenge.approved' : 'challenge.denied', factor: challenge.factor, challenge });
  }

  private expiration(raw: string | undefined, now: number): number {
    if (raw === undefined) return now + DEFAULT_CHALLENGE_TTL_MS;
    const at = Date.parse(raw);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(at)) throw invalidParameter('ExpirationDate', 'must be an ISO 8601 date-time');
    if (at <= now || at > now + MAX_CHALLENGE_TTL_MS) throw invalidParameter('ExpirationDate', 'must be in the future and at most 60 minutes from now');
    return at;
  }

  private details(params: Params, now: number): NonNullable<ChallengeRecord['details']> {
    const message = params.get('Details.Message');
    if (!message || message.length > 256) throw invalidParameter('Details.Message', 'is required for push (at most 256 characters)');
    const fields = params.getAll('Details.Fields').map((raw) => {
      const field = parseJsonObject('Details.Fields', raw);
      if (typeof field['label'] !== 'string' || typeof field['value'] !== 'string') throw invalidParameter('Details.Fields', 'each must be {"label": "…", "value": "…"}');
      return { label: field['label'], value: field['value'] };
    });
    if (fields.length > 20) throw invalidParameter('Details.Fields', 'at most 20');
    return { message, date: isoSeconds(now), fields };
  }

  private countCreation(factor: FactorRecord, now: number): void {
    factor.challengeTimes = factor.challengeTimes.filter((t) => now - t < DAY_MS);
    const lastHour = factor.challengeTimes.filter((t) => now - t < HOUR_MS).length;
    const shortCode = (factor.totp?.settings.codeLength ?? 6) <= 4;
    const full = shortCode ? factor.challengeTimes.length >= SHORT_CODE_CHALLENGES_PER_DAY : lastHour >= CHALLENGES_PER_HOUR || factor.challengeTimes.length >= CHALLENGES_PER_DAY;
    if (full) throw new TwilioError(60312);
    factor.challengeTimes.push(now);
  }
}
