/**
 * One page of a Twilio list answer, for any resource: `{ <key>: [...], meta }` with Page/PageSize and a PageToken
 * "PA<id>" (the page after that item) or "PB<id>" (the page before it), as Twilio's tokens do, so paging stays stable
 * while items are added. Page URLs keep the list's filters, so a client that follows next_page_url keeps filtering.
 */
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './constants.js';
import type { Params } from './params.js';
import type { HandlerResult } from './router.js';
import { parseInteger } from './validate.js';

export interface PageSpec<T> {
  /** The list's absolute URL without a query, e.g. http://127.0.0.1:4010/v2/Attempts. */
  url: string;
  /** The answer's list key: attempts, templates, rate_limits … */
  key: string;
  /** Stable id of an item, used in page tokens. */
  id: (item: T) => string;
  serialize: (item: T) => unknown;
  /** The filters the request gave, repeated in every page URL. */
  filters?: ReadonlyArray<readonly [string, string]>;
}

export function listPage<T>(params: Params, all: readonly T[], spec: PageSpec<T>): HandlerResult {
  const pageSize = params.has('PageSize') ? parseInteger('PageSize', params.get('PageSize')!, 1, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  const page = params.has('Page') ? parseInteger('Page', params.get('Page')!, 0, 1_000_000_000) : 0;
  const token = params.get('PageToken');

  let start = page * pageSize;
  if (token && /^P[AB].{1,64}$/.test(token)) {
    const index = all.findIndex((item) => spec.id(item) === token.slice(2));
    if (index !== -1) start = token[1] === 'A' ? index + 1 : Math.max(0, index - pageSize);
  }
  const items = all.slice(start, start + pageSize);
  const filters = new URLSearchParams(spec.filters?.map(([name, value]) => [name, value]) ?? []).toString();
  const pageUrl = (n: number, tok?: string): string =>
    `${spec.url}?${filters ? `${filters}&` : ''}PageSize=${pageSize}&Page=${n}${tok ? `&PageToken=${encodeURIComponent(tok)}` : ''}`;
  const last = items[items.length - 1];
  const first = items[0];
  return {
    status: 200,
    body: {
      [spec.key]: items.map(spec.serialize),
      meta: {
        first_page_url: pageUrl(0),
        key: spec.key,
        next_page_url: last !== undefined && start + items.length < all.length ? pageUrl(page + 1, `PA${spec.id(last)}`) : null,
        page,
        page_size: pageSize,
        previous_page_url: page > 0 && first !== undefined && start > 0 ? pageUrl(page - 1, `PB${spec.id(first)}`) : null,
        url: pageUrl(page, token),
      },
    },
  };
}
