/**
 * Delivers factor and challenge events to the service's webhooks as Twilio does: a form-encoded POST signed with
 * X-Twilio-Signature (base64 HMAC-SHA1, keyed with the Auth Token, over the URL followed by each parameter's name and
 * value in name order). Deliveries are asynchronous, like Twilio's, and logged for tests and the demo.
 * The emulator never talks to the internet: only loopback URLs are called; others are logged as not sent.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { WEBHOOK_LOG_CAPACITY } from './constants.js';
import type { VerifyEvent } from './events.js';
import type { WebhookRecord, WebhookStore } from './webhooks.js';

export interface WebhookDelivery {
  webhookSid: string;
  url: string;
  type: string;
  /** The form parameters sent. */
  params: Record<string, string>;
  signature: string;
  /** The HTTP status the endpoint answered; null when not sent or failed. */
  status: number | null;
  /** Why nothing was sent or the call failed. */
  error: string | null;
}

/** Twilio's request signature: base64(HMAC-SHA1(authToken, url + name1 + value1 + name2 + value2 …)), names sorted. */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The v2 payload (fields Twilio documents; challenge_* ones for challenge events). */
function payload(event: VerifyEvent, accountSid: string): Record<string, string> {
  const { factor, challenge } = event;
  const params: Record<string, string> = {
    uuid: randomUUID(),
    type: event.type,
    account_sid: accountSid,
    service_sid: factor.entity.serviceSid,
    entity_identity: factor.entity.identity,
    factor_sid: factor.sid,
    factor_type: factor.type,
    factor_friendly_name: factor.friendlyName,
  };
  if (challenge) {
    params['challenge_sid'] = challenge.sid;
    params['challenge_status'] = challenge.status;
  }
  return params;
}

export class WebhookDispatcher {
  private readonly log: WebhookDelivery[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly aborter = new AbortController();

  constructor(
    private readonly webhooks: WebhookStore,
    private readonly authToken: () => string,
  ) {}

  /** Called by the stores for every event; returns at once. */
  dispatch(event: VerifyEvent): void {
    for (const webhook of this.webhooks.subscribers(event.factor.entity.serviceSid, event.type)) this.send(webhook, event);
  }

  deliveries(): WebhookDelivery[] {
    return this.log.map((d) => ({ ...d, params: { ...d.params } }));
  }

  /** Resolves once every delivery started so far has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  close(): void {
    this.aborter.abort();
  }

  private send(webhook: WebhookRecord, event: VerifyEvent): void {
    const params = payload(event, webhook.accountSid);
    const delivery: WebhookDelivery = { webhookSid: webhook.sid, url: webhook.webhookUrl, type: event.type, params, signature: twilioSignature(this.authToken(), webhook.webhookUrl, params), status: null, error: null };
    this.log.push(delivery);
    if (this.log.length > WEBHOOK_LOG_CAPACITY) this.log.shift();
    if (!isLoopback(webhook.webhookUrl)) {
      delivery.error = 'not sent: the emulator only calls loopback URLs (127.0.0.1, localhost, [::1])';
      return;
    }
    const call = fetch(webhook.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': delivery.signature, 'user-agent': 'TwilioProxy/1.1 (verify emulator)' },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.any([this.aborter.signal, AbortSignal.timeout(15_000)]),
    })
      .then(async (res) => {
        delivery.status = res.status;
        await res.arrayBuffer().catch(() => undefined);
      })
      .catch((error: unknown) => {
        delivery.error = `failed: ${(error as Error).name}`;
      });
    const tracked = call.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }
}
