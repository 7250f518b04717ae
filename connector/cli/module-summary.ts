import type { Connector } from '../connector.js';

/** What a module sends, in one line: `POST /v2/Services`, `any {url}`, or `composes get-verification + start-verification`. */
export function requestSummary(connector: Connector, id: string, anyMethod = 'any'): string {
  const { request, compose } = connector.module(id).definition;
  if (request) return `${request.method ?? anyMethod} ${request.path}`;
  return `composes ${[...new Set(compose?.steps.flatMap((s) => s.module ?? []))].join(' + ')}`;
}
