import assert from 'node:assert/strict';
import { ERROR_CODES, TWILIO_ERROR_TABLE } from '../../connector/index.js';
import { errorFromResponse } from '../../connector/errors/map.js';
import { callTwilio } from '../../connector/runtime/call-twilio.js';
import { resolveConnection } from '../../connector/transport/connection.js';
import { assertNoSecret, connection, expectRequest, useNock } from '../support/nock.js';

/** The HTTP status Twilio answers each code with (VERIFY-FACTS.md and Twilio's error dictionary). */
const STATUS: Record<number, number> = {
  20003: 401, 20404: 404, 20429: 429, 21211: 400, 21408: 400, 21470: 400, 21608: 400, 21610: 400, 21614: 400,
  60200: 400, 60201: 400, 60202: 429, 60203: 429, 60204: 403, 60205: 403, 60206: 400, 60207: 400, 60208: 400, 60209: 400,
  60210: 400, 60211: 400, 60212: 429, 60213: 400, 60217: 400, 60223: 400, 60228: 400, 60410: 403, 60411: 400, 60605: 403,
  68008: 400,
  // Entities, factors, challenges (Twilio's error dictionary; 60362/60364/60366/60383/60390–60392 statuses inferred)
  60301: 409, 60308: 429, 60310: 429, 60311: 403, 60312: 429, 60315: 400, 60318: 403, 60322: 403, 60323: 403,
  60324: 403, 60362: 400, 60364: 400, 60366: 400, 60383: 400, 60390: 404, 60391: 404, 60392: 404,
};

describe('error table', () => {
  useNock();

  it('names a status for every row, and every row maps to a code of the closed set', () => {
    assert.deepEqual(Object.keys(TWILIO_ERROR_TABLE).sort(), Object.keys(STATUS).sort());
    for (const rule of Object.values(TWILIO_ERROR_TABLE)) assert.ok((ERROR_CODES as readonly string[]).includes(rule.code));
  });

  it('marks as retryable only the codes where Twilio did not act (20429, 60212)', () => {
    const retryable = Object.entries(TWILIO_ERROR_TABLE).filter(([, r]) => r.retryable).map(([code]) => Number(code));
    assert.deepEqual(retryable.sort(), [20429, 60212]);
  });

  for (const [code, rule] of Object.entries(TWILIO_ERROR_TABLE)) {
    it(`maps Twilio ${code} (HTTP ${STATUS[Number(code)]}) to ${rule.code}, keeping Twilio's words and a remedy`, async () => {
      const status = STATUS[Number(code)]!;
      const message = `Twilio says ${code}`;
      const seen = expectRequest('POST', '/v2/Services', { status, body: { code: Number(code), message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } });
      const request = { method: 'POST' as const, host: 'verify' as const, path: '/v2/Services', form: [['FriendlyName', 'x']] as Array<[string, string]> };
      await assert.rejects(callTwilio(resolveConnection(connection), request, { idempotent: false, timeoutMs: 5000, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } }), (error: any) => {
        assert.equal(error.code, rule.code);
        assert.equal(error.twilioCode, Number(code));
        assert.equal(error.status, status);
        assert.equal(error.moreInfo, `https://www.twilio.com/docs/errors/${code}`);
        assert.ok(error.message.includes(message), error.message);
        assert.ok(error.remedy && error.remedy.length > 20);
        assertNoSecret(error);
        return true;
      });
      assert.equal(seen.count, 1);
    });
  }

  it('falls back on the HTTP status when the code is unknown or the body is not JSON', () => {
    assert.equal(errorFromResponse(404, { code: 99999, message: 'x' }).code, 'not_found');
    assert.equal(errorFromResponse(502, '<html>Bad gateway</html>').code, 'server_error');
    assert.equal(errorFromResponse(401, '').code, 'authentication_failed');
    assert.equal(errorFromResponse(429, {}).code, 'rate_limited');
    assert.equal(errorFromResponse(400, {}).code, 'invalid_parameter');
  });

  it('names the programmable rate limit Twilio reports reached (Twilio-Reached-Rate-Limit) in the message and details of a 20429', () => {
    const body = { code: 20429, message: 'Too many requests', more_info: 'https://www.twilio.com/docs/errors/20429', status: 429 };
    const error = errorFromResponse(429, body, undefined, 60_000, { 'twilio-reached-rate-limit': 'end_user_ip_address', 'retry-after': '60' });
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.message, 'Too many requests (Twilio error 20429). Rate limit reached: end_user_ip_address.');
    assert.deepEqual(error.details, { retryAfterMs: 60_000, reachedRateLimit: 'end_user_ip_address' });
    assert.match(error.remedy ?? '', /reachedRateLimit/);
    const plain = errorFromResponse(429, body, undefined, undefined, {});
    assert.equal(plain.message, 'Too many requests (Twilio error 20429).', 'no header, no claim about a rate limit');
    assert.equal(plain.details, undefined);
    const hostile = errorFromResponse(429, body, undefined, undefined, { 'twilio-reached-rate-limit': `a\r\nSet-Cookie: x\u0000${'z'.repeat(500)}` });
    assert.equal(hostile.details?.['reachedRateLimit'], `aSet-Cookie: x${'z'.repeat(186)}`, 'one printable line, at most 200 characters');
  });

  it('declares headers only in the table, each filling a details key', () => {
    const declared = Object.entries(TWILIO_ERROR_TABLE).filter(([, r]) => r.headers).map(([code, r]) => [code, r.headers]);
    assert.deepEqual(declared, [['20429', { 'twilio-reached-rate-limit': { detail: 'reachedRateLimit', label: 'rate limit reached' } }]]);
  });

  it('lets a module give a code a more precise meaning (20404 on a check: no longer pending)', () => {
    const error = errorFromResponse(404, { code: 20404, message: 'not found' }, { '20404': { code: 'verification_not_pending', remedy: 'Start a new verification.' } });
    assert.equal(error.code, 'verification_not_pending');
    assert.equal(error.remedy, 'Start a new verification.');
  });
});
