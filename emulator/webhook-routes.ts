/** Verify v2 webhooks of a service. */
import { notFound } from './errors.js';
import { SID_PATTERNS } from './ids.js';
import type { RequestContext, Router } from './router.js';
import { listPage } from './paging.js';
import type { ServiceRecord } from './services.js';
import type { EmulatorState } from './state.js';
import { webhookResource } from './webhooks.js';

export function addWebhookRoutes(router: Router, state: EmulatorState): void {
  const base = (): string => state.baseUrl;
  const service = (ctx: RequestContext): ServiceRecord => {
    const serviceSid = ctx.pathParams.serviceSid ?? '';
    const found = SID_PATTERNS.service.test(serviceSid) ? state.services.get(serviceSid) : undefined;
    if (!found) throw notFound(ctx.path);
    return found;
  };
  const webhook = (ctx: RequestContext) => state.webhooks.get(service(ctx).sid, ctx.pathParams.sid ?? '', ctx.path);

  router.add('/v2/Services/:serviceSid/Webhooks', {
    POST: (ctx) => {
      const s = service(ctx);
      return { status: 201, body: webhookResource(state.webhooks.create(s.sid, s.accountSid, ctx.params, state.clock.now()), base()) };
    },
    GET: (ctx) => {
      const s = service(ctx);
      return listPage(ctx.params, state.webhooks.list(s.sid), { url: `${base()}/v2/Services/${s.sid}/Webhooks`, key: 'webhooks', id: (w) => w.sid, serialize: (w) => webhookResource(w, base()) });
    },
  });

  router.add('/v2/Services/:serviceSid/Webhooks/:sid', {
    GET: (ctx) => ({ status: 200, body: webhookResource(webhook(ctx), base()) }),
    POST: (ctx) => ({ status: 200, body: webhookResource(state.webhooks.update(webhook(ctx), ctx.params, state.clock.now()), base()) }),
    DELETE: (ctx) => {
      state.webhooks.delete(webhook(ctx));
      return { status: 204 };
    },
  });
}
