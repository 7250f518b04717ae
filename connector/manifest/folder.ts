/**
 * A connector folder, read the way an untrusted one must be: only regular files inside it (no absolute paths, no
 * `..`, no link leading out, whose contents are then never read), at most MAX_FILE_BYTES each, JSON at most
 * MAX_JSON_DEPTH deep. Every refusal is a problem naming the file and what to do, never an exception.
 */
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Report } from './report.js';

export const MAX_FILE_BYTES = 1024 * 1024;
/** Refuses bytes that are not UTF-8 (instead of replacing them with U+FFFD); a BOM stays in the text, as readFileSync leaves it. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
export const MAX_JSON_DEPTH = 64;

/** Where a file is named from, for problems about the reference rather than the file (a missing module file). */
export interface NamedAt {
  file: string;
  pointer: string;
}

export type ReadResult = { ok: true; value: unknown; text: string } | { ok: false };

/** How deep a parsed JSON value nests (iteratively: a deep value must not exhaust the stack here either). */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    if (node !== null && typeof node === 'object') for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export class ConnectorFolder {
  /** The folder's real path (links resolved), so a link's target can be compared with it. */
  readonly real: string;
  /** Files refused while listing (a link leading out): reported once, by name, and not named again. */
  readonly refused = new Set<string>();

  private constructor(
    readonly root: string,
    real: string,
  ) {
    this.real = real;
  }

  /** The folder, or undefined (with a problem) when it does not exist or is not a folder. */
  static open(root: string, report: Report): ConnectorFolder | undefined {
    let real: string;
    try {
      real = realpathSync(root);
      if (!statSync(real).isDirectory()) {
        report.add('', '', `${root} is not a folder`, 'Give the folder that holds manifest.json.');
        return undefined;
      }
    } catch {
      report.add('', '', `the connector folder ${root} does not exist`, 'Give the folder that holds manifest.json (verify-connector validate <folder>).');
      return undefined;
    }
    return new ConnectorFolder(root, real);
  }

  /** True when `path` (a real path) is the folder or inside it. */
  private inside(path: string): boolean {
    const rel = relative(this.real, path);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  }

  /**
   * The absolute path of a folder-relative file name, or why it cannot be read: outside the folder (by name or
   * through a link), missing, or not a regular file. Nothing of the file is read.
   */
  locate(file: string): { ok: true; path: string; size: number } | { ok: false; reason: 'outside' | 'missing' | 'not-a-file' } {
    if (file === '' || file.includes('\0') || isAbsolute(file) || file.includes('\\') || file.split('/').includes('..')) return { ok: false, reason: 'outside' };
    const path = join(this.real, file);
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      // A dangling link is as missing as a missing file.
      return { ok: false, reason: 'missing' };
    }
    if (!this.inside(real)) return { ok: false, reason: 'outside' };
    try {
      const stat = statSync(real);
      return stat.isFile() ? { ok: true, path: real, size: stat.size } : { ok: false, reason: 'not-a-file' };
    } catch {
      return { ok: false, reason: 'missing' };
    }
  }

  /** Parses a JSON file of the folder; each way it can fail becomes one problem (on the file, or where it is named). */
  readJson(file: string, report: Report, namedAt: NamedAt = { file, pointer: '' }): ReadResult {
    const found = this.locate(file);
    if (!found.ok) {
      if (found.reason === 'outside') report.add(namedAt.file, namedAt.pointer, `"${file}" is outside the connector folder`, 'Name a file inside the folder, by a relative path without "..". Links leading out of it are refused and not read.');
      else if (found.reason === 'missing') report.add(namedAt.file, namedAt.pointer, `file ${file} does not exist`, 'Create the file or correct the path (paths are relative to the connector folder).');
      else report.add(namedAt.file, namedAt.pointer, `${file} is not a file`, 'Name a JSON file.');
      return { ok: false };
    }
    let text: string;
    if (found.size > MAX_FILE_BYTES) {
      report.add(file, '', `is larger than ${MAX_FILE_BYTES / 1024} KB`, 'A connector file is small JSON: split it, or remove what does not belong in it.');
      return { ok: false };
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(found.path);
    } catch {
      report.add(file, '', 'cannot be read', 'Check the file permissions.');
      return { ok: false };
    }
    try {
      text = UTF8.decode(bytes);
    } catch {
      report.add(file, '', 'is not UTF-8 text', 'Save the file as UTF-8: an editor set to Latin-1 or UTF-16 writes other bytes, and hosts would show them garbled.');
      return { ok: false };
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      report.add(file, '', `is not valid JSON: ${syntaxProblem(error, text)}`, 'Fix the JSON syntax (a trailing comma or a missing quote is the usual cause).');
      return { ok: false };
    }
    if (jsonDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      report.add(file, '', `nests deeper than ${MAX_JSON_DEPTH} levels`, 'A connector file needs far fewer levels: flatten it, or move shared parts into definitions.');
      return { ok: false };
    }
    return { ok: true, value, text };
  }

  /**
   * Every `*.schema.json` below `dir` (folder-relative), sorted. Links are followed only when they stay inside the
   * folder; one that leads out is reported by name and skipped.
   */
  listSchemaFiles(dir: string, report: Report): string[] {
    const files: string[] = [];
    const seen = new Set<string>();
    const walk = (relativeDir: string): void => {
      let real: string;
      try {
        real = realpathSync(join(this.real, relativeDir));
      } catch {
        return;
      }
      if (!this.inside(real)) {
        report.add(relativeDir, '', 'is a link to a folder outside the connector folder', 'Keep the schemas inside the connector folder; nothing behind the link was read.');
        return;
      }
      if (seen.has(real)) return; // a link back up the tree
      seen.add(real);
      let entries: Dirent[];
      try {
        entries = readdirSync(real, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
      } catch {
        return;
      }
      for (const entry of entries) {
        const file = `${relativeDir}/${entry.name}`;
        // Entries of a folder inside are inside; only a link can lead out.
        const kind = entry.isSymbolicLink() ? this.locateAny(join(real, entry.name)) : entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
        if (kind === 'outside') {
          report.add(file, '', 'is a link to something outside the connector folder', 'Copy the file into the folder instead of linking to it; its contents were not read.');
          this.refused.add(file);
        } else if (kind === 'dir') walk(file);
        else if (kind === 'file' && entry.name.endsWith('.schema.json')) files.push(file);
      }
    };
    walk(dir);
    return files.sort();
  }

  private locateAny(path: string): 'outside' | 'dir' | 'file' | 'other' {
    try {
      const real = realpathSync(path);
      if (!this.inside(real)) return 'outside';
      const stat = statSync(real);
      return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : 'other';
    } catch {
      return 'other';
    }
  }
}

/** The parser's complaint with its place as line and column, without the excerpt of the text V8 quotes. */
function syntaxProblem(error: unknown, text: string): string {
  if (!(error instanceof SyntaxError)) return 'it nests too deep to read';
  const what = error.message.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
  const position = /at position (\d+)/.exec(error.message)?.[1];
  if (position === undefined) return what;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  return `${what} (line ${line}, column ${Number(position) - before.lastIndexOf('\n')})`;
}

export function folderRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
