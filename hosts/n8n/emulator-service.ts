/** The emulator and one Verify service, with the credentials our node and n8n's HTTP Request node use for it. */
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { BASIC_AUTH_CREDENTIAL, CREDENTIAL } from './workflows.js';

export interface EmulatorService {
  emu: Emulator;
  serviceSid: string;
  /** Our "Twilio Verify API" credential and n8n's "Basic Auth" one, both for the emulator, for import:credentials. */
  credentials: object[];
}

/** Our "Twilio Verify API" credential for an emulator, for import:credentials (n8n encrypts `data`). */
export function emulatorCredential(emu: Emulator, credential: { id: string; name: string } = CREDENTIAL): object {
  return { ...credential, type: 'twilioVerifyApi', data: { authentication: 'authToken', accountSid: emu.accountSid, authToken: emu.authToken, baseUrl: emu.url } };
}

export async function startEmulatorService(friendlyName: string): Promise<EmulatorService> {
  const emu = await startEmulator();
  try {
    const response = await fetch(`${emu.url}/v2/Services`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${emu.accountSid}:${emu.authToken}`).toString('base64')}` },
      body: new URLSearchParams({ FriendlyName: friendlyName }),
    });
    const { sid } = (await response.json()) as { sid?: string };
    if (response.status !== 201 || !sid) throw new Error(`the emulator did not create a service (HTTP ${response.status})`);
    return {
      emu,
      serviceSid: sid,
      credentials: [
        emulatorCredential(emu),
        { ...BASIC_AUTH_CREDENTIAL, type: 'httpBasicAuth', data: { user: emu.accountSid, password: emu.authToken } },
      ],
    };
  } catch (error) {
    await emu.close();
    throw error;
  }
}
