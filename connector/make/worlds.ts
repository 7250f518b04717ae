/**
 * Fresh emulator "worlds" in which a module's example can really run. An example names resources by SID
 * (VAaaaa… for a service); in a world, those SIDs are replaced by ones the emulator made when the examples that
 * produce such resources ran first (create-service for VA…, start-verification for VE…). Which example produces
 * which SID prefix is learnt by running them, in manifest order, each in its own emulator, so no example's side
 * effects (a cancel, a delete) leak into another's. Used for the Make app's samples and by the tests that send the
 * exported requests to the emulator.
 */
import type { Connector } from '../connector.js';
import { ConnectorError } from '../errors/connector-error.js';
import type { Emulator } from '../../emulator/index.js';

export interface ExampleRef {
  module: string;
  example: number;
}

/** An example and the examples to run before it, in order. */
export interface WorldPlan {
  target: ExampleRef;
  chain: ExampleRef[];
}

export interface World {
  emulator: Emulator;
  connection: { accountSid: string; authToken: string; baseUrl: string };
  /** SID prefix → the emulator's SID of that kind made last in this world. */
  sids: Map<string, string>;
  /** An example's input with its SIDs replaced by this world's. */
  inputOf(ref: ExampleRef): Record<string, unknown>;
  /** Runs a module through the runtime and records the SIDs in its output. */
  run(moduleId: string, input: unknown): Promise<unknown>;
  close(): Promise<void>;
}

const SID = /\b([A-Z]{2})[0-9a-fA-F]{32}\b/g;
const EPOCH = Date.UTC(2025, 0, 15, 12, 0, 0);

function sidsIn(value: unknown, found: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === 'string') for (const match of value.matchAll(SID)) found.push([match[1]!, match[0]]);
  else if (Array.isArray(value)) for (const item of value) sidsIn(item, found);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) sidsIn(item, found);
  return found;
}

export function replaceSids<T>(value: T, replace: (sid: string, prefix: string) => string | undefined): T {
  if (typeof value === 'string') return value.replace(SID, (sid, prefix: string) => replace(sid, prefix) ?? sid) as T;
  if (Array.isArray(value)) return value.map((item) => replaceSids(item, replace)) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceSids(v, replace)])) as T;
  return value;
}

export function exampleInput(connector: Connector, ref: ExampleRef): Record<string, unknown> {
  const examples = connector.modules.find((m) => m.id === ref.module)?.definition.examples ?? [];
  return structuredClone((examples[ref.example]?.input ?? {}) as Record<string, unknown>);
}

/** Deterministic codes (123456, 234567, …) so two worlds built alike answer alike. */
function sequenceCodes(): (length: number) => string {
  let n = 0;
  return (length) => {
    n++;
    return Array.from({ length }, (_, i) => String((n + i) % 10)).join('');
  };
}

/** A fresh emulator on loopback (frozen clock, predictable codes) with the chain already run. */
export async function openWorld(connector: Connector, chain: readonly ExampleRef[]): Promise<World> {
  const { startEmulator, createClock } = await import('../../emulator/index.js');
  const emulator = await startEmulator({ clock: createClock({ frozen: true, start: EPOCH }), codeGenerator: sequenceCodes() });
  const connection = { accountSid: emulator.accountSid, authToken: emulator.authToken, baseUrl: emulator.url };
  const sids = new Map<string, string>([['AC', emulator.accountSid]]);
  const world: World = {
    emulator,
    connection,
    sids,
    inputOf: (ref) => replaceSids(exampleInput(connector, ref), (_sid, prefix) => sids.get(prefix)),
    async run(moduleId, input) {
      const output = await connector.execute(moduleId, connection, input);
      for (const [prefix, sid] of sidsIn(output)) if (prefix !== 'AC') sids.set(prefix, sid);
      return output;
    },
    close: () => emulator.close(),
  };
  try {
    for (const ref of chain) await world.run(ref.module, world.inputOf(ref));
  } catch (error) {
    await emulator.close();
    throw error;
  }
  return world;
}

function key(ref: ExampleRef): string {
  return `${ref.module}#${ref.example}`;
}

function dedupe(refs: ExampleRef[]): ExampleRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => !seen.has(key(ref)) && seen.add(key(ref)));
}

export interface WorldDiscovery {
  /** Every example that ran in some world, with that world's chain, in manifest order. */
  plans: WorldPlan[];
  /** Examples that never ran, with the last reason (the emulator's error, or the SIDs nothing produced). */
  failures: Array<{ ref: ExampleRef; reason: string }>;
}

async function attempt(connector: Connector, plan: WorldPlan): Promise<{ ok: true; sids: Array<[string, string]> } | { ok: false; reason: string; notFound: boolean }> {
  let world: World | undefined;
  try {
    world = await openWorld(connector, plan.chain);
    const output = await world.run(plan.target.module, world.inputOf(plan.target));
    return { ok: true, sids: sidsIn(output) };
  } catch (error) {
    const e = error as ConnectorError;
    return { ok: false, reason: e instanceof ConnectorError ? `${e.code}: ${e.message}` : String(error), notFound: e instanceof ConnectorError && e.status === 404 };
  } finally {
    await world?.close();
  }
}

/**
 * Learns a world for every example it can. An example whose SIDs are all produced by earlier successes runs after
 * their chains; one that then finds nothing (404, e.g. a check needs a started verification) is tried once more
 * after each other success in turn, the first that works kept. Deterministic: manifest order, first producer wins.
 */
export async function discoverWorlds(connector: Connector): Promise<WorldDiscovery> {
  const pending: ExampleRef[] = connector.modules
    .filter((m) => m.definition.request)
    .flatMap((m) => (m.definition.examples ?? []).map((_, example) => ({ module: m.id, example })));
  const producers = new Map<string, WorldPlan>();
  const plans: WorldPlan[] = [];
  const reasons = new Map<string, string>();
  const tried = new Set<string>();
  const chainFor = (plan: WorldPlan): ExampleRef[] => [...plan.chain, plan.target];

  for (let progress = true; progress; ) {
    progress = false;
    for (const ref of [...pending]) {
      if (tried.has(key(ref))) continue;
      const needs = [...new Set(sidsIn(exampleInput(connector, ref)).map(([prefix]) => prefix))].filter((p) => p !== 'AC');
      const missing = needs.filter((prefix) => !producers.has(prefix));
      if (missing.length > 0) {
        reasons.set(key(ref), `no example makes a ${missing.join(', ')}… resource for it to use`);
        continue;
      }
      tried.add(key(ref));
      const chain = dedupe(needs.flatMap((prefix) => chainFor(producers.get(prefix)!)));
      let result = await attempt(connector, { target: ref, chain });
      let plan: WorldPlan = { target: ref, chain };
      if (!result.ok && result.notFound) {
        for (const other of plans) {
          const longer = dedupe([...chain, ...chainFor(other)]);
          if (longer.some((r) => key(r) === key(ref))) continue;
          const retry = await attempt(connector, { target: ref, chain: longer });
          if (retry.ok) {
            result = retry;
            plan = { target: ref, chain: longer };
            break;
          }
        }
      }
      if (!result.ok) {
        reasons.set(key(ref), result.reason);
        continue;
      }
      plans.push(plan);
      pending.splice(pending.findIndex((r) => key(r) === key(ref)), 1);
      for (const [prefix] of result.sids) if (prefix !== 'AC' && !producers.has(prefix)) producers.set(prefix, plan);
      progress = true;
    }
  }
  const order = (ref: ExampleRef): number => connector.modules.findIndex((m) => m.id === ref.module) * 1000 + ref.example;
  plans.sort((a, b) => order(a.target) - order(b.target));
  return { plans, failures: pending.map((ref) => ({ ref, reason: reasons.get(key(ref)) ?? 'not tried' })) };
}
