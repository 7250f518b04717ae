/** Message templates: GET /v2/Templates (fixtures, filtered by FriendlyName). */
import { listPage } from './paging.js';
import type { Router } from './router.js';
import type { EmulatorState } from './state.js';

export function addTemplateRoutes(router: Router, state: EmulatorState): void {
  router.add('/v2/Templates', {
    GET: (ctx) => {
      const friendlyName = ctx.params.get('FriendlyName');
      return listPage(ctx.params, state.templates.list(friendlyName), {
        url: `${state.baseUrl}/v2/Templates`,
        key: 'templates',
        id: (t) => t.sid,
        serialize: (t) => state.templates.resource(t),
        ...(friendlyName !== undefined ? { filters: [['FriendlyName', friendlyName]] } : {}),
      });
    },
  });
}
