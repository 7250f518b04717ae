/** Verify v2 operations: Services, Verifications, VerificationCheck. */
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './constants.js';
import { notFound } from './errors.js';
import { SID_PATTERNS } from './ids.js';
import type { HandlerResult, RequestContext, Router } from './router.js';
import { serviceResource, verificationCheckResource, verificationResource } from './serializers.js';
import type { ServiceRecord } from './services.js';
import type { EmulatorState } from './state.js';
import { parseInteger } from './validate.js';

export function addVerifyRoutes(router: Router, state: EmulatorState): void {
  const service = (ctx: RequestContext, name: string): ServiceRecord => {
    const serviceSid = ctx.pathParams[name] ?? '';
    const found = SID_PATTERNS.service.test(serviceSid) ? state.services.get(serviceSid) : undefined;
    if (!found) throw notFound(ctx.path);
    return found;
  };
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

/**
 * Pages with Page/PageSize, and PageToken "PA<sid>" (page after that service) or "PB<sid>"
 * (page before it), like Twilio's tokens, so paging stays stable while services are created.
 */
function listServices(ctx: RequestContext, state: EmulatorState): HandlerResult {
  const p = ctx.params;
  const pageSize = p.has('PageSize') ? parseInteger('PageSize', p.get('PageSize')!, 1, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  const page = p.has('Page') ? parseInteger('Page', p.get('Page')!, 0, 1_000_000_000) : 0;
  const token = p.get('PageToken');
  const all = state.services.all();

  let start = page * pageSize;
  if (token && /^P[AB]VA[0-9a-fA-F]{32}$/.test(token)) {
    const index = all.findIndex((s) => s.sid === token.slice(2));
    if (index !== -1) start = token[1] === 'A' ? index + 1 : Math.max(0, index - pageSize);
  }
  const items = all.slice(start, start + pageSize);
  const base = `${state.baseUrl}/v2/Services`;
  const pageUrl = (n: number, tok?: string): string =>
    `${base}?PageSize=${pageSize}&Page=${n}${tok ? `&PageToken=${encodeURIComponent(tok)}` : ''}`;
  const last = items[items.length - 1];
  const first = items[0];
  return {
    status: 200,
    body: {
      services: items.map((s) => serviceResource(s, state.baseUrl)),
      meta: {
        first_page_url: pageUrl(0),
        key: 'services',
        next_page_url: last && start + items.length < all.length ? pageUrl(page + 1, `PA${last.sid}`) : null,
        page,
        page_size: pageSize,
        previous_page_url: page > 0 && first && start > 0 ? pageUrl(page - 1, `PB${first.sid}`) : null,
        url: pageUrl(page, token),
      },
    },
  };
}
