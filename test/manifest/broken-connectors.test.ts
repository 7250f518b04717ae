/**
 * Broken connectors, each built from a copy of this package's own and broken in one way, through the three doors a
 * connector author meets: validateManifest (never throws, never says valid; the problem in the expected file at the
 * expected pointer, with a hint of its own, and no problem in any file the mistake is not in), loadConnector (refuses
 * with invalid_manifest carrying the problems) and `verify-connector validate` (exit 1, the same problems, text and JSON).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectorError, loadConnector, validateManifest, type ManifestProblem } from '../../connector/index.js';
import { runCli } from '../support/cli.js';
import { copyConnector, type ConnectorCopy } from '../support/connector-copy.js';

interface BrokenCase {
  what: string;
  breakIt: (copy: ConnectorCopy, outside: string) => void;
  file: string;
  pointer: string;
  /** The words the message or hint must hold (the expected form, the closest spelling, …). */
  says?: RegExp;
  /** Files the mistake may be reported in (default: only `file`). */
  files?: string[];
  /** One mistake, one problem: nothing else is reported (not even in the same file). */
  only?: boolean;
}

const SIV = 'schemas/modules/start-verification.input.schema.json';
const GSI = 'schemas/modules/get-service.input.schema.json';
const SECRET = 'TOP-SECRET-CONTENT-OF-A-FOREIGN-FILE';

const cases: BrokenCase[] = [
  // manifest.json
  { what: 'manifest.json that is not JSON', breakIt: (c) => c.write('manifest.json', '{ "id": '), file: 'manifest.json', pointer: '', says: /not valid JSON/ },
  { what: 'manifest.json holding null', breakIt: (c) => c.write('manifest.json', 'null'), file: 'manifest.json', pointer: '', says: /must be an object/ },
  { what: 'no manifest.json', breakIt: (c) => c.remove('manifest.json'), file: 'manifest.json', pointer: '', says: /does not exist/ },
  { what: 'a null module entry', breakIt: (c) => c.edit('manifest.json', (m) => (m.modules[1] = null)), file: 'manifest.json', pointer: '/modules/1', says: /must be an object/ },
  { what: 'a module entry whose id is null', breakIt: (c) => c.edit('manifest.json', (m) => (m.modules[1].id = null)), file: 'manifest.json', pointer: '/modules/1/id', says: /must be a string/ },
  { what: 'a module entry whose file is a number', breakIt: (c) => c.edit('manifest.json', (m) => (m.modules[1].file = 42)), file: 'manifest.json', pointer: '/modules/1/file' },
  { what: 'modules that is not a list', breakIt: (c) => c.edit('manifest.json', (m) => (m.modules = 'all')), file: 'manifest.json', pointer: '/modules', says: /must be an array/ },
  { what: 'a version that is null', breakIt: (c) => c.edit('manifest.json', (m) => (m.version = null)), file: 'manifest.json', pointer: '/version' },
  { what: 'a version of the wrong form', breakIt: (c) => c.edit('manifest.json', (m) => (m.version = 'one')), file: 'manifest.json', pointer: '/version', says: /major\.minor\.patch/ },
  { what: 'a connection that is null', breakIt: (c) => c.edit('manifest.json', (m) => (m.connection = null)), file: 'manifest.json', pointer: '/connection' },
  { what: 'a misspelt manifest field', breakIt: (c) => c.edit('manifest.json', (m) => (m.modles = [])), file: 'manifest.json', pointer: '/modles', says: /Did you mean "modules"/ },
  { what: 'a duplicate module id', breakIt: (c) => c.edit('manifest.json', (m) => (m.modules[1].id = 'list-services')), file: 'manifest.json', pointer: '/modules/1/id', says: /repeats the id/ },
  { what: 'two entries naming one file', breakIt: (c) => c.edit('manifest.json', (m) => m.modules.splice(2, 0, { id: 'get-service-again', file: 'modules/get-service.json' })), file: 'manifest.json', pointer: '/modules/2/file', says: /same file/ },
  { what: 'a module file named with ..', breakIt: (c) => c.edit('manifest.json', (m) => (m.modules[1].file = 'modules/../../etc/passwd.json')), file: 'manifest.json', pointer: '/modules/1/file', says: /modules\/<module id>\.json/ },
  { what: 'a module file by absolute path', breakIt: (c) => c.edit('manifest.json', (m) => (m.modules[1].file = '/etc/hosts')), file: 'manifest.json', pointer: '/modules/1/file' },
  { what: 'a module file that is a link out of the folder', breakIt: (c, outside) => c.link('modules/get-service.json', outside), file: 'manifest.json', pointer: '/modules/1/file', says: /outside the connector folder/ },
  { what: 'a module file that does not exist', breakIt: (c) => c.remove('modules/get-service.json'), file: 'manifest.json', pointer: '/modules/1/file', says: /does not exist/ },
  { what: 'a file name that is not the module id', breakIt: (c) => c.edit('manifest.json', (m) => (m.modules[1] = { id: 'get-service', file: 'modules/fetch-service.json' })), file: 'manifest.json', pointer: '/modules/1/file', says: /does not exist/ },
  { what: 'a connection test naming no module', breakIt: (c) => c.edit('manifest.json', (m) => (m.connection.test = 'ping')), file: 'manifest.json', pointer: '/connection/test' },
  { what: 'a connection test input that does not validate', breakIt: (c) => c.edit('manifest.json', (m) => (m.connection.testInput = { limit: 'one' })), file: 'manifest.json', pointer: '/connection/testInput/limit', says: /integer/ },
  { what: 'a connection schema that does not exist', breakIt: (c) => c.edit('manifest.json', (m) => (m.connection.schema = 'schemas/nope.schema.json')), file: 'manifest.json', pointer: '/connection/schema', says: /does not exist/ },
  // module files
  { what: 'a module file holding null', breakIt: (c) => c.write('modules/get-service.json', 'null'), file: 'modules/get-service.json', pointer: '', says: /must be an object/, only: true },
  { what: 'a module file holding a list', breakIt: (c) => c.write('modules/get-service.json', '[]'), file: 'modules/get-service.json', pointer: '', says: /It is a list; give an object/, only: true },
  { what: 'a module file that is not UTF-8 (saved as Latin-1)', breakIt: (c) => writeFileSync(join(c.dir, 'modules/get-service.json'), Buffer.from('{ "id": "get-service", "label": "Caf\xe9" }', 'latin1')), file: 'modules/get-service.json', pointer: '', says: /not UTF-8 text/, only: true },
  { what: 'a module file that is not JSON', breakIt: (c) => c.write('modules/get-service.json', '{ "id": "get-service", }'), file: 'modules/get-service.json', pointer: '', says: /line 1, column/ },
  { what: 'a module label that is null', breakIt: (c) => c.edit('modules/get-service.json', (m) => (m.label = null)), file: 'modules/get-service.json', pointer: '/label' },
  { what: 'a module request that is null', breakIt: (c) => c.edit('modules/get-service.json', (m) => (m.request = null)), file: 'modules/get-service.json', pointer: '/request' },
  { what: 'a module with neither request nor compose', breakIt: (c) => c.edit('modules/get-service.json', (m) => delete m.request), file: 'modules/get-service.json', pointer: '', says: /exactly one of "request"/ },
  { what: 'a module whose id differs from the manifest', breakIt: (c) => c.edit('modules/get-service.json', (m) => (m.id = 'fetch-service')), file: 'modules/get-service.json', pointer: '/id' },
  { what: 'a misspelt module field', breakIt: (c) => c.edit('modules/get-service.json', (m) => (m.lable = 'Get')), file: 'modules/get-service.json', pointer: '/lable', says: /Did you mean "label"/ },
  { what: 'an unknown idempotency value', breakIt: (c) => c.edit('modules/get-service.json', (m) => (m.idempotent = 'maybe')), file: 'modules/get-service.json', pointer: '/idempotent', says: /"by-method"/ },
  { what: 'a method Twilio does not have', breakIt: (c) => c.edit('modules/get-service.json', (m) => (m.request.method = 'FETCH')), file: 'modules/get-service.json', pointer: '/request/method' },
  { what: "a docs link that is not Twilio's", breakIt: (c) => c.edit('modules/get-service.json', (m) => (m.docs = 'http://example.com')), file: 'modules/get-service.json', pointer: '/docs', says: /https:\/\/www\.twilio\.com\/docs\// },
  { what: 'a path placeholder no input property fills', breakIt: (c) => c.edit('modules/get-service.json', (m) => (m.request.path = '/v2/Services/{serviceId}')), file: 'modules/get-service.json', pointer: '/request/path', says: /\{serviceId\}/, files: ['modules/get-service.json', GSI] },
  { what: 'a brace outside a placeholder', breakIt: (c) => c.edit('modules/get-service.json', (m) => (m.request.path = '/v2/Services/{serviceSid}/{')), file: 'modules/get-service.json', pointer: '/request/path', says: /brace/ },
  { what: 'a response template naming no input', breakIt: (c) => c.edit('modules/delete-service.json', (m) => (m.response.empty.sid = '{serviceId}')), file: 'modules/delete-service.json', pointer: '/response/empty/sid', says: /\{serviceId\}/ },
  { what: 'a fixed parameter an input property also sends', breakIt: (c) => c.edit('modules/create-totp-factor.json', (m) => (m.request.fixed.FriendlyName = 'x')), file: 'modules/create-totp-factor.json', pointer: '/request/fixed/FriendlyName', says: /also sent/ },
  { what: 'a fixed parameter that is not a Twilio name', breakIt: (c) => c.edit('modules/create-totp-factor.json', (m) => (m.request.fixed = { 'Factor Type': 'totp' })), file: 'modules/create-totp-factor.json', pointer: '/request/fixed/Factor Type' },
  { what: 'pagination over an input that does not exist', breakIt: (c) => c.edit('modules/list-services.json', (m) => (m.pagination.limitInput = 'max')), file: 'modules/list-services.json', pointer: '/pagination/limitInput' },
  { what: 'a refined error code outside the closed set', breakIt: (c) => c.edit('modules/check-verification.json', (m) => (m.errors = { '20404': { code: 'gone', remedy: 'Start a new verification.' } })), file: 'modules/check-verification.json', pointer: '/errors/20404/code' },
  { what: 'a refined error keyed by a non-code', breakIt: (c) => c.edit('modules/check-verification.json', (m) => (m.errors = { '404': { code: 'not_found', remedy: 'Start a new verification.' } })), file: 'modules/check-verification.json', pointer: '/errors/404', says: /five-digit/ },
  { what: 'an example that does not validate', breakIt: (c) => c.edit('modules/start-verification.json', (m) => (m.examples[0].input.to = '12345')), file: 'modules/start-verification.json', pointer: '/examples/0/input/to', says: /E\.164/ },
  { what: 'an input schema that does not exist', breakIt: (c) => c.edit('modules/get-service.json', (m) => (m.input = 'schemas/modules/nope.input.schema.json')), file: 'modules/get-service.json', pointer: '/input', says: /does not exist/ },
  { what: 'an input schema outside the folder', breakIt: (c) => c.edit('modules/get-service.json', (m) => (m.input = 'schemas/../../outside.schema.json')), file: 'modules/get-service.json', pointer: '/input', says: /outside the connector folder/ },
  { what: 'a composed step calling no module', breakIt: (c) => c.edit('modules/escalate-verification.json', (m) => (m.compose.steps[0].module = 'read-verification')), file: 'modules/escalate-verification.json', pointer: '/compose/steps/0/module' },
  { what: 'a composed step continuing on an unknown code', breakIt: (c) => c.edit('modules/escalate-verification.json', (m) => (m.compose.steps[0].onError = { continue: ['gone'] })), file: 'modules/escalate-verification.json', pointer: '/compose/steps/0/onError/continue/0' },
  // schemas
  { what: 'a stray schema file that is not JSON', breakIt: (c) => c.write('schemas/stray.schema.json', '{ "$id": '), file: 'schemas/stray.schema.json', pointer: '', says: /not valid JSON/ },
  { what: 'a schema file holding null', breakIt: (c) => c.write('schemas/stray.schema.json', 'null'), file: 'schemas/stray.schema.json', pointer: '', says: /not a JSON Schema/ },
  { what: 'a schema file that is a link out of the folder', breakIt: (c, outside) => c.link(GSI, outside), file: GSI, pointer: '', says: /outside the connector folder/ },
  { what: 'a huge schema file', breakIt: (c) => c.write('schemas/huge.schema.json', JSON.stringify({ $id: 'https://x.dev/huge.schema.json', description: 'x'.repeat(2 * 1024 * 1024) })), file: 'schemas/huge.schema.json', pointer: '', says: /larger than/ },
  { what: 'a very deeply nested schema file', breakIt: (c) => c.write('schemas/deep.schema.json', `${'{"not":'.repeat(5000)}{}${'}'.repeat(5000)}`), file: 'schemas/deep.schema.json', pointer: '', says: /deeper than/ },
  { what: 'a schema without $id', breakIt: (c) => c.edit(GSI, (s) => delete s.$id), file: GSI, pointer: '', says: /no \$id/ },
  { what: 'a duplicate $id', breakIt: (c) => c.write('schemas/zz-copy.schema.json', JSON.stringify({ $id: 'https://twilio-verify-connector.dev/schemas/definitions.schema.json', type: 'object' })), file: 'schemas/zz-copy.schema.json', pointer: '/$id', says: /repeats the \$id of schemas\/definitions\.schema\.json/ },
  { what: 'a copied $id in the file that comes first', breakIt: (c) => c.edit(GSI, (s) => (s.$id = 'https://twilio-verify-connector.dev/schemas/modules/list-services.input.schema.json')), file: GSI, pointer: '/$id', says: /repeats the \$id of schemas\/modules\/list-services\.input\.schema\.json/, only: true },
  { what: 'an input property that is null', breakIt: (c) => c.edit(SIV, (s) => (s.properties.locale = null)), file: SIV, pointer: '/properties/locale' },
  { what: 'a misspelt type', breakIt: (c) => c.edit(SIV, (s) => (s.properties.locale.type = 'strin')), file: SIV, pointer: '/properties/locale/type', says: /Did you mean "string"/ },
  { what: 'a misspelt project keyword', breakIt: (c) => c.edit(SIV, (s) => (s.properties.locale['x-wrie'] = 'Locale')), file: SIV, pointer: '/properties/locale/x-wrie', says: /Did you mean "x-wire"/ },
  { what: 'a misspelt JSON Schema keyword', breakIt: (c) => c.edit(SIV, (s) => ((s.requird = s.required), delete s.required)), file: SIV, pointer: '/requird', says: /Did you mean "required"/ },
  { what: 'a misspelt x-wire location', breakIt: (c) => c.edit(SIV, (s) => (s.properties.locale['x-wire'] = { name: 'Locale', in: 'qeury' })), file: SIV, pointer: '/properties/locale/x-wire/in', says: /Did you mean "query"/ },
  { what: 'an input property without a wire mapping', breakIt: (c) => c.edit(SIV, (s) => delete s.properties.locale['x-wire']), file: SIV, pointer: '/properties/locale', says: /x-wire/ },
  { what: 'a $ref to a definition that does not exist', breakIt: (c) => c.edit(GSI, (s) => (s.properties.serviceSid.$ref = '../definitions.schema.json#/definitions/nope')), file: GSI, pointer: '/properties/serviceSid/$ref', says: /does not have/ },
  { what: 'a $ref to a schema that does not exist', breakIt: (c) => c.edit(GSI, (s) => (s.properties.serviceSid.$ref = '../nowhere.schema.json')), file: GSI, pointer: '/properties/serviceSid/$ref', says: /\$id of no schema/ },
  { what: 'a pattern that is not a regular expression', breakIt: (c) => c.edit(SIV, (s) => (s.properties.locale.pattern = '([')), file: SIV, pointer: '/properties/locale/pattern', says: /regular expression/ },
  { what: 'a keyword AJV strict mode refuses without its type', breakIt: (c) => c.edit(SIV, (s) => (s.properties.locale = { ...s.properties.locale, type: undefined, minLength: 2 })), file: SIV, pointer: '/properties/locale', says: /type/ },
  { what: 'choices from a module the connector does not have', breakIt: (c) => c.edit(GSI, (s) => (s.properties.serviceSid['x-options-from'].module = 'list-things')), file: GSI, pointer: '/properties/serviceSid/x-options-from/module' },
  { what: 'a field shown for a value its controller cannot take', breakIt: (c) => c.edit(SIV, (s) => (s.properties.sendDigits['x-show-when'] = { channel: ['fax'] })), file: SIV, pointer: '/properties/sendDigits/x-show-when/channel/0' },
  { what: 'a label for a value the enum does not have', breakIt: (c) => c.edit(SIV, (s) => (s.properties.channel['x-enum-labels'] = { fax: 'Fax' })), file: SIV, pointer: '/properties/channel/x-enum-labels/fax', says: /Label one of/ },
  { what: 'an empty enum label', breakIt: (c) => c.edit(SIV, (s) => (s.properties.channel['x-enum-labels'] = { sms: '' })), file: SIV, pointer: '/properties/channel/x-enum-labels/sms', says: /at least 1 character/ },
  { what: 'an output schema requiring a field it does not declare (every answer would be invalid_response)', breakIt: (c) => c.edit('schemas/modules/list-services.output.schema.json', (s) => s.required.push('servces')), file: 'schemas/modules/list-services.output.schema.json', pointer: '/required/1', says: /Did you mean "services"\?/, only: true },
  { what: 'an input schema requiring a misspelt field', breakIt: (c) => c.edit(GSI, (s) => (s.required = ['serviceSdi'])), file: GSI, pointer: '/required/0', says: /requires "serviceSdi", which is not among the properties here.*Did you mean "serviceSid"\?/, only: true },
  { what: 'a default its own field refuses', breakIt: (c) => c.edit('schemas/modules/list-services.input.schema.json', (s) => (s.properties.limit.default = 'lots')), file: 'schemas/modules/list-services.input.schema.json', pointer: '/properties/limit/default', says: /is a value this field refuses: must be a whole number/, only: true },
  { what: 'an output schema property that is null', breakIt: (c) => c.edit('schemas/modules/list-services.output.schema.json', (s) => (s.properties.services = null)), file: 'schemas/modules/list-services.output.schema.json', pointer: '/properties/services' },
];

describe('broken connectors: validateManifest, loadConnector and the CLI', () => {
  let outside: string;
  before(() => {
    outside = join(mkdtempSync(join(tmpdir(), 'outside-')), 'foreign.json');
    writeFileSync(outside, JSON.stringify({ secret: SECRET, $id: SECRET }));
  });
  after(() => rmSync(join(outside, '..'), { recursive: true, force: true }));

  it(`holds at least 40 broken folders (${cases.length})`, () => assert.ok(cases.length >= 40));

  it('finds no problem in this package, nor in an untouched copy (the copy is faithful)', async () => {
    assert.deepEqual(validateManifest().errors, []);
    const copy = copyConnector();
    try {
      assert.deepEqual(validateManifest(copy.dir).errors, []);
      assert.equal((await loadConnector(copy.dir)).modules.length, (await loadConnector()).modules.length);
    } finally {
      copy.dispose();
    }
  });

  it('a folder that does not exist, or a path that is not a string: said, never thrown', async () => {
    const missing = validateManifest(join(tmpdir(), 'no-such-connector-folder'));
    assert.equal(missing.valid, false);
    assert.match(missing.errors[0]!.message, /does not exist/);
    const text = await runCli(['validate', join(tmpdir(), 'no-such-connector-folder')]);
    assert.equal(text.status, 1);
    assert.equal(text.stdout.split('\n')[0], `error: the connector folder ${join(tmpdir(), 'no-such-connector-folder')} does not exist`);
    const run = await runCli(['modules', '--dir', join(tmpdir(), 'no-such-connector-folder')]);
    assert.match(run.stderr, /^error \(invalid_manifest\): The connector in \S+ cannot be loaded: the connector folder \S+ does not exist\.\nwhat to do: Give the folder that holds manifest\.json/);
    assert.equal(validateManifest(42 as unknown as string).valid, false);
    await assert.rejects(loadConnector(join(tmpdir(), 'no-such-connector-folder')), (e: ConnectorError) => e.code === 'invalid_manifest');
  });

  for (const c of cases) {
    describe(`${c.what} → ${c.file} ${c.pointer || '(whole file)'}`, () => {
      let copy: ConnectorCopy;
      let errors: ManifestProblem[];
      before(() => {
        copy = copyConnector();
        c.breakIt(copy, outside);
        const report = validateManifest(copy.dir);
        assert.equal(report.valid, false, 'never valid');
        errors = report.errors;
      });
      after(() => copy.dispose());

      it('validateManifest names the file, the pointer and what to do, and nothing elsewhere', () => {
        const hit = errors.find((e) => e.file === c.file && e.pointer === c.pointer);
        assert.ok(hit, `expected a problem at ${c.file} ${c.pointer}; got ${JSON.stringify(errors, null, 1)}`);
        assert.equal(hit.severity, 'error');
        assert.ok(hit.hint && hit.hint.length > 10, 'a hint');
        if (c.says) assert.match(`${hit.message} ${hit.hint}`, c.says);
        const allowed = new Set(c.files ?? [c.file]);
        for (const e of errors) assert.ok(allowed.has(e.file), `a false problem in another file: ${JSON.stringify(e)}`);
        if (c.only) assert.deepEqual(errors, [hit], 'one mistake, one problem');
        assert.ok(!JSON.stringify(errors).includes(SECRET), 'the contents of a file outside the folder are never read or quoted');
      });

      it('loadConnector refuses it with invalid_manifest and the problems', async () => {
        await assert.rejects(loadConnector(copy.dir), (error: unknown) => {
          assert.ok(error instanceof ConnectorError, `a ConnectorError, not ${String(error)}`);
          assert.equal(error.code, 'invalid_manifest');
          const problems = error.details?.['problems'] as ManifestProblem[];
          assert.ok(problems.some((p) => p.file === c.file && p.pointer === c.pointer));
          return true;
        });
      });

      it('verify-connector validate exits 1 and prints it (text and --json)', async () => {
        const text = await runCli(['validate', copy.dir]);
        assert.equal(text.status, 1);
        assert.ok(text.stdout.includes(`error: ${c.file} ${c.pointer || '/'}: `), text.stdout);
        assert.doesNotMatch(text.stdout + text.stderr, /Unexpected failure|\n\s+at /);
        const json = await runCli(['validate', copy.dir, '--json']);
        assert.equal(json.status, 1);
        assert.ok((JSON.parse(json.stdout) as { errors: ManifestProblem[] }).errors.some((p) => p.file === c.file && p.pointer === c.pointer));
      });
    });
  }
});
