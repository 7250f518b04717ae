/**
 * Sample outputs for the Make app, from the emulator's real answers: each module's first example that runs in a
 * world (worlds.ts), its answer with the emulator's address replaced by Twilio's and its SIDs by placeholders in
 * the examples' style (VAaaaa…, VEbbbb…). A search module's sample is one item of its list, so a world where the
 * list is empty is grown with another example's chain (creating a service before listing services).
 */
import type { Connector, ModuleInfo } from '../connector.js';
import { discoverWorlds, openWorld, replaceSids, type WorldDiscovery, type WorldPlan } from './worlds.js';

const PLACEHOLDER_LETTERS = 'abcdef0123456789';
export const TWILIO_VERIFY_ORIGIN = 'https://verify.twilio.com';

/** Emulator address → Twilio's; each distinct SID → its prefix and one repeated letter, in order of appearance. */
export function normalizeAnswer(value: unknown, emulatorUrl: string): unknown {
  const placeholders = new Map<string, string>();
  const text = JSON.stringify(value ?? null).replaceAll(emulatorUrl, TWILIO_VERIFY_ORIGIN);
  return replaceSids(JSON.parse(text) as unknown, (sid, prefix) => {
    let placeholder = placeholders.get(sid);
    if (!placeholder) {
      const letter = PLACEHOLDER_LETTERS[placeholders.size % PLACEHOLDER_LETTERS.length]!;
      placeholder = `${prefix}${letter.repeat(32)}`;
      placeholders.set(sid, placeholder);
    }
    return placeholder;
  });
}

async function answer(connector: Connector, plan: WorldPlan): Promise<{ output: unknown; emulatorUrl: string }> {
  const world = await openWorld(connector, plan.chain);
  try {
    return { output: await world.run(plan.target.module, world.inputOf(plan.target)), emulatorUrl: world.emulator.url };
  } finally {
    await world.close();
  }
}

function firstItem(module: ModuleInfo, output: unknown): unknown {
  const key = module.definition.pagination!.itemsKey;
  const list = (output as Record<string, unknown> | null)?.[key];
  return Array.isArray(list) && list.length > 0 ? list[0] : undefined;
}

export interface CollectedSamples {
  samples: Map<string, unknown>;
  missing: Map<string, string>;
  discovery: WorldDiscovery;
}

export async function collectSamples(connector: Connector, discovery?: WorldDiscovery): Promise<CollectedSamples> {
  const found = discovery ?? (await discoverWorlds(connector));
  const samples = new Map<string, unknown>();
  const missing = new Map<string, string>();
  for (const module of connector.modules) {
    if (!module.definition.request) continue;
    const plan = found.plans.find((p) => p.target.module === module.id);
    if (!plan) {
      const failure = found.failures.find((f) => f.ref.module === module.id);
      missing.set(module.id, failure ? `no example ran on the emulator (${failure.reason})` : 'the module has no example');
      continue;
    }
    if (module.kind === 'search' && module.definition.pagination) {
      // Grow the world with each other example's chain until the list has an item to show.
      for (const other of [undefined, ...found.plans]) {
        const chain = other ? [...other.chain, other.target, ...plan.chain] : plan.chain;
        const { output, emulatorUrl } = await answer(connector, { target: plan.target, chain });
        const item = firstItem(module, output);
        if (item !== undefined) {
          samples.set(module.id, normalizeAnswer(item, emulatorUrl));
          break;
        }
      }
      if (!samples.has(module.id)) missing.set(module.id, 'its list stayed empty on the emulator');
      continue;
    }
    const { output, emulatorUrl } = await answer(connector, plan);
    samples.set(module.id, normalizeAnswer(output, emulatorUrl));
  }
  return { samples, missing, discovery: found };
}
