/**
 * Programmable rate limits and their buckets (VERIFY-BEYOND.md), enforced on start-verification:
 * a start that names `RateLimits={"<unique_name>": "<value>"}` is counted per (rate limit, value) in every bucket of
 * that rate limit, over a sliding window of `Interval` seconds on the emulator's clock. When a bucket already holds
 * `Max` starts for that value, the start is refused before anything is sent: 429 with code 20429, `Retry-After`
 * (seconds until the oldest counted start leaves the window) and `Twilio-Reached-Rate-Limit` (the limit's unique name).
 * A refused start is not counted. Keys that name no rate limit of the service limit nothing.
 */
import { isoSeconds } from './clock.js';
import { MAX_BUCKETS_PER_RATE_LIMIT, MAX_RATE_LIMITS_PER_SERVICE } from './constants.js';
import { TwilioError, invalidParameter } from './errors.js';
import { sid } from './ids.js';
import type { Params } from './params.js';
import { PerService } from './per-service.js';
import { parseInteger, truncate } from './validate.js';

const UNIQUE_NAME = /^[A-Za-z0-9._-]+$/;
const MAX_TEXT = 255;
const MAX_INTERVAL_SECONDS = 2_147_483_647;

export interface BucketRecord {
  sid: string;
  rateLimitSid: string;
  serviceSid: string;
  accountSid: string;
  max: number;
  interval: number;
  createdAt: number;
  updatedAt: number;
  /** value → times (ms) of the starts counted in the current window, oldest first; at most `max` of them. */
  hits: Map<string, number[]>;
}

export interface RateLimitRecord {
  sid: string;
  serviceSid: string;
  accountSid: string;
  uniqueName: string;
  description: string | null;
  createdAt: number;
  updatedAt: number;
  buckets: Map<string, BucketRecord>;
}

export class RateLimitStore {
  /** serviceSid → rate limit SID → rate limit, in creation order. */
  private readonly records = new PerService<RateLimitRecord>();

  constructor(private readonly accountSid: string) {}

  list(serviceSid: string): RateLimitRecord[] {
    return this.records.list(serviceSid);
  }

  get(serviceSid: string, rateLimitSid: string): RateLimitRecord | undefined {
    return this.records.get(serviceSid, rateLimitSid);
  }

  create(serviceSid: string, params: Params, now: number): RateLimitRecord {
    const uniqueName = params.get('UniqueName');
    if (uniqueName === undefined || uniqueName.length === 0) throw invalidParameter('UniqueName', 'is required');
    if (uniqueName.length > MAX_TEXT || !UNIQUE_NAME.test(uniqueName)) throw new TwilioError(60209);
    if (this.list(serviceSid).some((r) => r.uniqueName === uniqueName)) throw new TwilioError(60208, `Rate limit with UniqueName ${truncate(uniqueName)} already exists`);
    if (this.records.count(serviceSid) >= MAX_RATE_LIMITS_PER_SERVICE) throw new TwilioError(60207);
    const record: RateLimitRecord = {
      sid: sid('RK'),
      serviceSid,
      accountSid: this.accountSid,
      uniqueName,
      description: description(params),
      createdAt: now,
      updatedAt: now,
      buckets: new Map(),
    };
    return this.records.add(serviceSid, record.sid, record);
  }

  update(record: RateLimitRecord, params: Params, now: number): RateLimitRecord {
    if (params.has('Description')) record.description = description(params);
    record.updatedAt = now;
    return record;
  }

  delete(record: RateLimitRecord): void {
    this.records.delete(record.serviceSid, record.sid);
  }

  deleteService(serviceSid: string): void {
    this.records.deleteService(serviceSid);
  }

  createBucket(limit: RateLimitRecord, params: Params, now: number): BucketRecord {
    const max = requiredInteger(params, 'Max');
    const interval = requiredInteger(params, 'Interval');
    if ([...limit.buckets.values()].some((b) => b.interval === interval)) throw new TwilioError(60211, `A bucket with an interval of ${interval} seconds already exists`);
    if (limit.buckets.size >= MAX_BUCKETS_PER_RATE_LIMIT) throw new TwilioError(60210);
    const bucket: BucketRecord = {
      sid: sid('BL'),
      rateLimitSid: limit.sid,
      serviceSid: limit.serviceSid,
      accountSid: limit.accountSid,
      max,
      interval,
      createdAt: now,
      updatedAt: now,
      hits: new Map(),
    };
    limit.buckets.set(bucket.sid, bucket);
    return bucket;
  }

  updateBucket(limit: RateLimitRecord, bucket: BucketRecord, params: Params, now: number): BucketRecord {
    const max = params.has('Max') ? requiredInteger(params, 'Max') : bucket.max;
    const interval = params.has('Interval') ? requiredInteger(params, 'Interval') : bucket.interval;
    if (interval !== bucket.interval && [...limit.buckets.values()].some((b) => b !== bucket && b.interval === interval)) {
      throw new TwilioError(60211, `A bucket with an interval of ${interval} seconds already exists`);
    }
    bucket.max = max;
    bucket.interval = interval;
    bucket.updatedAt = now;
    return bucket;
  }

  /**
   * A start naming `values` (unique name → value): refuses it with 20429 when a bucket is full for its value,
   * otherwise counts it in every bucket of every named rate limit. Call it only once the start will be sent.
   */
  admit(serviceSid: string, values: Record<string, unknown>, now: number): void {
    const named = this.list(serviceSid).filter((r) => Object.prototype.hasOwnProperty.call(values, r.uniqueName));
    const counted: Array<{ bucket: BucketRecord; value: string; times: number[] }> = [];
    for (const limit of named) {
      const value = String(values[limit.uniqueName]);
      for (const bucket of limit.buckets.values()) {
        const windowStart = now - bucket.interval * 1000;
        const times = (bucket.hits.get(value) ?? []).filter((t) => t > windowStart);
        if (times.length >= bucket.max) {
          const retryAfter = Math.max(1, Math.ceil((times[times.length - bucket.max]! + bucket.interval * 1000 - now) / 1000));
          throw new TwilioError(20429, 'Too many requests', { 'Retry-After': String(retryAfter), 'Twilio-Reached-Rate-Limit': limit.uniqueName });
        }
        counted.push({ bucket, value, times });
      }
    }
    for (const { bucket, value, times } of counted) {
      times.push(now);
      bucket.hits.set(value, times);
    }
  }

  /** Forgets counts that left every window (values that stopped starting). */
  sweep(now: number): void {
    for (const limit of this.records.all()) {
      for (const bucket of limit.buckets.values()) {
        for (const [value, times] of bucket.hits) {
          if (times.length === 0 || times[times.length - 1]! <= now - bucket.interval * 1000) bucket.hits.delete(value);
        }
      }
    }
  }
}

function description(params: Params): string | null {
  const text = params.get('Description');
  if (text === undefined) return null;
  if (text.length > MAX_TEXT) throw invalidParameter('Description', `must be at most ${MAX_TEXT} characters`);
  return text;
}

function requiredInteger(params: Params, name: string): number {
  const raw = params.get(name);
  if (raw === undefined) throw invalidParameter(name, 'is required');
  return parseInteger(name, raw, 1, MAX_INTERVAL_SECONDS);
}

export function rateLimitResource(r: RateLimitRecord, baseUrl: string): Record<string, unknown> {
  const url = `${baseUrl}/v2/Services/${r.serviceSid}/RateLimits/${r.sid}`;
  return {
    sid: r.sid,
    service_sid: r.serviceSid,
    account_sid: r.accountSid,
    unique_name: r.uniqueName,
    description: r.description,
    date_created: isoSeconds(r.createdAt),
    date_updated: isoSeconds(r.updatedAt),
    url,
    links: { buckets: `${url}/Buckets` },
  };
}

export function bucketResource(b: BucketRecord, baseUrl: string): Record<string, unknown> {
  return {
    sid: b.sid,
    rate_limit_sid: b.rateLimitSid,
    service_sid: b.serviceSid,
    account_sid: b.accountSid,
    max: b.max,
    interval: b.interval,
    date_created: isoSeconds(b.createdAt),
    date_updated: isoSeconds(b.updatedAt),
    url: `${baseUrl}/v2/Services/${b.serviceSid}/RateLimits/${b.rateLimitSid}/Buckets/${b.sid}`,
  };
}
