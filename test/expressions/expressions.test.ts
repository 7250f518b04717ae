/** The shared reference and condition language, as tables (the Ajv style): data in, value out, no eval. */
import assert from 'node:assert/strict';
import { evaluate, ExpressionError, findReferences, parsePath, test as holds } from '../../connector/expressions/index.js';

const scope = {
  params: { to: '+15005550006', n: 2 },
  steps: {
    check: { ok: true, output: { status: 'approved', valid: true, send_code_attempts: [{ time: 't1' }, { time: 't2' }] } },
    send: { ok: false, error: { code: 'invalid_parameter', message: 'bad To', status: 400 } },
  },
  vars: { weird: { 'a b': 1 }, list: [10, 20] },
};

describe('expressions: references and values', () => {
  const values: Array<[string, unknown, unknown]> = [
    ['a reference', '$.steps.check.output.status', 'approved'],
    ['an index', '$.steps.check.output.send_code_attempts[1].time', 't2'],
    ["a quoted name", "$.vars.weird['a b']", 1],
    ['a missing path (undefined, never an error)', '$.steps.nope.output', undefined],
    ['an error read as data', '$.steps.send.error.message', 'bad To'],
    ['interpolation', 'Code sent to {{$.params.to}}', 'Code sent to +15005550006'],
    ['interpolation of a missing value', '[{{$.params.nope}}]', '[]'],
    ['a plain string', 'sms', 'sms'],
    ['$literal keeps a $ string', { $literal: '$.params.to' }, '$.params.to'],
    ['$first skips missing and null', { $first: ['$.params.nope', null, '$.params.to'] }, '+15005550006'],
    ['$first of nothing is null', { $first: ['$.params.nope'] }, null],
    ['$count of a list', { $count: '$.steps.check.output.send_code_attempts' }, 2],
    ['$count of a missing value', { $count: '$.nope' }, 0],
    ['$add', { $add: ['$.params.n', 1] }, 3],
    ['$if', { $if: [{ ge: ['$.params.n', 2] }, 'call', 'sms'] }, 'call'],
    ['$test', { $test: { eq: ['$.steps.check.ok', true] } }, true],
    ['$lookup by number', { $lookup: [{ $literal: { '2': 'two' } }, '$.params.n'] }, 'two'],
    ['an object template drops missing members', { to: '$.params.to', gone: '$.nope' }, { to: '+15005550006' }],
    ['a list template keeps positions (null for missing)', ['$.params.n', '$.nope'], [2, null]],
  ];
  for (const [what, template, expected] of values) {
    it(`evaluates ${what}`, () => assert.deepEqual(evaluate(template, scope), expected));
  }
});

describe('expressions: conditions', () => {
  const conditions: Array<[unknown, boolean]> = [
    [true, true],
    [{ eq: ['$.steps.check.output.status', 'approved'] }, true],
    [{ ne: ['$.steps.check.output.status', 'approved'] }, false],
    [{ eq: ['$.nope', null] }, true],
    [{ lt: ['$.params.n', 3] }, true],
    [{ gt: ['$.params.n', '3'] }, false],
    [{ in: ['$.steps.send.error.code', ['invalid_parameter', 'not_found']] }, true],
    [{ exists: '$.steps.send.error' }, true],
    [{ exists: '$.steps.send.output' }, false],
    [{ and: [{ exists: '$.params.to' }, { not: { exists: '$.params.nope' } }] }, true],
    [{ or: [false, { eq: ['$.vars.list', [10, 20]] }] }, true],
  ];
  for (const [condition, expected] of conditions) {
    it(`${JSON.stringify(condition)} is ${expected}`, () => assert.equal(holds(condition, scope), expected));
  }
});

describe('expressions: refusals (data, never code)', () => {
  for (const path of ['$.__proto__', '$.params.constructor', '$.vars.prototype', "$.params['__proto__']"]) {
    it(`refuses the path ${path}`, () => assert.throws(() => parsePath(path), ExpressionError));
  }
  it('never reads inherited properties', () => {
    assert.equal(evaluate('$.params.toString', scope), undefined);
    assert.equal(evaluate('$.params.hasOwnProperty', scope), undefined);
  });
  it('refuses an unknown operator and an unknown condition', () => {
    assert.throws(() => evaluate({ $eval: '1+1' }, scope), /unknown operator/);
    assert.throws(() => holds({ matches: ['a', 'a'] }, scope), /unknown condition/);
  });
  it('does not run JavaScript written in a string', () => {
    assert.equal(evaluate("{{$.params.to}}'); process.exit(1); ('", scope), "+15005550006'); process.exit(1); ('");
  });
  it('finds every reference with its JSON pointer, skipping $literal', () => {
    const refs = findReferences({ input: { to: '$.params.to', note: 'for {{$.vars.name}}', raw: { $literal: '$.x' } } }, '/steps/0');
    assert.deepEqual(refs.map((r) => [r.path, r.pointer]), [['$.params.to', '/steps/0/input/to'], ['$.vars.name', '/steps/0/input/note']]);
  });
});
