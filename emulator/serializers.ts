/**
 * Resource JSON exactly as Twilio returns it: the property sets and order of the spec's
 * verify.v2.service, verify.v2.service.verification and verify.v2.service.verification_check schemas.
 * Absolute URLs are built on the emulator's own base URL so clients follow them back here.
 */
import { isoSeconds } from './clock.js';
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

export function verificationResource(v: VerificationRecord, baseUrl: string, store: VerificationStore): Record<string, unknown> {
  return {
    sid: v.sid,
    service_sid: v.serviceSid,
    account_sid: v.accountSid,
    to: v.to,
    channel: v.channel,
    status: v.status,
    valid: v.status === 'approved',
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
    sid: v.sid,
    service_sid: v.serviceSid,
    account_sid: v.accountSid,
    to: v.to,
    channel: v.channel,
    status: v.status,
    valid: v.status === 'approved',
    amount: v.amount,
    payee: v.payee,
    date_created: isoSeconds(v.createdAt),
    date_updated: isoSeconds(v.updatedAt),
    sna_attempts_error_codes: [],
  };
}
