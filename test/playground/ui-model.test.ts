import assert from 'node:assert/strict';
import { loadConnector } from '../../connector/index.js';
import { applies, errorTree, formView, valuesToSend, type JsonSchema } from '../../connector/playground/ui-model/form-schema.js';
import { groupModules, resourceOfPath } from '../../connector/playground/ui-model/groups.js';
import { childPath, findOtpauthUris } from '../../connector/playground/ui-model/json-path.js';

describe('playground ui model', () => {
  describe('groups', () => {
    const paths: Array<[string, string | undefined]> = [
      ['/v2/Services', 'Services'],
      ['/v2/Services/{serviceSid}', 'Services'],
      ['/v2/Services/{serviceSid}/Verifications/{verificationSid}', 'Verifications'],
      ['/v2/Services/{serviceSid}/VerificationCheck', 'Verification Check'],
      ['/v2/Services/{serviceSid}/Entities/{identity}/Factors/{factorSid}', 'Factors'],
      ['/v2/Attempts/Summary', 'Attempts Summary'],
      ['/v2/SafeList/Numbers/{phoneNumber}', 'Safe List Numbers'],
      ['/2010-04-01/Accounts/{accountSid}/Messages.json', 'Messages'],
      ['{url}', undefined],
    ];
    for (const [path, group] of paths) it(`${path} → ${group ?? '(none)'}`, () => assert.equal(resourceOfPath(path), group));

    it('puts every module of the connector in exactly one group, composed ones with what they call, free-form last', async () => {
      const connector = await loadConnector();
      const groups = groupModules(connector.modules);
      assert.deepEqual(groups.flatMap((g) => g.modules).sort(), connector.modules.map((m) => m.id).sort());
      assert.ok(groups.find((g) => g.name === 'Verifications')!.modules.includes('escalate-verification'));
      assert.equal(groups.at(-1)!.name, 'Other');
      assert.deepEqual(groups.at(-1)!.modules, ['make-api-call']);
    });
  });

  describe('form view', () => {
    it('shows an x-show-when field only while every controlling field has a listed value, for every module', async () => {
      const connector = await loadConnector();
      let seen = 0;
      for (const module of connector.modules) {
        const properties = (module.inputSchema['properties'] ?? {}) as Record<string, JsonSchema>;
        for (const [name, property] of Object.entries(properties)) {
          const when = property['x-show-when'] as Record<string, unknown[]> | undefined;
          if (!when) continue;
          seen++;
          const matching = Object.fromEntries(Object.entries(when).map(([field, values]) => [field, values[0]]));
          const shown = (values: unknown) => name in ((formView(module.inputSchema as JsonSchema, values).schema['properties'] ?? {}) as object);
          assert.equal(shown({}), false, `${module.id}.${name} hidden with no value`);
          assert.equal(shown(matching), true, `${module.id}.${name} shown for ${JSON.stringify(matching)}`);
          assert.deepEqual(valuesToSend(module.inputSchema as JsonSchema, { [name]: 'x' }), {}, `${module.id}.${name} not sent when it does not apply`);
        }
      }
      assert.ok(seen >= 4, 'the connector has x-show-when fields to check');
    });

    it('leaves checks-only combinators to validation and lists their words as rules', async () => {
      const connector = await loadConnector();
      const check = connector.modules.find((m) => m.id === 'check-verification')!;
      const view = formView(check.inputSchema as JsonSchema, {});
      assert.equal(view.schema['oneOf'], undefined);
      assert.deepEqual(view.rules, [(check.inputSchema['errorMessage'] as { oneOf: string }).oneOf]);
      for (const module of connector.modules) {
        const schema = formView(module.inputSchema as JsonSchema, {}).schema;
        for (const key of ['if', 'then', 'else']) assert.equal(schema[key], undefined, `${module.id}: ${key} left to validation`);
      }
    });

    it('marks secrets, dropdown sources, deprecations and enum labels for the form library', async () => {
      const connector = await loadConnector();
      const start = connector.modules.find((m) => m.id === 'start-verification')!;
      const ui = formView(start.inputSchema as JsonSchema, { channel: 'call' }).uiSchema as Record<string, Record<string, unknown>>;
      assert.equal(ui['serviceSid']!['ui:widget'], 'optionsFrom');
      assert.match(String(ui['customMessage']!['ui:help']), /^Deprecated: /);
      assert.deepEqual(ui['channel']!['ui:enumNames'], ['SMS', 'Voice call', 'Email', 'WhatsApp', 'Silent network authentication (SNA)', 'Automatic (Twilio picks)']);
      const secret = formView({ type: 'object', properties: { token: { type: 'string', 'x-secret': true } } }, {}).uiSchema as Record<string, Record<string, unknown>>;
      assert.equal(secret['token']!['ui:widget'], 'password');
    });

    it('sends only what was filled in: no empty strings, objects or lists, nothing that does not apply', () => {
      const schema: JsonSchema = {
        type: 'object',
        properties: {
          channel: { type: 'string' },
          digits: { type: 'string', 'x-show-when': { channel: ['call'] } },
          settings: { type: 'object', properties: { from: { type: 'string' } } },
          tags: { type: 'object', additionalProperties: { type: 'string' } },
          list: { type: 'array', items: { type: 'string' } },
        },
      };
      assert.deepEqual(valuesToSend(schema, { channel: 'sms', digits: '12', settings: { from: '' }, tags: {}, list: [] }), { channel: 'sms' });
      assert.deepEqual(valuesToSend(schema, { channel: 'call', digits: '12', tags: { a: 'b' }, list: ['x', ''] }), { channel: 'call', digits: '12', tags: { a: 'b' }, list: ['x'] });
      assert.equal(applies({ 'x-show-when': { channel: ['call'] } }, { channel: 'sms' }), false);
    });

    it('puts server problems beside their fields by JSON pointer', () => {
      assert.deepEqual(errorTree([{ pointer: '/to', message: 'must be E.164' }, { pointer: '/channelConfiguration/from', message: 'must be an email' }, { pointer: '', message: 'give either' }, { pointer: '/a~1b', message: 'x' }]), {
        to: { __errors: ['must be E.164'] },
        channelConfiguration: { from: { __errors: ['must be an email'] } },
        __errors: ['give either'],
        'a/b': { __errors: ['x'] },
      });
    });
  });

  describe('mapping paths', () => {
    it('writes paths as integration platforms do', () => {
      assert.equal(childPath('$', 'status'), '$.status');
      assert.equal(childPath('$.services', 0), '$.services[0]');
      assert.equal(childPath('$', 'odd key'), "$['odd key']");
      assert.equal(childPath('$', "it's"), "$['it\\'s']");
    });

    it('finds every otpauth:// URI in an output, with its path', () => {
      assert.deepEqual(findOtpauthUris({ sid: 'YF1', binding: { uri: 'otpauth://totp/Acme:ana?secret=ABC' }, list: ['x', 'OTPAUTH://hotp/x'] }), [
        { path: '$.binding.uri', uri: 'otpauth://totp/Acme:ana?secret=ABC' },
        { path: '$.list[1]', uri: 'OTPAUTH://hotp/x' },
      ]);
    });
  });
});
