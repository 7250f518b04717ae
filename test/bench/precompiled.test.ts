import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { packageRoot, schemasDir } from '../../connector/paths.js';
import { createAjv, listSchemaFiles, precompiledFor, schemaSetDigest, type PrecompiledValidators } from '../../connector/schema/ajv.js';
import { precompile } from '../../connector/schema/precompile.js';

/** The schema files as the registry compares them: [schemas/…, text]. */
function schemaTexts(dir: string = schemasDir): Array<[string, string]> {
  return listSchemaFiles(dir).map((file) => [relative(join(dir, '..'), file).split(sep).join('/'), readFileSync(file, 'utf8')]);
}

/** Values of every kind, to push each property down its error paths. */
const ODD_VALUES: unknown[] = [null, true, 0, -1, 1.5, 12345678901, '', 'x', 'x'.repeat(700), '+15017122661', 'ana@example.com', 'http://127.0.0.1:4010', 'https://evil.example', [], ['a'], {}, { a: 1 }];

function inputsFor(schema: Record<string, unknown>, examples: unknown[]): unknown[] {
  const inputs: unknown[] = [undefined, null, 'text', 42, [], {}, ...examples];
  const base = (examples.find((e) => e && typeof e === 'object') ?? {}) as Record<string, unknown>;
  inputs.push({ ...base, notAField: 1 });
  for (const property of Object.keys((schema['properties'] ?? {}) as object)) {
    for (const value of ODD_VALUES) inputs.push({ ...base, [property]: value });
    const { [property]: _dropped, ...without } = base;
    inputs.push(without);
  }
  return inputs;
}

describe('precompiled (standalone) validators', function () {
  this.timeout(60_000);
  let outDir: string;
  let precompiled: PrecompiledValidators;
  let ajv: ReturnType<typeof createAjv>;

  before(() => {
    // Inside the package, so the generated modules resolve ajv's runtime helpers as the build's do.
    outDir = mkdtempSync(join(packageRoot, 'dist', '.precompile-test-'));
    precompile(schemasDir, outDir);
    precompiled = precompiledFor(schemaTexts(), outDir)!;
    assert.ok(precompiled, 'the generated index matches the schemas it was generated from');
    ajv = createAjv();
    for (const file of listSchemaFiles()) ajv.addSchema(JSON.parse(readFileSync(file, 'utf8')));
  });

  after(() => rmSync(outDir, { recursive: true, force: true }));

  it('answer and report errors exactly as AJV-compiled validators, for every schema of the package', () => {
    const examplesBySchema = new Map<string, unknown[]>();
    for (const file of readdirSync(join(packageRoot, 'modules'))) {
      const module = JSON.parse(readFileSync(join(packageRoot, 'modules', file), 'utf8')) as { input: string; examples?: Array<{ input: unknown }> };
      examplesBySchema.set(module.input, (module.examples ?? []).map((e) => e.input));
    }
    examplesBySchema.set('schemas/connection.schema.json', [
      { accountSid: 'AC' + 'a'.repeat(32), authToken: 'secret' },
      { accountSid: 'AC' + 'a'.repeat(32), apiKeySid: 'SK' + 'b'.repeat(32), apiKeySecret: 's', baseUrl: 'http://127.0.0.1:4010' },
    ]);
    let compared = 0;
    for (const [file, text] of schemaTexts()) {
      const schema = JSON.parse(text) as Record<string, unknown>;
      const id = schema['$id'] as string;
      const fast = precompiled.get(id) as ValidateFunction;
      const slow = ajv.getSchema(id) as ValidateFunction;
      assert.ok(fast, `a precompiled validator for ${file}`);
      for (const input of inputsFor(schema, examplesBySchema.get(file) ?? [])) {
        const expected = slow(input);
        const expectedErrors = JSON.stringify(slow.errors);
        assert.equal(fast(input), expected, `${file}: ${JSON.stringify(input)?.slice(0, 200)}`);
        assert.equal(JSON.stringify(fast.errors), expectedErrors, `${file}: errors for ${JSON.stringify(input)?.slice(0, 200)}`);
        compared++;
      }
    }
    assert.ok(compared > 500, `compared ${compared} inputs`);
  });

  it('the twilio-base-url format is the package’s own check', () => {
    const validate = precompiled.get('https://twilio-verify-connector.dev/schemas/connection.schema.json')!;
    const connection = { accountSid: 'AC' + 'a'.repeat(32), authToken: 'secret' };
    assert.equal(validate({ ...connection, baseUrl: 'http://127.0.0.1:4010' }), true);
    assert.equal(validate({ ...connection, baseUrl: 'https://verify.twilio.com' }), true);
    assert.equal(validate({ ...connection, baseUrl: 'https://evil.example' }), false);
  });

  it('are used only for the exact schema files they were made from', () => {
    const texts = schemaTexts();
    assert.equal(schemaSetDigest(texts), schemaSetDigest([...texts].reverse()), 'file order does not matter');
    const edited = texts.map(([path, text], i) => [path, i === 0 ? text.replace('"title"', '"description": "edited", "title"') : text] as [string, string]);
    assert.notEqual(schemaSetDigest(edited), schemaSetDigest(texts));
    assert.equal(precompiledFor(edited, outDir), undefined);
    assert.equal(precompiledFor(texts.slice(1), outDir), undefined, 'a removed schema');
    assert.equal(precompiledFor([...texts, ['schemas/extra.schema.json', '{}']], outDir), undefined, 'an added schema');
    assert.equal(precompiledFor([...texts.slice(1), texts[1]!], outDir), undefined, 'one schema twice, another missing');
    assert.ok(precompiledFor([...texts].reverse(), outDir), 'the same files in another order');
    assert.ok(precompiledFor(texts.map(([path, text]) => [path, Buffer.from(text)]), outDir), 'the same files as bytes');
    const bytes = texts.map(([path, text], i) => [path, Buffer.from(i === 0 ? `${text} ` : text)] as [string, Buffer]);
    assert.equal(precompiledFor(bytes, outDir), undefined, 'one byte more, as bytes');
  });
});
