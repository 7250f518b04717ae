/**
 * Messaging configurations (VERIFY-BEYOND.md): per service, which Messaging Service sends SMS to a country
 * (ISO 3166-1 alpha-2, or `all`). They have no SID: the country is the key, and a second one for a country is 60213.
 */
import { isoSeconds } from './clock.js';
import { TwilioError, invalidParameter } from './errors.js';
import { SID_PATTERNS } from './ids.js';
import type { Params } from './params.js';
import { PerService } from './per-service.js';
import { truncate } from './validate.js';

export interface MessagingConfigurationRecord {
  serviceSid: string;
  accountSid: string;
  country: string;
  messagingServiceSid: string;
  createdAt: number;
  updatedAt: number;
}

export const COUNTRY_KEY = /^([A-Z]{2}|all)$/;

export class MessagingConfigurationStore {
  /** serviceSid → country → configuration. */
  private readonly records = new PerService<MessagingConfigurationRecord>();

  constructor(private readonly accountSid: string) {}

  list(serviceSid: string): MessagingConfigurationRecord[] {
    return this.records.list(serviceSid);
  }

  get(serviceSid: string, country: string): MessagingConfigurationRecord | undefined {
    return this.records.get(serviceSid, country);
  }

  create(serviceSid: string, params: Params, now: number): MessagingConfigurationRecord {
    const country = params.get('Country');
    if (country === undefined || !COUNTRY_KEY.test(country)) {
      throw invalidParameter('Country', `${JSON.stringify(truncate(country ?? ''))} is not an ISO 3166-1 alpha-2 country code or all`);
    }
    const messagingServiceSid = messagingService(params);
    if (this.records.get(serviceSid, country)) throw new TwilioError(60213);
    return this.records.add(serviceSid, country, { serviceSid, accountSid: this.accountSid, country, messagingServiceSid, createdAt: now, updatedAt: now });
  }

  update(record: MessagingConfigurationRecord, params: Params, now: number): MessagingConfigurationRecord {
    record.messagingServiceSid = messagingService(params);
    record.updatedAt = now;
    return record;
  }

  delete(record: MessagingConfigurationRecord): void {
    this.records.delete(record.serviceSid, record.country);
  }

  deleteService(serviceSid: string): void {
    this.records.deleteService(serviceSid);
  }
}

function messagingService(params: Params): string {
  const value = params.get('MessagingServiceSid');
  if (value === undefined) throw invalidParameter('MessagingServiceSid', 'is required');
  if (!SID_PATTERNS.messagingService.test(value)) throw invalidParameter('MessagingServiceSid', 'must be MG followed by 32 hexadecimal characters');
  return value;
}

export function messagingConfigurationResource(r: MessagingConfigurationRecord, baseUrl: string): Record<string, unknown> {
  return {
    account_sid: r.accountSid,
    service_sid: r.serviceSid,
    country: r.country,
    messaging_service_sid: r.messagingServiceSid,
    date_created: isoSeconds(r.createdAt),
    date_updated: isoSeconds(r.updatedAt),
    url: `${baseUrl}/v2/Services/${r.serviceSid}/MessagingConfigurations/${r.country}`,
  };
}
