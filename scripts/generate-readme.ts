/**
 * `npm run generate:readme`: writes the README's module table and error table from their sources (the manifest's
 * modules and connector/errors/table.ts, through connector/cli/doc-tables.ts). `--check` writes nothing and fails when
 * the README differs (`npm test` runs it, like check:types): edit the module file or the error table, not the README.
 *
 * Each table sits between two markers in the README:
 *   <!-- generated: modules --> … <!-- end generated: modules -->
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorCodes, errorTable, moduleTable } from '../connector/cli/doc-tables.js';
import { loadConnector } from '../connector/manifest/load.js';
import { packageRoot } from '../connector/paths.js';

const README = join(packageRoot, 'README.md');

/** The README with the block between a table's markers replaced. */
export function fill(readme: string, name: string, lines: string[]): string {
  const start = `<!-- generated: ${name} (npm run generate:readme; edit the source, not this table) -->`;
  const end = `<!-- end generated: ${name} -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no "${start}" … "${end}" block for the ${name} table.`);
  return `${readme.slice(0, from + start.length)}\n${lines.join('\n')}\n${readme.slice(to)}`;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const connector = await loadConnector();
  const current = readFileSync(README, 'utf8');
  const next = fill(fill(fill(current, 'modules', moduleTable(connector)), 'codes', errorCodes()), 'errors', errorTable(connector));
  if (check) {
    if (next !== current) {
      console.error('The README tables are stale (a module or an error row changed); run `npm run generate:readme`.');
      process.exit(1);
    }
    console.log('README tables are up to date.');
    return;
  }
  if (next !== current) writeFileSync(README, next);
  console.log(next === current ? 'README tables were already up to date.' : 'README tables written.');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
