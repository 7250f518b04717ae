/**
 * The whole Make custom app, as the files of Make's app archive (the layout the Make Apps extension for VS Code
 * exports and imports): generated from `loadConnector()` data only — the modules' definitions and bundled schemas,
 * the manifest's connection schema and test module, and the runtime's error table.
 */
import type { Connector } from '../connector.js';
import { authorizationHeader, CONNECTION_NAME, connectionApi, connectionMetadata, connectionParameters, SANITIZE } from './connection.js';
import { errorRule, errorTemp } from './errors.js';
import { hostUrl } from './hosts.js';
import { buildModule, type ModuleComponent } from './module.js';
import { readmeFor } from './readme.js';
import { RpcRegistry, type RpcComponent } from './rpcs.js';
import type { JsonSchema } from './schema-view.js';
import type { Simplification } from './types.js';

export const APP_NAME = 'twilio-verify';
/** Twilio's red, the colour Make shows behind the app's icon. */
const THEME = '#F22F46';

export interface MakeAppOptions {
  /** Module id → a sample output (from the emulator's answers); a module without one gets `{}` and a report line. */
  samples?: ReadonlyMap<string, unknown>;
  /** Module id → why it has no sample, for the report. */
  missingSamples?: ReadonlyMap<string, string>;
}

export interface MakeApp {
  name: string;
  /** Path inside the app folder → file text, in a stable order. */
  files: Map<string, string>;
  modules: ModuleComponent[];
  rpcs: RpcComponent[];
  /** Everything left out or said more simply than the connector says it. */
  simplifications: Simplification[];
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, '\t')}\n`;
}

export function exportMakeApp(connector: Connector, options: MakeAppOptions = {}): MakeApp {
  const simplifications: Simplification[] = [];
  const rpcs = new RpcRegistry(connector.modules);
  const modules: ModuleComponent[] = [];
  for (const module of connector.modules) {
    if (!module.definition.request) {
      simplifications.push({ module: module.id, what: 'left out: it runs other modules in turn (compose), which a Make module cannot; build the same steps as a Make scenario' });
      continue;
    }
    const built = buildModule(module, rpcs, options.samples?.get(module.id));
    modules.push(built.component);
    simplifications.push(...built.notes);
    if (!options.samples?.has(module.id)) {
      simplifications.push({ module: module.id, what: `no sample output: ${options.missingSamples?.get(module.id) ?? 'none was collected'}` });
    }
  }
  const connection = connectionParameters(connector.connectionSchema as JsonSchema);
  simplifications.push(...connection.notes);
  simplifications.push({ module: '', what: 'an empty field is not sent: Make leaves out empty text, lists and collections (to send an empty value on purpose, use Make an API call)' });

  const files = new Map<string, string>();
  files.set('metadata.json', json({ name: APP_NAME, label: connector.manifest.name, version: 1, theme: THEME, language: 'en' }));
  files.set(
    'base.imljson',
    json({
      baseUrl: hostUrl('verify', 'connection'),
      headers: { authorization: authorizationHeader('connection') },
      response: { temp: errorTemp(), error: errorRule() },
      log: { sanitize: SANITIZE },
    }),
  );
  files.set('readme.md', readmeFor(connector, modules));
  files.set('.sdk', json({ version: 2 }));
  const connectionDir = `connections/${CONNECTION_NAME}`;
  files.set(`${connectionDir}/metadata.json`, json(connectionMetadata(connector)));
  files.set(`${connectionDir}/api.imljson`, json(connectionApi(connector)));
  files.set(`${connectionDir}/parameters.imljson`, json(connection.parameters));
  files.set(`${connectionDir}/scope.imljson`, json([]));
  files.set(`${connectionDir}/scopes.imljson`, json({}));
  for (const module of modules) {
    const dir = `modules/${module.name}`;
    files.set(`${dir}/metadata.json`, json(module.metadata));
    files.set(`${dir}/api.imljson`, json(module.api));
    files.set(`${dir}/parameters.imljson`, json([]));
    files.set(`${dir}/expect.imljson`, json(module.expect));
    files.set(`${dir}/interface.imljson`, json(module.interface));
    files.set(`${dir}/samples.imljson`, json(module.samples));
    files.set(`${dir}/scope.imljson`, json([]));
  }
  for (const rpc of rpcs.components) {
    const dir = `rpcs/${rpc.name}`;
    files.set(`${dir}/metadata.json`, json(rpc.metadata));
    files.set(`${dir}/api.imljson`, json(rpc.api));
    files.set(`${dir}/parameters.imljson`, json(rpc.parameters));
  }
  return { name: APP_NAME, files, modules, rpcs: rpcs.components, simplifications };
}
