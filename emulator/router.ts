/**
 * A tiny path router: patterns like /v2/Services/:sid, matched on already-decoded path segments.
 * It distinguishes "no such path" (20404) from "path exists, wrong method" (20004 with Allow).
 */
import type { AuthResult } from './auth.js';
import type { Params } from './params.js';

export interface RequestContext {
  method: string;
  /** The decoded path, as echoed in 20404 messages. */
  path: string;
  pathParams: Record<string, string>;
  params: Params;
  auth: Extract<AuthResult, { ok: true }>;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => HandlerResult;

interface Route {
  segments: string[];
  handlers: Partial<Record<string, Handler>>;
}

export type RouteMatch =
  | { kind: 'found'; handler: Handler; pathParams: Record<string, string> }
  | { kind: 'methodNotAllowed'; allow: string[] }
  | { kind: 'notFound' };

export class Router {
  private readonly routes: Route[] = [];

  add(pattern: string, handlers: Partial<Record<string, Handler>>): this {
    this.routes.push({ segments: pattern.split('/').filter(Boolean), handlers });
    return this;
  }

  match(method: string, segments: string[]): RouteMatch {
    for (const route of this.routes) {
      const pathParams = matchSegments(route.segments, segments);
      if (!pathParams) continue;
      const handler = route.handlers[method];
      if (handler) return { kind: 'found', handler, pathParams };
      return { kind: 'methodNotAllowed', allow: Object.keys(route.handlers) };
    }
    return { kind: 'notFound' };
  }
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const a = actual[i]!;
    if (p.startsWith(':')) params[p.slice(1)] = a;
    else if (p !== a) return null;
  }
  return params;
}
