import { EXIT_OK, type CliIo } from '../io.js';

export const demoHelp = `Usage: verify-connector demo [--json]

Until the emulator lands: validates the connector and lists its modules.`;

export async function demoCommand(argv: string[], io: CliIo): Promise<number> {
  const { validateCommand } = await import('./validate.js');
  const { modulesCommand } = await import('./modules.js');
  const status = await validateCommand([], io);
  if (status !== EXIT_OK) return status;
  return modulesCommand(argv.filter((a) => a === '--json'), io);
}
