/**
 * The house's arrows point one way (.dependency-cruiser.cjs, docs/architecture.md): no cycle, not even of types;
 * no room imports one above it; the core never imports a host; the main entry reaches no host.
 * docs/architecture.md lists the same rooms, levels and hosts as the rules; the README's room table names every folder.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { packageRoot } from '../../connector/paths.js';

interface Rooms {
  /** [name, path pattern], lowest first. */
  levels: Array<[string, string]>;
  sideBySide: Array<[string, string]>;
  hosts: string;
}
const rules = createRequire(import.meta.url)(join(packageRoot, '.dependency-cruiser.cjs')) as { forbidden: NonNullable<ICruiseOptions['ruleSet']>['forbidden']; options: ICruiseOptions; rooms: Rooms };

/** A rule's path pattern as the paths it names: '^connector/common/|^connector/paths\\.ts$' → ['connector/common/', 'connector/paths.ts']. */
const pathsOf = (pattern: string): string[] => pattern.split('|').map((p) => p.replace(/^\^/, '').replace(/\$$/, '').replaceAll('\\.', '.'));

/** Every violation of the house rules in `roots` below `baseDir`, as "rule: from → to" lines. */
async function violations(baseDir: string, roots: string[]): Promise<string[]> {
  const cwd = process.cwd();
  process.chdir(baseDir); // dependency-cruiser reads paths and tsconfig relative to the working directory
  try {
    const options: ICruiseOptions = { ...rules.options, baseDir, ruleSet: { forbidden: rules.forbidden }, validate: true };
    const result = await cruise(roots, options, {}, { tsConfig: extractTSConfig(join(baseDir, 'tsconfig.json')) });
    const output = result.output as ICruiseResult;
    return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (cycle: ${v.cycle.map((c) => c.name).join(' → ')})` : ''}`);
  } finally {
    process.chdir(cwd);
  }
}

describe('architecture: rooms depend one way', function () {
  this.timeout(60_000);

  it('connector/ and emulator/ break no dependency rule', async () => {
    const found = await violations(packageRoot, ['connector', 'emulator']);
    assert.deepEqual(found, [], `Arrows against the house's direction (see .dependency-cruiser.cjs):\n  ${found.join('\n  ')}`);
  });

  it('docs/architecture.md names the levels, the side-by-side rooms and the hosts the rules enforce, and every room of connector/ has a place', () => {
    const doc = readFileSync(join(packageRoot, 'docs', 'architecture.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## The direction of the arrows'), doc.indexOf('\n## ', doc.indexOf('## The direction of the arrows') + 1));
    const documented = [...section.matchAll(/^\| `([a-z]+)` \| ([^|]+) \|/gm)].map(([, level, room]) => [level, [...room!.matchAll(/`([^`]+)`/g)].map((m) => m[1])]);
    const enforced = [...rules.rooms.levels].reverse().map(([level, pattern]) => [level, pathsOf(pattern)]);
    assert.deepEqual(documented, enforced, 'the levels table of docs/architecture.md (highest first) and CORE_LEVELS of .dependency-cruiser.cjs differ');
    for (const [a, b] of rules.rooms.sideBySide) {
      assert.ok(section.split('\n').some((line) => line.includes(`\`${a}\``) && line.includes(`\`${b}\``) && line.includes('side by side')), `docs/architecture.md does not say ${a} and ${b} stand side by side`);
    }
    const hostsParagraph = section.slice(section.indexOf('**Hosts**'), section.indexOf('\n\n', section.indexOf('**Hosts**')));
    const documentedHosts = [...hostsParagraph.matchAll(/`connector\/([a-z0-9]+)\/`/g)].map((m) => m[1]).sort();
    const enforcedHosts = /\(([^)]+)\)/.exec(rules.rooms.hosts)![1]!.split('|').sort();
    assert.deepEqual(documentedHosts, enforcedHosts, 'the hosts of docs/architecture.md and HOSTS of .dependency-cruiser.cjs differ');

    const placed = [...rules.rooms.levels.map(([, pattern]) => pattern), rules.rooms.hosts].map((pattern) => new RegExp(pattern));
    const rooms = readdirSync(join(packageRoot, 'connector'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() || entry.name.endsWith('.ts'))
      .map((entry) => `connector/${entry.name}${entry.isDirectory() ? '/' : ''}`);
    const unplaced = rooms.filter((room) => !placed.some((pattern) => pattern.test(room)));
    assert.deepEqual(unplaced, [], 'a room of connector/ that is neither a level nor a host in .dependency-cruiser.cjs (add it there and to docs/architecture.md)');
  });

  it("the README's room table names every folder of connector/", () => {
    const row = readFileSync(join(packageRoot, 'README.md'), 'utf8').split('\n').find((line) => line.startsWith('| `connector/` |'));
    assert.ok(row, 'README.md has no `connector/` row in its room table');
    const folders = readdirSync(join(packageRoot, 'connector'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => `${entry.name}/`);
    assert.deepEqual(folders.filter((folder) => !row.includes(`\`${folder}\``)), [], "folders of connector/ the README's room table does not name");
  });

  it('the rules catch a cycle of types, an arrow upward and a core file importing a host (they can fail)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'depcruise-'));
    try {
      const files: Record<string, string> = {
        'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true }, include: ['connector'] }),
        'connector/index.ts': "export { plan } from './runtime/plan.js';\n",
        'connector/runtime/plan.ts': "import type { Step } from '../flows/step.js';\nexport const plan = (step: Step): string => step.id;\n",
        'connector/flows/step.ts': "import type { plan } from '../runtime/plan.js';\nexport interface Step { id: string; run?: typeof plan }\n",
        'connector/transport/send.ts': "import type { plan } from '../runtime/plan.js';\nexport type Planned = typeof plan;\n",
      };
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), text);
      }
      const found = (await violations(dir, ['connector'])).map((line) => line.split(':')[0]);
      for (const rule of ['no-cycle', 'core-never-imports-a-host', 'main-entry-reaches-no-host', 'transport-imports-only-below']) {
        assert.ok(found.includes(rule), `expected a ${rule} violation, found: ${found.join(', ')}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
