import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Connector } from '../connector.js';
import type { ConnectorManifest } from '../../types/generated/manifest.js';
import type { ModuleDefinition } from '../../types/generated/module.js';
import { packageRoot } from '../paths.js';
import { packageSchemas, SchemaRegistry } from '../schema/ajv.js';

/**
 * Synchronous on purpose: a connector is some fifty small files read once, and fs/promises pays a file handle, a stat
 * and a promise for each (about ten times the cost of readFileSync here, most of the load's file time).
 */
function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

const loaded = new Map<string, Promise<Connector>>();

/**
 * Loads a connector (this package's by default) from its manifest and module files. Cheap: no schema is compiled
 * and `twilio` is not imported until a module runs. Use `validateManifest` to check a connector you are writing.
 * Loaded once per folder; `{ reload: true }` reads the files again (a host watching a connector being written).
 */
export function loadConnector(dir?: string, options: { reload?: boolean } = {}): Promise<Connector> {
  const root = resolve(dir ?? packageRoot);
  let connector = options.reload ? undefined : loaded.get(root);
  if (!connector) {
    connector = (async () => {
      const manifest = readJson<ConnectorManifest>(join(root, 'manifest.json'));
      const read = (entries: ConnectorManifest['modules'] = []) => entries.map((m) => readJson<ModuleDefinition>(join(root, m.file)));
      const definitions = read(manifest.modules);
      const internal = read(manifest.internalModules);
      const registry = root === packageRoot && !options.reload ? packageSchemas() : new SchemaRegistry(join(root, 'schemas'));
      return new Connector(root, manifest, definitions, registry, internal);
    })();
    loaded.set(root, connector);
    connector.catch(() => loaded.delete(root));
  }
  return connector;
}
