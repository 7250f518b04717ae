import assert from 'node:assert/strict';
import { ConnectorError } from '../../connector/errors/connector-error.js';
import { isAllowedBaseUrl } from '../../connector/common/base-url.js';
import { pointerTo } from '../../connector/common/json-pointer.js';
import { MAX_INPUT_DEPTH, buildRequest } from '../../connector/runtime/request-builder.js';
import { resolveConnection, secretTexts } from '../../connector/transport/connection.js';

/** The depth check as it was written before it spelled pointers lazily: the reference for the rewrite. */
function referenceTooDeepAt(input: unknown): string | undefined {
  const stack: Array<[unknown, string, number]> = [[input, '', 0]];
  while (stack.length > 0) {
    const [value, pointer, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) return pointer;
    for (const key of Object.keys(value)) stack.push([(value as Record<string, unknown>)[key], pointerTo(pointer, key), depth + 1]);
  }
  return undefined;
}

function nest(depth: number, key: (level: number) => string, leaf: unknown): unknown {
  let value = leaf;
  for (let level = depth - 1; level >= 0; level--) value = { [key(level)]: value };
  return value;
}

// The per-call caches of the performance work must never change an answer: they only skip repeating one.
describe('per-call caches give the same answers', () => {
  const accountSid = 'AC' + 'a'.repeat(32);

  it('an unchanged connection object resolves to the same result; any change is validated again', () => {
    const connection: Record<string, unknown> = { accountSid, authToken: 'secret-token-1', baseUrl: 'http://127.0.0.1:4010/' };
    const first = resolveConnection(connection);
    assert.deepEqual(first, { accountSid, username: accountSid, password: 'secret-token-1', baseUrl: 'http://127.0.0.1:4010' });
    assert.equal(resolveConnection(connection), first);

    connection['authToken'] = 'secret-token-2';
    assert.equal(resolveConnection(connection).password, 'secret-token-2');

    connection['baseUrl'] = 'https://evil.example';
    assert.throws(() => resolveConnection(connection), (e: unknown) => e instanceof ConnectorError && e.code === 'invalid_connection');
    connection['baseUrl'] = 'http://127.0.0.1:4010';
    assert.equal(resolveConnection(connection).baseUrl, 'http://127.0.0.1:4010');

    connection['colour'] = 'blue';
    assert.throws(() => resolveConnection(connection), (e: unknown) => e instanceof ConnectorError && e.code === 'invalid_connection');
    delete connection['colour'];
    delete connection['authToken'];
    assert.throws(() => resolveConnection(connection), (e: unknown) => e instanceof ConnectorError && e.code === 'invalid_connection');
  });

  it('an invalid connection stays invalid on every call', () => {
    const connection = { accountSid, authToken: '' };
    for (let i = 0; i < 3; i++) assert.throws(() => resolveConnection(connection), (e: unknown) => e instanceof ConnectorError && e.code === 'invalid_connection');
  });

  it('objects that are not plain, or hold objects, are validated every time', () => {
    class Connection {
      accountSid = accountSid;
      authToken = 'secret-token-1';
    }
    const instance = new Connection();
    assert.equal(resolveConnection(instance).password, 'secret-token-1');
    instance.authToken = '';
    assert.throws(() => resolveConnection(instance));
  });

  it('isAllowedBaseUrl answers the same from its memory', () => {
    const urls = ['http://127.0.0.1:4010', 'https://verify.twilio.com', 'https://evil.example', 'http://user:pw@127.0.0.1:1', 'http://localhost:3000', 'not a url', 'https://twilio.com.evil.example'];
    const first = urls.map(isAllowedBaseUrl);
    assert.deepEqual(first, [true, true, false, false, true, false, false]);
    for (let i = 0; i < 200; i++) isAllowedBaseUrl(`http://127.0.0.1:${1000 + i}`);
    assert.deepEqual(urls.map(isAllowedBaseUrl), first);
    assert.deepEqual(urls.map(isAllowedBaseUrl), first);
  });

  it('secretTexts names each secret and its Basic credentials, and follows every change', () => {
    const connection: Record<string, unknown> = { accountSid, authToken: 'secret-token-1' };
    const first = secretTexts(connection);
    assert.deepEqual(first, ['secret-token-1', Buffer.from(`${accountSid}:secret-token-1`).toString('base64')]);
    first.push('mutated by a caller');
    assert.deepEqual(secretTexts(connection), first.slice(0, 2));
    connection['authToken'] = 'secret-token-2';
    assert.deepEqual(secretTexts(connection), ['secret-token-2', Buffer.from(`${accountSid}:secret-token-2`).toString('base64')]);
    connection['apiKeySecret'] = 'another-secret';
    assert.equal(secretTexts(connection).length, 4);
  });

  it('the input depth check reports the same pointer as before', () => {
    const template = { method: 'POST' as const, host: 'verify' as const, path: '/v2/Services' };
    const pointerOf = (input: Record<string, unknown>): string | undefined => {
      try {
        buildRequest(template, [], input);
        return undefined;
      } catch (error) {
        return ((error as ConnectorError).details as { problems: Array<{ pointer: string }> }).problems[0]!.pointer;
      }
    };
    const inputs: Array<Record<string, unknown>> = [
      {},
      { a: 1, b: 'x', c: null },
      { deep: nest(MAX_INPUT_DEPTH - 1, () => 'k', 1) },
      { deep: nest(MAX_INPUT_DEPTH, () => 'k', 1) },
      { deep: nest(MAX_INPUT_DEPTH + 3, (l) => `a/b~${l}`, { x: 1 }) },
      { first: nest(MAX_INPUT_DEPTH + 1, () => 'p', 1), second: nest(MAX_INPUT_DEPTH + 1, () => 'q', 1), list: [nest(MAX_INPUT_DEPTH, () => '0', [])] },
      { list: Array.from({ length: 3 }, (_, i) => nest(MAX_INPUT_DEPTH + i - 1, () => `i${i}`, 'leaf')) },
    ];
    for (const input of inputs) assert.equal(pointerOf(input), referenceTooDeepAt(input), JSON.stringify(input).slice(0, 120));
    assert.ok(inputs.filter((input) => referenceTooDeepAt(input) !== undefined).length >= 4);
  });
});
