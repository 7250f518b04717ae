/**
 * `verify-connector make validate`: an exported Make app checked file by file against Make's own schemas, then by
 * the rules those schemas leave out (parameter-rules, iml-rules, security-rules) and the references between
 * components (a module's connection, an `rpc://` choice list). Each problem names the file and a JSON pointer.
 */
import { problemsFrom } from '../../schema/problems.js';
import { readAppFolder, kindOfCode, type AppComponent, type AppFile } from './app-files.js';
import { imlProblems, walkStrings, type DeclaredNames } from './iml-rules.js';
import type { MakeFileKind, MakeSchemaSet } from './make-schemas.js';
import { declaredNames, parameterProblems, specNames } from './parameter-rules.js';
import type { MakeProblem } from './problem.js';
import { baseSanitize, sanitizeProblems, universalUrlProblems } from './security-rules.js';

export interface MakeAppReport {
  valid: boolean;
  problems: MakeProblem[];
  /** Files read and checked. */
  files: number;
  components: { connections: number; modules: number; rpcs: number; webhooks: number };
}

/** Files that hold one request (or a list of them): judged against the request definition when they are one object. */
const REQUEST_KINDS: ReadonlySet<MakeFileKind> = new Set(['api', 'base']);

function schemaProblems(schemas: MakeSchemaSet, kind: MakeFileKind, file: AppFile): MakeProblem[] {
  const single = REQUEST_KINDS.has(kind) && file.json !== null && typeof file.json === 'object' && !Array.isArray(file.json);
  const validate = schemas.validator(kind, single ? 'request' : undefined);
  if (validate(file.json)) return [];
  return problemsFrom(validate.errors).map((p) => ({ file: file.path, pointer: p.pointer, message: `${p.message} (Make's ${kind} schema)`, severity: 'error' as const }));
}

function fieldsOf(list: unknown): Map<string, Set<string>> {
  const fields = new Map<string, Set<string>>();
  if (!Array.isArray(list)) return fields;
  for (const parameter of list) {
    if (parameter === null || typeof parameter !== 'object') continue;
    const p = parameter as Record<string, unknown>;
    const names = p['type'] === 'collection' ? specNames(p) : undefined;
    if (typeof p['name'] === 'string' && names) fields.set(p['name'], names);
  }
  return fields;
}

function rpcReferences(json: unknown): string[] {
  const found: string[] = [];
  walkStrings(json, '', (text, _pointer, isKey) => {
    const match = !isKey ? /^rpc:\/\/([A-Za-z0-9]+)/.exec(text) : null;
    if (match) found.push(match[1]!);
  });
  return found;
}

function union(...sets: Array<Iterable<string>>): Set<string> {
  return new Set(sets.flatMap((set) => [...set]));
}

export function validateMakeApp(dir: string, schemas: MakeSchemaSet): MakeAppReport {
  const app = readAppFolder(dir);
  const problems: MakeProblem[] = [...app.problems];
  const byType = (type: AppComponent['type']): AppComponent[] => app.components.filter((c) => c.type === type);
  const connections = byType('connection');
  const modules = byType('module');
  const rpcs = byType('rpc');
  const connectionNames = union(...connections.map((c) => declaredNames(c.codes.get('parameters')?.json)));
  const inherited = baseSanitize(app.base?.json);

  if (app.base) {
    problems.push(...schemaProblems(schemas, 'base', app.base));
    problems.push(...imlProblems(app.base.path, app.base.json, { connection: connectionNames }));
    problems.push(...sanitizeProblems(app.base.path, app.base.json));
  }

  // Which modules call each RPC: an RPC reads the calling module's parameters.
  const callers = new Map<string, Set<string>>();
  for (const module of modules) {
    const names = union(declaredNames(module.codes.get('expect')?.json), declaredNames(module.codes.get('parameters')?.json));
    for (const code of ['expect', 'parameters']) {
      const file = module.codes.get(code);
      for (const rpc of rpcReferences(file?.json)) {
        callers.set(rpc, union(callers.get(rpc) ?? [], names));
        if (!rpcs.some((r) => r.name === rpc)) problems.push({ file: file!.path, pointer: '', message: `lists choices from rpc://${rpc}, but the app has no RPC named ${rpc}`, severity: 'error' });
      }
    }
  }

  for (const component of app.components) {
    const own = union(declaredNames(component.codes.get('parameters')?.json), declaredNames(component.codes.get('expect')?.json));
    const fields = new Map([...fieldsOf(component.codes.get('parameters')?.json), ...fieldsOf(component.codes.get('expect')?.json)]);
    for (const [code, file] of component.codes) {
      const kind = kindOfCode(code);
      if (kind) problems.push(...schemaProblems(schemas, kind, file));
      if (kind === 'parameters') problems.push(...parameterProblems(file.path, file.json));
      let declared: DeclaredNames | undefined;
      if (kind === 'api') {
        const parameters = component.type === 'rpc' ? union(own, callers.get(component.name) ?? []) : own;
        declared = { parameters, fields, connection: component.type === 'connection' ? union(connectionNames, own) : connectionNames };
        problems.push(...sanitizeProblems(file.path, file.json, component.type === 'connection' ? [] : inherited));
      }
      problems.push(...imlProblems(file.path, file.json, declared));
    }
    const connection = component.metadata['connection'];
    if ((component.type === 'module' || component.type === 'rpc') && typeof connection === 'string' && !connections.some((c) => c.name === connection)) {
      problems.push({ file: `${component.type === 'module' ? 'modules' : 'rpcs'}/${component.name}/metadata.json`, pointer: '/connection', message: `names the connection "${connection}", which the app does not have`, severity: 'error' });
    }
    if (component.type === 'module' && component.metadata['type'] === 'universal') {
      const api = component.codes.get('api');
      const expect = component.codes.get('expect');
      if (api) problems.push(...universalUrlProblems(api.path, api.json, expect?.path ?? `modules/${component.name}/expect.imljson`, expect?.json));
    }
  }

  return {
    valid: !problems.some((p) => p.severity === 'error'),
    problems,
    files: app.filesRead,
    components: { connections: connections.length, modules: modules.length, rpcs: rpcs.length, webhooks: byType('webhook').length },
  };
}
