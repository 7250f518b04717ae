import type { ValidateFunction } from 'ajv';
import { ConnectorError } from '../errors/connector-error.js';
import type { ModuleDefinition } from '../../types/generated/module.js';
import type { ErrorOverrides } from '../errors/map.js';
import type { SchemaRegistry } from '../schema/ajv.js';
import type { WireLocation } from '../schema/keywords.js';
import type { HttpMethod } from '../transport/wire.js';
import { planFor, type FieldPlan } from './wire-plan.js';
import type { RequestTemplate } from './request-builder.js';

/**
 * A module ready to run: its definition plus what the runtime derives from it once (validators, wire plan).
 * Derived lazily and cached, so loading the connector stays cheap and no call pays for schema work twice.
 */
export class ModuleRuntime {
  readonly definition: ModuleDefinition;
  readonly inputSchemaId: string;
  readonly outputSchemaId: string;
  private readonly registry: SchemaRegistry;
  private plansCache?: FieldPlan[];
  private templateCache?: RequestTemplate;
  private inputValidator?: ValidateFunction;
  private outputValidator?: ValidateFunction;

  constructor(definition: ModuleDefinition, registry: SchemaRegistry) {
    this.definition = definition;
    this.registry = registry;
    this.inputSchemaId = registry.idForFile(definition.input);
    this.outputSchemaId = registry.idForFile(definition.output);
  }

  /** True for a module that runs other modules (`compose`) instead of sending one request. */
  get composed(): boolean {
    return this.definition.compose !== undefined;
  }

  private get request(): NonNullable<ModuleDefinition['request']> {
    const request = this.definition.request;
    if (!request) throw new ConnectorError('server_error', `Module ${this.id} composes other modules and sends no request of its own.`);
    return request;
  }

  get id(): string {
    return this.definition.id;
  }

  /** Derived once (buildRequest only reads it). */
  get template(): RequestTemplate {
    if (!this.templateCache) {
      const request = this.request;
      this.templateCache = {
        ...(request.method ? { method: request.method as HttpMethod } : {}),
        host: request.host ?? 'verify',
        path: request.path,
        ...(request.fixed ? { fixed: Object.entries(request.fixed).map(([name, value]): [string, string] => [name, String(value)]) } : {}),
      };
    }
    return this.templateCache;
  }

  get errors(): ErrorOverrides | undefined {
    return this.definition.errors as ErrorOverrides | undefined;
  }

  get plans(): FieldPlan[] {
    if (!this.plansCache) {
      const method = this.request.method;
      const defaultLocation: WireLocation | undefined = method === undefined ? undefined : method === 'GET' || method === 'DELETE' ? 'query' : 'form';
      this.plansCache = planFor(this.registry.schema(this.inputSchemaId), defaultLocation);
    }
    return this.plansCache;
  }

  get validateInput(): ValidateFunction {
    this.inputValidator ??= this.registry.validator(this.inputSchemaId);
    return this.inputValidator;
  }

  get validateOutput(): ValidateFunction {
    this.outputValidator ??= this.registry.validator(this.outputSchemaId);
    return this.outputValidator;
  }

  /** The validator of one input property (for checking literal values that a composition or scenario gives this module). */
  inputPropertyValidator(property: string): ValidateFunction | undefined {
    try {
      return this.registry.validator(`${this.inputSchemaId}#/properties/${property}`);
    } catch {
      return undefined;
    }
  }

  /** Whether a request with this method may be sent again after a failure Twilio may have acted on. */
  isIdempotent(method: HttpMethod): boolean {
    const declared = this.definition.idempotent;
    if (declared === 'by-method') return method === 'GET' || method === 'PUT' || method === 'DELETE';
    return declared === true;
  }
}
