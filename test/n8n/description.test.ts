/**
 * The generated n8n package, checked over every module the connector has (the list grows; nothing here names one):
 * each module is an operation with its label and help, each input property a parameter where the rules put it,
 * the host keywords rendered, the output previews written, and every module example survives the round trip
 * input → node parameters → n8n's own parameter resolution → the input execute() sends.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeProperties } from 'n8n-workflow';
import { loadConnector, type Connector } from '../../connector/index.js';
import { ADDITIONAL_FIELDS, describeNode } from '../../connector/n8n/description.js';
import { readInput } from '../../connector/n8n/input.js';
import { toParameters } from '../../connector/n8n/parameters.js';
import { packageRoot } from '../../connector/paths.js';
import { buildPackage, resolvedParameters, type BuiltPackage } from './support.js';

type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function find(properties: readonly INodeProperties[], name: string, module: string): INodeProperties | undefined {
  return properties.find((p) => p.name === name && (p.displayOptions?.show?.['operation'] as string[] | undefined)?.includes(module));
}

describe('n8n package: generated from the connector', () => {
  let connector: Connector;
  let built: BuiltPackage;
  before(async () => {
    connector = await loadConnector();
    built = await buildPackage();
  });
  after(() => built.dispose());

  it('is a community-node package: keyword, n8n section with API version 1, the runtime as a dependency', () => {
    const manifest = JSON.parse(readFileSync(join(built.dir, 'package.json'), 'utf8'));
    const root = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
    assert.equal(manifest.name, 'n8n-nodes-twilio-verify');
    assert.ok(manifest.keywords.includes('n8n-community-node-package'));
    assert.equal(manifest.n8n.n8nNodesApiVersion, 1);
    assert.deepEqual(manifest.dependencies, { 'twilio-verify-connector': root.version });
    for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) assert.ok(existsSync(join(built.dir, file)), file);
  });

  it('names each class as its file (n8n loads the class named by the file)', () => {
    assert.equal(built.node().constructor.name, 'TwilioVerify');
    assert.equal(built.credentials.constructor.name, 'TwilioVerifyApi');
    assert.equal(built.description.name, 'twilioVerify');
    assert.deepEqual(built.description.credentials, [{ name: 'twilioVerifyApi', required: true, testedBy: 'twilioVerifyApiTest' }]);
    assert.equal(typeof built.node().methods.credentialTest['twilioVerifyApiTest'], 'function');
  });

  it('has one operation per module, with its label and help, under one resource', () => {
    const resources = built.description.properties.find((p) => p.name === 'resource')!;
    const values = (resources.options as Array<{ value: string }>).map((o) => o.value);
    const operations = built.description.properties.filter((p) => p.name === 'operation');
    assert.equal(operations.length, values.length);
    const seen: string[] = [];
    for (const operation of operations) {
      const resource = (operation.displayOptions!.show!['resource'] as string[])[0]!;
      assert.ok(values.includes(resource));
      for (const option of operation.options as Array<{ value: string; name: string; description: string; action: string }>) {
        const module = connector.modules.find((m) => m.id === option.value)!;
        assert.ok(module, option.value);
        assert.deepEqual([option.name, option.description, option.action], [module.label, module.description, module.label]);
        seen.push(option.value);
      }
    }
    assert.deepEqual(seen.sort(), connector.modules.map((m) => m.id).sort());
    assert.ok(values.includes('service') && values.includes('verification') && values.at(-1) === 'other');
  });

  it('renders every input property: required ones as parameters, the rest under Additional Fields', () => {
    const properties = built.description.properties;
    for (const module of connector.modules) {
      const schema = module.inputSchema as Schema;
      const required = new Set<string>(schema['required'] ?? []);
      const additional = find(properties, ADDITIONAL_FIELDS, module.id);
      for (const [name, property] of Object.entries<Schema>(schema['properties'] ?? {})) {
        const rendered = required.has(name) ? find(properties, name, module.id) : (additional?.options as INodeProperties[] | undefined)?.find((o) => o.name === name);
        assert.ok(rendered, `${module.id}: ${name} is rendered`);
        if (property['title']) assert.equal(rendered.displayName, property['title'], `${module.id}: ${name}'s label`);
        if (required.has(name)) assert.equal(rendered.required, true);
        if (property['x-options-from']) {
          assert.equal(rendered.type, 'options');
          assert.ok(rendered.typeOptions?.loadOptionsMethod, `${module.id}: ${name} loads its choices`);
          assert.equal(typeof built.node().methods.loadOptions[rendered.typeOptions.loadOptionsMethod], 'function');
          const input = Object.keys(property['x-options-from'].input ?? {});
          assert.equal(rendered.typeOptions.loadOptionsDependsOn?.length ?? 0, input.length);
        }
        if (Array.isArray(property['enum'])) {
          const options = rendered.options as Array<{ value: unknown; name: string }>;
          assert.deepEqual(options.map((o) => o.value), property['enum']);
          const labels = property['x-enum-labels'] ?? {};
          for (const option of options) if (labels[String(option.value)]) assert.equal(option.name, labels[String(option.value)], `${module.id}: ${name} = ${String(option.value)} is named`);
        }
        for (const [sibling, allowed] of Object.entries<unknown[]>(property['x-show-when'] ?? {})) {
          const shown: [string, unknown] | undefined = Object.entries(rendered.displayOptions?.show ?? {}).find(([key]) => key.replace(/^\//, '').split('.').at(-1) === sibling);
          assert.ok(shown, `${module.id}: ${name} is shown only for some ${sibling}`);
          assert.deepEqual(shown[1], allowed);
        }
      }
    }
  });

  it('makes the credential from the connection schema: a way to sign in, secrets as passwords', () => {
    const schema = connector.connectionSchema as Schema;
    const fields = built.credentials.properties;
    assert.equal(fields[0]!.name, 'authentication');
    for (const [name, property] of Object.entries<Schema>(schema['properties'])) {
      const field = fields.find((f) => f.name === name);
      assert.ok(field, name);
      assert.equal(field.displayName, property['title']);
      if (property['x-secret']) assert.equal(field.typeOptions?.password, true, `${name} is a password`);
    }
    assert.deepEqual(
      (fields[0]!.options as Array<{ name: string; value: string }>).map((o) => [o.name, o.value]),
      [
        ['Auth Token', 'authToken'],
        ['API key', 'apiKeySid'],
      ],
    );
  });

  it('writes an output preview for every module: one item (a list entry for a search module), plain JSON Schema', () => {
    const { plan } = describeNode(connector);
    for (const module of connector.modules) {
      const file = join(built.dir, 'dist/nodes/TwilioVerify/__schema__/v1.0.0', plan.modules[module.id]!.resource, `${module.id}.json`);
      const preview = JSON.parse(readFileSync(file, 'utf8'));
      assert.equal(preview.type, 'object', module.id);
      assert.ok(!/"x-|errorMessage|\$ref/.test(JSON.stringify(preview)), `${module.id}: no project keywords`);
      const itemsKey = module.definition.pagination?.itemsKey;
      const expected = itemsKey ? (module.outputSchema as Schema)['properties'][itemsKey]['items'] : module.outputSchema;
      assert.deepEqual(Object.keys(preview.properties ?? {}), Object.keys(expected['properties'] ?? {}), module.id);
    }
  });

  it('reads back every module example exactly: input → parameters → n8n resolution → input', () => {
    const { description, plan } = describeNode(connector);
    let examples = 0;
    for (const module of connector.modules) {
      for (const example of module.definition.examples ?? []) {
        const parameters = resolvedParameters(description, toParameters(plan.modules[module.id]!, example.input as Record<string, unknown>));
        const input = readInput(plan.modules[module.id]!, (name) => parameters[name], parameters[ADDITIONAL_FIELDS] ?? {});
        assert.deepEqual(input, example.input, `${module.id}: ${example.title}`);
        examples++;
      }
    }
    assert.ok(examples >= connector.modules.length, 'every module has an example');
  });
});
