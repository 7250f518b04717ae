import { parseArgs } from 'node:util';
import { loadConnector } from '../../manifest/load.js';
import { EXIT_OK, type CliIo } from '../io.js';

export const modulesHelp = `Usage: verify-connector modules [--json]

Lists the connector's modules: id, kind, what it sends and its label.`;

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export async function modulesCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } } });
  const connector = await loadConnector();
  const rows = connector.modules.map((m) => {
    const { request, compose } = connector.module(m.id).definition;
    const calls = request ? `${request.method ?? 'ANY'} ${request.path}` : `composes ${[...new Set(compose?.steps.flatMap((s) => s.module ?? []))].join(' + ')}`;
    return { id: m.id, kind: m.kind, request: calls, label: m.label };
  });
  if (values.json) {
    io.out(JSON.stringify(rows, null, 2));
    return EXIT_OK;
  }
  const widths = { id: Math.max(...rows.map((r) => r.id.length), 2), request: Math.max(...rows.map((r) => r.request.length), 7) };
  io.out(`${pad('ID', widths.id)}  ${pad('KIND', 6)}  ${pad('REQUEST', widths.request)}  LABEL`);
  for (const r of rows) io.out(`${pad(r.id, widths.id)}  ${pad(r.kind, 6)}  ${pad(r.request, widths.request)}  ${r.label}`);
  return EXIT_OK;
}
