/**
 * `npm run build:make`: writes the Make custom app for Make and Boost.space Integrator.
 *
 *   dist/make-app/twilio-verify/      the app in Make's archive layout (metadata.json, base.imljson, readme.md, .sdk,
 *                                     connections/…, modules/…, rpcs/…), every component file present
 *   dist/make-app/twilio-verify.zip   the same folder as one archive (the Make Apps extension's "Import app")
 *   dist/make-app/REPORT.md           everything the export says more simply or leaves out
 *
 * Samples are the emulator's real answers to the modules' examples, collected here at build time (an embedded
 * emulator per example: no network, no account), so they show exactly what Twilio's JSON looks like.
 * Run after `tsc` (npm run build:make does both).
 */
import { mkdirSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import { loadConnector } from '../connector/index.js';
import { exportMakeApp, type MakeApp } from '../connector/make/export.js';
import { reportFor, simplificationLines } from '../connector/make/report.js';
import { collectSamples } from '../connector/make/samples.js';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(here, '..', 'make-app');
/** A fixed time for every entry, so the same app makes the same archive. */
const ZIP_TIME = new Date(Date.UTC(2025, 0, 1));

export function writeApp(app: MakeApp, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of app.files) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

export function writeZip(app: MakeApp, file: string): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [path, text] of app.files) zip.addBuffer(Buffer.from(text), `${app.name}/${path}`, { mtime: ZIP_TIME, mode: 0o100644 });
  zip.end();
  return new Promise((done, fail) => {
    zip.outputStream.pipe(createWriteStream(file)).on('close', () => done()).on('error', fail);
  });
}

async function main(): Promise<void> {
  const connector = await loadConnector();
  const { samples, missing } = await collectSamples(connector);
  const app = exportMakeApp(connector, { samples, missingSamples: missing });
  mkdirSync(outDir, { recursive: true });
  writeApp(app, join(outDir, app.name));
  await writeZip(app, join(outDir, `${app.name}.zip`));
  writeFileSync(join(outDir, 'REPORT.md'), reportFor(app, connector.modules.length));
  const lines = simplificationLines(app);
  process.stdout.write(
    [
      `Make app: ${app.modules.length} of ${connector.modules.length} modules, ${app.rpcs.length} RPCs, ${app.files.size} files, ${samples.size} samples from the emulator`,
      `  ${join(outDir, app.name)}/`,
      `  ${join(outDir, `${app.name}.zip`)}`,
      `Simplified or left out (${lines.length}, also in ${join(outDir, 'REPORT.md')}):`,
      ...lines,
      '',
    ].join('\n'),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`build:make failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
