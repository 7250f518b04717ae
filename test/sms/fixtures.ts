/** SMS connector configs the tests share: the seed's (older Logto, Register/SignIn/Test) and a current Logto one. */
import { messageResource as serialiseMessage } from '../../emulator/serializers.js';
import { ACCOUNT_SID, AUTH_TOKEN, API_KEY_SECRET, API_KEY_SID } from '../support/nock.js';

export const MESSAGING_SERVICE_SID = 'MG0123456789abcdef0123456789abcdef';
export const MESSAGES_PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;
export const TO = '+15017122661';

/** The seed's config, as given in the issue (sanitised credentials). */
export const seedConfig = {
  accountSID: ACCOUNT_SID,
  authToken: AUTH_TOKEN,
  fromMessagingServiceSID: MESSAGING_SERVICE_SID,
  templates: [
    { content: 'Your registration code is {{code}}.', usageType: 'Register' },
    { content: 'Your sign-in code is {{code}}.', usageType: 'SignIn' },
    { content: 'Your test code is {{code}}.', usageType: 'Test' },
  ],
};

/** Current Logto's default templates (every usage type its form offers) and its disableRiskCheck switch. */
export const currentLogtoConfig = {
  accountSID: ACCOUNT_SID,
  authToken: AUTH_TOKEN,
  fromMessagingServiceSID: MESSAGING_SERVICE_SID,
  disableRiskCheck: false,
  templates: [
    { usageType: 'SignIn', content: 'Your Logto sign-in verification code is {{code}}. The code will remain active for 10 minutes.' },
    { usageType: 'Register', content: 'Your Logto sign-up verification code is {{code}}. The code will remain active for 10 minutes.' },
    { usageType: 'ForgotPassword', content: 'Your Logto password change verification code is {{code}}. The code will remain active for 10 minutes.' },
    { usageType: 'OrganizationInvitation', content: 'Your Logto organization invitation code is {{code}}. The code will remain active for 10 minutes.' },
    { usageType: 'Generic', content: 'Your Logto verification code is {{code}}. The code will remain active for 10 minutes.' },
    { usageType: 'UserPermissionValidation', content: 'Your Logto permission validation code is {{code}}. The code will remain active for 10 minutes.' },
    { usageType: 'BindNewIdentifier', content: 'Your Logto new identifier binding code is {{code}}. The code will remain active for 10 minutes.' },
    { usageType: 'MfaVerification', content: 'Your Logto MFA verification code is {{code}}. The code will remain active for 10 minutes.' },
    { usageType: 'BindMfa', content: 'Your Logto 2-step verification setup code is {{code}}. The code will remain active for 10 minutes.' },
  ],
};

export const apiKeyConfig = {
  accountSID: ACCOUNT_SID,
  apiKeySID: API_KEY_SID,
  apiKeySecret: API_KEY_SECRET,
  from: '+15005550006',
  templates: [{ usageType: 'Generic', content: 'Code: {{code}}' }],
};

/** Twilio's answer to a created message, made by the emulator's serializer (a Messaging Service send), `fields` on top. */
export function messageResource(fields: Record<string, unknown> = {}): Record<string, unknown> {
  const sent = { sid: 'SM0123456789abcdef0123456789abcdef', accountSid: ACCOUNT_SID, to: TO, from: null, messagingServiceSid: MESSAGING_SERVICE_SID, body: 'Your sign-in code is 123456.', createdAt: Date.parse('2026-11-22T10:00:00Z') };
  return { ...serialiseMessage(sent), ...fields };
}

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
