/**
 * `npm run demo:n8n-queue`: n8n's queue mode with our node, on this machine, measured once (not CI, not npm test).
 *
 *   Redis (Debian's redis-server, installed with apt-get when missing) ─ n8n main (`n8n start`, EXECUTIONS_MODE=queue)
 *   ─ one n8n worker, then two; our package installed in the user folder they share; the emulator on loopback.
 *   A published workflow: Webhook (POST /webhook/start-verification {"to"}) → Twilio Verify "Start a verification",
 *   answering with the verification. The main process only enqueues; the log lines show a worker ran it.
 *
 *   node dist/hosts/n8n/queue-demo.js [--requests 300] [--concurrency 20] [--logs DIR]
 *
 * `--logs DIR` writes what the main process and each worker printed to DIR/main.log, DIR/worker-N.log at the end.
 *
 * Prints verifications started per second through the webhook with 1 and 2 workers (a fixed number of requests,
 * `--concurrency` in flight), each answer checked (HTTP 200, a pending verification), and how the jobs were shared.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmtMs, nowMs } from '../../bench/lib/stats.js';
import { startEmulatorService } from './emulator-service.js';
import { failedExecutions } from './executions.js';
import { createN8nInstance, N8N_VERSION, startN8n, waitForHttp, type N8nProcess } from './harness.js';
import { ensureRedisServer, startRedis } from './redis.js';
import { intArgument, runScript, stringArgument } from './script.js';
import { chain, verify, webhook } from './workflows.js';

const WORKFLOW_ID = 'tvcQueueDemo0001';
const PATH = 'start-verification';

interface Round {
  workers: number;
  ok: number;
  failed: string[];
  seconds: number;
  perWorker: number[];
  /** CPU seconds used during the round: the main process, each worker, this process (emulator and load). */
  cpu: { main: number; workers: number[]; here: number };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;
const ownCpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** Execution ids a worker's log says it started. */
const startedOn = (worker: N8nProcess): string[] => [...worker.log().matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]!);

/** `requests` POSTs to the webhook, `concurrency` at a time, each for its own number; counts the pending verifications. */
async function load(url: string, requests: number, concurrency: number, numberOf: (i: number) => string): Promise<{ ok: number; failed: string[]; seconds: number }> {
  let next = 0;
  let ok = 0;
  const failed: string[] = [];
  const started = nowMs();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < requests; i = next++) {
        try {
          const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to: numberOf(i) }) });
          const text = await response.text();
          if (response.status === 200 && /"status":\s*"pending"/.test(text) && /"sid":\s*"VE/.test(text)) ok++;
          else failed.push(`HTTP ${response.status} ${text.slice(0, 200)}`);
        } catch (error) {
          // Counted, not retried: the start may have been made.
          const cause = (error as { cause?: { code?: string; message?: string } }).cause;
          failed.push(`no answer: ${(error as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}`);
        }
      }
    }),
  );
  return { ok, failed, seconds: (nowMs() - started) / 1000 };
}

await runScript(async (onExit) => {
  const requests = intArgument('--requests', 300);
  const concurrency = intArgument('--concurrency', 20);
  const say = (line: string): void => console.log(line);

  await ensureRedisServer(say);
  const { emu, serviceSid, credentials } = await startEmulatorService('Queue mode demo');
  onExit(() => emu.close());
  say(`emulator: ${emu.url} (service ${serviceSid})`);

  const n8n = await createN8nInstance();
  onExit(() => n8n.dispose());
  await n8n.importCredentials(credentials);
  await n8n.importWorkflows([
    chain(WORKFLOW_ID, 'Start a verification from a webhook', [verify('Start', { resource: 'verification', operation: 'start-verification', serviceSid, to: '={{ $json.body.to }}', channel: 'sms' })], webhook(PATH, '0f6a8a53-5a8e-4c55-9a57-7d1f2b9e0c01')),
  ]);
  await n8n.publish(WORKFLOW_ID);
  say(`n8n ${N8N_VERSION}: user folder ${n8n.userFolder} (our package in .n8n/nodes, SQLite shared by main and workers)`);

  const redis = await startRedis();
  onExit(() => redis.stop());
  const queue = { EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(redis.port) };
  say(`redis-server: 127.0.0.1:${redis.port}`);

  const main = await startN8n(n8n, 'start', queue);
  onExit(() => main.stop());
  const workers = [await startN8n(n8n, 'worker', queue)];
  onExit(() => workers[0]!.stop());
  const logs = stringArgument('--logs');
  if (logs !== undefined) {
    // Registered after the processes, so it runs before they are stopped (and once more is not needed).
    onExit(() => {
      mkdirSync(logs, { recursive: true });
      writeFileSync(join(logs, 'main.log'), main.log());
      workers.forEach((w, i) => writeFileSync(join(logs, `worker-${i + 1}.log`), w.log()));
      say(`logs: ${logs}/`);
    });
  }
  say(`n8n main: ${main.url}, worker 1: health on ${workers[0]!.url}`);

  // /healthz answers before the webhooks are registered: a 404 means "not yet".
  const url = `${main.url}/webhook/${PATH}`;
  const first = await waitForHttp(url, { method: 'POST', body: JSON.stringify({ to: '+15550000000' }), headers: { 'content-type': 'application/json' }, failure: () => main.log() });
  const firstBody = (await first.json()) as { sid?: string; status?: string };
  const enqueued = /Enqueued execution (\d+) \(job (\d+)\)/.exec(main.log());
  const ranOn = enqueued && startedOn(workers[0]!).includes(enqueued[1]!);
  say(`\nPOST ${url} → ${firstBody.sid} (${firstBody.status})`);
  say(`  main:     ${enqueued ? enqueued[0] : 'no "Enqueued execution" line: the main process did not use the queue'}`);
  say(`  worker 1: ${ranOn ? `Worker started execution ${enqueued[1]} (job ${enqueued[2]})` : 'did not log the execution'}`);
  if (!ranOn) throw new Error(`the execution did not run on the worker.\nmain:\n${main.log().slice(-3000)}\nworker:\n${workers[0]!.log().slice(-3000)}`);

  const rounds: Round[] = [];
  for (const count of [1, 2]) {
    if (workers.length < count) {
      const worker = await startN8n(n8n, 'worker', queue);
      onExit(() => worker.stop());
      workers.push(worker);
      say(`worker ${count}: health on ${worker.url}`);
    }
    // A few requests first, so every worker has loaded the node and opened its connections.
    await load(url, 4 * count, count, (i) => `+1555${count}9${String(i).padStart(6, '0')}`);
    const before = workers.map((w) => startedOn(w).length);
    const cpuBefore = { main: cpuSeconds(main.pid), workers: workers.map((w) => cpuSeconds(w.pid)), here: ownCpuSeconds() };
    const result = await load(url, requests, concurrency, (i) => `+1555${count}0${String(i).padStart(6, '0')}`);
    const cpu = { main: cpuSeconds(main.pid) - cpuBefore.main, workers: workers.map((w, i) => cpuSeconds(w.pid) - cpuBefore.workers[i]!), here: ownCpuSeconds() - cpuBefore.here };
    rounds.push({ workers: count, ...result, perWorker: workers.map((w, i) => startedOn(w).length - before[i]!), cpu });
    say(`${count} worker(s): ${result.ok}/${requests} verifications started in ${fmtMs(result.seconds * 1000)}${result.failed.length ? `; ${result.failed.length} failed: ${result.failed[0]}` : ''}`);
  }

  say(`\nVerifications started per second through n8n's webhook (n8n ${N8N_VERSION}, queue mode, ${requests} requests, ${concurrency} in flight, worker concurrency 10):`);
  say('| workers | started/s | time | failed | executions per worker | CPU s: main | CPU s: workers | CPU s: emulator + load |');
  say('|---|---|---|---|---|---|---|---|');
  const cpu = (s: number): string => s.toFixed(1);
  for (const r of rounds) {
    say(`| ${r.workers} | ${(r.ok / r.seconds).toFixed(1)} | ${r.seconds.toFixed(2)} s | ${r.failed.length} | ${r.perWorker.join(' + ')} | ${cpu(r.cpu.main)} | ${r.cpu.workers.map(cpu).join(' + ')} | ${cpu(r.cpu.here)} |`);
  }
  say(`emulator: ${emu.stats().verifications} verifications in all`);
  const failed = await failedExecutions(n8n.userFolder);
  // The webhook only answers "Error in workflow"; the execution n8n saved says why.
  if (failed.length > 0) say(`\nfailed executions, as n8n saved them:\n  ${failed.join('\n  ')}`);
});
