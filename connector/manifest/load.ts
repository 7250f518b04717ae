import { resolve } from 'node:path';
import { Connector } from '../connector.js';
import { ConnectorError } from '../errors/connector-error.js';
import type { ConnectorManifest } from '../../types/generated/manifest.js';
import type { ModuleDefinition } from '../../types/generated/module.js';
import { packageRoot } from '../paths.js';
import { packageSchemas, SchemaRegistry } from '../schema/ajv.js';
import { readConnectorTexts, readPackageCheck } from './package-check.js';
import type { ManifestProblem } from './report.js';
import { validator } from './validator.js';

const loaded = new Map<string, Promise<Connector>>();

function invalidManifest(root: string, problems: ManifestProblem[]): ConnectorError {
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0];
  const count = `${errors.length} problem${errors.length === 1 ? '' : 's'}`;
  // The folder itself (missing, not a folder) has no file and pointer to name: the problem is the whole sentence.
  const folder = first !== undefined && first.file === '' && !first.pointer;
  const message = folder ? first.message : `${count}.${first ? ` First: ${first.file} ${first.pointer || '/'} ${first.message}.` : ''}`;
  return new ConnectorError('invalid_manifest', `The connector in ${root} cannot be loaded: ${message}${folder ? '.' : ''}`, {
    remedy: folder ? 'Give the folder that holds manifest.json (--dir), or leave --dir out for this package\'s connector.' : `Run verify-connector validate ${root} to see each problem with what to do.`,
    details: { problems: errors },
  });
}

/** This package's connector: the build checked it, so only what it checked is compared (no schema work, no AJV). */
async function loadPackage(): Promise<Connector> {
  const registry = packageSchemas();
  const record = readPackageCheck();
  let texts: Array<[string, string]> | undefined;
  try {
    texts = readConnectorTexts(packageRoot);
  } catch {
    // A missing or unreadable file: the full check below says which.
  }
  if (texts && record && record.check.schemas === registry.precompiledDigest && record.checked(texts)) {
    if (record.check.problems.length > 0) throw invalidManifest(packageRoot, record.check.problems);
    const [manifest, ...definitions] = texts.map(([, text]) => JSON.parse(text) as unknown) as [ConnectorManifest, ...ModuleDefinition[]];
    const count = manifest.modules.length;
    return new Connector(packageRoot, manifest, definitions.slice(0, count), registry, definitions.slice(count));
  }
  return loadChecked(packageRoot, () => registry);
}

/**
 * Any other folder (or this package changed since the build): validated first, refused with every problem. Only this
 * path loads the validator.
 */
async function loadChecked(root: string, registry: () => SchemaRegistry): Promise<Connector> {
  const checked = validator().checkConnectorFolder(root);
  if (!checked.report.valid || !checked.manifest || !checked.definitions) throw invalidManifest(root, checked.report.errors);
  try {
    return new Connector(root, checked.manifest, checked.definitions, registry(), checked.internal ?? []);
  } catch {
    // The files changed between the check and now, or the check missed something: never a raw error.
    throw invalidManifest(root, [{ file: '', pointer: '', message: 'changed while it was being loaded, or could not be compiled', severity: 'error' }]);
  }
}

/**
 * Loads a connector (this package's by default) from its manifest and module files. This package's loads cheaply: no
 * schema is compiled and `twilio` is not imported until a module runs. Another folder is checked first, as
 * `validateManifest` checks it: one that cannot run is refused with ConnectorError `invalid_manifest`, every problem
 * in `details.problems`. Loaded once per folder; `{ reload: true }` reads and checks the files again (a host watching
 * a connector being written).
 */
export function loadConnector(dir?: string, options: { reload?: boolean } = {}): Promise<Connector> {
  if (dir !== undefined && (typeof dir !== 'string' || dir === '')) {
    return Promise.reject(new ConnectorError('invalid_manifest', 'loadConnector(dir) needs the path of a connector folder.', { remedy: 'Pass the folder that holds manifest.json, or nothing for this package.' }));
  }
  const root = resolve(dir ?? packageRoot);
  let connector = options.reload ? undefined : loaded.get(root);
  if (!connector) {
    connector = root === packageRoot && !options.reload ? loadPackage() : loadChecked(root, () => new SchemaRegistry(`${root}/schemas`));
    loaded.set(root, connector);
    connector.catch(() => loaded.delete(root));
  }
  return connector;
}
