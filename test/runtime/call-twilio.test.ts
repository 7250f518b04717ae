import assert from 'node:assert/strict';
import nock from 'nock';
import { callTwilio } from '../../connector/runtime/call-twilio.js';
import { resolveConnection } from '../../connector/transport/connection.js';
import { assertNoSecret, connection, expectRequest, FAST_RETRY, twilioError, useNock, VERIFY } from '../support/nock.js';

const resolved = () => resolveConnection(connection);
const get = { method: 'GET' as const, host: 'verify' as const, path: '/v2/Services/VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' };
const post = { method: 'POST' as const, host: 'verify' as const, path: '/v2/Services/VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Verifications', form: [['To', '+15017122661'], ['Channel', 'sms']] as Array<[string, string]> };

describe('retry policy (callTwilio)', () => {
  useNock();

  it('retries 20429 even for a start (Twilio did not act), then succeeds', async () => {
    const first = expectRequest('POST', post.path, twilioError(20429, 429, 'Too many concurrent requests'));
    const second = expectRequest('POST', post.path, { status: 201, body: { sid: 'VE1' } });
    const response = await callTwilio(resolved(), post, { idempotent: false, timeoutMs: 5000, retry: FAST_RETRY });
    assert.equal(response.statusCode, 201);
    assert.equal(first.count + second.count, 2);
  });

  it('honours Retry-After before retrying', async () => {
    expectRequest('GET', get.path, { status: 429, body: { code: 60212, message: 'Too many concurrent requests for phone number', status: 429 }, headers: { 'content-type': 'application/json', 'retry-after': '1' } });
    expectRequest('GET', get.path, { status: 200, body: { sid: 'VA' } });
    const started = Date.now();
    await callTwilio(resolved(), get, { idempotent: true, timeoutMs: 5000, retry: FAST_RETRY });
    assert.ok(Date.now() - started >= 900, 'waited the Retry-After second');
  });

  it('does not wait a Retry-After longer than the policy allows: the error carries it', async () => {
    expectRequest('GET', get.path, { status: 429, body: { code: 20429, message: 'Too many requests', status: 429 }, headers: { 'content-type': 'application/json', 'retry-after': '3600' } });
    await assert.rejects(callTwilio(resolved(), get, { idempotent: true, timeoutMs: 5000, retry: FAST_RETRY }), (error: any) => {
      assert.equal(error.code, 'rate_limited');
      assert.equal(error.details.retryAfterMs, 3_600_000);
      return true;
    });
  });

  it('retries a 503 on an idempotent read, at most maxAttempts times', async () => {
    const seen = [1, 2, 3].map(() => expectRequest('GET', get.path, twilioError(20503, 503, 'Service unavailable')));
    await assert.rejects(callTwilio(resolved(), get, { idempotent: true, timeoutMs: 5000, retry: FAST_RETRY }), (error: any) => error.code === 'server_error');
    assert.equal(seen.reduce((n, s) => n + s.count, 0), 3);
  });

  it('never re-sends a start after a 503, and says the error is not safe to repeat', async () => {
    const seen = expectRequest('POST', post.path, twilioError(20503, 503, 'Service unavailable'));
    await assert.rejects(callTwilio(resolved(), post, { idempotent: false, timeoutMs: 5000, retry: FAST_RETRY }), (error: any) => {
      assert.equal(error.code, 'server_error');
      assert.equal(error.retryable, false);
      assert.match(error.remedy, /may have/);
      return true;
    });
    assert.equal(seen.count, 1);
  });

  it('never re-sends a start after a socket hang-up', async () => {
    let count = 0;
    const countRequests = () => count++;
    nock.emitter.on('no match', countRequests);
    nock(VERIFY).post(post.path).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' }).on('request', countRequests);
    await assert.rejects(callTwilio(resolved(), post, { idempotent: false, timeoutMs: 5000, retry: FAST_RETRY }), (error: any) => {
      assert.equal(error.code, 'network_error');
      assert.equal(error.retryable, false);
      assertNoSecret(error);
      return true;
    });
    nock.emitter.removeListener('no match', countRequests);
    assert.equal(count, 1, 'sent once; a retry would reach nock again');
  });

  it('retries a network failure on an idempotent read', async () => {
    nock(VERIFY).get(get.path).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    expectRequest('GET', get.path, { status: 200, body: { sid: 'VA' } });
    const response = await callTwilio(resolved(), get, { idempotent: true, timeoutMs: 5000, retry: FAST_RETRY });
    assert.equal(response.statusCode, 200);
  });

  it('reports a timeout as timeout, without the request (and its Authorization header) in the error', async () => {
    nock(VERIFY).post(post.path).delay(500).reply(201, {});
    await assert.rejects(callTwilio(resolved(), post, { idempotent: false, timeoutMs: 100, retry: FAST_RETRY }), (error: any) => {
      assert.equal(error.code, 'timeout');
      assert.equal(error.retryable, false);
      assertNoSecret(error);
      return true;
    });
  });

  it('stops when the caller aborts', async () => {
    nock(VERIFY).get(get.path).delay(300).reply(200, {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(callTwilio(resolved(), get, { idempotent: true, timeoutMs: 5000, signal: controller.signal, retry: FAST_RETRY }), (error: any) => error.code === 'network_error' && /cancelled/.test(error.message));
    await new Promise((r) => setTimeout(r, 350));
  });
});
