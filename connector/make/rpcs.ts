/**
 * Make RPCs for `x-options-from`: a field whose choices are the items of a search module gets a dropdown filled by
 * an RPC that sends that module's request (Make passes the calling module's parameters to the RPC, so the source
 * module's inputs are read from the fields `input` names) and lists each item's `value` as a choice labelled by `label`.
 */
import type { ModuleInfo } from '../connector.js';
import type { OptionsFrom } from '../schema/keywords.js';
import { NEXT_PAGE, requestFor } from './communication.js';
import { CONNECTION_NAME } from './connection.js';
import { planFields, type PlanContext } from './fields.js';
import { camelCase } from './names.js';
import { optionsFromOf, requiredOf, type JsonSchema } from './schema-view.js';

/** Make's advice for option lists: at most 500 choices. */
export const RPC_OPTION_LIMIT = 500;

export interface RpcComponent {
  name: string;
  metadata: Record<string, unknown>;
  api: Record<string, unknown>;
  parameters: unknown[];
}

const NO_RPCS: PlanContext = { rpcFor: () => undefined };

export class RpcRegistry implements PlanContext {
  private readonly byKey = new Map<string, RpcComponent>();
  private readonly modules: Map<string, ModuleInfo>;

  constructor(modules: readonly ModuleInfo[]) {
    this.modules = new Map(modules.map((m) => [m.id, m]));
  }

  /** The RPC for this field's `x-options-from`, made on first use; undefined when the source cannot be listed. */
  rpcFor(_property: string, schema: JsonSchema): string | undefined {
    const from = optionsFromOf(schema);
    if (!from) return undefined;
    const key = JSON.stringify([from.module, from.value, from.label ?? from.value, Object.entries(from.input ?? {}).sort()]);
    const known = this.byKey.get(key);
    if (known) return known.name;
    const component = this.build(from);
    if (!component) return undefined;
    this.byKey.set(key, component);
    return component.name;
  }

  get components(): RpcComponent[] {
    return [...this.byKey.values()];
  }

  private build(from: OptionsFrom): RpcComponent | undefined {
    const source = this.modules.get(from.module);
    const definition = source?.definition;
    const itemsKey = definition?.pagination?.itemsKey;
    if (!source || !definition?.request || !itemsKey) return undefined;
    const mapping = from.input ?? {};
    // Every input the source module requires must come from a field of the calling module.
    if ([...requiredOf(source.inputSchema)].some((name) => !(name in mapping))) return undefined;
    const plans = planFields(source.inputSchema, definition.request.method, NO_RPCS);
    const request = requestFor(definition, plans, (property) => (property in mapping ? `parameters.${mapping[property]}` : undefined));
    const base = `${camelCase(from.module)}Options`;
    const taken = new Set(this.components.map((c) => c.name));
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    return {
      name,
      metadata: { name, label: `Choices from "${source.label}"`, connection: CONNECTION_NAME },
      api: {
        ...request,
        response: {
          iterate: `{{body.${itemsKey}}}`,
          output: { label: `{{item.${from.label ?? from.value}}}`, value: `{{item.${from.value}}}` },
          limit: RPC_OPTION_LIMIT,
        },
        pagination: NEXT_PAGE,
      },
      parameters: [],
    };
  }
}
