/** Writes an exported Make app to a throw-away folder (and archive), as `npm run build:make` does. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MakeApp } from '../../../connector/make/export.js';
import { writeApp, writeZip } from '../../../scripts/build-make-app.js';

export interface AppDir {
  root: string;
  /** The app folder (root/<app name>). */
  dir: string;
  zip: string;
  /** A copy of the app folder to break one thing in. */
  copy(): { dir: string; edit(file: string, change: (json: any) => void): void; remove(file: string): void };
  dispose(): void;
}

export async function writeAppDir(app: MakeApp): Promise<AppDir> {
  const root = mkdtempSync(join(tmpdir(), 'make-app-'));
  const dir = join(root, app.name);
  writeApp(app, dir);
  const zip = join(root, `${app.name}.zip`);
  await writeZip(app, zip);
  let copies = 0;
  return {
    root,
    dir,
    zip,
    copy() {
      const copyDir = join(root, `copy-${++copies}`, app.name);
      cpSync(dir, copyDir, { recursive: true });
      return {
        dir: copyDir,
        edit(file, change) {
          const path = join(copyDir, file);
          const json = JSON.parse(readFileSync(path, 'utf8'));
          change(json);
          writeFileSync(path, JSON.stringify(json, null, '\t'));
        },
        remove(file) {
          rmSync(join(copyDir, file));
        },
      };
    },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}
