/**
 * The exported requests against the emulator: for every module example that runs in an emulator world (worlds.ts),
 * two identical worlds answer the runtime (`connector.execute`) and the Make module (its communication evaluated and
 * sent over HTTP with the Basic auth base builds, the answer read by its iterate/output/limit and pagination), and
 * the two outputs are the same. Errors too: Make's message carries the remedy the runtime gives.
 */
import assert from 'node:assert/strict';
import { loadConnector } from '../../connector/index.js';
import { ConnectorError } from '../../connector/errors/connector-error.js';
import { exportMakeApp } from '../../connector/make/export.js';
import { normalizeAnswer } from '../../connector/make/samples.js';
import { makeConnectionFor, makeEntryFor } from '../../connector/make/user-input.js';
import { discoverWorlds, openWorld, type WorldPlan } from '../../connector/make/worlds.js';
import { callModule, MakeModuleError } from './support/make-request.js';

const connector = await loadConnector();
const app = exportMakeApp(connector);
const discovery = await discoverWorlds(connector);

/** Headers that say when or how the answer travelled, not what it says. */
const TRANSPORT_HEADERS = ['date', 'connection', 'keep-alive'];

function comparable(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && 'statusCode' in value && 'headers' in value) {
    const raw = value as { headers: Record<string, unknown> };
    return { ...raw, headers: Object.fromEntries(Object.entries(raw.headers).filter(([k]) => !TRANSPORT_HEADERS.includes(k))) };
  }
  return value;
}

async function bothWays(plan: WorldPlan, change: (input: Record<string, unknown>) => Record<string, unknown> = (i) => i) {
  const component = app.modules.find((m) => m.id === plan.target.module)!;
  const module = connector.modules.find((m) => m.id === plan.target.module)!;
  const runtimeWorld = await openWorld(connector, plan.chain);
  const makeWorld = await openWorld(connector, plan.chain);
  try {
    const runtimeInput = makeEntryFor(component.plans, change(runtimeWorld.inputOf(plan.target))).effective;
    const runtime = await runtimeWorld.run(plan.target.module, runtimeInput).then(
      (output) => ({ ok: true as const, output }),
      (error: unknown) => ({ ok: false as const, error: error as ConnectorError }),
    );
    const entry = makeEntryFor(component.plans, change(makeWorld.inputOf(plan.target)));
    const make = await callModule(app, component, entry.parameters, makeConnectionFor(makeWorld.connection), { origin: makeWorld.emulator.url }).then(
      (output) => ({ ok: true as const, output }),
      (error: unknown) => ({ ok: false as const, error: error as MakeModuleError }),
    );
    const itemsKey = module.definition.pagination?.itemsKey;
    const runtimeView = runtime.ok ? comparable(itemsKey ? (runtime.output as Record<string, unknown>)[itemsKey] : runtime.output) : undefined;
    const makeView = make.ok ? comparable(itemsKey ? make.output.bundles : make.output.bundles[0]) : undefined;
    return {
      runtime,
      make,
      same: () => assert.deepStrictEqual(normalizeAnswer(makeView, makeWorld.emulator.url), normalizeAnswer(runtimeView, runtimeWorld.emulator.url)),
    };
  } finally {
    await runtimeWorld.close();
    await makeWorld.close();
  }
}

describe('Make export against the emulator: the same answers as the runtime', function () {
  this.timeout(60_000);

  it('finds a world for most examples (what it cannot run is listed here)', () => {
    const ran = discovery.plans.length;
    const all = ran + discovery.failures.length;
    assert.ok(ran >= all / 2, `only ${ran} of ${all} examples ran: ${JSON.stringify(discovery.failures)}`);
  });

  for (const plan of discovery.plans) {
    const example = connector.modules.find((m) => m.id === plan.target.module)!.definition.examples![plan.target.example]!;
    it(`${plan.target.module} example ${plan.target.example + 1} "${example.title}"${plan.chain.length ? ` (after ${plan.chain.map((r) => r.module).join(', ')})` : ''}`, async () => {
      const { runtime, make, same } = await bothWays(plan);
      assert.ok(runtime.ok, `the runtime ran it when the world was learnt: ${runtime.ok ? '' : runtime.error.message}`);
      assert.ok(make.ok, `Make's request failed: ${make.ok ? '' : make.error.message}`);
      same();
    });
  }

  it('a search module follows next_page_url to the limit, as the runtime does', async () => {
    const plan = discovery.plans.find((p) => p.target.module === 'list-services')!;
    const create = discovery.plans.find((p) => p.target.module === 'create-service')!;
    const grown: WorldPlan = { target: plan.target, chain: [create.target, create.target, create.target, create.target, create.target] };
    const { runtime, make, same } = await bothWays(grown, (input) => ({ ...input, pageSize: 2, limit: 3 }));
    assert.ok(runtime.ok && make.ok);
    assert.equal(make.output.bundles.length, 3);
    assert.equal(make.output.requests.length, 2, 'two pages of two for three services');
    assert.match(make.output.requests[1]!.url, /PageToken=|Page=1/);
    same();
  });

  describe('errors: Make shows Twilio\'s message and the runtime\'s remedy', () => {
    it('an unknown verification (404, 20404): the module\'s own remedy (no longer pending)', async () => {
      const plan = discovery.plans.find((p) => p.target.module === 'get-verification')!;
      const { runtime, make } = await bothWays({ target: plan.target, chain: plan.chain.filter((r) => r.module !== 'start-verification') }, (input) => ({ ...input, verificationSid: `VE${'0'.repeat(32)}` }));
      assert.ok(!runtime.ok && !make.ok);
      assert.equal(runtime.error.code, 'verification_not_pending');
      assert.equal(make.error.statusCode, 404);
      assert.equal(make.error.type, 'RuntimeError');
      assert.match(make.error.message, /^\[404\] .+ \(Twilio code 20404\)\. /);
      assert.ok(make.error.message.endsWith(runtime.error.remedy!), make.error.message);
    });

    it('wrong credentials (401, 20003): InvalidAccessTokenError with the connection remedy', async () => {
      const world = await openWorld(connector, []);
      try {
        const component = app.modules.find((m) => m.id === 'list-services')!;
        const wrong = { ...world.connection, authToken: '0'.repeat(32) };
        const runtime = await connector.execute('list-services', wrong, {}).catch((e: unknown) => e as ConnectorError);
        const make = await callModule(app, component, {}, makeConnectionFor(wrong), { origin: world.emulator.url }).catch((e: unknown) => e as MakeModuleError);
        assert.ok(runtime instanceof ConnectorError && make instanceof MakeModuleError);
        assert.equal(make.type, 'InvalidAccessTokenError');
        assert.ok(make.message.startsWith('[401] ') && make.message.endsWith(runtime.remedy!), make.message);
        assert.ok(!make.message.includes(wrong.authToken));
      } finally {
        await world.close();
      }
    });

    it('an email without an email integration (400, 60217): DataError with the channel remedy', async () => {
      const plan = discovery.plans.find((p) => p.target.module === 'start-verification')!;
      const email = connector.modules.find((m) => m.id === 'start-verification')!.definition.examples!.findIndex((e) => (e.input as Record<string, unknown>)['channel'] === 'email');
      const { runtime, make } = await bothWays({ target: { module: 'start-verification', example: email }, chain: plan.chain });
      assert.ok(!runtime.ok && !make.ok);
      assert.equal(runtime.error.twilioCode, 60217);
      assert.equal(make.error.type, 'DataError');
      assert.ok(make.error.message.startsWith('[400] ') && make.error.message.endsWith(runtime.error.remedy!), make.error.message);
    });
  });
});
