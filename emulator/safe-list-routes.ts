/** The safe list: POST /v2/SafeList/Numbers, GET and DELETE /v2/SafeList/Numbers/{PhoneNumber}. */
import { notFound } from './errors.js';
import type { Router } from './router.js';
import { safeListResource } from './safe-list.js';
import type { EmulatorState } from './state.js';

export function addSafeListRoutes(router: Router, state: EmulatorState): void {
  router.add('/v2/SafeList/Numbers', {
    POST: (ctx) => ({ status: 201, body: safeListResource(state.safeList.add(ctx.params), state.baseUrl) }),
  });
  router.add('/v2/SafeList/Numbers/:phoneNumber', {
    GET: (ctx) => {
      const found = state.safeList.get(ctx.pathParams.phoneNumber ?? '');
      if (!found) throw notFound(ctx.path);
      return { status: 200, body: safeListResource(found, state.baseUrl) };
    },
    DELETE: (ctx) => {
      if (!state.safeList.remove(ctx.pathParams.phoneNumber ?? '')) throw notFound(ctx.path);
      return { status: 204 };
    },
  });
}
