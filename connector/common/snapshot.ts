/**
 * A build's copy of the files it read: their bytes one after another in one file, and [path, length] for each. A
 * loader tells whether a folder still holds exactly those files by comparing bytes (native, no hash): a cold start
 * then loads neither node:crypto nor runs a JavaScript hash loop, which V8 would optimise at a cost of megabytes of
 * memory (docs/performance.md). Also where the loader reads an unchanged file's text back from, on first need.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** One file of a snapshot: its path and its length in bytes, in the snapshot's order. */
export type SnapshotEntry = readonly [path: string, bytes: number];

/** A file's content as read: text, or the bytes themselves. */
export type FileContent = string | Uint8Array;

/** Writes the files' bytes one after another into `file`; returns the entries that find each again. */
export function writeSnapshot(file: string, files: ReadonlyArray<readonly [string, FileContent]>): SnapshotEntry[] {
  const parts = files.map(([, content]) => (typeof content === 'string' ? Buffer.from(content, 'utf8') : content));
  writeFileSync(file, Buffer.concat(parts));
  return files.map(([path], i): SnapshotEntry => [path, parts[i]!.length]);
}

export class Snapshot {
  private readonly at = new Map<string, readonly [start: number, end: number]>();

  private constructor(
    private readonly bytes: Buffer,
    entries: readonly SnapshotEntry[],
  ) {
    let offset = 0;
    for (const [path, length] of entries) {
      this.at.set(path, [offset, offset + length]);
      offset += length;
    }
  }

  /** The snapshot in `file` described by `entries`; undefined when it is missing or not their size. */
  static read(file: string | URL, entries: unknown): Snapshot | undefined {
    if (!Array.isArray(entries)) return undefined;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return undefined;
    }
    const total = (entries as SnapshotEntry[]).reduce((sum, entry) => sum + (Array.isArray(entry) && typeof entry[1] === 'number' ? entry[1] : NaN), 0);
    return total === bytes.length ? new Snapshot(bytes, entries as SnapshotEntry[]) : undefined;
  }

  /** True when `files` are exactly the snapshot's: the same paths (in any order), each with identical bytes. */
  holds(files: ReadonlyArray<readonly [string, FileContent]>): boolean {
    if (files.length !== this.at.size) return false;
    const seen = new Set<string>();
    for (const [path, content] of files) {
      const range = this.at.get(path);
      if (!range || seen.has(path)) return false;
      seen.add(path);
      const kept = this.bytes.subarray(range[0], range[1]);
      const same = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') === kept.length && kept.toString('utf8') === content : kept.equals(content);
      if (!same) return false;
    }
    return true;
  }

  /** The text of one file of the snapshot; undefined when it holds no such file. */
  text(path: string): string | undefined {
    const range = this.at.get(path);
    return range && this.bytes.toString('utf8', range[0], range[1]);
  }
}
