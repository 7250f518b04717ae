import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { packageRoot } from '../paths.js';
import { ConnectorSource } from './connector-source.js';
import { describeFlows, FlowRuns } from './flow-runs.js';
import { HttpError, readJson, send, sendJson } from './http.js';
import { describeModules, moduleOptions, runModule } from './modules-api.js';
import { scrubber } from './secrets.js';
import { CONTENT_SECURITY_POLICY, loadPage } from './static-files.js';
import { accountTarget, emulatorTarget, type Target } from './target.js';

export interface PlaygroundOptions {
  /** The connector folder (default: this package's). */
  dir?: string;
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** A real account's connection; without it an emulator is started. Its secrets stay in this process. */
  connection?: Record<string, unknown>;
}

export interface Playground {
  /** The page's address, with the run's token in its fragment (never sent to a server, not in any log). */
  url: string;
  /** Base URL without the token. */
  origin: string;
  token: string;
  target: Target;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
export const TOKEN_HEADER = 'x-playground-token';

type Handler = (req: IncomingMessage, url: URL) => Promise<unknown>;

/** Starts the page's server on loopback, with an emulator behind it unless a real account is given. */
export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const page = loadPage();
  if (!page) throw new Error('the playground page is not built: run `npm run build` in the package first.');
  const target = options.connection ? accountTarget(options.connection) : await emulatorTarget();
  const source = new ConnectorSource(resolve(options.dir ?? packageRoot));
  const flows = new FlowRuns(target);
  const scrub = scrubber(target.secrets);
  const token = randomBytes(32).toString('hex');
  const tokenBuffer = Buffer.from(token);

  const connectorOrFail = async () => {
    const state = await source.get();
    if (!state.connector) throw new HttpError(409, 'the connector cannot be loaded: see its problems');
    return state.connector;
  };

  const routes: Record<string, Handler> = {
    'GET /api/connector': async () => {
      const state = await source.get();
      const manifest = state.connector?.manifest;
      return {
        version: state.version,
        dir: source.dir,
        target: { kind: target.kind, url: target.kind === 'emulator' ? target.baseUrl('verify') : null },
        connector: manifest ? { id: manifest.id, name: manifest.name, version: manifest.version, description: manifest.description ?? '' } : null,
        problems: state.problems,
        ...(state.connector ? describeModules(state.connector) : { modules: [], groups: [] }),
        flows: describeFlows(),
      };
    },
    'GET /api/status': async (_req, url) => {
      const state = await source.get();
      const after = Math.max(0, Number(url.searchParams.get('after') ?? 0) || 0);
      const messages = target.emulator?.outbox() ?? [];
      return { version: state.version, outbox: { total: messages.length, messages: messages.slice(after) }, requests: target.emulator?.stats().requests ?? null };
    },
    'POST /api/run': async (req) => {
      const body = await readJson(req);
      return runModule(await connectorOrFail(), target, String(body['module']), body['input'] ?? {});
    },
    'POST /api/options': async (req) => moduleOptions(await connectorOrFail(), target, await readJson(req)),
    'POST /api/flows': async (req) => {
      const body = await readJson(req);
      return flows.start(await connectorOrFail(), String(body['template']), body['params'] ?? {});
    },
    'GET /api/flows/run': async (_req, url) => flows.get(url.searchParams.get('id') ?? '') ?? notFound(),
    'POST /api/flows/answer': async (req) => {
      const body = await readJson(req);
      return flows.answer(String(body['id']), String(body['answer'] ?? '')) ?? notFound();
    },
    'POST /api/flows/stop': async (req) => flows.stop(String((await readJson(req))['id'])) ?? notFound(),
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: 'the playground failed on this request' });
      else res.destroy();
    });
  });

  let origin = '';
  const allowedHosts = (): Set<string> => {
    const port = (server.address() as AddressInfo).port;
    return new Set([`${HOST}:${port}`, `localhost:${port}`]);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page elsewhere could point a name it controls at 127.0.0.1 (DNS rebinding): only our own host names are served.
    if (!allowedHosts().has(req.headers.host ?? '')) return sendJson(res, 421, { error: 'unknown host' });
    const url = new URL(req.url ?? '/', origin);
    if (!url.pathname.startsWith('/api/')) {
      const file = req.method === 'GET' || req.method === 'HEAD' ? page!.get(url.pathname) : undefined;
      if (!file) return sendJson(res, 404, { error: 'not found' });
      return send(res, 200, file.type, file.body, { 'content-security-policy': CONTENT_SECURITY_POLICY });
    }
    const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
    if (given.length !== tokenBuffer.length || !timingSafeEqual(given, tokenBuffer)) {
      return sendJson(res, 401, { error: 'this page needs the token printed with its address: open the URL verify-connector playground printed' });
    }
    const route = routes[`${req.method} ${url.pathname}`];
    if (!route) return sendJson(res, 404, { error: 'not found' });
    try {
      sendJson(res, 200, scrub(await route(req, url)));
    } catch (error) {
      if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message });
      throw error;
    }
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', fail);
      done();
    });
  }).catch(async (error) => {
    await target.close();
    throw error;
  });
  origin = `http://${HOST}:${(server.address() as AddressInfo).port}`;
  server.requestTimeout = 30_000;

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    target,
    close() {
      closing ??= (async () => {
        flows.stopAll();
        await new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
        await target.close();
      })();
      return closing;
    },
  };
}

function notFound(): never {
  throw new HttpError(404, 'no such flow run (the playground may have restarted)');
}
