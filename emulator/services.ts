/**
 * Verify Services: storage plus the table of CreateService/UpdateService settings.
 * The table maps each wire name (PascalCase, dotted for nested settings) to where it lives in
 * the resource JSON and how its value is checked, so create and update share one code path.
 */
import {
  DEFAULT_CODE_LENGTH,
  MAX_CODE_LENGTH,
  MAX_FRIENDLY_NAME_LENGTH,
  MIN_CODE_LENGTH,
} from './constants.js';
import { invalidParameter } from './errors.js';
import { SID_PATTERNS, sid } from './ids.js';
import type { Params } from './params.js';
import { parseBoolean, parseInteger, truncate } from './validate.js';

export interface ServiceSettings {
  friendly_name: string;
  code_length: number;
  lookup_enabled: boolean;
  psd2_enabled: boolean;
  skip_sms_to_landlines: boolean;
  dtmf_input_required: boolean;
  tts_name: string | null;
  do_not_share_warning_enabled: boolean;
  custom_code_enabled: boolean;
  push: { include_date: boolean; apn_credential_sid: string | null; fcm_credential_sid: string | null };
  totp: { issuer: string | null; time_step: number; code_length: number; skew: number };
  default_template_sid: string | null;
  whatsapp: { msg_service_sid: string | null; from: string | null };
  passkeys: {
    relying_party: { id: string | null; name: string | null; origins: string[] | null };
    authenticator_attachment: string | null;
    discoverable_credentials: string | null;
    user_verification: string | null;
  };
  verify_event_subscription_enabled: boolean;
}

export interface ServiceRecord {
  sid: string;
  accountSid: string;
  settings: ServiceSettings;
  /** Legacy MailerSid (MD…): the emulator's stand-in for "this service has an email integration". Not part of the resource JSON. */
  mailerSid: string | null;
  createdAt: number;
  updatedAt: number;
}

type Kind =
  | { type: 'boolean' }
  | { type: 'integer'; min: number; max: number }
  | { type: 'string'; maxLength?: number; required?: boolean }
  | { type: 'sid'; pattern: RegExp }
  | { type: 'list' };

interface Setting {
  wire: string;
  /** Path inside ServiceSettings, or null for MailerSid (kept outside the resource). */
  path: string[] | null;
  kind: Kind;
}

const S = (wire: string, path: string[] | null, kind: Kind): Setting => ({ wire, path, kind });
const bool: Kind = { type: 'boolean' };
const str: Kind = { type: 'string' };

/** Every CreateService/UpdateService parameter of the official spec, plus the legacy MailerSid. */
export const SERVICE_SETTINGS: readonly Setting[] = [
  S('FriendlyName', ['friendly_name'], { type: 'string', maxLength: MAX_FRIENDLY_NAME_LENGTH, required: true }),
  S('CodeLength', ['code_length'], { type: 'integer', min: MIN_CODE_LENGTH, max: MAX_CODE_LENGTH }),
  S('LookupEnabled', ['lookup_enabled'], bool),
  S('SkipSmsToLandlines', ['skip_sms_to_landlines'], bool),
  S('DtmfInputRequired', ['dtmf_input_required'], bool),
  S('TtsName', ['tts_name'], str),
  S('Psd2Enabled', ['psd2_enabled'], bool),
  S('DoNotShareWarningEnabled', ['do_not_share_warning_enabled'], bool),
  S('CustomCodeEnabled', ['custom_code_enabled'], bool),
  S('Push.IncludeDate', ['push', 'include_date'], bool),
  S('Push.ApnCredentialSid', ['push', 'apn_credential_sid'], { type: 'sid', pattern: SID_PATTERNS.credential }),
  S('Push.FcmCredentialSid', ['push', 'fcm_credential_sid'], { type: 'sid', pattern: SID_PATTERNS.credential }),
  S('Totp.Issuer', ['totp', 'issuer'], str),
  S('Totp.TimeStep', ['totp', 'time_step'], { type: 'integer', min: 20, max: 60 }),
  S('Totp.CodeLength', ['totp', 'code_length'], { type: 'integer', min: 3, max: 8 }),
  S('Totp.Skew', ['totp', 'skew'], { type: 'integer', min: 0, max: 2 }),
  S('DefaultTemplateSid', ['default_template_sid'], { type: 'sid', pattern: SID_PATTERNS.template }),
  S('Whatsapp.MsgServiceSid', ['whatsapp', 'msg_service_sid'], { type: 'sid', pattern: SID_PATTERNS.messagingService }),
  S('Whatsapp.From', ['whatsapp', 'from'], str),
  S('Passkeys.RelyingParty.Id', ['passkeys', 'relying_party', 'id'], str),
  S('Passkeys.RelyingParty.Name', ['passkeys', 'relying_party', 'name'], str),
  S('Passkeys.RelyingParty.Origins', ['passkeys', 'relying_party', 'origins'], { type: 'list' }),
  S('Passkeys.AuthenticatorAttachment', ['passkeys', 'authenticator_attachment'], str),
  S('Passkeys.DiscoverableCredentials', ['passkeys', 'discoverable_credentials'], str),
  S('Passkeys.UserVerification', ['passkeys', 'user_verification'], str),
  S('VerifyEventSubscriptionEnabled', ['verify_event_subscription_enabled'], bool),
  S('MailerSid', null, { type: 'sid', pattern: SID_PATTERNS.mailer }),
];

function defaults(friendlyName: string): ServiceSettings {
  return {
    friendly_name: friendlyName,
    code_length: DEFAULT_CODE_LENGTH,
    lookup_enabled: false,
    psd2_enabled: false,
    skip_sms_to_landlines: false,
    dtmf_input_required: false,
    tts_name: null,
    do_not_share_warning_enabled: false,
    custom_code_enabled: false,
    push: { include_date: false, apn_credential_sid: null, fcm_credential_sid: null },
    // Twilio: the TOTP issuer defaults to the friendly name; time step 30 s, 6 digits, skew 1.
    totp: { issuer: friendlyName, time_step: 30, code_length: 6, skew: 1 },
    default_template_sid: null,
    whatsapp: { msg_service_sid: null, from: null },
    passkeys: {
      relying_party: { id: null, name: null, origins: null },
      authenticator_attachment: null,
      discoverable_credentials: null,
      user_verification: null,
    },
    verify_event_subscription_enabled: false,
  };
}

/** Parses one setting's values; an empty value clears optional strings and SIDs. */
function parseSetting(setting: Setting, values: string[]): unknown {
  const raw = values[0] ?? '';
  const { kind, wire } = setting;
  switch (kind.type) {
    case 'boolean':
      return parseBoolean(wire, raw);
    case 'integer':
      return parseInteger(wire, raw, kind.min, kind.max);
    case 'string': {
      if (kind.required && raw.trim().length === 0) throw invalidParameter(wire, 'must not be empty');
      if (kind.maxLength !== undefined && raw.length > kind.maxLength) {
        throw invalidParameter(wire, `must be at most ${kind.maxLength} characters`);
      }
      return raw.length === 0 ? null : raw;
    }
    case 'sid':
      if (raw.length === 0) return null;
      if (!kind.pattern.test(raw)) throw invalidParameter(wire, `${JSON.stringify(truncate(raw))} is not a valid SID`);
      return raw;
    case 'list': {
      // Accept repeated keys, a JSON array, or one comma-separated value.
      let items = values;
      if (values.length === 1) {
        const only = raw.trim();
        if (only.startsWith('[')) {
          try {
            const parsed: unknown = JSON.parse(only);
            if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) items = parsed as string[];
            else throw new Error('not a list of strings');
          } catch {
            throw invalidParameter(wire, 'expected a list of strings');
          }
        } else {
          items = only.split(',');
        }
      }
      const cleaned = items.map((s) => s.trim()).filter((s) => s.length > 0);
      return cleaned.length === 0 ? null : cleaned;
    }
  }
}

function setPath(target: ServiceSettings, path: string[], value: unknown): void {
  let node = target as unknown as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

export class ServiceStore {
  private readonly services = new Map<string, ServiceRecord>();

  constructor(private readonly accountSid: string) {}

  create(params: Params, now: number): ServiceRecord {
    const friendlyName = params.get('FriendlyName');
    if (friendlyName === undefined) throw invalidParameter('FriendlyName', 'is required');
    const changes = this.parse(params); // validates everything before anything is stored
    const settings = defaults(friendlyName);
    const record: ServiceRecord = { sid: sid('VA'), accountSid: this.accountSid, settings, mailerSid: null, createdAt: now, updatedAt: now };
    this.apply(record, changes);
    this.services.set(record.sid, record);
    return record;
  }

  update(record: ServiceRecord, params: Params, now: number): ServiceRecord {
    const changes = this.parse(params);
    this.apply(record, changes);
    record.updatedAt = now;
    return record;
  }

  get(serviceSid: string): ServiceRecord | undefined {
    return this.services.get(serviceSid);
  }

  delete(serviceSid: string): boolean {
    return this.services.delete(serviceSid);
  }

  /** All services in creation order (the order list pages use). */
  all(): ServiceRecord[] {
    return [...this.services.values()];
  }

  get size(): number {
    return this.services.size;
  }

  private parse(params: Params): Array<[Setting, unknown]> {
    const changes: Array<[Setting, unknown]> = [];
    for (const setting of SERVICE_SETTINGS) {
      if (!params.has(setting.wire)) continue;
      changes.push([setting, parseSetting(setting, params.getAll(setting.wire))]);
    }
    return changes;
  }

  private apply(record: ServiceRecord, changes: Array<[Setting, unknown]>): void {
    for (const [setting, value] of changes) {
      if (setting.path === null) record.mailerSid = value as string | null;
      else setPath(record.settings, setting.path, value);
    }
  }
}
