/**
 * One page of a list as Twilio answers it: `{ <key>: [...], meta: { … } }` with Page/PageSize and a PageToken that
 * names the last item of the previous page ("PA<sid>"), so paging stays stable while items are added.
 */
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './constants.js';
import type { Params } from './params.js';
import { parseInteger } from './validate.js';

export function listPage<T>(params: Params, items: readonly T[], idOf: (item: T) => string, key: string, listUrl: string, render: (item: T) => unknown): Record<string, unknown> {
  const pageSize = params.has('PageSize') ? parseInteger('PageSize', params.get('PageSize')!, 1, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  const page = params.has('Page') ? parseInteger('Page', params.get('Page')!, 0, 1_000_000_000) : 0;
  const token = params.get('PageToken');
  let start = page * pageSize;
  if (token?.startsWith('PA')) {
    const index = items.findIndex((item) => idOf(item) === token.slice(2));
    if (index !== -1) start = index + 1;
  }
  const slice = items.slice(start, start + pageSize);
  // The filters of the request stay on every page link.
  const filters = new URLSearchParams();
  for (const name of ['FactorSid', 'Status', 'Order']) if (params.has(name)) filters.set(name, params.get(name)!);
  const pageUrl = (n: number, tok?: string): string => {
    const query = new URLSearchParams(filters);
    query.set('PageSize', String(pageSize));
    query.set('Page', String(n));
    if (tok) query.set('PageToken', tok);
    return `${listUrl}?${query.toString()}`;
  };
  const last = slice[slice.length - 1];
  return {
    [key]: slice.map(render),
    meta: {
      first_page_url: pageUrl(0),
      key,
      next_page_url: last !== undefined && start + slice.length < items.length ? pageUrl(page + 1, `PA${idOf(last)}`) : null,
      page,
      page_size: pageSize,
      previous_page_url: page > 0 ? pageUrl(page - 1) : null,
      url: pageUrl(page, token),
    },
  };
}
