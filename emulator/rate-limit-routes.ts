/** Programmable rate limits and buckets: /v2/Services/{ServiceSid}/RateLimits[/{Sid}[/Buckets[/{Sid}]]]. */
import { notFound } from './errors.js';
import { listPage } from './paging.js';
import { bucketResource, rateLimitResource, type BucketRecord, type RateLimitRecord } from './rate-limits.js';
import type { RequestContext, Router } from './router.js';
import type { EmulatorState } from './state.js';
import { serviceOf } from './verify-routes.js';

export function addRateLimitRoutes(router: Router, state: EmulatorState): void {
  const store = state.rateLimits;
  const now = (): number => state.clock.now();
  const limitOf = (ctx: RequestContext, name: string): RateLimitRecord => {
    const found = store.get(serviceOf(state, ctx, 'serviceSid').sid, ctx.pathParams[name] ?? '');
    if (!found) throw notFound(ctx.path);
    return found;
  };
  const bucketOf = (ctx: RequestContext): { limit: RateLimitRecord; bucket: BucketRecord } => {
    const limit = limitOf(ctx, 'rateLimitSid');
    const bucket = limit.buckets.get(ctx.pathParams.sid ?? '');
    if (!bucket) throw notFound(ctx.path);
    return { limit, bucket };
  };
  const limitBody = (r: RateLimitRecord): unknown => rateLimitResource(r, state.baseUrl);
  const bucketBody = (b: BucketRecord): unknown => bucketResource(b, state.baseUrl);

  router.add('/v2/Services/:serviceSid/RateLimits', {
    GET: (ctx) => {
      const service = serviceOf(state, ctx, 'serviceSid');
      return listPage(ctx.params, store.list(service.sid), { url: `${state.baseUrl}/v2/Services/${service.sid}/RateLimits`, key: 'rate_limits', id: (r) => r.sid, serialize: limitBody });
    },
    POST: (ctx) => ({ status: 201, body: limitBody(store.create(serviceOf(state, ctx, 'serviceSid').sid, ctx.params, now())) }),
  });
  router.add('/v2/Services/:serviceSid/RateLimits/:sid', {
    GET: (ctx) => ({ status: 200, body: limitBody(limitOf(ctx, 'sid')) }),
    POST: (ctx) => ({ status: 200, body: limitBody(store.update(limitOf(ctx, 'sid'), ctx.params, now())) }),
    DELETE: (ctx) => {
      store.delete(limitOf(ctx, 'sid'));
      return { status: 204 };
    },
  });
  router.add('/v2/Services/:serviceSid/RateLimits/:rateLimitSid/Buckets', {
    GET: (ctx) => {
      const limit = limitOf(ctx, 'rateLimitSid');
      return listPage(ctx.params, [...limit.buckets.values()], { url: `${state.baseUrl}/v2/Services/${limit.serviceSid}/RateLimits/${limit.sid}/Buckets`, key: 'buckets', id: (b) => b.sid, serialize: bucketBody });
    },
    POST: (ctx) => ({ status: 201, body: bucketBody(store.createBucket(limitOf(ctx, 'rateLimitSid'), ctx.params, now())) }),
  });
  router.add('/v2/Services/:serviceSid/RateLimits/:rateLimitSid/Buckets/:sid', {
    GET: (ctx) => ({ status: 200, body: bucketBody(bucketOf(ctx).bucket) }),
    POST: (ctx) => {
      const { limit, bucket } = bucketOf(ctx);
      return { status: 200, body: bucketBody(store.updateBucket(limit, bucket, ctx.params, now())) };
    },
    DELETE: (ctx) => {
      const { limit, bucket } = bucketOf(ctx);
      limit.buckets.delete(bucket.sid);
      return { status: 204 };
    },
  });
}
