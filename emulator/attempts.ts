/**
 * Verification attempts (VERIFY-BEYOND.md): one per code sent, its sid the `attempt_sid` of the verification's
 * send_code_attempts. An attempt is `converted` once its verification is approved; its channel_data.status is then
 * `confirmed`, `expired` once the verification's window ended unapproved, `unconfirmed` before. Reports cover the
 * last 30 days (ATTEMPT_RETENTION_MS) and the most recent ATTEMPT_CAPACITY attempts, newest first.
 * SNA sends are not attempts here: the spec's attempt channels are sms, call, email, whatsapp and rbm.
 */
import { isoSeconds } from './clock.js';
import { ATTEMPT_CAPACITY, ATTEMPT_RETENTION_MS } from './constants.js';
import { countryOf } from './countries.js';
import { invalidParameter } from './errors.js';
import type { Params } from './params.js';
import { truncate } from './validate.js';

export const ATTEMPT_CHANNELS = ['sms', 'call', 'email', 'whatsapp', 'rbm'] as const;

export interface AttemptRecord {
  sid: string;
  accountSid: string;
  serviceSid: string;
  verificationSid: string;
  channel: string;
  to: string;
  country: string | null;
  locale: string;
  codeLength: number;
  createdAt: number;
  updatedAt: number;
  /** When the verification's window ends: an unconverted attempt is `expired` from then on. */
  expiresAt: number;
  converted: boolean;
}

/** What the verification store tells the attempt store about one send. */
export interface SentCode {
  attemptSid: string;
  accountSid: string;
  serviceSid: string;
  verificationSid: string;
  channel: string;
  to: string;
  locale: string;
  codeLength: number;
  expiresAt: number;
}

/** The filters of ListVerificationAttempt and FetchVerificationAttemptsSummary, parsed once. */
interface Filter {
  after?: number;
  before?: number;
  to?: string;
  country?: string;
  channel?: string;
  serviceSid?: string;
  verificationSid?: string;
  status?: 'converted' | 'unconverted';
  prefix?: string;
}

const LIST_FILTERS = ['DateCreatedAfter', 'DateCreatedBefore', 'ChannelData.To', 'Country', 'Channel', 'VerifyServiceSid', 'VerificationSid', 'Status'] as const;
const SUMMARY_FILTERS = ['VerifyServiceSid', 'DateCreatedAfter', 'DateCreatedBefore', 'Country', 'Channel', 'DestinationPrefix'] as const;

export class AttemptStore {
  /** Oldest first (insertion order). */
  private readonly bySid = new Map<string, AttemptRecord>();
  private readonly byVerification = new Map<string, AttemptRecord[]>();
  /** Where eviction of the oldest attempts stands (every attempt before it was removed). */
  private oldest?: Iterator<AttemptRecord>;

  constructor(private readonly now: () => number) {}

  get size(): number {
    return this.bySid.size;
  }

  /** A code was sent. */
  sent(code: SentCode): void {
    if (!(ATTEMPT_CHANNELS as readonly string[]).includes(code.channel)) return;
    const now = this.now();
    const record: AttemptRecord = {
      sid: code.attemptSid,
      accountSid: code.accountSid,
      serviceSid: code.serviceSid,
      verificationSid: code.verificationSid,
      channel: code.channel,
      to: code.to,
      country: countryOf(code.to),
      locale: code.locale,
      codeLength: code.codeLength,
      createdAt: now,
      updatedAt: now,
      expiresAt: code.expiresAt,
      converted: false,
    };
    this.bySid.set(record.sid, record);
    const list = this.byVerification.get(record.verificationSid);
    if (list) list.push(record);
    else this.byVerification.set(record.verificationSid, [record]);
    while (this.bySid.size > ATTEMPT_CAPACITY) {
      // One live iterator across calls: a fresh one would step over every entry removed before (Map deletions leave
      // holes until V8 compacts the table), thousands per send once the store is full.
      this.oldest ??= this.bySid.values();
      const next = this.oldest.next();
      if (next.done) this.oldest = undefined;
      else this.remove(next.value);
    }
  }

  /** The verification was approved: every code sent for it converted. */
  converted(verificationSid: string): void {
    const now = this.now();
    for (const a of this.byVerification.get(verificationSid) ?? []) {
      a.converted = true;
      a.updatedAt = now;
    }
  }

  get(sid: string): AttemptRecord | undefined {
    const a = this.bySid.get(sid);
    return a && a.createdAt > this.now() - ATTEMPT_RETENTION_MS ? a : undefined;
  }

  /** ListVerificationAttempt: the filtered attempts, newest first, and the filters to repeat in page URLs. */
  list(params: Params): { attempts: AttemptRecord[]; filters: Array<[string, string]> } {
    const filter = parseFilter(params, LIST_FILTERS);
    return { attempts: this.select(filter).reverse(), filters: given(params, LIST_FILTERS) };
  }

  /** FetchVerificationAttemptsSummary. */
  summary(params: Params): { total: number; converted: number } {
    const selected = this.select(parseFilter(params, SUMMARY_FILTERS));
    return { total: selected.length, converted: selected.filter((a) => a.converted).length };
  }

  /** Forgets attempts older than the report window. */
  sweep(): number {
    const cutoff = this.now() - ATTEMPT_RETENTION_MS;
    let removed = 0;
    for (const a of this.bySid.values()) {
      if (a.createdAt > cutoff) break;
      this.remove(a);
      removed++;
    }
    return removed;
  }

  /** channel_data.status of an attempt now. */
  status(a: AttemptRecord): 'confirmed' | 'unconfirmed' | 'expired' {
    if (a.converted) return 'confirmed';
    return this.now() >= a.expiresAt ? 'expired' : 'unconfirmed';
  }

  private select(f: Filter): AttemptRecord[] {
    const cutoff = this.now() - ATTEMPT_RETENTION_MS;
    const out: AttemptRecord[] = [];
    for (const a of this.bySid.values()) {
      if (a.createdAt <= cutoff) continue;
      if (f.after !== undefined && a.createdAt <= f.after) continue;
      if (f.before !== undefined && a.createdAt >= f.before) continue;
      if (f.to !== undefined && a.to !== f.to) continue;
      if (f.country !== undefined && a.country !== f.country) continue;
      if (f.channel !== undefined && a.channel !== f.channel) continue;
      if (f.serviceSid !== undefined && a.serviceSid !== f.serviceSid) continue;
      if (f.verificationSid !== undefined && a.verificationSid !== f.verificationSid) continue;
      if (f.status !== undefined && a.converted !== (f.status === 'converted')) continue;
      if (f.prefix !== undefined && !a.to.startsWith(f.prefix)) continue;
      out.push(a);
    }
    return out;
  }

  private remove(a: AttemptRecord): void {
    this.bySid.delete(a.sid);
    const list = this.byVerification.get(a.verificationSid);
    if (!list) return;
    const rest = list.filter((x) => x !== a);
    if (rest.length === 0) this.byVerification.delete(a.verificationSid);
    else this.byVerification.set(a.verificationSid, rest);
  }
}

function given(params: Params, names: readonly string[]): Array<[string, string]> {
  return names.filter((n) => params.has(n)).map((n) => [n, params.get(n)!]);
}

function date(name: string, raw: string): number {
  // ISO 8601 date-times only, as the spec's format says (Date.parse alone would take "1" or "March 3").
  const ms = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(ms)) throw invalidParameter(name, `${JSON.stringify(truncate(raw))} is not an ISO 8601 date-time such as 2025-01-31T00:00:00Z`);
  return ms;
}

function parseFilter(params: Params, names: readonly string[]): Filter {
  const f: Filter = {};
  const get = (name: string): string | undefined => (names.includes(name) ? params.get(name) : undefined);
  const after = get('DateCreatedAfter');
  if (after !== undefined) f.after = date('DateCreatedAfter', after);
  const before = get('DateCreatedBefore');
  if (before !== undefined) f.before = date('DateCreatedBefore', before);
  const to = get('ChannelData.To');
  if (to !== undefined) f.to = to;
  const country = get('Country');
  if (country !== undefined) {
    if (!/^[A-Za-z]{2}$/.test(country)) throw invalidParameter('Country', 'must be an ISO 3166-1 alpha-2 country code');
    f.country = country.toUpperCase();
  }
  const channel = get('Channel');
  if (channel !== undefined) {
    if (!(ATTEMPT_CHANNELS as readonly string[]).includes(channel)) throw invalidParameter('Channel', `must be one of ${ATTEMPT_CHANNELS.join(', ')}`);
    f.channel = channel;
  }
  const serviceSid = get('VerifyServiceSid');
  if (serviceSid !== undefined) f.serviceSid = serviceSid;
  const verificationSid = get('VerificationSid');
  if (verificationSid !== undefined) f.verificationSid = verificationSid;
  const status = get('Status');
  if (status !== undefined) {
    const lower = status.toLowerCase();
    if (lower !== 'converted' && lower !== 'unconverted') throw invalidParameter('Status', 'must be converted or unconverted');
    f.status = lower;
  }
  const prefix = get('DestinationPrefix');
  if (prefix !== undefined) f.prefix = prefix;
  return f;
}

/** conversion_rate_percentage as Twilio sends it: text with up to 9 decimals ("81.818181818"), null for no attempts. */
export function conversionRate(converted: number, total: number): string | null {
  if (total === 0) return null;
  return ((converted / total) * 100).toFixed(9).replace(/\.?0+$/, '');
}

export function attemptResource(a: AttemptRecord, store: AttemptStore, baseUrl: string): Record<string, unknown> {
  const delivery = a.channel === 'call' ? { call_status: 'completed' } : { message_status: 'delivered' };
  return {
    sid: a.sid,
    account_sid: a.accountSid,
    service_sid: a.serviceSid,
    verification_sid: a.verificationSid,
    date_created: isoSeconds(a.createdAt),
    date_updated: isoSeconds(a.updatedAt),
    conversion_status: a.converted ? 'converted' : 'unconverted',
    channel: a.channel,
    // Twilio prices an attempt later ("may not be immediately available"); the emulator charges nothing.
    price: null,
    channel_data: {
      verification_sid: a.verificationSid,
      to: a.to,
      status: store.status(a),
      ...delivery,
      error_code: null,
      country: a.country,
      code_length: a.codeLength,
      locale: a.locale,
      mcc: null,
      mnc: null,
      carrier: null,
    },
    url: `${baseUrl}/v2/Attempts/${a.sid}`,
  };
}
