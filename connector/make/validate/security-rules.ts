/**
 * Two rules that keep credentials where they belong: an Authorization header is hidden from Make's logs
 * (`log.sanitize`), and a universal module ("Make an API call") cannot leave the app's host — its URL starts with a
 * path, or with a parameter whose `validate.pattern` refuses absolute and protocol-relative URLs, backslashes and
 * `..` (a URL that starts with https:// replaces base's host, and base's Authorization header would go with it).
 */
import { parseTemplate, ImlSyntaxError } from '../iml/parse.js';
import { findParameter } from './parameter-rules.js';
import { childPointer, type MakeProblem } from './problem.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function requestsOf(api: unknown): Array<{ request: Json; pointer: string }> {
  if (Array.isArray(api)) return api.flatMap((request, i) => (isObject(request) ? [{ request, pointer: `/${i}` }] : []));
  return isObject(api) ? [{ request: api, pointer: '' }] : [];
}

function sanitized(request: Json): string[] {
  const log = request['log'];
  const list = isObject(log) && Array.isArray(log['sanitize']) ? (log['sanitize'] as unknown[]) : [];
  return list.filter((path): path is string => typeof path === 'string').map((path) => path.toLowerCase());
}

/** An Authorization header must be listed in log.sanitize (the request's own, or base's when it inherits base). */
export function sanitizeProblems(file: string, api: unknown, inherited: readonly string[] = []): MakeProblem[] {
  const problems: MakeProblem[] = [];
  for (const { request, pointer } of requestsOf(api)) {
    const headers = request['headers'];
    if (!isObject(headers)) continue;
    const hidden = new Set([...sanitized(request), ...inherited]);
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() !== 'authorization') continue;
      if (!hidden.has(`request.headers.${name.toLowerCase()}`)) {
        problems.push({ file, pointer: childPointer(`${pointer}/headers`, name), message: `is written to Make's logs: add "request.headers.${name}" to log.sanitize`, severity: 'error' });
      }
    }
  }
  return problems;
}

export function baseSanitize(base: unknown): string[] {
  return isObject(base) ? sanitized(base) : [];
}

/** URLs a locked path pattern must refuse, and one it must accept. */
const ESCAPES = ['https://evil.example/x', 'http://evil.example', '//evil.example/x', 'evil.example/x', '/\\evil.example', '\\\\evil.example', '/v2/../x', '/%2e%2e/x', '/%2F%2Fevil', '/@evil.example', ' /v2/Services', '/v2/Services\r\nHost: evil'];
const PLAIN_PATH = '/v2/Services';

function lockProblem(file: string, pointer: string, message: string): MakeProblem {
  return { file, pointer, message, severity: 'error' };
}

export function universalUrlProblems(file: string, api: unknown, expectFile: string, expect: unknown): MakeProblem[] {
  const problems: MakeProblem[] = [];
  for (const { request, pointer } of requestsOf(api)) {
    const url = request['url'];
    const at = `${pointer}/url`;
    if (typeof url !== 'string') {
      problems.push(lockProblem(file, at, 'must be a path on the app\'s host: a universal module needs a url'));
      continue;
    }
    let first;
    try {
      first = parseTemplate(url)[0];
    } catch (error) {
      if (!(error instanceof ImlSyntaxError)) throw error;
      continue; // reported by the IML rules
    }
    if (!first || 'text' in first) {
      const text = first && 'text' in first ? first.text : '';
      if (!text.startsWith('/') || text.startsWith('//')) problems.push(lockProblem(file, at, 'must start with a single / so Make keeps base\'s host: a full URL would carry the connection\'s credentials elsewhere'));
      continue;
    }
    const expr = first.expr;
    if (expr.kind !== 'ref' || expr.path[0] !== 'parameters' || expr.path.length !== 2) {
      problems.push(lockProblem(file, at, 'must start with / or with {{parameters.<field>}} whose validate.pattern keeps it a path'));
      continue;
    }
    const name = expr.path[1]!;
    const parameter = findParameter(expect, name);
    const validate = parameter?.['validate'];
    const pattern = validate !== null && typeof validate === 'object' ? (validate as Json)['pattern'] : undefined;
    if (typeof pattern !== 'string') {
      problems.push(lockProblem(expectFile, '', `the URL parameter "${name}" needs a validate.pattern that allows only a path on the app's host`));
      continue;
    }
    let regex: RegExp;
    try {
      regex = new RegExp(pattern);
    } catch (error) {
      problems.push(lockProblem(expectFile, '', `the validate.pattern of "${name}" is not a valid regular expression (${(error as Error).message})`));
      continue;
    }
    const escapes = ESCAPES.filter((probe) => regex.test(probe));
    if (escapes.length > 0) problems.push(lockProblem(expectFile, '', `the validate.pattern of "${name}" lets through URLs that leave the host: ${escapes.map((e) => JSON.stringify(e)).join(', ')}`));
    if (!regex.test(PLAIN_PATH)) problems.push(lockProblem(expectFile, '', `the validate.pattern of "${name}" refuses a plain path such as ${PLAIN_PATH}`));
  }
  return problems;
}
