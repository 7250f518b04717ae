/** A playground on loopback for tests, and a client that records every answer the page would receive. */
import { request } from 'node:http';
import { startPlayground, TOKEN_HEADER, type Playground, type PlaygroundOptions } from '../../connector/playground/server.js';

export interface Answer {
  status: number;
  body: any;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface PlaygroundClient {
  playground: Playground;
  /** Every body the server sent, for the no-secret checks. */
  received: string[];
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer>;
  close(): Promise<void>;
}

/** Plain node:http, so a test can send any Host header (fetch would not). */
function send(origin: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        resolve({ status: res.statusCode ?? 0, body: parsed, text, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function playgroundClient(options: PlaygroundOptions = {}): Promise<PlaygroundClient> {
  const playground = await startPlayground(options);
  const received: string[] = [];
  const auth = { [TOKEN_HEADER]: playground.token };
  const record = (answer: Answer): Answer => {
    received.push(answer.text);
    return answer;
  };
  return {
    playground,
    received,
    get: async (path, headers = auth) => record(await send(playground.origin, 'GET', path, headers)),
    post: async (path, body, headers = auth) => record(await send(playground.origin, 'POST', path, { 'content-type': 'application/json', ...headers }, JSON.stringify(body))),
    close: () => playground.close(),
  };
}
