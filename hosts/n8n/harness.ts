/**
 * A real n8n for the host tests: the version pinned by hosts/n8n/package-lock.json (installed there with `npm ci`),
 * a fresh user folder per suite, our two packages packed and installed into it the way a community package lands
 * (`<user folder>/.n8n/nodes/node_modules/`), and n8n's own CLI for everything: import:credentials,
 * import:workflow, execute --id … --rawOutput, publish:workflow, start. Every port is free when asked for and on
 * loopback; nothing is left running after dispose().
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../connector/paths.js';
import { N8N_PACKAGE_NAME, NODE_NAME, NODE_TYPE } from '../../connector/n8n/description.js';
import { buildN8nPackage } from '../../scripts/build-n8n.js';

export const N8N_VERSION = '2.8.4';
export const HOST_DIR = join(packageRoot, 'hosts', 'n8n');
const N8N_BIN = join(HOST_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
export { NODE_TYPE };
/** The same node loaded from N8N_CUSTOM_EXTENSIONS: n8n names every node found there CUSTOM.<name>. */
export const CUSTOM_NODE_TYPE = `CUSTOM.${NODE_NAME}`;

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to its end (no shell), with a time limit. With `stdoutFile` its stdout goes to that file and is read
 * back at the end: n8n prints an execution with console.log and then calls process.exit(), which cuts what is still
 * queued for a pipe (megabytes of items), while a write to a file completes.
 */
export function run(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; stdoutFile?: string } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const fd = options.stdoutFile === undefined ? undefined : openSync(options.stdoutFile, 'w');
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', fd ?? 'pipe', 'pipe'] });
    if (fd !== undefined) closeSync(fd);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (options.stdoutFile !== undefined) stdout = readFileSync(options.stdoutFile, 'utf8');
      resolve({ code, stdout, stderr });
    });
  });
}

/** A port that was free a moment ago (n8n takes a port number, not a listening socket). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Fails loudly when the pinned n8n is not installed, naming the command that installs it. */
export async function assertPinnedN8n(): Promise<void> {
  if (!existsSync(N8N_BIN)) throw new Error(`n8n is not installed in hosts/n8n: run \`npm ci --prefix hosts/n8n\` (a cold install compiles sqlite3, 4–5 minutes).`);
  const lock = JSON.parse(readFileSync(join(HOST_DIR, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  const installed = JSON.parse(readFileSync(join(HOST_DIR, 'node_modules', 'n8n', 'package.json'), 'utf8')) as { version: string };
  if (lock.packages['node_modules/n8n']?.version !== N8N_VERSION || installed.version !== N8N_VERSION) {
    throw new Error(`hosts/n8n must hold n8n ${N8N_VERSION} (lock: ${lock.packages['node_modules/n8n']?.version}, installed: ${installed.version}): run \`npm ci --prefix hosts/n8n\`.`);
  }
}

/** The workflow n8n stored for an execution, as `execute --rawOutput` prints it. */
export interface Execution {
  status: string;
  data: { resultData: { runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: Record<string, unknown>; executionTime?: number }>>; error?: Record<string, unknown>; lastNodeExecuted?: string } };
}

/**
 * Where our packages go: a community package in `<user folder>/.n8n/nodes/node_modules/` (as Settings › Community
 * Nodes installs it), or a folder outside n8n's named by N8N_CUSTOM_EXTENSIONS.
 */
export type InstallMode = 'community-package' | 'custom-extensions';

export interface N8nInstance {
  userFolder: string;
  /** The type workflows name our node by (NODE_TYPE, or CUSTOM_NODE_TYPE when loaded from N8N_CUSTOM_EXTENSIONS). */
  nodeType: string;
  env: NodeJS.ProcessEnv;
  /** n8n's CLI with this instance's environment. */
  cli(args: readonly string[], timeoutMs?: number, stdoutFile?: string): Promise<RunResult>;
  importCredentials(credentials: object[]): Promise<void>;
  importWorkflows(workflows: object[]): Promise<void>;
  /** `n8n publish:workflow --id=…`: the workflow's triggers (webhooks) go live when n8n starts. */
  publish(workflowId: string): Promise<void>;
  /** `n8n execute --id=… --rawOutput`: the execution n8n printed (also when it failed), and the exit code. */
  execute(workflowId: string, timeoutMs?: number): Promise<{ code: number | null; execution?: Execution; output: RunResult }>;
  dispose(): void;
}

/** Packs this package and the freshly built n8n package into `dir`; returns the two tarballs. */
async function packPackages(dir: string): Promise<string[]> {
  const { outDir } = await buildN8nPackage();
  const tarballs: string[] = [];
  for (const source of [packageRoot, outDir]) {
    const packed = await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: source });
    if (packed.code !== 0) throw new Error(`npm pack in ${source} failed: ${packed.stderr}`);
    tarballs.push(join(dir, packed.stdout.trim().split('\n').at(-1)!));
  }
  return tarballs;
}

/** The one JSON document `execute --rawOutput` prints after n8n's own log lines. */
function parseExecution(stdout: string): Execution | undefined {
  const start = stdout.search(/^\{$/m);
  if (start === -1) return undefined;
  const end = stdout.indexOf('\n}', start);
  try {
    return JSON.parse(stdout.slice(start, end === -1 ? undefined : end + 2)) as Execution;
  } catch {
    return undefined;
  }
}

/** A fresh n8n user folder with our packages installed as a community package (or as custom extensions). */
export async function createN8nInstance(install: InstallMode = 'community-package'): Promise<N8nInstance> {
  await assertPinnedN8n();
  const userFolder = mkdtempSync(join(tmpdir(), 'n8n-host-'));
  const nodesDir = install === 'community-package' ? join(userFolder, '.n8n', 'nodes') : join(userFolder, 'extensions');
  mkdirSync(nodesDir, { recursive: true });
  writeFileSync(join(nodesDir, 'package.json'), `${JSON.stringify({ name: 'installed-nodes', private: true }, null, 2)}\n`);
  const tarballs = await packPackages(userFolder);
  const installed = await run('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts', '--prefer-offline', ...tarballs], { cwd: nodesDir, timeoutMs: 300_000 });
  if (installed.code !== 0) throw new Error(`installing the packages into ${nodesDir} failed: ${installed.stderr}`);

  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    N8N_USER_FOLDER: userFolder,
    N8N_ENCRYPTION_KEY: 'twilio-verify-connector-host-test',
    N8N_LOG_LEVEL: 'info',
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_SECURE_COOKIE: 'false',
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_HOST: '127.0.0.1',
    GENERIC_TIMEZONE: 'UTC',
    // The package folder itself: its dependency (the runtime) is found beside it in node_modules.
    ...(install === 'custom-extensions' ? { N8N_CUSTOM_EXTENSIONS: join(nodesDir, 'node_modules', N8N_PACKAGE_NAME) } : {}),
  };
  const cli = async (args: readonly string[], timeoutMs?: number, stdoutFile?: string): Promise<RunResult> =>
    run(process.execPath, [N8N_BIN, ...args], { env: { ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) }, ...(timeoutMs ? { timeoutMs } : {}), ...(stdoutFile ? { stdoutFile } : {}) });
  const importFiles = async (kind: 'credentials' | 'workflow', documents: object[]): Promise<void> => {
    const file = join(userFolder, `import-${kind}-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(documents));
    const result = await cli([`import:${kind}`, `--input=${file}`]);
    if (result.code !== 0 || !/Successfully imported/.test(result.stdout + result.stderr)) throw new Error(`n8n import:${kind} failed:\n${result.stdout}\n${result.stderr}`);
  };
  return {
    userFolder,
    nodeType: install === 'community-package' ? NODE_TYPE : CUSTOM_NODE_TYPE,
    env,
    cli,
    importCredentials: (credentials) => importFiles('credentials', credentials),
    importWorkflows: (workflows) => importFiles('workflow', workflows),
    async publish(workflowId) {
      const result = await cli(['publish:workflow', `--id=${workflowId}`]);
      if (result.code !== 0) throw new Error(`n8n publish:workflow --id=${workflowId} failed:\n${result.stdout}\n${result.stderr}`);
    },
    async execute(workflowId, timeoutMs) {
      const output = await cli(['execute', `--id=${workflowId}`, '--rawOutput'], timeoutMs, join(userFolder, `execute-${workflowId}.out`));
      const execution = parseExecution(output.stdout);
      return { code: output.code, output, ...(execution ? { execution } : {}) };
    },
    dispose: () => rmSync(userFolder, { recursive: true, force: true }),
  };
}

export interface N8nProcess {
  /** http://127.0.0.1:PORT of the main process (or of the worker's health endpoint). */
  url: string;
  pid: number;
  /** Everything the process printed so far. */
  log(): string;
  stop(): Promise<void>;
}

/** Polls `url` until it answers with one of `statuses`, or fails after `timeoutMs`. */
export async function waitForHttp(url: string, options: { statuses?: number[]; timeoutMs?: number; method?: string; body?: string; headers?: Record<string, string>; failure?: () => string } = {}): Promise<Response> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let last = '';
  for (;;) {
    try {
      const response = await fetch(url, { method: options.method ?? 'GET', ...(options.body ? { body: options.body } : {}), ...(options.headers ? { headers: options.headers } : {}) });
      if ((options.statuses ?? [200]).includes(response.status)) return response;
      last = `HTTP ${response.status}`;
      await response.body?.cancel();
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer (${last})${options.failure ? `\n${options.failure().slice(-4000)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Starts `n8n start` (or `worker`, `webhook`) for an instance, on loopback ports found free, and waits until it
 * answers /healthz. `env` adds settings (queue mode, a port chosen by the caller).
 */
export async function startN8n(instance: N8nInstance, command: 'start' | 'worker' | 'webhook' = 'start', env: NodeJS.ProcessEnv = {}): Promise<N8nProcess> {
  const port = Number(env['N8N_PORT'] ?? (await freePort()));
  const healthPort = await freePort();
  const full: NodeJS.ProcessEnv = {
    ...instance.env,
    N8N_PORT: String(port),
    N8N_RUNNERS_BROKER_PORT: String(await freePort()),
    QUEUE_HEALTH_CHECK_ACTIVE: 'true',
    QUEUE_HEALTH_CHECK_PORT: String(healthPort),
    N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
    WEBHOOK_URL: `http://127.0.0.1:${Number(env['N8N_PORT'] ?? port)}/`,
    ...env,
  };
  const child = spawn(process.execPath, [N8N_BIN, command], { env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${command === 'worker' ? healthPort : port}`;
  try {
    await waitForHttp(`${url}/healthz`, { failure: () => output });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    pid: child.pid!,
    log: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The items a node sent to its output `index` (0: main, 1: the error output) in its last run. */
export function nodeOutput(execution: Execution, node: string, index = 0): Array<Record<string, unknown>> {
  const runs = execution.data.resultData.runData[node];
  if (!runs || runs.length === 0) throw new Error(`node "${node}" did not run; ran: ${Object.keys(execution.data.resultData.runData).join(', ')}`);
  return (runs.at(-1)!.data?.main[index] ?? []).map((item) => item.json);
}

