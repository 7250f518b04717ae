import { createRequire } from 'node:module';
import { ConnectorError, redactSecrets } from './errors/connector-error.js';
import type { ConnectorManifest } from '../types/generated/manifest.js';
import type { ModuleDefinition } from '../types/generated/module.js';
import type { CallContext, ExecuteOptions, ExecuteResult } from './runtime/call-context.js';
import { compileModule, type ModulePlan } from './runtime/module-plan.js';
import type { SchemaRegistry } from './schema/ajv.js';
import { bundleSchema, deepFreeze } from './schema/bundle.js';
import { resolveConnection, secretTexts } from './transport/connection.js';
import type { WireRequest } from './transport/wire.js';

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
function moduleInfo(plan: ModulePlan, registry: SchemaRegistry): ModuleInfo {
  const lookup = (uri: string): unknown => registry.lookup(uri);
  let input: Record<string, unknown> | undefined;
  let output: Record<string, unknown> | undefined;
  const { definition } = plan;
  return Object.freeze({
    id: definition.id,
    label: definition.label,
    kind: definition.kind,
    description: definition.description,
    docs: definition.docs,
    definition,
    get inputSchema() {
      return (input ??= bundleSchema(plan.inputSchemaId, lookup));
    },
    get outputSchema() {
      return (output ??= bundleSchema(plan.outputSchemaId, lookup));
    },
  });
}

export interface ConnectionTestResult {
  ok: true;
  accountSid: string;
  authMethod: 'auth-token' | 'api-key';
  module: string;
}

/*
 * The pipeline is loaded with the first call, not with the connector: at a cold start every file (and every import
 * between files) the ES module loader resolves costs time and memory (docs/performance.md).
 *   - runtime/prepare.ts (validate the input, build the request) with require(), because prepareRequest is synchronous;
 *   - runtime/execute.ts and the rest (transport, compositions, expressions, pagination) with import(), prepare.ts
 *     first: require() cannot take a module that an import() is still loading.
 */
const require = createRequire(import.meta.url);
type Preparation = typeof import('./runtime/prepare.js');
type Pipeline = typeof import('./runtime/execute.js');
let preparation: Preparation | undefined;
let pipeline: Pipeline | undefined;
let loadingPipeline: Promise<Pipeline> | undefined;

function prepared(): Preparation {
  return (preparation ??= require('./runtime/prepare.js') as Preparation);
}

function loadPipeline(): Promise<Pipeline> {
  prepared();
  return (loadingPipeline ??= import('./runtime/execute.js').then((loaded) => (pipeline = loaded)));
}

/** Anything that is not already a ConnectorError (a bug, a library's surprise) becomes one without its stack. */
function asConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  if (process.env['VERIFY_CONNECTOR_DEBUG']) console.error(error);
  return new ConnectorError('server_error', 'The connector failed unexpectedly while handling this call.', {
    remedy: 'Try again; if it persists, report it with the module id and the input (without credentials).',
  });
}

/**
 * A loaded connector: the manifest, its modules, and the one generic way to run any of them. Every call enters
 * and leaves through here: an error leaving it is a ConnectorError that repeats none of the connection's secrets.
 */
export class Connector {
  readonly manifest: ConnectorManifest;
  /** The modules hosts offer (the manifest's `modules`; internal ones are not listed). */
  readonly modules: ModuleInfo[];
  readonly dir: string;
  private readonly plans: Map<string, ModulePlan>;
  private readonly registry: SchemaRegistry;
  private bundledConnection?: Readonly<Record<string, unknown>>;

  /** `internal`: modules the package's own hosts run by id (the SMS connector's send) but that no host lists. */
  constructor(dir: string, manifest: ConnectorManifest, definitions: ModuleDefinition[], registry: SchemaRegistry, internal: ModuleDefinition[] = []) {
    this.dir = dir;
    this.manifest = manifest;
    this.registry = registry;
    this.plans = new Map([...definitions, ...internal].map((d) => [d.id, compileModule(deepFreeze(d), registry)]));
    this.modules = Object.freeze(definitions.map((d) => moduleInfo(this.plans.get(d.id)!, registry))) as ModuleInfo[];
  }

  /** The connection's JSON Schema (the manifest's `connection.schema`), self-contained and frozen like a module's, for hosts' credential forms. */
  get connectionSchema(): Readonly<Record<string, unknown>> {
    return (this.bundledConnection ??= bundleSchema(this.registry.idForFile(this.manifest.connection.schema), (uri) => this.registry.lookup(uri)));
  }

  /** The compiled plan of a module (public or internal), for hosts that check what they give it (flows). */
  module(id: string): ModulePlan {
    const plan = this.plans.get(id);
    if (!plan) {
      throw new ConnectorError('unknown_module', `There is no module "${id}".`, {
        remedy: `Use one of: ${this.modules.map((m) => m.id).join(', ')}.`,
      });
    }
    return plan;
  }

  /** Runs any module: validate, build, send, map errors, validate the output. */
  execute(moduleId: string, connection: unknown, input: unknown, options: ExecuteOptions & { onError: 'output' }): Promise<ExecuteResult>;
  execute(moduleId: string, connection: unknown, input?: unknown, options?: ExecuteOptions): Promise<unknown>;
  async execute(moduleId: string, connection: unknown, input?: unknown, options: ExecuteOptions = {}): Promise<unknown> {
    try {
      const output = await this.call(moduleId, input, this.callContext(connection, options));
      return options.onError === 'output' ? { ok: true, output } : output;
    } catch (error) {
      if (options.onError === 'output') return { ok: false, error: (error as ConnectorError).toData() };
      throw error;
    }
  }

  /**
   * The request `execute` would send for this input — method, host, path, query and form pairs with Twilio's names —
   * without sending anything or needing a connection. Rejects invalid input (invalid_input) and composed modules.
   */
  prepareRequest(moduleId: string, input?: unknown): WireRequest {
    const plan = this.module(moduleId);
    return prepared().prepareRequest(plan, input);
  }

  /** One cheap real call (the manifest's test module) proving the credentials work. */
  async testConnection(connection: unknown, options: Omit<ExecuteOptions, 'onError'> = {}): Promise<ConnectionTestResult> {
    const test = this.manifest.connection;
    await this.execute(test.test, connection, test.testInput ?? {}, { ...options, onError: 'throw' });
    const resolved = resolveConnection(connection);
    return {
      ok: true,
      accountSid: resolved.accountSid,
      authMethod: resolved.username.startsWith('SK') ? 'api-key' : 'auth-token',
      module: test.test,
    };
  }

  /**
   * The boundary every module call crosses, the steps of a composed module included: the error that leaves is a
   * ConnectorError with every text the connection's secrets could be echoed as replaced (Twilio, a proxy or a person
   * may repeat a credential in a path, a parameter or a field name). Success pays nothing.
   */
  private async call(moduleId: string, input: unknown, ctx: CallContext): Promise<unknown> {
    try {
      const plan = this.module(moduleId);
      const { execute } = pipeline ?? (await loadPipeline());
      return await execute(plan, input, ctx);
    } catch (error) {
      throw redactSecrets(asConnectorError(error), secretTexts(ctx.connection));
    }
  }

  /** What every module of one call shares; a composed module's steps call their siblings through it. */
  private callContext(connection: unknown, options: ExecuteOptions): CallContext {
    const ctx: CallContext = { connection, options, callModule: (id, input) => this.call(id, input, ctx) };
    return ctx;
  }
}
