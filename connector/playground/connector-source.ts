import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connector } from '../connector.js';
import { loadConnector } from '../manifest/load.js';
import { validateManifest, type ManifestProblem } from '../manifest/validate.js';

/** The connector as it is on disk now; with `--dir` on a folder being written, a change loads it again. */
export interface ConnectorState {
  /** Changes whenever a file of the connector changes (the page reloads its description then). */
  version: string;
  connector?: Connector;
  /** The validator's report: why it could not be loaded (a file being written, a broken schema), or its warnings. */
  problems: ManifestProblem[];
}

async function fingerprint(dir: string): Promise<string> {
  const parts: string[] = [];
  const walk = async (path: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.json')) {
        const info = await stat(full).catch(() => undefined);
        if (info) parts.push(`${full}:${info.size}:${info.mtimeMs}`);
      }
    }
  };
  const manifest = await stat(join(dir, 'manifest.json')).catch(() => undefined);
  parts.push(`manifest:${manifest?.size}:${manifest?.mtimeMs}`);
  await walk(join(dir, 'modules'));
  await walk(join(dir, 'schemas'));
  return String(parts.join('|').split('').reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) >>> 0, 7));
}

function reportOf(dir: string): ManifestProblem[] {
  try {
    return validateManifest(dir).errors;
  } catch (error) {
    return [{ file: 'manifest.json', pointer: '', message: `the validator could not read the connector: ${(error as Error).message}`, severity: 'error' }];
  }
}

export class ConnectorSource {
  private current?: { state: ConnectorState; print: string };
  private pending?: Promise<ConnectorState>;

  constructor(readonly dir: string) {}

  /** The connector, loaded again when a file changed since the last look. */
  get(): Promise<ConnectorState> {
    this.pending ??= this.refresh().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async refresh(): Promise<ConnectorState> {
    const print = await fingerprint(this.dir);
    if (this.current && this.current.print === print) return this.current.state;
    const problems = reportOf(this.dir);
    let state: ConnectorState;
    try {
      const connector = await loadConnector(this.dir, { reload: this.current !== undefined });
      // Touch every schema now, so a broken one is reported here rather than in the middle of a page.
      for (const module of connector.modules) void module.inputSchema, void module.outputSchema;
      state = { version: print, connector, problems };
    } catch (error) {
      const fallback: ManifestProblem = { file: 'manifest.json', pointer: '', message: `the connector could not be loaded: ${(error as Error).message}`, severity: 'error' };
      state = { version: print, problems: problems.some((p) => p.severity === 'error') ? problems : [fallback, ...problems] };
    }
    this.current = { state, print };
    return state;
  }
}
