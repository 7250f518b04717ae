/** What Logto shows for this connector. Paths are relative to the built package (dist/logto-connector/). */
export const SMS_CONNECTOR_ID = 'twilio-verify-connector-sms';

export const smsConnectorMetadata = {
  id: SMS_CONNECTOR_ID,
  target: 'twilio-sms',
  platform: null,
  name: {
    en: 'Twilio SMS (twilio-verify-connector)',
  },
  description: {
    en: 'Sends one-time codes by SMS through Twilio, from a Messaging Service or a sender number, with readable errors for every Twilio failure.',
  },
  logo: './logo.svg',
  logoDark: null,
  readme: './README.md',
  /**
   * A config template, not form items: Logto checks form items against a zod object guard, and this connector's
   * guard is its JSON Schema (AJV). The console then edits the config as JSON, prefilled from this file.
   */
  configTemplate: './docs/config-template.json',
} as const;

/** A starting config: every current Logto usage type, a Messaging Service sender. */
export const configTemplate = {
  accountSID: 'AC00000000000000000000000000000000',
  authToken: '<auth-token>',
  fromMessagingServiceSID: 'MG00000000000000000000000000000000',
  templates: [
    { usageType: 'SignIn', content: 'Your sign-in code is {{code}}. It expires in 10 minutes.' },
    { usageType: 'Register', content: 'Your sign-up code is {{code}}. It expires in 10 minutes.' },
    { usageType: 'ForgotPassword', content: 'Your password reset code is {{code}}. It expires in 10 minutes.' },
    { usageType: 'Generic', content: 'Your verification code is {{code}}. It expires in 10 minutes.' },
  ],
};
