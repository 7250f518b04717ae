/** Verify v2 entities, factors, challenges and notifications (authenticator apps and push). */
import { notFound } from './errors.js';
import { SID_PATTERNS } from './ids.js';
import type { RequestContext, Router } from './router.js';
import { challengeResource, entityResource, factorResource, newFactorResource, notificationResource } from './entity-serializers.js';
import { listPage } from './paging.js';
import type { ServiceRecord } from './services.js';
import type { EmulatorState } from './state.js';

export function addEntityRoutes(router: Router, state: EmulatorState): void {
  const base = (): string => state.baseUrl;
  const now = (): number => state.clock.now();
  const service = (ctx: RequestContext): ServiceRecord => {
    const serviceSid = ctx.pathParams.serviceSid ?? '';
    const found = SID_PATTERNS.service.test(serviceSid) ? state.services.get(serviceSid) : undefined;
    if (!found) throw notFound(ctx.path);
    return found;
  };
  const entity = (ctx: RequestContext) => state.entities.get(service(ctx).sid, ctx.pathParams.identity ?? '');
  const factor = (ctx: RequestContext) => state.factors.get(entity(ctx), ctx.pathParams.sid ?? '');
  const challenge = (ctx: RequestContext, name = 'sid') => state.challenges.get(entity(ctx), ctx.pathParams[name] ?? '');
  const entitiesUrl = (ctx: RequestContext): string => `${base()}/v2/Services/${service(ctx).sid}/Entities`;

  router.add('/v2/Services/:serviceSid/Entities', {
    POST: (ctx) => {
      const s = service(ctx);
      return { status: 201, body: entityResource(state.entities.create(s.sid, s.accountSid, ctx.params.get('Identity'), now()), base()) };
    },
    GET: (ctx) => listPage(ctx.params, state.entities.list(service(ctx).sid), { url: entitiesUrl(ctx), key: 'entities', id: (e) => e.sid, serialize: (e) => entityResource(e, base()) }),
  });

  router.add('/v2/Services/:serviceSid/Entities/:identity', {
    GET: (ctx) => ({ status: 200, body: entityResource(entity(ctx), base()) }),
    DELETE: (ctx) => {
      const e = entity(ctx);
      for (const f of state.factors.list(e)) state.factors.delete(f);
      state.entities.delete(e);
      return { status: 204 };
    },
  });

  router.add('/v2/Services/:serviceSid/Entities/:identity/Factors', {
    POST: (ctx) => {
      const s = service(ctx);
      const created = state.factors.create(s, ctx.pathParams.identity ?? '', ctx.params);
      return { status: 201, body: newFactorResource(created, base(), s.settings.totp.issuer ?? s.settings.friendly_name) };
    },
    GET: (ctx) => {
      const e = entity(ctx);
      return listPage(ctx.params, state.factors.list(e), { url: `${entitiesUrl(ctx)}/${encodeURIComponent(e.identity)}/Factors`, key: 'factors', id: (f) => f.sid, serialize: (f) => factorResource(f, base()) });
    },
  });

  router.add('/v2/Services/:serviceSid/Entities/:identity/Factors/:sid', {
    GET: (ctx) => ({ status: 200, body: factorResource(factor(ctx), base()) }),
    POST: (ctx) => ({ status: 200, body: factorResource(state.factors.update(factor(ctx), ctx.params), base()) }),
    DELETE: (ctx) => {
      state.factors.delete(factor(ctx));
      return { status: 204 };
    },
  });

  router.add('/v2/Services/:serviceSid/Entities/:identity/Challenges', {
    POST: (ctx) => ({ status: 201, body: challengeResource(state.challenges.create(entity(ctx), ctx.params), base()) }),
    GET: (ctx) => {
      const e = entity(ctx);
      const filters = ['FactorSid', 'Status', 'Order'].filter((name) => ctx.params.has(name)).map((name): [string, string] => [name, ctx.params.get(name)!]);
      return listPage(ctx.params, state.challenges.list(e, ctx.params), { url: `${entitiesUrl(ctx)}/${encodeURIComponent(e.identity)}/Challenges`, key: 'challenges', id: (c) => c.sid, serialize: (c) => challengeResource(c, base()), filters });
    },
  });

  router.add('/v2/Services/:serviceSid/Entities/:identity/Challenges/:sid', {
    GET: (ctx) => ({ status: 200, body: challengeResource(challenge(ctx), base()) }),
    POST: (ctx) => ({ status: 200, body: challengeResource(state.challenges.update(challenge(ctx), ctx.params), base()) }),
  });

  router.add('/v2/Services/:serviceSid/Entities/:identity/Challenges/:challengeSid/Notifications', {
    POST: (ctx) => ({ status: 201, body: notificationResource(state.challenges.notify(challenge(ctx, 'challengeSid'), ctx.params)) }),
  });
}
