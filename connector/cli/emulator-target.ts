import { connectionFrom } from './connection-source.js';

/**
 * Points a command at an emulator: a running one at `url` (credentials from --connection or the environment, as
 * `verify-connector emulator` prints them), or, with no URL, one started in this process for the command's duration.
 */
export async function withEmulator<T>(url: string | undefined, connectionOption: string | undefined, fn: (connection: Record<string, unknown>) => Promise<T>): Promise<T> {
  if (url) return fn({ ...connectionFrom(connectionOption), baseUrl: url });
  const { startEmulator } = await import('../../emulator/index.js');
  const emulator = await startEmulator();
  try {
    return await fn({ accountSid: emulator.accountSid, authToken: emulator.authToken, baseUrl: emulator.url });
  } finally {
    await emulator.close();
  }
}
