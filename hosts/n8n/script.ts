/**
 * How the demo and the benchmark run: everything they start is registered to be stopped, last first, when they end,
 * fail or are interrupted (Ctrl-C), so no n8n, worker, Redis or emulator outlives them. Errors print as one message.
 */
type Stop = () => unknown;

export async function runScript(body: (onExit: (stop: Stop) => void) => Promise<void>): Promise<void> {
  const stops: Stop[] = [];
  let stopping: Promise<void> | undefined;
  const stopAll = (): Promise<void> =>
    (stopping ??= (async () => {
      for (const stop of stops.reverse()) {
        try {
          await stop();
        } catch (error) {
          console.error(`while stopping: ${(error as Error).message}`);
        }
      }
    })());
  const interrupted = (): void => {
    console.error('interrupted: stopping what was started …');
    void stopAll().then(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await body((stop) => stops.push(stop));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  } finally {
    await stopAll();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

/** The value after `--name` on the command line, or undefined when the option is not given. */
export function stringArgument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  if (at === -1) return undefined;
  const value = process.argv[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} takes a value.`);
  return value;
}

/** The value after `--name` on the command line, as a positive integer, or `fallback`. */
export function intArgument(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a positive whole number (got ${process.argv[at + 1] ?? 'nothing'}).`);
  return value;
}
