import { ConnectorError } from '../errors/connector-error.js';
import type { ResolvedConnection } from '../transport/connection.js';
import { sameOrigin } from '../common/base-url.js';
import { urlFor } from '../transport/twilio-transport.js';
import type { WireRequest, WireResponse } from '../transport/wire.js';
import { isJsonObject } from './output.js';

export interface PageRule {
  itemsKey: string;
  limit: number;
}

/**
 * Follows `meta.next_page_url` as the twilio SDK does, until `limit` items are in hand or there is no next page.
 * A next-page link is only followed back to the origin of the first page, so credentials never leave it.
 */
export async function collectPages(
  c: ResolvedConnection,
  first: WireRequest,
  rule: PageRule,
  fetchPage: (request: WireRequest) => Promise<WireResponse>,
): Promise<unknown[]> {
  const items: unknown[] = [];
  const origin = urlFor(c, first);
  let request: WireRequest | undefined = first;
  for (let page = 0; request && items.length < rule.limit; page++) {
    const response = await fetchPage(request);
    const body = response.body;
    const list = isJsonObject(body) ? body[rule.itemsKey] : undefined;
    if (!Array.isArray(list)) {
      throw new ConnectorError('invalid_response', `Twilio's answer has no "${rule.itemsKey}" list.`, { status: response.statusCode });
    }
    items.push(...list);
    const meta = isJsonObject(body) && isJsonObject(body['meta']) ? body['meta'] : undefined;
    const next = meta?.['next_page_url'];
    if (typeof next !== 'string' || next === '' || list.length === 0) break;
    if (!sameOrigin(next, origin)) {
      throw new ConnectorError('invalid_response', "Twilio's next-page link points to another host; the list was not followed there.", { status: response.statusCode });
    }
    request = { method: 'GET', host: first.host, path: first.path, absoluteUrl: next };
  }
  return items.slice(0, rule.limit);
}
