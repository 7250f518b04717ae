/** Verify v2 operations: Services, Verifications, VerificationCheck. */
import { notFound } from './errors.js';
import { SID_PATTERNS } from './ids.js';
import { listPage } from './paging.js';
import type { HandlerResult, RequestContext, Router } from './router.js';
import { serviceResource, verificationCheckResource, verificationResource } from './serializers.js';
import type { ServiceRecord } from './services.js';
import type { EmulatorState } from './state.js';

/** The service a path names (path parameter `name`), or Twilio's 20404 for the path. */
export function serviceOf(state: EmulatorState, ctx: RequestContext, name: string): ServiceRecord {
  const serviceSid = ctx.pathParams[name] ?? '';
  const found = SID_PATTERNS.service.test(serviceSid) ? state.services.get(serviceSid) : undefined;
  if (!found) throw notFound(ctx.path);
  return found;
}

export function addVerifyRoutes(router: Router, state: EmulatorState): void {
  const service = (ctx: RequestContext, name: string): ServiceRecord => serviceOf(state, ctx, name);
  const now = (): number => state.clock.now();

  router.add('/v2/Services', {
    GET: (ctx) => listServices(ctx, state),
    POST: (ctx) => ({ status: 201, body: serviceResource(state.services.create(ctx.params, now()), state.baseUrl) }),
  });

  router.add('/v2/Services/:sid', {
    GET: (ctx) => ({ status: 200, body: serviceResource(service(ctx, 'sid'), state.baseUrl) }),
    POST: (ctx) => ({ status: 200, body: serviceResource(state.services.update(service(ctx, 'sid'), ctx.params, now()), state.baseUrl) }),
    DELETE: (ctx) => {
      const s = service(ctx, 'sid');
      state.services.delete(s.sid);
      state.verifications.deleteService(s.sid);
      state.entities.deleteService(s.sid);
      state.webhooks.deleteService(s.sid);
      state.rateLimits.deleteService(s.sid);
      state.messagingConfigurations.deleteService(s.sid);
      return { status: 204 };
    },
  });

  router.add('/v2/Services/:serviceSid/Verifications', {
    POST: (ctx) => {
      const v = state.verifications.start(service(ctx, 'serviceSid'), ctx.params);
      return { status: 201, body: verificationResource(v, state.baseUrl, state.verifications) };
    },
  });

  router.add('/v2/Services/:serviceSid/Verifications/:sid', {
    GET: (ctx) => {
      const v = state.verifications.find(service(ctx, 'serviceSid'), ctx.pathParams.sid ?? '');
      if (!v) throw notFound(ctx.path);
      return { status: 200, body: verificationResource(v, state.baseUrl, state.verifications) };
    },
    POST: (ctx) => {
      const v = state.verifications.find(service(ctx, 'serviceSid'), ctx.pathParams.sid ?? '');
      if (!v) throw notFound(ctx.path);
      state.verifications.updateStatus(v, ctx.params.get('Status'), ctx.path);
      return { status: 200, body: verificationResource(v, state.baseUrl, state.verifications) };
    },
  });

  router.add('/v2/Services/:serviceSid/VerificationCheck', {
    // Twilio answers checks with 200 whether or not the code was right (the spec also lists 201).
    POST: (ctx) => ({ status: 200, body: verificationCheckResource(state.verifications.check(service(ctx, 'serviceSid'), ctx.params, ctx.path)) }),
  });
}

function listServices(ctx: RequestContext, state: EmulatorState): HandlerResult {
  return listPage(ctx.params, state.services.all(), {
    url: `${state.baseUrl}/v2/Services`,
    key: 'services',
    id: (s) => s.sid,
    serialize: (s) => serviceResource(s, state.baseUrl),
  });
}
