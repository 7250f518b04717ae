import { parseArgs } from 'node:util';
import { loadConnector } from '../../manifest/load.js';
import { EXIT_OK, UsageError, type CliIo } from '../io.js';

export const docsHelp = `Usage: verify-connector docs [module] [--markdown]

Without a module: the table of modules (Markdown with --markdown, as in the README).
With a module: its fields, what each means, which are required and which are advanced.`;

interface FieldSchema {
  title?: string;
  description?: string;
  'x-advanced'?: boolean;
  'x-deprecated'?: string;
}

export async function docsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { markdown: { type: 'boolean' } }, allowPositionals: true });
  const connector = await loadConnector();
  if (positionals.length === 0) {
    io.out('| Module | What it does | Twilio request |');
    io.out('|---|---|---|');
    for (const m of connector.modules) {
      const { request: r, compose } = connector.module(m.id).definition;
      const calls = r ? `${r.method ?? 'any'} ${r.path}` : `composes ${[...new Set(compose?.steps.flatMap((s) => s.module ?? []))].join(' + ')}`;
      io.out(`| \`${m.id}\` — ${m.label} | ${m.description} | \`${calls}\` |`);
    }
    return EXIT_OK;
  }
  const info = connector.modules.find((m) => m.id === positionals[0]);
  if (!info) throw new UsageError(`no module "${positionals[0]}"; run verify-connector modules to list them.`);
  const required = new Set((info.inputSchema['required'] as string[] | undefined) ?? []);
  const properties = (info.inputSchema['properties'] ?? {}) as Record<string, FieldSchema>;
  io.out(values.markdown ? `## ${info.label} (\`${info.id}\`)` : `${info.label} (${info.id})`);
  io.out(info.description);
  io.out(`Twilio docs: ${info.docs}`);
  io.out('');
  for (const [name, field] of Object.entries(properties)) {
    const flags = [required.has(name) ? 'required' : 'optional', field['x-advanced'] ? 'advanced' : '', field['x-deprecated'] ? 'deprecated' : ''].filter(Boolean).join(', ');
    io.out(values.markdown ? `- **${name}** (${flags}) — ${field.title ?? ''}: ${field.description ?? ''}` : `  ${name} (${flags})\n    ${field.title ?? ''}: ${field.description ?? ''}`);
  }
  return EXIT_OK;
}
