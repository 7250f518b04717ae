/**
 * The URL and header patterns of the exported "Make an API call" agree with the runtime's checks
 * (connector/runtime/safe-request.ts): a path Make accepts is one `execute` sends, a path it refuses is one `execute`
 * refuses — on hostile pieces spliced into safe paths and on random strings — and the same for header names.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkHeaders, checkRelativePath } from '../../connector/runtime/safe-request.js';
import { FORBIDDEN_HEADER_PATTERN, HEADER_VALUE_PATTERN, MAX_PATH_LENGTH, RELATIVE_PATH_PATTERN } from '../../connector/make/safe-patterns.js';
import { fcParams } from '../hardening/support/harness.js';

const path = new RegExp(RELATIVE_PATH_PATTERN);
const headerName = new RegExp(FORBIDDEN_HEADER_PATTERN);
const headerValue = new RegExp(HEADER_VALUE_PATTERN);

function runtimeAcceptsPath(value: string): boolean {
  try {
    checkRelativePath(value, '/url');
    return true;
  } catch {
    return false;
  }
}

function makeAcceptsPath(value: string): boolean {
  return path.test(value) && value.length <= MAX_PATH_LENGTH;
}

function runtimeAcceptsHeader(name: string, value = 'x'): boolean {
  try {
    checkHeaders({ [name]: value }, '/headers');
    return true;
  } catch {
    return false;
  }
}

const PIECES = ['//', '\\', '..', '/../', '/./', '.', '%2e', '%2E', '%2f', '%5c', '%00', '%0d%0a', '%40', '%25', '%41', '@', '?', '#', ' ', '\r\n', '\uff0f', 'https://evil.example', 'HTTP:', ':', "'", '(', '~', '-', '=', '&'];
const segment = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9\-_~.]{0,8}$/);
const spliced = fc
  .tuple(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.nat()), { maxLength: 3 }), fc.boolean())
  .map(([segments, pieces, lead]) => {
    let url = `/${segments.join('/')}`;
    for (const [piece, at] of pieces) {
      const i = at % (url.length + 1);
      url = url.slice(0, i) + piece + url.slice(i);
    }
    return lead && pieces[0] ? pieces[0][0] + url : url;
  });

describe('Make export: the URL and header patterns are the runtime\'s rules', () => {
  it('hostile pieces spliced into paths: Make accepts exactly what the runtime sends', () => {
    let accepted = 0;
    fc.assert(
      fc.property(spliced, (url) => {
        assert.equal(makeAcceptsPath(url), runtimeAcceptsPath(url), JSON.stringify(url));
        if (runtimeAcceptsPath(url)) accepted++;
      }),
      fcParams(3000),
    );
    assert.ok(accepted > 100, `some generated paths are safe (${accepted})`);
  });

  it('random strings: Make accepts exactly what the runtime sends', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30, unit: fc.constantFrom(...'/aZ9.%2e5cA@\\:?#-_~ '.split('')) }), (url) => assert.equal(makeAcceptsPath(url), runtimeAcceptsPath(url), JSON.stringify(url))), fcParams(3000));
  });

  it('the length limit is the runtime\'s', () => {
    const long = `/${'a'.repeat(MAX_PATH_LENGTH - 1)}`;
    assert.ok(makeAcceptsPath(long) && runtimeAcceptsPath(long));
    assert.ok(!makeAcceptsPath(`${long}a`) && !runtimeAcceptsPath(`${long}a`));
  });

  it('header names: the ones the connection owns (any case) and Content-Type are refused by both', () => {
    for (const name of ['Authorization', 'authorization', 'AUTHORIZATION', 'Host', 'Cookie', 'Content-Type', 'content-length', 'X-Forwarded-Host', 'Proxy-Authorization']) {
      assert.equal(headerName.test(name), false, name);
      assert.equal(runtimeAcceptsHeader(name), false, name);
    }
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 24, unit: fc.constantFrom(...'AaHhOoSsTtCcKkIiEe-_:. 9/'.split('')) }), (name) => assert.equal(headerName.test(name), runtimeAcceptsHeader(name), JSON.stringify(name))),
      fcParams(3000),
    );
  });

  it('header values: printable text, no line breaks, as the runtime sends them', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20, unit: 'binary' }), (value) => assert.equal(headerValue.test(value), runtimeAcceptsHeader('X-Test', value), JSON.stringify(value))), fcParams(3000));
  });
});
