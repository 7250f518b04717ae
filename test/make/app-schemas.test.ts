/**
 * The exported Make app, file by file, against Make's published schemas (read from ../shared/reference/make-apps-sdk)
 * and the rules they leave out; the archive read back the way the Make Apps extension imports one; and each rule
 * of `make validate` shown to catch the mistake it is for.
 */
import assert from 'node:assert/strict';
import AdmZip from 'adm-zip';
import { loadConnector } from '../../connector/index.js';
import { exportMakeApp } from '../../connector/make/export.js';
import { loadMakeSchemas, MakeSchemasMissing } from '../../connector/make/validate/make-schemas.js';
import { validateMakeApp } from '../../connector/make/validate/validate-app.js';
import { collectSamples } from '../../connector/make/samples.js';
import type { FieldPlan } from '../../connector/make/fields.js';
import { flatten, type JsonSchema } from '../../connector/make/schema-view.js';
import { writeAppDir, type AppDir } from './support/app-dir.js';
import { makeSchemas } from './support/reference.js';

const connector = await loadConnector();

describe('Make export: every file passes Make\'s own schemas', function () {
  this.timeout(120_000);
  let appDir: AppDir;
  let app: ReturnType<typeof exportMakeApp>;

  before(async () => {
    const { samples, missing } = await collectSamples(connector);
    app = exportMakeApp(connector, { samples, missingSamples: missing });
    appDir = await writeAppDir(app);
  });
  after(() => appDir?.dispose());

  it('passes Make\'s schemas and the extra rules with no problem at all', () => {
    const report = validateMakeApp(appDir.dir, makeSchemas());
    assert.deepStrictEqual(report.problems, []);
    assert.equal(report.valid, true);
    assert.equal(report.files, app.files.size - 1, 'every JSON file was read (all but readme.md)');
    assert.deepStrictEqual(report.components, { connections: 1, modules: app.modules.length, rpcs: app.rpcs.length, webhooks: 0 });
  });

  it('has one module folder per exported module with every component file, and Make\'s module types', () => {
    for (const module of app.modules) {
      for (const code of ['metadata.json', 'api.imljson', 'parameters.imljson', 'expect.imljson', 'interface.imljson', 'samples.imljson', 'scope.imljson']) {
        assert.ok(app.files.has(`modules/${module.name}/${code}`), `${module.name}/${code}`);
      }
      const definition = connector.modules.find((m) => m.id === module.id)!.definition;
      const expected = module.id === 'make-api-call' ? 'universal' : definition.kind === 'search' ? 'search' : 'action';
      assert.equal(module.type, expected, module.id);
    }
    for (const file of ['metadata.json', 'base.imljson', 'readme.md', '.sdk', 'connections/twilio-verify/api.imljson', 'connections/twilio-verify/parameters.imljson', 'connections/twilio-verify/scope.imljson', 'connections/twilio-verify/scopes.imljson', 'connections/twilio-verify/metadata.json']) {
      assert.ok(app.files.has(file), file);
    }
  });

  it('every pattern and limit of an input field is in its Make field or in the report (nothing dropped silently)', () => {
    const reported = (module: string, field: string) => app.simplifications.some((s) => s.module === module && s.field === field);
    // [schema keyword, the Make validate key that carries it]; a choice list (enum or RPC) stands for what it lists.
    const limits: Array<[string, 'pattern' | 'min' | 'max']> = [['pattern', 'pattern'], ['minLength', 'min'], ['maxLength', 'max'], ['minimum', 'min'], ['maximum', 'max']];
    let checked = 0;
    const walk = (module: string, plans: FieldPlan[], properties: Record<string, JsonSchema>, prefix: string): void => {
      for (const plan of plans) {
        const field = flatten(properties[plan.property] ?? {});
        const at = `${prefix}/${plan.property}`;
        if (plan.children) walk(module, plan.children, (field['properties'] as Record<string, JsonSchema> | undefined) ?? {}, at);
        if (plan.shape !== 'value' || plan.parameter.type === 'select') continue;
        for (const [keyword, key] of limits) {
          if (field[keyword] === undefined) continue;
          checked++;
          assert.ok(plan.parameter.validate?.[key] !== undefined || reported(module, at), `${module} ${at}: its ${keyword} is neither in the Make field nor in the report`);
        }
      }
    };
    for (const module of app.modules) {
      const schema = flatten(connector.modules.find((m) => m.id === module.id)!.inputSchema as JsonSchema);
      walk(module.id, module.plans, (schema['properties'] as Record<string, JsonSchema> | undefined) ?? {}, '');
    }
    assert.ok(checked > 50, `${checked} limits checked`);
  });

  it('every module has a sample from the emulator, or the report says why not', () => {
    for (const module of app.modules) {
      const sample = JSON.parse(app.files.get(`modules/${module.name}/samples.imljson`)!);
      if (Object.keys(sample).length === 0) assert.ok(app.simplifications.some((s) => s.module === module.id && s.what.startsWith('no sample')), module.id);
      else assert.ok(!JSON.stringify(sample).includes('127.0.0.1'), `${module.id}: the emulator's address is replaced by Twilio's`);
    }
  });

  it('the archive imports the way the Make Apps extension reads it: <name>/metadata.json, .sdk version 2, every component file', () => {
    const entries = new AdmZip(appDir.zip).getEntries().filter((e) => !e.isDirectory);
    const metadata = entries.find((e) => /^([a-z][0-9a-z-]+[0-9a-z]\/metadata\.json)/.test(e.entryName));
    assert.ok(metadata, 'the app metadata.json under the app folder');
    const name = JSON.parse(metadata.getData().toString()).name as string;
    assert.equal(name, app.name);
    assert.equal(JSON.parse(entries.find((e) => e.entryName === `${name}/.sdk`)!.getData().toString()).version, 2);
    const inZip = new Map(entries.map((e) => [e.entryName.slice(name.length + 1), e.getData().toString()]));
    assert.deepStrictEqual([...inZip.keys()].sort(), [...app.files.keys()].sort());
    for (const [path, text] of app.files) assert.equal(inZip.get(path), text, path);
  });

  it('the archive is the same bytes each time it is written (fixed entry times)', async () => {
    const again = await writeAppDir(app);
    try {
      const a = new AdmZip(appDir.zip).toBuffer();
      const b = new AdmZip(again.zip).toBuffer();
      assert.ok(a.equals(b));
    } finally {
      again.dispose();
    }
  });

  describe('make validate catches each mistake with its file and pointer', () => {
    /** The index of the parameter of that name (so the cases do not depend on the order of a module's fields). */
    const at = (list: any[], name: string): number => list.findIndex((p) => p.name === name);
    /** A change may return the pointer it expects the problem at (computed from the file it changed). */
    const cases: Array<{ title: string; file: string; change?: (json: any) => string | void; remove?: boolean; expect: { file: string; pointer?: string; includes: string } }> = [
      { title: 'a missing component file', file: 'modules/getService/samples.imljson', remove: true, expect: { file: 'modules/getService/samples.imljson', pointer: '', includes: 'is missing' } },
      { title: 'a query string that is not an object (Make\'s api schema)', file: 'modules/listServices/api.imljson', change: (j) => void (j.qs = '{{parameters.pageSize}}'), expect: { file: 'modules/listServices/api.imljson', pointer: '/qs', includes: 'must be an object' } },
      { title: 'a parameter type Make does not have (parameters schema)', file: 'modules/createService/expect.imljson', change: (j) => ((j[0].type = 'string'), '/0/type'), expect: { file: 'modules/createService/expect.imljson', includes: 'must be one of' } },
      { title: 'an error type Make does not have (base schema)', file: 'base.imljson', change: (j) => void (j.response.error['429'].type = 'TooManyError'), expect: { file: 'base.imljson', pointer: '/response/error/429/type', includes: 'must be one of' } },
      { title: 'a repeated parameter name', file: 'modules/startVerification/expect.imljson', change: (j) => `/${j.push({ name: 'to', type: 'text' }) - 1}/name`, expect: { file: 'modules/startVerification/expect.imljson', includes: 'repeats the parameter name "to"' } },
      { title: 'a nested field that repeats a name of its list', file: 'modules/startVerification/expect.imljson', change: (j) => {
          const channel = at(j, 'channel');
          const sms = j[channel].options.findIndex((o: any) => o.value === 'sms');
          return `/${channel}/options/${sms}/nested/${j[channel].options[sms].nested.push({ name: 'locale', type: 'text' }) - 1}/name`;
        }, expect: { file: 'modules/startVerification/expect.imljson', includes: 'repeats the parameter name "locale"' } },
      { title: 'a select default that is not an option', file: 'modules/startVerification/expect.imljson', change: (j) => ((j[at(j, 'channel')].default = 'fax'), `/${at(j, 'channel')}/default`), expect: { file: 'modules/startVerification/expect.imljson', includes: 'must be one of the select\'s option values' } },
      { title: 'a parameter the communication reads but nobody declares', file: 'modules/startVerification/api.imljson', change: (j) => void (j.body.To = '{{parameters.too}}'), expect: { file: 'modules/startVerification/api.imljson', pointer: '/body/To', includes: 'parameters.too' } },
      { title: 'a collection field that does not exist', file: 'modules/createService/api.imljson', change: (j) => void (j.body['Push.IncludeDate'] = '{{parameters.push.includeDates}}'), expect: { file: 'modules/createService/api.imljson', pointer: '/body/Push.IncludeDate', includes: 'has no field "includeDates"' } },
      { title: 'a connection field nobody declares', file: 'base.imljson', change: (j) => void (j.baseUrl = 'https://verify.{{connection.zone}}.twilio.com'), expect: { file: 'base.imljson', pointer: '/baseUrl', includes: 'connection.zone' } },
      { title: 'unbalanced IML braces', file: 'modules/getService/interface.imljson', change: (j) => void (j[0].help = 'the {{sid'), expect: { file: 'modules/getService/interface.imljson', pointer: '/0/help', includes: 'unbalanced' } },
      { title: 'an Authorization header not hidden from the logs', file: 'base.imljson', change: (j) => void (j.log.sanitize = []), expect: { file: 'base.imljson', pointer: '/headers/authorization', includes: 'log.sanitize' } },
      { title: 'a connection test that logs its Authorization header', file: 'connections/twilio-verify/api.imljson', change: (j) => void delete j.log, expect: { file: 'connections/twilio-verify/api.imljson', pointer: '/headers/authorization', includes: 'log.sanitize' } },
      { title: 'a universal URL that may leave the host', file: 'modules/makeApiCall/expect.imljson', change: (j) => void (j[at(j, 'url')].validate.pattern = '^/.*$'), expect: { file: 'modules/makeApiCall/expect.imljson', pointer: '', includes: 'lets through URLs that leave the host' } },
      { title: 'a universal URL that is absolute', file: 'modules/makeApiCall/api.imljson', change: (j) => void (j.url = 'https://example.com{{parameters.url}}'), expect: { file: 'modules/makeApiCall/api.imljson', pointer: '/url', includes: 'must start with a single /' } },
      { title: 'a choice list from an RPC that does not exist', file: 'modules/getService/expect.imljson', change: (j) => void (j[at(j, 'serviceSid')].options = 'rpc://listServicesOption'), expect: { file: 'modules/getService/expect.imljson', pointer: '', includes: 'no RPC named listServicesOption' } },
      { title: 'a module whose connection does not exist', file: 'modules/getService/metadata.json', change: (j) => void (j.connection = 'twilio'), expect: { file: 'modules/getService/metadata.json', pointer: '/connection', includes: 'the app does not have' } },
      { title: 'a module name Make refuses', file: 'modules/getService/metadata.json', change: (j) => void (j.name = 'get-service'), expect: { file: 'modules/getService/metadata.json', pointer: '/name', includes: 'must be "getService"' } },
    ];
    for (const c of cases) {
      it(c.title, () => {
        const copy = appDir.copy();
        let pointer = c.expect.pointer;
        if (c.remove) copy.remove(c.file);
        else
          copy.edit(c.file, (json) => {
            const computed = c.change!(json);
            if (typeof computed === 'string') pointer = computed;
          });
        const report = validateMakeApp(copy.dir, makeSchemas());
        assert.equal(report.valid, false);
        const expected = { ...c.expect, pointer: pointer ?? '' };
        const found = report.problems.find((p) => p.file === expected.file && p.pointer === expected.pointer && p.message.includes(expected.includes));
        assert.ok(found, `expected ${JSON.stringify(expected)} among ${JSON.stringify(report.problems, null, 1)}`);
      });
    }
  });

  it('says where Make\'s schemas were expected when they are not there', () => {
    assert.throws(() => loadMakeSchemas('/nonexistent/make-apps-sdk'), (e: unknown) => e instanceof MakeSchemasMissing && /--schemas/.test(e.message));
  });
});
