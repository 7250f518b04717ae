import { Command } from 'commander';
import { act, dirOption, jsonOption, type CliContext } from '../command-kit.js';
import { didYouMean } from '../did-you-mean.js';
import { EXIT_OK, UsageError } from '../io.js';

interface FieldSchema {
  title?: string;
  description?: string;
  'x-advanced'?: boolean;
  'x-deprecated'?: string;
}

interface DocsOptions {
  markdown?: boolean;
  dir?: string;
  json?: boolean;
}

export function docsCommand(ctx: CliContext): Command {
  return new Command('docs')
    .summary('describe the modules and their fields')
    .description('Without a module: the table of modules (Markdown, as in the README).\nWith a module: its fields, what each means, which are required and which are advanced.')
    .argument('[module]', 'a module id, e.g. start-verification')
    .option('--markdown', "a module's fields as Markdown")
    .addOption(dirOption())
    .addOption(jsonOption())
    .action(act(ctx, (moduleId: string | undefined, options: DocsOptions) => docs(ctx, moduleId, options)));
}

async function docs(ctx: CliContext, moduleId: string | undefined, options: DocsOptions): Promise<number> {
  const { io } = ctx;
  const { loadConnector } = await import('../../manifest/load.js');
  const { moduleRows, moduleTable } = await import('../doc-tables.js');
  const connector = await loadConnector(options.dir);
  if (moduleId === undefined) {
    if (options.json) io.out(JSON.stringify(moduleRows(connector), null, 2));
    else for (const line of moduleTable(connector)) io.out(line);
    return EXIT_OK;
  }
  const info = connector.modules.find((m) => m.id === moduleId);
  if (!info) {
    const ids = connector.modules.map((m) => m.id);
    throw new UsageError(`no module "${moduleId}".${didYouMean(moduleId, ids)} Run verify-connector modules${options.dir ? ` --dir ${options.dir}` : ''} to list them.`);
  }
  const required = new Set((info.inputSchema['required'] as string[] | undefined) ?? []);
  const properties = (info.inputSchema['properties'] ?? {}) as Record<string, FieldSchema>;
  const fields = Object.entries(properties).map(([name, field]) => ({
    name,
    required: required.has(name),
    advanced: Boolean(field['x-advanced']),
    deprecated: Boolean(field['x-deprecated']),
    title: field.title ?? '',
    description: field.description ?? '',
  }));
  if (options.json) {
    io.out(JSON.stringify({ id: info.id, label: info.label, description: info.description, docs: info.docs, fields }, null, 2));
    return EXIT_OK;
  }
  io.out(options.markdown ? `## ${info.label} (\`${info.id}\`)` : `${info.label} (${info.id})`);
  io.out(info.description);
  io.out(`Twilio docs: ${info.docs}`);
  io.out('');
  for (const f of fields) {
    const flags = [f.required ? 'required' : 'optional', f.advanced ? 'advanced' : '', f.deprecated ? 'deprecated' : ''].filter(Boolean).join(', ');
    io.out(options.markdown ? `- **${f.name}** (${flags}) — ${f.title}: ${f.description}` : `  ${f.name} (${flags})\n    ${f.title}: ${f.description}`);
  }
  return EXIT_OK;
}
