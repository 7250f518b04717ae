/**
 * Builds the playground page into dist/playground/: the React app (connector/playground/page/) bundled with esbuild,
 * its stylesheet (imported by main.tsx, so app.css) and index.html. Run by `npm run build`; the server (connector/playground/server.ts) serves these files.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { packageRoot } from '../connector/paths.js';

const source = join(packageRoot, 'connector', 'playground', 'page');
const out = join(packageRoot, 'dist', 'playground');

mkdirSync(out, { recursive: true });
await build({
  entryPoints: { app: join(source, 'main.tsx') },
  bundle: true,
  outdir: out,
  format: 'iife',
  platform: 'browser',
  target: ['chrome120', 'firefox120', 'safari16'],
  jsx: 'automatic',
  minify: true,
  legalComments: 'linked',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  tsconfig: join(source, 'tsconfig.json'),
});
copyFileSync(join(source, 'index.html'), join(out, 'index.html'));
