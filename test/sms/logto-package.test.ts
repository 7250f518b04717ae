/**
 * Repeats Logto's connector loader checks (packages/core/src/utils/connectors/: loader.ts, index.ts, factories.ts and
 * @logto/cli's getConnectorPackagesFromDirectory) on the folder `npm run build:logto` writes.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import kitPackage from '@logto/connector-kit/package.json' with { type: 'json' };
import { ConnectorError, ConnectorErrorCodes, ConnectorType, connectorMetadataGuard, validateConfig } from '@logto/connector-kit';
import { buildLogtoConnector, CONNECTOR_KIT_RANGE } from '../../scripts/build-logto-connector.js';
import { packageRoot } from '../../connector/paths.js';
import { startEmulator } from '../../emulator/index.js';
import { seedConfig } from './fixtures.js';

/** `^a.b.c || ^d…` ranges, as semver's satisfies reads them (the only form the build writes). */
function satisfiesCaret(version: string, range: string): boolean {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  return range.split('||').some((part) => {
    const match = /^\s*\^(\d+)\.(\d+)\.(\d+)\s*$/.exec(part);
    if (!match) return false;
    const [, M, m, p] = match.map(Number) as [number, number, number, number];
    return major === M && (minor > m || (minor === m && patch >= p));
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loaded = any;

describe('the built Logto connector package passes Logto\'s loader checks', () => {
  // Inside dist/ so that, like a connector in Logto's packages/core/connectors/, its imports resolve from the host's node_modules.
  const dir = join(packageRoot, 'dist', `.logto-connector-test-${process.pid}`);
  let createConnector: Loaded;

  before(async () => {
    await buildLogtoConnector(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is named connector-… or @scope/connector-… (getConnectorPackagesFromDirectory)', () => {
    const { name } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string };
    assert.ok(name.startsWith('connector-') || Boolean(name.split('/')[1]?.startsWith('connector-')), name);
    assert.equal(name, '@twilio-verify-connector/connector-twilio-verify-sms');
  });

  it('depends on @logto/connector-kit with a range covering 4.x and 5.x, including the installed kit (checkConnectorKitVersion)', () => {
    const { dependencies } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const range = dependencies['@logto/connector-kit']!;
    assert.equal(range, CONNECTOR_KIT_RANGE);
    for (const version of [kitPackage.version, '4.0.0', '4.7.1', '5.0.0', '5.3.2']) assert.ok(satisfiesCaret(version, range), `${version} in ${range}`);
    for (const version of ['3.9.0', '6.0.0']) assert.ok(!satisfiesCaret(version, range), `${version} not in ${range}`);
  });

  it('declares every package lib/ imports, and bundles no copy of the kit', () => {
    const { dependencies } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const files = filesUnder(join(dir, 'lib'));
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*)['"]([^'".][^'"]*)['"]/g)) {
        const spec = match[1]!;
        if (spec.startsWith('node:')) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        assert.ok(dependencies[name], `${relative(dir, file)} imports ${name}, which package.json must declare`);
      }
      for (const match of source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*)['"](\.[^'"]*)['"]/g)) {
        assert.ok(existsSync(join(file, '..', match[1]!)), `${relative(dir, file)} imports ${match[1]}, which must be in the folder`);
      }
    }
    assert.ok(!files.some((f) => f.includes('connector-kit')));
  });

  it('carries its runtime dependencies in node_modules/ (logto connector add runs no npm install) but never the kit, which resolves from the host', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; bundleDependencies: string[] };
    assert.deepEqual(manifest.bundleDependencies.sort(), Object.keys(manifest.dependencies).filter((n) => n !== '@logto/connector-kit').sort());
    const require = createRequire(join(dir, 'lib', 'index.js'));
    for (const name of manifest.bundleDependencies) {
      assert.ok(require.resolve(name).startsWith(join(dir, 'node_modules') + sep), `${name} resolves inside the package`);
    }
    assert.ok(!existsSync(join(dir, 'node_modules', '@logto')), 'no @logto/* inside the package');
    assert.ok(!require.resolve('@logto/connector-kit').startsWith(dir + sep), 'the kit resolves from the host');
  });

  it('has lib/index.js whose default export is a function (loadConnector, ESM pattern)', async () => {
    const loaded: Loaded = await import(pathToFileURL(join(dir, 'lib', 'index.js')).href);
    assert.equal(typeof loaded.default, 'function');
    assert.ok(!(loaded.default && typeof loaded.default === 'object' && 'default' in loaded.default), 'not the CJS default.default pattern');
    createConnector = loaded.default;
  });

  it('createConnector({ getConfig: notImplemented }) resolves without calling getConfig; metadata, configGuard and type are valid (validateConnectorModule)', async () => {
    const notImplemented = (): never => {
      throw new ConnectorError(ConnectorErrorCodes.NotImplemented);
    };
    const connector = await createConnector({ getConfig: notImplemented });
    assert.ok(connector.metadata, 'metadata');
    assert.ok(connector.configGuard, 'configGuard');
    assert.ok(Object.values(ConnectorType).includes(connector.type), 'type');
    assert.equal(connector.type, ConnectorType.Sms);
    assert.equal(typeof connector.sendMessage, 'function');
  });

  it("metadata passes connector-kit's connectorMetadataGuard; its own id; no form items, so Logto's zod form check does not apply", async () => {
    const { metadata } = await createConnector({ getConfig: async () => seedConfig });
    const parsed = connectorMetadataGuard.safeParse(metadata);
    assert.ok(parsed.success, JSON.stringify(!parsed.success && parsed.error.issues));
    assert.equal(metadata.id, 'twilio-verify-connector-sms');
    assert.equal(metadata.formItems, undefined);
    assert.equal(typeof metadata.name.en, 'string');
    assert.equal(typeof metadata.description.en, 'string');
  });

  it('logo, readme and config template are files in the package (parseMetadata reads them); the template is a valid config', async () => {
    const { metadata, configGuard } = await createConnector({ getConfig: async () => seedConfig });
    const logo = readFileSync(join(dir, metadata.logo), 'utf8');
    assert.match(logo, /^<svg[\s\S]*<\/svg>\s*$/);
    assert.match(readFileSync(join(dir, metadata.readme), 'utf8'), /# Use with Logto/);
    const template = JSON.parse(readFileSync(join(dir, metadata.configTemplate), 'utf8')) as unknown;
    assert.doesNotThrow(() => validateConfig(template, configGuard));
  });

  it('the built connector validates through the kit and throws the host\'s ConnectorError (instanceof works for Logto)', async () => {
    const { configGuard, sendMessage } = await createConnector({ getConfig: async () => ({ ...seedConfig, templates: [] }) });
    assert.throws(() => validateConfig({ ...seedConfig, templates: [] }, configGuard), ConnectorError);
    await assert.rejects(sendMessage({ to: '+15017122661', type: 'SignIn', payload: { code: '1' } }), (error: unknown) => {
      assert.ok(error instanceof ConnectorError);
      assert.equal(error.code, ConnectorErrorCodes.InvalidConfig);
      return true;
    });
  });

  it("sends the seed's SignIn code from the built folder into the emulator's outbox", async () => {
    const emulator = await startEmulator();
    try {
      const config = { ...seedConfig, accountSID: emulator.accountSid, authToken: emulator.authToken, baseUrl: emulator.url };
      const { sendMessage } = await createConnector({ getConfig: async () => config });
      await sendMessage({ to: '+15017122661', type: 'SignIn', payload: { code: '555123' } });
      assert.equal(emulator.outbox({ to: '+15017122661' })[0]?.body, 'Your sign-in code is 555123.');
    } finally {
      await emulator.close();
    }
  });
});
