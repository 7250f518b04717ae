/**
 * The Messages API (2010-04-01) send, for the passwordless SMS connector: nothing is delivered,
 * the message goes to the outbox (code null: the emulator does not know which part is a code).
 */
import { MAX_MESSAGE_BODY_CHARS } from './constants.js';
import { TwilioError, invalidParameter, notFound } from './errors.js';
import { SID_PATTERNS, sid } from './ids.js';
import type { RequestContext, Router } from './router.js';
import { messageResource } from './serializers.js';
import type { EmulatorState } from './state.js';
import { isE164, parseInteger, truncate } from './validate.js';

export function addMessageRoutes(router: Router, state: EmulatorState): void {
  router.add('/2010-04-01/Accounts/:accountSid/Messages.json', {
    POST: (ctx) => ({ status: 201, body: createMessage(ctx, state) }),
  });
}

function createMessage(ctx: RequestContext, state: EmulatorState): Record<string, unknown> {
  const accountSid = ctx.pathParams.accountSid ?? '';
  if (SID_PATTERNS.apiKey.test(accountSid)) throw new TwilioError(21470);
  if (accountSid !== state.credentials.accountSid) throw notFound(ctx.path);

  const p = ctx.params;
  const to = p.get('To');
  const body = p.get('Body');
  const from = p.get('From');
  const messagingServiceSid = p.get('MessagingServiceSid');
  if (to === undefined || to.length === 0) throw new TwilioError(21604);
  const whatsapp = to.startsWith('whatsapp:');
  const number = whatsapp ? to.slice('whatsapp:'.length) : to;
  if (!isE164(number)) throw new TwilioError(21211, `Invalid 'To' Phone Number: ${truncate(to)}`);
  if (body === undefined || body.length === 0) throw new TwilioError(21602);
  if (body.length > MAX_MESSAGE_BODY_CHARS) throw new TwilioError(21617);
  if (!from && !messagingServiceSid) throw new TwilioError(21603);
  if (messagingServiceSid && !SID_PATTERNS.messagingService.test(messagingServiceSid)) {
    throw new TwilioError(21701, `The Messaging Service Sid ${truncate(messagingServiceSid)} is invalid.`);
  }
  const riskCheck = p.get('RiskCheck');
  if (riskCheck !== undefined && riskCheck !== 'enable' && riskCheck !== 'disable') {
    throw invalidParameter('RiskCheck', 'must be enable or disable');
  }
  const validity = p.get('ValidityPeriod');
  if (validity !== undefined) parseInteger('ValidityPeriod', validity, 1, 36_000);

  const now = state.clock.now();
  state.outbox.add({ to, channel: whatsapp ? 'whatsapp' : 'sms', body, code: null, at: new Date(now).toISOString() });
  return messageResource({ sid: sid('SM'), accountSid, to, from: from || null, messagingServiceSid: messagingServiceSid || null, body, createdAt: now });
}
