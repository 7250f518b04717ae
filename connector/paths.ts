import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest folder above this file that holds manifest.json (works from source and from dist/). */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('twilio-verify-connector: cannot find the package root (manifest.json)');
    dir = parent;
  }
}

export const packageRoot: string = findPackageRoot();
export const schemasDir: string = join(packageRoot, 'schemas');
