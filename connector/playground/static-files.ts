import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

/** The page, built by `npm run build` (scripts/build-playground.ts) into dist/playground/. */
export const pageDir: string = join(packageRoot, 'dist', 'playground');

const TYPES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

/**
 * Scripts from this origin only, no inline script, no frames, no other origin to talk to. `unsafe-eval` because the
 * form library's JSON Schema validator (AJV) compiles schemas into functions in the page.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface StaticFile {
  type: string;
  body: Buffer;
}

/** The page's files by URL path, read once; missing when the page was not built. */
export function loadPage(): Map<string, StaticFile> | undefined {
  if (!existsSync(join(pageDir, 'index.html'))) return undefined;
  const files = new Map<string, StaticFile>();
  for (const [name, type] of Object.entries(TYPES)) {
    const path = join(pageDir, name);
    if (existsSync(path)) files.set(name === 'index.html' ? '/' : `/${name}`, { type, body: readFileSync(path) });
  }
  return files;
}
