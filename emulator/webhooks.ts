/** Webhooks of a service (CreateWebhook … DeleteWebhook): where factor and challenge events go. */
import { isoSeconds } from './clock.js';
import { TwilioError, invalidParameter } from './errors.js';
import { EVENT_TYPES } from './events.js';
import { sid } from './ids.js';
import type { Params } from './params.js';

export interface WebhookRecord {
  sid: string;
  serviceSid: string;
  accountSid: string;
  friendlyName: string;
  eventTypes: string[];
  webhookUrl: string;
  status: 'enabled' | 'disabled';
  version: 'v1' | 'v2';
  createdAt: number;
  updatedAt: number;
}

const EVENTS = new Set<string>(['*', ...EVENT_TYPES]);

function parse(params: Params, current: WebhookRecord | undefined): Omit<WebhookRecord, 'sid' | 'serviceSid' | 'accountSid' | 'createdAt' | 'updatedAt'> {
  const friendlyName = params.get('FriendlyName') ?? current?.friendlyName;
  if (friendlyName === undefined || friendlyName.trim().length === 0 || friendlyName.length > 64) throw invalidParameter('FriendlyName', 'is required (1 to 64 characters)');
  const eventTypes = params.has('EventTypes') ? params.getAll('EventTypes') : current?.eventTypes;
  if (!eventTypes || eventTypes.length === 0) throw invalidParameter('EventTypes', 'is required');
  for (const type of eventTypes) if (!EVENTS.has(type)) throw invalidParameter('EventTypes', `${type.slice(0, 64)} is not one of ${[...EVENTS].join(', ')}`);
  const webhookUrl = params.get('WebhookUrl') ?? current?.webhookUrl;
  if (webhookUrl === undefined || !/^https?:\/\/[^\s]+$/.test(webhookUrl) || !URL.canParse(webhookUrl)) throw invalidParameter('WebhookUrl', 'must be an http(s) URL');
  const status = params.get('Status') ?? current?.status ?? 'enabled';
  if (status !== 'enabled' && status !== 'disabled') throw invalidParameter('Status', 'must be enabled or disabled');
  const version = params.get('Version') ?? current?.version ?? 'v2';
  if (version !== 'v1' && version !== 'v2') throw invalidParameter('Version', 'must be v1 or v2');
  return { friendlyName, eventTypes: [...new Set(eventTypes)], webhookUrl, status, version };
}

export class WebhookStore {
  private readonly bySid = new Map<string, WebhookRecord>();

  create(serviceSid: string, accountSid: string, params: Params, now: number): WebhookRecord {
    const record: WebhookRecord = { sid: sid('YW'), serviceSid, accountSid, ...parse(params, undefined), createdAt: now, updatedAt: now };
    this.bySid.set(record.sid, record);
    return record;
  }

  update(record: WebhookRecord, params: Params, now: number): WebhookRecord {
    Object.assign(record, parse(params, record), { updatedAt: now });
    return record;
  }

  get(serviceSid: string, webhookSid: string, path: string): WebhookRecord {
    const found = this.bySid.get(webhookSid);
    if (!found || found.serviceSid !== serviceSid) throw new TwilioError(20404, `The requested resource ${path} was not found`);
    return found;
  }

  list(serviceSid: string): WebhookRecord[] {
    return [...this.bySid.values()].filter((w) => w.serviceSid === serviceSid);
  }

  /** The enabled webhooks of a service that subscribe to an event type (or to *). */
  subscribers(serviceSid: string, type: string): WebhookRecord[] {
    return this.list(serviceSid).filter((w) => w.status === 'enabled' && (w.eventTypes.includes('*') || w.eventTypes.includes(type)));
  }

  delete(record: WebhookRecord): void {
    this.bySid.delete(record.sid);
  }

  deleteService(serviceSid: string): void {
    for (const w of this.bySid.values()) if (w.serviceSid === serviceSid) this.bySid.delete(w.sid);
  }
}

export function webhookResource(w: WebhookRecord, baseUrl: string): Record<string, unknown> {
  return {
    url: `${baseUrl}/v2/Services/${w.serviceSid}/Webhooks/${w.sid}`,
    sid: w.sid,
    account_sid: w.accountSid,
    service_sid: w.serviceSid,
    friendly_name: w.friendlyName,
    event_types: [...w.eventTypes],
    webhook_method: 'POST',
    webhook_url: w.webhookUrl,
    status: w.status,
    version: w.version,
    date_created: isoSeconds(w.createdAt),
    date_updated: isoSeconds(w.updatedAt),
  };
}
