/**
 * Resource JSON exactly as Twilio returns it: the property sets and order of the spec's
 * verify.v2.service, verify.v2.service.verification and verify.v2.service.verification_check schemas, and the
 * Messages API's message. Test fixtures are made with these too, so a fixture never restates Twilio's shape.
 * Absolute URLs are built on the emulator's own base URL so clients follow them back here.
 */
import { isoSeconds, rfc2822 } from './clock.js';
import type { ServiceRecord } from './services.js';
import type { VerificationRecord, VerificationStore } from './verifications.js';

export function serviceResource(s: ServiceRecord, baseUrl: string): Record<string, unknown> {
  const url = `${baseUrl}/v2/Services/${s.sid}`;
  const st = s.settings;
  return {
    sid: s.sid,
    account_sid: s.accountSid,
    friendly_name: st.friendly_name,
    code_length: st.code_length,
    lookup_enabled: st.lookup_enabled,
    psd2_enabled: st.psd2_enabled,
    skip_sms_to_landlines: st.skip_sms_to_landlines,
    dtmf_input_required: st.dtmf_input_required,
    tts_name: st.tts_name,
    do_not_share_warning_enabled: st.do_not_share_warning_enabled,
    custom_code_enabled: st.custom_code_enabled,
    push: { ...st.push },
    totp: { ...st.totp },
    default_template_sid: st.default_template_sid,
    whatsapp: { ...st.whatsapp },
    passkeys: {
      relying_party: {
        ...st.passkeys.relying_party,
        origins: st.passkeys.relying_party.origins ? [...st.passkeys.relying_party.origins] : null,
      },
      authenticator_attachment: st.passkeys.authenticator_attachment,
      discoverable_credentials: st.passkeys.discoverable_credentials,
      user_verification: st.passkeys.user_verification,
    },
    verify_event_subscription_enabled: st.verify_event_subscription_enabled,
    date_created: isoSeconds(s.createdAt),
    date_updated: isoSeconds(s.updatedAt),
    url,
    links: {
      verification_checks: `${url}/VerificationCheck`,
      verifications: `${url}/Verifications`,
      rate_limits: `${url}/RateLimits`,
      messaging_configurations: `${url}/MessagingConfigurations`,
      entities: `${url}/Entities`,
      webhooks: `${url}/Webhooks`,
      access_tokens: `${url}/AccessTokens`,
    },
  };
}

/** The properties a verification and its check begin with, in the spec's order. */
function verificationHead(v: VerificationRecord): Record<string, unknown> {
  return {
    sid: v.sid,
    service_sid: v.serviceSid,
    account_sid: v.accountSid,
    to: v.to,
    channel: v.channel,
    status: v.status,
    valid: v.status === 'approved',
  };
}

export function verificationResource(v: VerificationRecord, baseUrl: string, store: VerificationStore): Record<string, unknown> {
  return {
    ...verificationHead(v),
    lookup: {},
    amount: v.amount,
    payee: v.payee,
    send_code_attempts: v.sendCodeAttempts.map((a) => ({ ...a })),
    date_created: isoSeconds(v.createdAt),
    date_updated: isoSeconds(v.updatedAt),
    sna: v.channel === 'sna' ? { url: store.snaUrl(v) } : null,
    url: `${baseUrl}/v2/Services/${v.serviceSid}/Verifications/${v.sid}`,
  };
}

export function verificationCheckResource(v: VerificationRecord): Record<string, unknown> {
  return {
    ...verificationHead(v),
    amount: v.amount,
    payee: v.payee,
    date_created: isoSeconds(v.createdAt),
    date_updated: isoSeconds(v.updatedAt),
    sna_attempts_error_codes: [],
  };
}

/** A message the Messages API accepted (the emulator delivers it to the outbox). */
export interface MessageRecord {
  sid: string;
  accountSid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  createdAt: number;
}

/** GSM-7 segments: 160 characters in one, 153 per part when concatenated; 70/67 for UCS-2. */
function segments(body: string): number {
  // eslint-disable-next-line no-control-regex
  const ucs2 = /[^\x00-\x7F£¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà]/.test(body);
  const [single, multi] = ucs2 ? [70, 67] : [160, 153];
  const length = [...body].length;
  return length <= single ? 1 : Math.ceil(length / multi);
}

/** The Messages API's message resource (2010-04-01), as a create answers it. */
export function messageResource(m: MessageRecord): Record<string, unknown> {
  const uri = `/2010-04-01/Accounts/${m.accountSid}/Messages/${m.sid}.json`;
  return {
    account_sid: m.accountSid,
    api_version: '2010-04-01',
    body: m.body,
    date_created: rfc2822(m.createdAt),
    date_sent: null,
    date_updated: rfc2822(m.createdAt),
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: m.from,
    messaging_service_sid: m.messagingServiceSid,
    num_media: '0',
    num_segments: String(segments(m.body)),
    price: null,
    price_unit: 'USD',
    sid: m.sid,
    // Twilio reports "accepted" when a Messaging Service still has to pick the sender.
    status: m.from ? 'queued' : 'accepted',
    subresource_uris: { media: uri.replace(/\.json$/, '/Media.json') },
    to: m.to,
    uri,
  };
}
