/** Messaging configurations: /v2/Services/{ServiceSid}/MessagingConfigurations[/{Country}]. */
import { notFound } from './errors.js';
import { messagingConfigurationResource, type MessagingConfigurationRecord } from './messaging-configurations.js';
import { listPage } from './paging.js';
import type { RequestContext, Router } from './router.js';
import type { EmulatorState } from './state.js';
import { serviceOf } from './verify-routes.js';

export function addMessagingConfigurationRoutes(router: Router, state: EmulatorState): void {
  const store = state.messagingConfigurations;
  const now = (): number => state.clock.now();
  const body = (r: MessagingConfigurationRecord): unknown => messagingConfigurationResource(r, state.baseUrl);
  const configurationOf = (ctx: RequestContext): MessagingConfigurationRecord => {
    const found = store.get(serviceOf(state, ctx, 'serviceSid').sid, ctx.pathParams.country ?? '');
    if (!found) throw notFound(ctx.path);
    return found;
  };

  router.add('/v2/Services/:serviceSid/MessagingConfigurations', {
    GET: (ctx) => {
      const service = serviceOf(state, ctx, 'serviceSid');
      return listPage(ctx.params, store.list(service.sid), {
        url: `${state.baseUrl}/v2/Services/${service.sid}/MessagingConfigurations`,
        key: 'messaging_configurations',
        id: (r) => r.country,
        serialize: body,
      });
    },
    POST: (ctx) => ({ status: 201, body: body(store.create(serviceOf(state, ctx, 'serviceSid').sid, ctx.params, now())) }),
  });
  router.add('/v2/Services/:serviceSid/MessagingConfigurations/:country', {
    GET: (ctx) => ({ status: 200, body: body(configurationOf(ctx)) }),
    POST: (ctx) => ({ status: 200, body: body(store.update(configurationOf(ctx), ctx.params, now())) }),
    DELETE: (ctx) => {
      store.delete(configurationOf(ctx));
      return { status: 204 };
    },
  });
}
