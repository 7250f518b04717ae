/**
 * `npm run bench:n8n`: our node side by side with n8n's own HTTP Request node, both starting SMS verifications
 * against the same emulator, in one real n8n execution (`n8n execute --id`, one process). Not CI, not npm test.
 *
 *   Manual trigger → Items (a Code node: --items items, each with its own numbers)
 *                  → Twilio Verify 1, HTTP Request 1, HTTP Request 2, Twilio Verify 2, Twilio Verify 3, …
 *
 * Every branch gets the same items; n8n runs the branches one after the other, alternating which goes first in a
 * round, so neither always has the warmer process. Each node maps one expression per item (the number) and sends
 * POST /v2/Services/VA…/Verifications with To and Channel=sms, Basic auth. The figure is the node's own
 * executionTime from the execution n8n printed; every output item is checked to be a pending verification.
 *
 *   node dist/hosts/n8n/bench.js [--items 1000] [--rounds 3] [--http-batch N]
 *
 * By default each node runs as a user gets it: ours sends ITEM_CONCURRENCY items at a time, the HTTP Request node
 * all of them at once. `--http-batch N` sets the HTTP Request node's Options › Batching to N items per batch, 1 ms
 * apart (its closest setting to a bound; 0 ms turns batching off).
 */
import { median } from '../../bench/lib/stats.js';
import { ITEM_CONCURRENCY } from '../../connector/n8n/node-runtime.js';
import { startEmulatorService } from './emulator-service.js';
import { createN8nInstance, N8N_VERSION, nodeOutput } from './harness.js';
import { intArgument, runScript } from './script.js';
import { fanOut, generate, httpPostForm, verify, type NodeSpec } from './workflows.js';

const WORKFLOW_ID = 'tvcBenchSideBy01';

interface Branch {
  round: number;
  kind: 'ours' | 'http';
  node: NodeSpec;
}

await runScript(async (onExit) => {
  const items = intArgument('--items', 1000);
  const rounds = intArgument('--rounds', 3);
  const batch = process.argv.includes('--http-batch') ? intArgument('--http-batch', 1) : undefined;
  const httpOptions = batch === undefined ? {} : { batching: { batch: { batchSize: batch, batchInterval: 1 } } };
  if (rounds > 5 || items > 999_999) throw new Error('--rounds takes at most 5 and --items at most 999999 (each branch has its own numbers).');

  const { emu, serviceSid, credentials } = await startEmulatorService('n8n side by side');
  onExit(() => emu.close());
  const n8n = await createN8nInstance();
  onExit(() => n8n.dispose());

  const branches: Branch[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const kind of round % 2 ? (['ours', 'http'] as const) : (['http', 'ours'] as const)) {
      const to = `={{ $json.to${branches.length} }}`;
      const node =
        kind === 'ours'
          ? verify(`Twilio Verify ${round}`, { resource: 'verification', operation: 'start-verification', serviceSid, to, channel: 'sms' })
          : httpPostForm(`HTTP Request ${round}`, `${emu.url}/v2/Services/${serviceSid}/Verifications`, { To: to, Channel: 'sms' }, httpOptions);
      branches.push({ round, kind, node });
    }
  }
  // Item i of branch k starts a verification for +1556<k><i, 6 digits>: no number is started twice.
  const source = generate('Items', items, `Object.fromEntries(Array.from({ length: ${branches.length} }, (_, k) => ['to' + k, '+1556' + k + String(i).padStart(6, '0')]))`);
  await n8n.importCredentials(credentials);
  await n8n.importWorkflows([fanOut(WORKFLOW_ID, 'Our node and the HTTP Request node, side by side', source, branches.map((b) => b.node))]);

  console.log(`n8n ${N8N_VERSION}, one execution: ${rounds} rounds × (our node, HTTP Request node) × ${items} start-verification items against the emulator …`);
  const { code, execution, output } = await n8n.execute(WORKFLOW_ID, 900_000);
  if (code !== 0 || execution?.status !== 'success') throw new Error(`the execution failed (exit ${code}):\n${(output.stdout + output.stderr).slice(-4000)}`);

  const ms = (b: Branch): number => {
    const outputs = nodeOutput(execution, b.node.name);
    const bad = outputs.filter((json) => json['status'] !== 'pending' || !String(json['sid']).startsWith('VE'));
    if (outputs.length !== items || bad.length > 0) throw new Error(`${b.node.name}: ${outputs.length} items, ${bad.length} not a pending verification, e.g. ${JSON.stringify(bad[0]).slice(0, 300)}`);
    return execution.data.resultData.runData[b.node.name]![0]!.executionTime!;
  };
  const ratios: number[] = [];
  console.log('\n| round | our node | HTTP Request node | ratio |');
  console.log('|---|---|---|---|');
  for (let round = 1; round <= rounds; round++) {
    const [ours, http] = (['ours', 'http'] as const).map((kind) => ms(branches.find((b) => b.round === round && b.kind === kind)!));
    ratios.push(ours! / http!);
    const perItem = (t: number): string => `${t} ms (${((t * 1000) / items).toFixed(0)} µs/item)`;
    console.log(`| ${round}${round % 2 ? ' (ours first)' : ' (HTTP first)'} | ${perItem(ours!)} | ${perItem(http!)} | ${ratios.at(-1)!.toFixed(2)}× |`);
  }
  const how = batch === undefined ? `all ${items} at once` : `batches of ${batch} items 1 ms apart`;
  console.log(`\nmedian ratio (our node / HTTP Request node): ${median(ratios).toFixed(2)}× — our node sends ${ITEM_CONCURRENCY} items at a time, the HTTP Request node ${how}`);
  console.log(`emulator: ${emu.stats().verifications} verifications started`);
});
