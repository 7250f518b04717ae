/** Where `npm run build:make` writes the app, and where this repository's checkout finds Make's schemas. */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import { APP_NAME } from './export.js';

export const DEFAULT_APP_DIR = join(packageRoot, 'dist', 'make-app', APP_NAME);
export const DEFAULT_SCHEMAS_DIR = join(packageRoot, '..', 'shared', 'reference', 'make-apps-sdk');

/** The app folder to check: a folder holding metadata.json, or the folder `build:make` writes it into. Throws with what to give. */
export function appFolder(dir: string): string {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder: give the app folder (the one holding metadata.json), or run npm run build:make first.`);
  if (existsSync(join(dir, 'metadata.json'))) return dir;
  const inner = join(dir, APP_NAME);
  if (existsSync(join(inner, 'metadata.json'))) return inner;
  throw new Error(`${dir} holds no metadata.json: give the app folder itself.`);
}
