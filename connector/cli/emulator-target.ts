import { connectionFrom } from './connection-source.js';

/**
 * Points a command at an emulator: a running one at `url` (credentials from --connection or the environment, as
 * `verify-connector emulator` prints them), or, with `true`, one started in this process for the command's duration.
 */
export async function withEmulator<T>(
  emulator: true | string,
  connectionOption: string | undefined,
  note: (text: string) => void,
  fn: (connection: Record<string, unknown>) => Promise<T>,
): Promise<T> {
  if (typeof emulator === 'string') return fn({ ...connectionFrom(connectionOption, process.env, note), baseUrl: emulator });
  const { startEmulator } = await import('../../emulator/index.js');
  const started = await startEmulator();
  try {
    return await fn({ accountSid: started.accountSid, authToken: started.authToken, baseUrl: started.url });
  } finally {
    await started.close();
  }
}
