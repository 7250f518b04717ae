import { Command } from 'commander';
import { act, dirOption, jsonOption, type CliContext } from '../command-kit.js';
import { EXIT_OK } from '../io.js';

export function modulesCommand(ctx: CliContext): Command {
  return new Command('modules')
    .summary('list the modules')
    .description("Lists the connector's modules: id, kind, what it sends and its label.")
    .addOption(dirOption())
    .addOption(jsonOption())
    .action(
      act(ctx, async (options: { dir?: string; json?: boolean }) => {
        const { loadConnector } = await import('../../manifest/load.js');
        const { requestSummary } = await import('../module-summary.js');
        const connector = await loadConnector(options.dir);
        const rows = connector.modules.map((m) => ({ id: m.id, kind: m.kind, request: requestSummary(connector, m.id, 'ANY'), label: m.label }));
        if (options.json) {
          ctx.io.out(JSON.stringify(rows, null, 2));
          return EXIT_OK;
        }
        const width = { id: Math.max(...rows.map((r) => r.id.length), 2), request: Math.max(...rows.map((r) => r.request.length), 7) };
        ctx.io.out(`${'ID'.padEnd(width.id)}  ${'KIND'.padEnd(6)}  ${'REQUEST'.padEnd(width.request)}  LABEL`);
        for (const r of rows) ctx.io.out(`${r.id.padEnd(width.id)}  ${r.kind.padEnd(6)}  ${r.request.padEnd(width.request)}  ${r.label}`);
        return EXIT_OK;
      }),
    );
}
