/**
 * Resource JSON of entities, factors, challenges and notifications, with the property sets and order of the spec's
 * verify.v2.service.entity, …factor, …new_factor, …challenge and …challenge.notification schemas.
 */
import { isoSeconds } from './clock.js';
import type { ChallengeRecord, EntityRecord, FactorRecord } from './entities.js';
import type { NotificationRecord } from './challenges.js';
import { otpauthUri } from './totp.js';

const entityUrl = (baseUrl: string, e: EntityRecord): string => `${baseUrl}/v2/Services/${e.serviceSid}/Entities/${encodeURIComponent(e.identity)}`;

export function entityResource(e: EntityRecord, baseUrl: string): Record<string, unknown> {
  const url = entityUrl(baseUrl, e);
  return {
    sid: e.sid,
    identity: e.identity,
    account_sid: e.accountSid,
    service_sid: e.serviceSid,
    date_created: isoSeconds(e.createdAt),
    date_updated: isoSeconds(e.updatedAt),
    url,
    links: { factors: `${url}/Factors`, challenges: `${url}/Challenges` },
  };
}

function factorConfig(f: FactorRecord): Record<string, unknown> {
  if (f.totp) {
    const s = f.totp.settings;
    return { alg: s.alg, skew: s.skew, code_length: s.codeLength, time_step: s.timeStep };
  }
  const p = f.push!;
  return { sdk_version: p.sdkVersion, app_id: p.appId, notification_platform: p.notificationPlatform, notification_token: p.notificationToken };
}

export function factorResource(f: FactorRecord, baseUrl: string): Record<string, unknown> {
  return {
    sid: f.sid,
    account_sid: f.entity.accountSid,
    service_sid: f.entity.serviceSid,
    entity_sid: f.entity.sid,
    identity: f.entity.identity,
    date_created: isoSeconds(f.createdAt),
    date_updated: isoSeconds(f.updatedAt),
    friendly_name: f.friendlyName,
    status: f.status,
    factor_type: f.type,
    config: factorConfig(f),
    metadata: f.metadata ? { ...f.metadata } : null,
    url: `${entityUrl(baseUrl, f.entity)}/Factors/${f.sid}`,
  };
}

/** The create answer: the only one that carries the binding (the TOTP secret and its otpauth:// URI). */
export function newFactorResource(f: FactorRecord, baseUrl: string, issuer: string): Record<string, unknown> {
  const binding = f.totp
    ? { secret: f.totp.secret, uri: otpauthUri(issuer, f.friendlyName, f.totp.secret, f.totp.settings) }
    : { alg: f.push!.alg, public_key: f.push!.publicKey };
  const { sid, account_sid, service_sid, entity_sid, identity, ...rest } = factorResource(f, baseUrl);
  return { sid, account_sid, service_sid, entity_sid, identity, binding, options: null, ...rest };
}

export function challengeResource(c: ChallengeRecord, baseUrl: string): Record<string, unknown> {
  const url = `${entityUrl(baseUrl, c.entity)}/Challenges/${c.sid}`;
  return {
    sid: c.sid,
    account_sid: c.entity.accountSid,
    service_sid: c.entity.serviceSid,
    entity_sid: c.entity.sid,
    identity: c.entity.identity,
    factor_sid: c.factor.sid,
    date_created: isoSeconds(c.createdAt),
    date_updated: isoSeconds(c.updatedAt),
    date_responded: c.respondedAt === null ? null : isoSeconds(c.respondedAt),
    expiration_date: isoSeconds(c.expiresAt),
    status: c.status,
    responded_reason: c.respondedReason,
    details: c.details ? { message: c.details.message, date: c.details.date, fields: c.details.fields.map((x) => ({ ...x })) } : null,
    hidden_details: c.hiddenDetails ? { ...c.hiddenDetails } : null,
    metadata: null,
    factor_type: c.factor.type,
    url,
    links: { notifications: `${url}/Notifications` },
  };
}

export function notificationResource(n: NotificationRecord): Record<string, unknown> {
  return {
    sid: n.sid,
    account_sid: n.challenge.entity.accountSid,
    service_sid: n.challenge.entity.serviceSid,
    entity_sid: n.challenge.entity.sid,
    identity: n.challenge.entity.identity,
    challenge_sid: n.challenge.sid,
    priority: n.priority,
    ttl: n.ttl,
    date_created: isoSeconds(n.createdAt),
  };
}
