/**
 * Verifications and their state machine, following Twilio Verify (VERIFY-FACTS.md):
 *
 *   pending ──right code──────────────▶ approved
 *   pending ──Status=approved (custom)─▶ approved
 *   pending ──Status=canceled─────────▶ canceled
 *   pending ──5th wrong check─────────▶ max_attempts_reached
 *   pending ──window ends─────────────▶ expired
 *
 * Starting again for the same service + To while pending re-sends the same code on the same
 * verification (the window is NOT extended). Only pending verifications accept checks; checks on
 * anything else are 20404, except max_attempts_reached inside its window, which keeps answering 60202.
 */
import {
  FINISHED_RETENTION_MS,
  MAX_CHECK_ATTEMPTS,
  MAX_CUSTOM_CODE_LENGTH,
  MAX_SEND_ATTEMPTS,
  MAX_VERIFICATIONS,
  MIN_CUSTOM_CODE_LENGTH,
  VERIFICATION_WINDOW_MS,
} from './constants.js';
import { isoSeconds } from './clock.js';
import { TwilioError, invalidParameter } from './errors.js';
import { SID_PATTERNS, sid } from './ids.js';
import type { Outbox } from './outbox.js';
import type { Params } from './params.js';
import type { ServiceRecord } from './services.js';
import type { TemplateStore } from './templates.js';
import { renderTemplate } from './templates.js';
import type { SentCode } from './attempts.js';
import { isE164, isEmail, parseBoolean, parseJsonObject, truncate } from './validate.js';

export type Channel = 'sms' | 'call' | 'email' | 'whatsapp' | 'sna';
export type VerificationStatus = 'pending' | 'approved' | 'canceled' | 'max_attempts_reached' | 'expired';

const REQUEST_CHANNELS = new Set(['sms', 'call', 'email', 'whatsapp', 'sna', 'auto']);
const JSON_PARAMS = ['RateLimits', 'ChannelConfiguration', 'TemplateCustomSubstitutions', 'Tags'] as const;

export interface SendAttempt {
  time: string;
  channel: Channel;
  attempt_sid: string;
}

export interface VerificationRecord {
  sid: string;
  serviceSid: string;
  accountSid: string;
  to: string;
  channel: Channel;
  status: VerificationStatus;
  code: string;
  /** The code came from CustomCode: only then may the app approve it with Status=approved. */
  customCode: boolean;
  amount: string | null;
  payee: string | null;
  sendCodeAttempts: SendAttempt[];
  checkAttempts: number;
  createdAt: number;
  updatedAt: number;
  expiresAt: number;
}

export interface VerificationStoreOptions {
  now: () => number;
  outbox: Outbox;
  codeGenerator: (length: number) => string;
  /** Used for the `sna.url` the emulator hands out. */
  baseUrl: () => string;
  /** Told of every code sent and every approval (the attempt reports). */
  attempts?: { sent(code: SentCode): void; converted(verificationSid: string): void };
  /** Programmable rate limits: throws 20429 for a start over a limit, else counts it. Called only once the code will be sent. */
  admit?: (serviceSid: string, rateLimits: Record<string, unknown>, now: number) => void;
  /** Message templates: the text of a TemplateSid (or the service's default) in a locale; 60228 / 60201 when it cannot be sent. */
  templates?: Pick<TemplateStore, 'has' | 'textFor'>;
}

/** What one start asked for beyond the recipient: the message text (a template's, or null for the default) and the locale. */
interface Delivery {
  text: string | null;
  locale: string | undefined;
  rateLimits: Record<string, unknown>;
}

export class VerificationStore {
  private readonly bySid = new Map<string, VerificationRecord>();
  /** serviceSid + "\n" + To → sid of the latest verification for that recipient. */
  private readonly latestByTo = new Map<string, string>();

  constructor(private readonly options: VerificationStoreOptions) {}

  get size(): number {
    return this.bySid.size;
  }

  pendingCount(): number {
    let n = 0;
    for (const v of this.bySid.values()) if (this.refresh(v).status === 'pending') n++;
    return n;
  }

  /** POST /v2/Services/{ServiceSid}/Verifications. Returns the new or re-sent verification. */
  start(service: ServiceRecord, params: Params): VerificationRecord {
    const now = this.options.now();
    const to = params.get('To');
    const requested = params.get('Channel');
    if (to === undefined || to.length === 0) throw invalidParameter('To', 'is required');
    if (requested === undefined || !REQUEST_CHANNELS.has(requested)) {
      throw invalidParameter('Channel', `must be one of sms, call, email, whatsapp, sna, auto`);
    }
    // `auto` lets Twilio pick (SNA, then SMS); the emulator always picks SMS.
    const channel: Channel = requested === 'auto' ? 'sms' : (requested as Channel);
    if (channel === 'email' ? !isEmail(to) : !isE164(to)) {
      throw invalidParameter('To', `${JSON.stringify(truncate(to))} is not a valid ${channel === 'email' ? 'email address' : 'E.164 phone number'}`);
    }
    if (channel === 'email' && service.mailerSid === null) throw new TwilioError(60217);
    if (channel === 'whatsapp' && service.settings.whatsapp.msg_service_sid === null && service.settings.whatsapp.from === null) {
      throw new TwilioError(68008);
    }
    const customCode = params.get('CustomCode');
    if (customCode !== undefined) {
      if (!service.settings.custom_code_enabled) throw new TwilioError(60204, 'Custom codes are not enabled for this service (CustomCodeEnabled)');
      if (customCode.length < MIN_CUSTOM_CODE_LENGTH || customCode.length > MAX_CUSTOM_CODE_LENGTH || /\s/.test(customCode)) {
        throw invalidParameter('CustomCode', `must be ${MIN_CUSTOM_CODE_LENGTH}–${MAX_CUSTOM_CODE_LENGTH} characters`);
      }
    }
    const psd2 = this.psd2(service, params);
    const json: Record<string, Record<string, unknown>> = {};
    for (const name of JSON_PARAMS) {
      const raw = params.get(name);
      if (raw !== undefined) json[name] = parseJsonObject(name, raw);
    }
    const enableSna = params.get('EnableSnaClientToken');
    if (enableSna !== undefined) parseBoolean('EnableSnaClientToken', enableSna);
    const riskCheck = params.get('RiskCheck');
    if (riskCheck !== undefined && riskCheck !== 'enable' && riskCheck !== 'disable') {
      throw invalidParameter('RiskCheck', 'must be enable or disable');
    }
    const templateSid = params.get('TemplateSid');
    if (templateSid !== undefined && !SID_PATTERNS.template.test(templateSid)) throw invalidParameter('TemplateSid');
    const locale = params.get('Locale');
    if (locale !== undefined && !/^[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*$/.test(locale)) throw invalidParameter('Locale');
    const friendlyName = params.get('CustomFriendlyName') || service.settings.friendly_name;
    const delivery: Delivery = { text: this.templateText(service, templateSid, locale, channel), locale, rateLimits: json['RateLimits'] ?? {} };

    const existing = this.latest(service.sid, to);
    if (existing && existing.status === 'pending') {
      // A re-send: same verification, same code, possibly another channel; the window stays as it was.
      if (existing.sendCodeAttempts.length >= MAX_SEND_ATTEMPTS) {
        const retryAfter = Math.max(1, Math.ceil((existing.expiresAt - now) / 1000));
        throw new TwilioError(60203, 'Max send attempts reached', { 'Retry-After': String(retryAfter) });
      }
      this.options.admit?.(service.sid, delivery.rateLimits, now);
      existing.channel = channel;
      existing.updatedAt = now;
      this.deliver(existing, service, friendlyName, now, delivery);
      return existing;
    }

    const record: VerificationRecord = {
      sid: sid('VE'),
      serviceSid: service.sid,
      accountSid: service.accountSid,
      to,
      channel,
      status: 'pending',
      code: customCode ?? this.generate(service.settings.code_length),
      customCode: customCode !== undefined,
      amount: psd2?.amount ?? null,
      payee: psd2?.payee ?? null,
      sendCodeAttempts: [],
      checkAttempts: 0,
      createdAt: now,
      updatedAt: now,
      expiresAt: now + VERIFICATION_WINDOW_MS,
    };
    this.options.admit?.(service.sid, delivery.rateLimits, now);
    this.insert(record);
    this.deliver(record, service, friendlyName, now, delivery);
    return record;
  }

  /** GET (or POST) /Verifications/{Sid}: Sid may be the verification SID or, as Twilio allows, the To value. */
  find(service: ServiceRecord, sidOrTo: string): VerificationRecord | undefined {
    if (SID_PATTERNS.verification.test(sidOrTo)) {
      const v = this.bySid.get(sidOrTo);
      return v && v.serviceSid === service.sid ? this.refresh(v) : undefined;
    }
    return this.latest(service.sid, sidOrTo);
  }

  /** POST /Verifications/{Sid} with Status=canceled|approved. Only pending verifications change. */
  updateStatus(v: VerificationRecord, status: string | undefined, path: string): VerificationRecord {
    if (status !== 'canceled' && status !== 'approved') throw invalidParameter('Status', 'must be canceled or approved');
    if (v.status !== 'pending') throw new TwilioError(20404, `The requested resource ${path} was not found`);
    if (status === 'approved' && !v.customCode) {
      // Twilio lets the app approve only verifications whose code it generated itself (CustomCode).
      throw invalidParameter('Status', 'approved is only allowed for verifications started with a CustomCode');
    }
    v.status = status;
    v.updatedAt = this.options.now();
    if (status === 'approved') this.options.attempts?.converted(v.sid);
    return v;
  }

  /** POST /VerificationCheck. Returns the verification after the attempt. */
  check(service: ServiceRecord, params: Params, path: string): VerificationRecord {
    const code = params.get('Code');
    const to = params.get('To');
    const verificationSid = params.get('VerificationSid');
    if (code === undefined || code.length < MIN_CUSTOM_CODE_LENGTH || code.length > MAX_CUSTOM_CODE_LENGTH) {
      throw invalidParameter('Code', `is required and must be ${MIN_CUSTOM_CODE_LENGTH}–${MAX_CUSTOM_CODE_LENGTH} characters`);
    }
    if (verificationSid === undefined && (to === undefined || to.length === 0)) {
      throw invalidParameter('To', 'either To or VerificationSid is required');
    }
    if (verificationSid !== undefined && !SID_PATTERNS.verification.test(verificationSid)) {
      throw invalidParameter('VerificationSid');
    }
    const psd2 = this.psd2(service, params);
    const v = verificationSid !== undefined ? this.find(service, verificationSid) : this.latest(service.sid, to!);
    // Made only when thrown: an Error captures a stack, which would cost every successful check.
    const gone = (): TwilioError => new TwilioError(20404, `The requested resource ${path} was not found`);
    if (!v) throw gone();
    if (to !== undefined && verificationSid !== undefined && v.to !== to) throw gone();
    if (v.status === 'max_attempts_reached' && this.options.now() < v.expiresAt) throw new TwilioError(60202);
    if (v.status !== 'pending') throw gone();

    const now = this.options.now();
    v.checkAttempts += 1;
    v.updatedAt = now;
    const transactionMatches = psd2 === null || (psd2.amount === v.amount && psd2.payee === v.payee);
    if (code === v.code && transactionMatches) {
      v.status = 'approved';
      this.options.attempts?.converted(v.sid);
    } else if (v.checkAttempts >= MAX_CHECK_ATTEMPTS) {
      v.status = 'max_attempts_reached';
    }
    return v;
  }

  /** Removes every verification of a deleted service. */
  deleteService(serviceSid: string): void {
    for (const v of this.bySid.values()) if (v.serviceSid === serviceSid) this.remove(v);
  }

  /** Forgets verifications whose window ended more than FINISHED_RETENTION_MS ago. Returns how many. */
  sweep(): number {
    const now = this.options.now();
    let removed = 0;
    for (const v of this.bySid.values()) {
      if (now >= v.expiresAt + FINISHED_RETENTION_MS) {
        this.remove(v);
        removed++;
      }
    }
    return removed;
  }

  /** Lazily moves a pending verification whose window has ended to `expired`. */
  refresh(v: VerificationRecord): VerificationRecord {
    if (v.status === 'pending' && this.options.now() >= v.expiresAt) {
      v.status = 'expired';
      v.updatedAt = v.expiresAt;
    }
    return v;
  }

  private latest(serviceSid: string, to: string): VerificationRecord | undefined {
    const id = this.latestByTo.get(`${serviceSid}\n${to}`);
    const v = id === undefined ? undefined : this.bySid.get(id);
    return v ? this.refresh(v) : undefined;
  }

  private psd2(service: ServiceRecord, params: Params): { amount: string; payee: string } | null {
    if (!service.settings.psd2_enabled) return null;
    const amount = params.get('Amount');
    const payee = params.get('Payee');
    if (!amount || !payee) throw new TwilioError(60206);
    return { amount, payee };
  }

  private generate(length: number): string {
    return String(this.options.codeGenerator(length));
  }

  /**
   * The template text a start sends: its TemplateSid's, else the service's default template when the emulator knows it,
   * on the channels templates serve (sms, and call as voice); null for Verify's own message.
   */
  private templateText(service: ServiceRecord, templateSid: string | undefined, locale: string | undefined, channel: Channel): string | null {
    const templates = this.options.templates;
    if (!templates) return null;
    const chosen = templateSid ?? (service.settings.default_template_sid !== null && templates.has(service.settings.default_template_sid) ? service.settings.default_template_sid : undefined);
    if (chosen === undefined) return null;
    const text = templates.textFor(chosen, locale);
    return channel === 'sms' || channel === 'call' ? text : null;
  }

  private deliver(v: VerificationRecord, service: ServiceRecord, friendlyName: string, now: number, delivery: Delivery): void {
    const attempt: SendAttempt = { time: isoSeconds(now), channel: v.channel, attempt_sid: sid('VL') };
    v.sendCodeAttempts.push(attempt);
    let body: string;
    if (delivery.text !== null) {
      body = renderTemplate(delivery.text, { code: v.code, friendlyName });
    } else {
      body = `Your ${friendlyName} verification code is: ${v.code}`;
      if (v.channel === 'sms' && service.settings.do_not_share_warning_enabled) {
        body += ". Don't share this code with anyone; our employees will never ask for the code.";
      }
    }
    this.options.outbox.add({ to: v.to, channel: v.channel, body, code: v.code, at: new Date(now).toISOString() });
    this.options.attempts?.sent({
      attemptSid: attempt.attempt_sid,
      accountSid: v.accountSid,
      serviceSid: v.serviceSid,
      verificationSid: v.sid,
      channel: v.channel,
      to: v.to,
      locale: delivery.locale ?? 'en',
      codeLength: v.code.length,
      expiresAt: v.expiresAt,
    });
  }

  private insert(v: VerificationRecord): void {
    if (this.bySid.size >= MAX_VERIFICATIONS) {
      this.sweep();
      // Still full: drop the oldest (Map iteration is insertion order).
      for (const oldest of this.bySid.values()) {
        if (this.bySid.size < MAX_VERIFICATIONS) break;
        this.remove(oldest);
      }
    }
    this.bySid.set(v.sid, v);
    this.latestByTo.set(`${v.serviceSid}\n${v.to}`, v.sid);
  }

  private remove(v: VerificationRecord): void {
    this.bySid.delete(v.sid);
    const key = `${v.serviceSid}\n${v.to}`;
    if (this.latestByTo.get(key) === v.sid) this.latestByTo.delete(key);
  }

  /** The sna.url handed out for sna verifications (an emulator URL; nothing is served there). */
  snaUrl(v: VerificationRecord): string {
    return `${this.options.baseUrl()}/__emulator/sna/${v.sid}`;
  }
}
