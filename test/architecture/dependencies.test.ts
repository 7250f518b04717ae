/**
 * The house's arrows point one way (.dependency-cruiser.cjs, docs/architecture.md): no cycle, not even of types;
 * no room imports one above it; the core never imports a host; the main entry reaches no host.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { packageRoot } from '../../connector/paths.js';

const rules = createRequire(import.meta.url)(join(packageRoot, '.dependency-cruiser.cjs')) as { forbidden: NonNullable<ICruiseOptions['ruleSet']>['forbidden']; options: ICruiseOptions };

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
