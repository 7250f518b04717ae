/** Verification attempts and their summary: GET /v2/Attempts, /v2/Attempts/Summary, /v2/Attempts/{Sid}. */
import { attemptResource, conversionRate } from './attempts.js';
import { notFound } from './errors.js';
import { listPage } from './paging.js';
import type { Router } from './router.js';
import type { EmulatorState } from './state.js';

export function addAttemptRoutes(router: Router, state: EmulatorState): void {
  const attempts = state.attempts;
  router.add('/v2/Attempts', {
    GET: (ctx) => {
      const { attempts: found, filters } = attempts.list(ctx.params);
      return listPage(ctx.params, found, {
        url: `${state.baseUrl}/v2/Attempts`,
        key: 'attempts',
        id: (a) => a.sid,
        serialize: (a) => attemptResource(a, attempts, state.baseUrl),
        filters,
      });
    },
  });
  // Before /v2/Attempts/:sid, which would otherwise take "Summary" for a SID.
  router.add('/v2/Attempts/Summary', {
    GET: (ctx) => {
      const { total, converted } = attempts.summary(ctx.params);
      return {
        status: 200,
        body: {
          total_attempts: total,
          total_converted: converted,
          total_unconverted: total - converted,
          conversion_rate_percentage: conversionRate(converted, total),
          url: `${state.baseUrl}/v2/Attempts/Summary`,
        },
      };
    },
  });
  router.add('/v2/Attempts/:sid', {
    GET: (ctx) => {
      const found = attempts.get(ctx.pathParams.sid ?? '');
      if (!found) throw notFound(ctx.path);
      return { status: 200, body: attemptResource(found, attempts, state.baseUrl) };
    },
  });
}
