/**
 * `npm run build:n8n`: writes dist/n8n-nodes-twilio-verify/, the n8n community-node package, from `loadConnector()`
 * (connector/n8n/package-files.ts says what each file is), plus its icon, README (docs/n8n.md) and
 * the flow templates exported as n8n workflows (workflows/<template id>.json). Run after `tsc`.
 *
 *   node dist/scripts/build-n8n.js [--out DIR] [--connector DIR] [--link]
 *
 * `--connector` builds from another connector folder (tests); `--link` makes node_modules/twilio-verify-connector a
 * link to this checkout, so the package runs in place without an install (unit tests).
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadConnector } from '../connector/index.js';
import { CREDENTIALS_DIR, NODE_DIR, packageFiles } from '../connector/n8n/package-files.js';
import { ICON_FILE } from '../connector/n8n/description.js';
import { exportTemplates } from '../connector/n8n/flows/export.js';

const here = dirname(fileURLToPath(import.meta.url));
const rootDir = resolve(here, '..', '..');

export interface BuildN8nOptions {
  outDir?: string;
  /** Build from this connector folder instead of the package's (the runtime stays this package). */
  connectorDir?: string;
  /** Link node_modules/twilio-verify-connector to this checkout. */
  link?: boolean;
}

export interface BuildN8nResult {
  outDir: string;
  files: string[];
}

export async function buildN8nPackage(options: BuildN8nOptions = {}): Promise<BuildN8nResult> {
  const outDir = resolve(options.outDir ?? join(rootDir, 'dist', 'n8n-nodes-twilio-verify'));
  const connector = await loadConnector(options.connectorDir);
  const rootPackage = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')) as { version: string };
  const { files } = packageFiles(connector, rootPackage.version, { readme: readFileSync(join(rootDir, 'docs', 'n8n.md'), 'utf8') });
  const icon = readFileSync(join(rootDir, 'assets', 'logo.svg'), 'utf8');
  files[`${NODE_DIR}/${ICON_FILE}`] = icon;
  files[`${CREDENTIALS_DIR}/${ICON_FILE}`] = icon;
  // The flow templates as n8n workflows, named by template id (only from this package's connector: the templates use its modules).
  if (options.connectorDir === undefined) for (const [id, workflow] of Object.entries(exportTemplates(connector))) files[`workflows/${id}.json`] = `${JSON.stringify(workflow, null, 2)}\n`;

  rmSync(outDir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  if (options.link) {
    mkdirSync(join(outDir, 'node_modules'), { recursive: true });
    symlinkSync(rootDir, join(outDir, 'node_modules', 'twilio-verify-connector'), 'dir');
  }
  return { outDir, files: Object.keys(files).sort() };
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  buildN8nPackage({ outDir: argument('--out'), connectorDir: argument('--connector'), link: process.argv.includes('--link') }).then(
    ({ outDir, files }) => console.log(`n8n package written to ${relative(process.cwd(), outDir) || '.'}/ (${files.length} files).`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
