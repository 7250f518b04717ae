/** A throw-away copy of this package's connector files, for tests that break one thing and look at the report. */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../connector/paths.js';

export interface ConnectorCopy {
  dir: string;
  edit(file: string, change: (json: any) => void): void;
  /** A file of the copy, parsed. */
  read(file: string): any;
  write(file: string, text: string): void;
  remove(file: string): void;
  /** Replaces a file by a symbolic link to `target` (an absolute path). */
  link(file: string, target: string): void;
  dispose(): void;
}

export function copyConnector(): ConnectorCopy {
  const dir = mkdtempSync(join(tmpdir(), 'verify-connector-copy-'));
  for (const part of ['manifest.json', 'modules', 'schemas']) cpSync(join(packageRoot, part), join(dir, part), { recursive: true });
  return {
    dir,
    edit(file, change) {
      const path = join(dir, file);
      const json = JSON.parse(readFileSync(path, 'utf8'));
      change(json);
      writeFileSync(path, JSON.stringify(json, null, 2));
    },
    read(file) {
      return JSON.parse(readFileSync(join(dir, file), 'utf8'));
    },
    write(file, text) {
      writeFileSync(join(dir, file), text);
    },
    remove(file) {
      rmSync(join(dir, file), { recursive: true });
    },
    link(file, target) {
      rmSync(join(dir, file), { force: true });
      symlinkSync(target, join(dir, file));
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
