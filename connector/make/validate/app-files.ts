/**
 * Reads a Make app folder in the archive layout (metadata.json, base.imljson, readme.md, .sdk, and one folder per
 * connection, module, RPC and webhook) and reports what is missing: the files the Make Apps extension reads on
 * import for each component type, every one of them present (an empty one holds `{}` or `[]`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { APP_NAME as APP_NAME_RULE, CONNECTION_NAME as CONNECTION_NAME_RULE, MODULE_NAME } from '../names.js';
import type { MakeFileKind } from './make-schemas.js';
import type { MakeProblem } from './problem.js';

export type ComponentType = 'connection' | 'module' | 'rpc' | 'webhook';

/** Code files per component (and per module type), as the extension's import reads them. */
const MODULE_CODES: Record<string, string[]> = {
  action: ['api', 'parameters', 'expect', 'interface', 'samples', 'scope'],
  search: ['api', 'parameters', 'expect', 'interface', 'samples', 'scope'],
  universal: ['api', 'parameters', 'expect', 'interface', 'samples', 'scope'],
  trigger: ['api', 'epoch', 'parameters', 'interface', 'samples', 'scope'],
  instant_trigger: ['api', 'parameters', 'interface', 'samples'],
  responder: ['api', 'parameters', 'expect'],
};
const COMPONENT_CODES: Record<Exclude<ComponentType, 'module'>, string[]> = {
  connection: ['api', 'scope', 'scopes', 'parameters'],
  rpc: ['api', 'parameters'],
  webhook: ['api', 'parameters', 'attach', 'detach', 'scope', 'update'],
};
const FOLDERS: Record<string, ComponentType> = { connections: 'connection', modules: 'module', rpcs: 'rpc', webhooks: 'webhook' };

/** Which of Make's schemas judges a code file. */
export function kindOfCode(code: string): MakeFileKind | undefined {
  if (code === 'api' || code === 'attach' || code === 'detach' || code === 'update') return 'api';
  if (code === 'parameters' || code === 'expect' || code === 'interface') return 'parameters';
  if (code === 'samples') return 'samples';
  if (code === 'scope') return 'scope';
  if (code === 'scopes') return 'scopes';
  return undefined;
}

export interface AppFile {
  path: string;
  json: unknown;
}

export interface AppComponent {
  type: ComponentType;
  name: string;
  metadata: Record<string, unknown>;
  /** Code name (api, expect, …) → parsed file. */
  codes: Map<string, AppFile>;
}

export interface AppFolder {
  dir: string;
  metadata?: Record<string, unknown>;
  base?: AppFile;
  components: AppComponent[];
  problems: MakeProblem[];
  filesRead: number;
}

function readJson(dir: string, path: string, problems: MakeProblem[]): AppFile | undefined {
  const file = join(dir, path);
  if (!existsSync(file)) {
    problems.push({ file: path, pointer: '', message: 'is missing: every file of the archive layout must be present (an empty one holds {} or [])', severity: 'error' });
    return undefined;
  }
  try {
    return { path, json: JSON.parse(readFileSync(file, 'utf8')) as unknown };
  } catch (error) {
    problems.push({ file: path, pointer: '', message: `is not valid JSON (${(error as Error).message})`, severity: 'error' });
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function readAppFolder(dir: string): AppFolder {
  const problems: MakeProblem[] = [];
  let filesRead = 0;
  const read = (path: string): AppFile | undefined => {
    const file = readJson(dir, path, problems);
    if (file) filesRead++;
    return file;
  };
  const metadataFile = read('metadata.json');
  const metadata = isObject(metadataFile?.json) ? metadataFile.json : undefined;
  if (metadataFile && !metadata) problems.push({ file: 'metadata.json', pointer: '', message: 'must be an object with the app name and label', severity: 'error' });
  if (metadata && (typeof metadata['name'] !== 'string' || !APP_NAME_RULE.test(metadata['name']))) {
    problems.push({ file: 'metadata.json', pointer: '/name', message: 'must be 3 to 30 lower-case letters, digits and dashes, starting with a letter (Make app name)', severity: 'error' });
  }
  if (metadata && typeof metadata['label'] !== 'string') problems.push({ file: 'metadata.json', pointer: '/label', message: 'is required: the name Make shows', severity: 'error' });
  const base = read('base.imljson');
  const sdk = read('.sdk');
  if (sdk && !(isObject(sdk.json) && sdk.json['version'] === 2)) problems.push({ file: '.sdk', pointer: '/version', message: 'must be 2 (the archive format of Make apps with component folders)', severity: 'error' });
  if (!existsSync(join(dir, 'readme.md'))) problems.push({ file: 'readme.md', pointer: '', message: 'is missing: Make imports it as the app\'s readme (it may be empty)', severity: 'error' });

  const components: AppComponent[] = [];
  for (const [folder, type] of Object.entries(FOLDERS)) {
    const root = join(dir, folder);
    if (!existsSync(root)) continue;
    for (const name of readdirSync(root).sort()) {
      if (!statSync(join(root, name)).isDirectory()) continue;
      const at = `${folder}/${name}`;
      const meta = read(`${at}/metadata.json`);
      const componentMetadata = isObject(meta?.json) ? meta.json : {};
      if (meta && componentMetadata['name'] !== name) problems.push({ file: `${at}/metadata.json`, pointer: '/name', message: `must be "${name}", the name of its folder`, severity: 'error' });
      const rule = type === 'module' || type === 'rpc' ? MODULE_NAME : CONNECTION_NAME_RULE;
      if (!rule.test(name)) {
        problems.push({ file: `${at}/metadata.json`, pointer: '/name', message: type === 'module' || type === 'rpc' ? 'must be 3 to 48 letters and digits, starting with a letter' : 'must be 3 to 35 letters, digits and dashes, starting with a letter', severity: 'error' });
      }
      let codes: string[];
      if (type === 'module') {
        const moduleType = componentMetadata['type'];
        codes = typeof moduleType === 'string' ? (MODULE_CODES[moduleType] ?? []) : [];
        if (!codes.length) problems.push({ file: `${at}/metadata.json`, pointer: '/type', message: `must be one of ${Object.keys(MODULE_CODES).join(', ')}`, severity: 'error' });
      } else {
        codes = COMPONENT_CODES[type];
      }
      if (type === 'connection' && meta && !['basic', 'oauth'].includes(String(componentMetadata['type']))) {
        problems.push({ file: `${at}/metadata.json`, pointer: '/type', message: 'must be basic or oauth', severity: 'error' });
      }
      const files = new Map<string, AppFile>();
      for (const code of codes) {
        const file = read(`${at}/${code}.imljson`);
        if (file) files.set(code, file);
      }
      components.push({ type, name, metadata: componentMetadata, codes: files });
    }
  }
  const app: AppFolder = { dir, components, problems, filesRead };
  if (metadata) app.metadata = metadata;
  if (base) app.base = base;
  return app;
}
