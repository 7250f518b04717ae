/** The IML subset the export writes, table by table: what parses, what each expression gives, what is refused. */
import assert from 'node:assert/strict';
import { evaluateTemplate, evaluateValue, inherit } from '../../connector/make/iml/evaluate.js';
import { ImlSyntaxError, parseTemplate } from '../../connector/make/iml/parse.js';
import { unbalanced } from '../../connector/make/validate/iml-rules.js';

const context = {
  parameters: { to: '+15017122661', empty: '', list: [{ key: 'a', value: 1 }, { key: 'b', value: 'x' }], nested: { apn: 'CR1' }, zero: 0, no: false },
  connection: { accountSid: 'AC1', authToken: 'tok', edge: 'dublin' },
  body: { meta: { next_page_url: null }, code: 20404 },
  temp: { remedies: { '20404': 'Start again.' } },
  statusCode: 404,
};

const EVALUATES: Array<[string, unknown]> = [
  ['{{parameters.to}}', '+15017122661'],
  ['To: {{parameters.to}}', 'To: +15017122661'],
  ['{{parameters.missing}}', undefined],
  ['[{{parameters.missing}}]', '[]'],
  ['{{parameters.nested.apn}}', 'CR1'],
  ['{{parameters.nested.none.deeper}}', undefined],
  ['{{parameters.zero}}', 0],
  ['{{parameters.no}}', false],
  ["{{'a' + 'b'}}", 'ab'],
  ["{{'.' + connection.edge}}", '.dublin'],
  ["{{if(connection.edge; 'yes'; 'no')}}", 'yes'],
  ["{{if(connection.region; 'yes'; 'no')}}", 'no'],
  ["{{if(parameters.empty; 'yes'; 'no')}}", 'no'],
  ["{{if(parameters.no; 'yes'; 'no')}}", 'no'],
  ["{{if(parameters.zero; 'yes'; 'no')}}", 'yes'],
  ["{{ifempty(parameters.empty; 'fallback')}}", 'fallback'],
  ["{{ifempty(parameters.to; 'fallback')}}", '+15017122661'],
  ['{{ifempty(parameters.missing; null)}}', null],
  ["{{base64(connection.accountSid + ':' + connection.authToken)}}", Buffer.from('AC1:tok').toString('base64')],
  ["{{toCollection(parameters.list; 'key'; 'value')}}", { a: 1, b: 'x' }],
  ["{{createJSON(toCollection(parameters.list; 'key'; 'value'))}}", '{"a":1,"b":"x"}'],
  ['{{createJSON(parameters.missing)}}', undefined],
  ["{{encodeURL('a/b c')}}", 'a%2Fb%20c'],
  ['{{get(temp.remedies; body.code)}}', 'Start again.'],
  ['{{get(temp.remedies; statusCode)}}', undefined],
  ["{{parameters.to = '+15017122661'}}", true],
  ["{{parameters.to != '+15017122661'}}", false],
  ['{{statusCode + 1}}', 405],
  ['{{body.meta.next_page_url}}', null],
];

describe('IML subset: evaluation', () => {
  for (const [template, expected] of EVALUATES) {
    it(`${template} → ${JSON.stringify(expected)}`, () => assert.deepStrictEqual(evaluateTemplate(template, context), expected));
  }

  it('objects: a key whose value is missing is left out; the spread key {{...}} merges a collection into its parent', () => {
    const value = evaluateValue({ To: '{{parameters.to}}', Gone: '{{parameters.missing}}', '{{...}}': "{{toCollection(parameters.list; 'key'; 'value')}}" }, context);
    assert.deepStrictEqual(value, { To: '+15017122661', a: 1, b: 'x' });
  });

  it('base and module directives merge key by key, the module winning', () => {
    assert.deepStrictEqual(inherit({ headers: { a: '1' }, response: { error: { message: 'm' } } }, { headers: { b: '2' }, response: { output: 'o' } }), {
      headers: { a: '1', b: '2' },
      response: { error: { message: 'm' }, output: 'o' },
    });
  });

  it('refuses a function outside the subset', () => {
    assert.throws(() => evaluateTemplate('{{formatDate(now; "YYYY")}}', context), ImlSyntaxError);
    assert.throws(() => evaluateTemplate('{{upper(parameters.to)}}', context), /not part of the IML this export uses/);
  });
});

describe('IML subset: syntax', () => {
  for (const broken of ['{{parameters.to', 'x}}', '{{ {{parameters.to}} }}', "{{'open}}", '{{parameters.}}', '{{if(a; b}}', '{{a * b}}']) {
    it(`refuses ${JSON.stringify(broken)}`, () => assert.throws(() => parseTemplate(broken), ImlSyntaxError));
  }

  it('finds unbalanced braces and where', () => {
    assert.equal(unbalanced('{{a}} and {{b}}'), undefined);
    assert.match(unbalanced('{{a')!, /not closed/);
    assert.match(unbalanced('a}}')!, /closes nothing/);
    assert.match(unbalanced('{{a {{b}}')!, /before the next/);
  });
});
