import { ConnectorError } from './errors/connector-error.js';
import type { ConnectorManifest } from '../types/generated/manifest.js';
import type { ModuleDefinition } from '../types/generated/module.js';
import type { SchemaRegistry } from './schema/ajv.js';
import { bundleSchema, deepFreeze } from './schema/bundle.js';
import { resolveConnection } from './transport/connection.js';
import type { CallContext, ExecuteOptions, ExecuteResult } from './runtime/call-context.js';
import { executeModule, executeWithErrorMode, prepareModuleRequest } from './runtime/execute.js';
import type { WireRequest } from './transport/wire.js';
import { ModuleRuntime } from './runtime/module-runtime.js';

/** What a host shows for one module: words for people and the schemas of what goes in and comes out. */
export interface ModuleInfo {
  id: string;
  label: string;
  kind: ModuleDefinition['kind'];
  description: string;
  docs: string;
  /** The module file as written (frozen): request, pagination, idempotency, compose, examples. */
  definition: Readonly<ModuleDefinition>;
  /** Self-contained (every `$ref` inlined) and frozen, made on first read. */
  readonly inputSchema: Readonly<Record<string, unknown>>;
  readonly outputSchema: Readonly<Record<string, unknown>>;
}

/** A module's entry in `connector.modules`: its schemas are bundled on first read, so loading stays cheap. */
function moduleInfo(definition: ModuleDefinition, runtime: ModuleRuntime, registry: SchemaRegistry): ModuleInfo {
  const lookup = (uri: string): unknown => registry.lookup(uri);
  let input: Record<string, unknown> | undefined;
  let output: Record<string, unknown> | undefined;
  return Object.freeze({
    id: definition.id,
    label: definition.label,
    kind: definition.kind,
    description: definition.description,
    docs: definition.docs,
    definition: deepFreeze(structuredClone(definition)),
    get inputSchema() {
      return (input ??= bundleSchema(runtime.inputSchemaId, lookup));
    },
    get outputSchema() {
      return (output ??= bundleSchema(runtime.outputSchemaId, lookup));
    },
  });
}

export interface ConnectionTestResult {
  ok: true;
  accountSid: string;
  authMethod: 'auth-token' | 'api-key';
  module: string;
}

/** A loaded connector: the manifest, its modules, and the one generic way to run any of them. */
export class Connector {
  readonly manifest: ConnectorManifest;
  readonly modules: ModuleInfo[];
  readonly dir: string;
  private readonly runtimes: Map<string, ModuleRuntime>;
  private readonly registry: SchemaRegistry;
  private bundledConnection?: Readonly<Record<string, unknown>>;

  constructor(dir: string, manifest: ConnectorManifest, definitions: ModuleDefinition[], registry: SchemaRegistry) {
    this.dir = dir;
    this.manifest = manifest;
    this.registry = registry;
    this.runtimes = new Map(definitions.map((d) => [d.id, new ModuleRuntime(d, registry)]));
    this.modules = Object.freeze(definitions.map((d) => moduleInfo(d, this.runtimes.get(d.id)!, registry))) as ModuleInfo[];
  }

  /** The connection's JSON Schema (the manifest's `connection.schema`), self-contained and frozen like a module's, for hosts' credential forms. */
  get connectionSchema(): Readonly<Record<string, unknown>> {
    return (this.bundledConnection ??= bundleSchema(this.registry.idForFile(this.manifest.connection.schema), (uri) => this.registry.lookup(uri)));
  }

  /** The runtime form of a module, for hosts that compose modules (flows). */
  module(id: string): ModuleRuntime {
    const runtime = this.runtimes.get(id);
    if (!runtime) {
      throw new ConnectorError('unknown_module', `There is no module "${id}".`, {
        remedy: `Use one of: ${[...this.runtimes.keys()].join(', ')}.`,
      });
    }
    return runtime;
  }

  /** Runs any module: validate, build, send, map errors, validate the output. */
  execute(moduleId: string, connection: unknown, input: unknown, options: ExecuteOptions & { onError: 'output' }): Promise<ExecuteResult>;
  execute(moduleId: string, connection: unknown, input?: unknown, options?: ExecuteOptions): Promise<unknown>;
  async execute(moduleId: string, connection: unknown, input?: unknown, options: ExecuteOptions = {}): Promise<unknown> {
    let runtime: ModuleRuntime;
    try {
      runtime = this.module(moduleId);
    } catch (error) {
      if (options.onError === 'output') return { ok: false, error: (error as ConnectorError).toData() };
      throw error;
    }
    return executeWithErrorMode(runtime, input, this.callContext(connection, options));
  }

  /** What every module of one call shares; a composed module's steps call their siblings through it. */
  private callContext(connection: unknown, options: ExecuteOptions): CallContext {
    const ctx: CallContext = {
      connection,
      options,
      callModule: (id, input) => executeModule(this.module(id), input, ctx),
    };
    return ctx;
  }

  /**
   * The request `execute` would send for this input — method, host, path, query and form pairs with Twilio's names —
   * without sending anything or needing a connection. Rejects invalid input (invalid_input) and composed modules.
   */
  prepareRequest(moduleId: string, input?: unknown): WireRequest {
    return prepareModuleRequest(this.module(moduleId), input);
  }

  /** One cheap real call (the manifest's test module) proving the credentials work. */
  async testConnection(connection: unknown, options: Omit<ExecuteOptions, 'onError'> = {}): Promise<ConnectionTestResult> {
    const resolved = resolveConnection(connection);
    const test = this.manifest.connection;
    await this.execute(test.test, connection, test.testInput ?? {}, { ...options, onError: 'throw' });
    return {
      ok: true,
      accountSid: resolved.accountSid,
      authMethod: resolved.username.startsWith('SK') ? 'api-key' : 'auth-token',
      module: test.test,
    };
  }
}
