/** The environment variables the CLI reads a connection from (`verify-connector run` without --connection). */
export const TWILIO_ENV = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_KEY', 'TWILIO_API_SECRET'] as const;

/**
 * A function that puts the TWILIO_* variables back as they were when this was called, for the tests that set them
 * to run the CLI: `afterEach(twilioEnvRestorer())`.
 */
export function twilioEnvRestorer(): () => void {
  const before = new Map(TWILIO_ENV.map((key) => [key, process.env[key]]));
  return () => {
    for (const [key, value] of before) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
