/**
 * Factors (VERIFY-BEYOND.md): CreateNewFactor, UpdateFactor (first code or settings), delete, list.
 *
 *   unverified ──right first code──▶ verified        (a wrong code answers 200 and stays unverified)
 *   unverified ──6th try────────────▶ 60310          (5 wrong codes allowed)
 *   unverified ──1 hour─────────────▶ gone           (Twilio: 1–24 hours)
 *
 * TOTP codes are real RFC 6238 codes on the emulator's clock; a push factor is verified by the device stand-in
 * (the emulator cannot hold the phone's private key).
 */
import { MAX_TOTP_ATTEMPTS, MAX_TOTP_FACTORS_PER_ENTITY, UNVERIFIED_FACTOR_TTL_MS } from './constants.js';
import type { EntityRecord, EntityStore, FactorRecord } from './entities.js';
import { TwilioError, invalidParameter } from './errors.js';
import type { EmitEvent } from './events.js';
import { SID_PATTERNS, sid } from './ids.js';
import type { Params } from './params.js';
import type { ServiceRecord } from './services.js';
import { type TotpAlgorithm, type TotpSettings, base32Decode, newSecret, totpMatches } from './totp.js';
import { parseInteger, parseJsonObject } from './validate.js';

const MAX_PUSH_FACTORS_PER_ENTITY = 20;
const ALGORITHMS = new Set<TotpAlgorithm>(['sha1', 'sha256', 'sha512']);

export interface FactorDeps {
  now: () => number;
  emit: EmitEvent;
}

/** Metadata and HiddenDetails: a JSON object whose values are strings. */
export function parseStringMap(name: string, raw: string | undefined): Record<string, string> | null {
  if (raw === undefined) return null;
  const parsed = parseJsonObject(name, raw);
  for (const value of Object.values(parsed)) if (typeof value !== 'string') throw invalidParameter(name, 'values must be strings');
  return parsed as Record<string, string>;
}

function friendlyName(params: Params, required: boolean): string | undefined {
  const name = params.get('FriendlyName');
  if (name === undefined) {
    if (required) throw invalidParameter('FriendlyName', 'is required');
    return undefined;
  }
  if (name.trim().length === 0 || name.length > 64) throw invalidParameter('FriendlyName', 'must be 1 to 64 characters');
  return name;
}

/** Config.* for TOTP over a base (the service's defaults, or the factor's current settings). */
function totpSettings(params: Params, base: TotpSettings): TotpSettings {
  const settings = { ...base };
  if (params.has('Config.TimeStep')) settings.timeStep = parseInteger('Config.TimeStep', params.get('Config.TimeStep')!, 20, 60);
  if (params.has('Config.Skew')) settings.skew = parseInteger('Config.Skew', params.get('Config.Skew')!, 0, 2);
  if (params.has('Config.CodeLength')) settings.codeLength = parseInteger('Config.CodeLength', params.get('Config.CodeLength')!, 3, 8);
  const alg = params.get('Config.Alg');
  if (alg !== undefined) {
    if (!ALGORITHMS.has(alg as TotpAlgorithm)) throw invalidParameter('Config.Alg', 'must be sha1, sha256 or sha512');
    settings.alg = alg as TotpAlgorithm;
  }
  return settings;
}

export class FactorStore {
  constructor(
    private readonly entities: EntityStore,
    private readonly deps: FactorDeps,
  ) {}

  /** POST …/Entities/{Identity}/Factors. Returns the factor; its binding is in the record (shown by the create answer only). */
  create(service: ServiceRecord, identity: string, params: Params): FactorRecord {
    const now = this.deps.now();
    const type = params.get('FactorType');
    if (type !== 'totp' && type !== 'push') throw invalidParameter('FactorType', 'must be totp or push');
    const name = friendlyName(params, true)!;
    const metadata = parseStringMap('Metadata', params.get('Metadata'));
    const details = type === 'totp' ? { totp: this.totpBinding(service, params) } : { push: this.pushBinding(params) };

    const existing = this.entities.find(service.sid, identity);
    if (existing) {
      this.prune(existing);
      const sameType = [...existing.factors.values()].filter((f) => f.type === type).length;
      if (sameType >= (type === 'totp' ? MAX_TOTP_FACTORS_PER_ENTITY : MAX_PUSH_FACTORS_PER_ENTITY)) {
        throw new TwilioError(60315, `Reached max limit of ${type === 'totp' ? MAX_TOTP_FACTORS_PER_ENTITY : MAX_PUSH_FACTORS_PER_ENTITY} ${type} Factors associated per Entity`);
      }
    }
    const entity = existing ?? this.entities.ensure(service.sid, service.accountSid, identity, now);
    const factor: FactorRecord = {
      sid: sid('YF'),
      entity,
      type,
      friendlyName: name,
      status: 'unverified',
      ...details,
      wrongCodes: 0,
      metadata,
      challengeTimes: [],
      createdAt: now,
      updatedAt: now,
    };
    entity.factors.set(factor.sid, factor);
    this.deps.emit({ type: 'factor.created', factor });
    return factor;
  }

  /** The factor a path names: a malformed SID is 60362, an unknown (or expired unverified) one 60390. */
  get(entity: EntityRecord, factorSid: string): FactorRecord {
    if (!SID_PATTERNS.factor.test(factorSid)) throw new TwilioError(60362);
    this.prune(entity);
    const factor = entity.factors.get(factorSid);
    if (!factor) throw new TwilioError(60390, `Factor not found: ${factorSid}`);
    return factor;
  }

  list(entity: EntityRecord): FactorRecord[] {
    this.prune(entity);
    return [...entity.factors.values()];
  }

  /** POST …/Factors/{Sid}: AuthPayload verifies a new factor; FriendlyName and Config.* change settings. */
  update(factor: FactorRecord, params: Params): FactorRecord {
    const now = this.deps.now();
    const name = friendlyName(params, false);
    const settings = factor.totp ? totpSettings(params, factor.totp.settings) : undefined;
    const push = factor.push ? this.pushConfig(params, factor.push) : undefined;
    const code = params.get('AuthPayload');
    if (code !== undefined) this.checkFirstCode(factor, code, now);
    if (name !== undefined) factor.friendlyName = name;
    if (settings && factor.totp) factor.totp.settings = settings;
    if (push) factor.push = push;
    factor.updatedAt = now;
    return factor;
  }

  delete(factor: FactorRecord): void {
    const { entity } = factor;
    entity.factors.delete(factor.sid);
    for (const challenge of entity.challenges.values()) if (challenge.factor === factor) entity.challenges.delete(challenge.sid);
    this.deps.emit({ type: 'factor.deleted', factor });
  }

  /** The device stand-in: what the Verify Push SDK does on the phone when it confirms a push factor. */
  verifyPushFactor(factor: FactorRecord): FactorRecord {
    if (factor.type !== 'push') throw new TwilioError(60383, 'Only a push factor is verified by its device');
    if (factor.status === 'unverified') this.markVerified(factor, this.deps.now());
    return factor;
  }

  private checkFirstCode(factor: FactorRecord, code: string, now: number): void {
    if (factor.status === 'verified') throw new TwilioError(60383, 'Illegal factor status: the factor is already verified; check login codes with a challenge');
    if (!factor.totp) throw new TwilioError(60311, 'Factor verification failed: a push factor is verified by its device (the Verify Push SDK)');
    if (factor.wrongCodes >= MAX_TOTP_ATTEMPTS) throw new TwilioError(60310);
    if (totpMatches(factor.totp.key, code, now, factor.totp.settings)) this.markVerified(factor, now);
    else factor.wrongCodes += 1;
  }

  private markVerified(factor: FactorRecord, now: number): void {
    factor.status = 'verified';
    factor.updatedAt = now;
    this.deps.emit({ type: 'factor.verified', factor });
  }

  /** Forgets unverified factors older than the emulator's TTL. */
  private prune(entity: EntityRecord): void {
    const now = this.deps.now();
    for (const factor of entity.factors.values()) {
      if (factor.status === 'unverified' && now >= factor.createdAt + UNVERIFIED_FACTOR_TTL_MS) entity.factors.delete(factor.sid);
    }
  }

  private totpBinding(service: ServiceRecord, params: Params): NonNullable<FactorRecord['totp']> {
    const defaults = service.settings.totp;
    const settings = totpSettings(params, { alg: 'sha1', timeStep: defaults.time_step, codeLength: defaults.code_length, skew: defaults.skew });
    const given = params.get('Binding.Secret');
    const secret = given === undefined ? newSecret() : given.replace(/=+$/, '').toUpperCase();
    const key = base32Decode(secret);
    if (!key || key.length < 10) throw invalidParameter('Binding.Secret', 'must be at least 16 Base32 characters (A–Z, 2–7)');
    return { key, secret, settings };
  }

  private pushBinding(params: Params): NonNullable<FactorRecord['push']> {
    const publicKey = params.get('Binding.PublicKey');
    if (!publicKey || !/^[A-Za-z0-9+/]+={0,2}$/.test(publicKey)) throw invalidParameter('Binding.PublicKey', 'is required for push: the Base64 public key of the device');
    const alg = params.get('Binding.Alg') ?? 'ES256';
    if (alg !== 'ES256') throw invalidParameter('Binding.Alg', 'must be ES256');
    const appId = params.get('Config.AppId');
    if (!appId || appId.length > 100) throw invalidParameter('Config.AppId', 'is required for push (at most 100 characters)');
    const sdkVersion = params.get('Config.SdkVersion');
    if (!sdkVersion) throw invalidParameter('Config.SdkVersion', 'is required for push');
    const base = { publicKey, alg, appId, notificationPlatform: 'none', notificationToken: null, sdkVersion };
    const config = this.pushConfig(params, base);
    if (!params.has('Config.NotificationPlatform')) throw invalidParameter('Config.NotificationPlatform', 'is required for push: apn, fcm or none');
    return config;
  }

  private pushConfig(params: Params, base: NonNullable<FactorRecord['push']>): NonNullable<FactorRecord['push']> {
    const config = { ...base };
    const platform = params.get('Config.NotificationPlatform');
    if (platform !== undefined) {
      if (platform !== 'apn' && platform !== 'fcm' && platform !== 'none') throw invalidParameter('Config.NotificationPlatform', 'must be apn, fcm or none');
      config.notificationPlatform = platform;
    }
    const token = params.get('Config.NotificationToken');
    if (token !== undefined) {
      if (token.length < 32 || token.length > 255) throw invalidParameter('Config.NotificationToken', 'must be 32 to 255 characters');
      config.notificationToken = token;
    }
    if (config.notificationPlatform !== 'none' && config.notificationToken === null) throw invalidParameter('Config.NotificationToken', 'is required unless the platform is none');
    const sdkVersion = params.get('Config.SdkVersion');
    if (sdkVersion !== undefined) config.sdkVersion = sdkVersion;
    return config;
  }
}
