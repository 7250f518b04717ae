import type { UsageType } from '../../types/generated/sms-config.js';

export type { UsageType };

/** Every usage type the config accepts: Logto's current ones, then the legacy Test and Continue. */
export const USAGE_TYPES: readonly UsageType[] = [
  'Register',
  'SignIn',
  'ForgotPassword',
  'Generic',
  'OrganizationInvitation',
  'UserPermissionValidation',
  'BindNewIdentifier',
  'MfaVerification',
  'BindMfa',
  'Test',
  'Continue',
];

/** Usage types that carry no one-time code (an invitation carries a link), so their text need not hold {{code}}. */
export const CODELESS_USAGE_TYPES: ReadonlySet<UsageType> = new Set<UsageType>(['OrganizationInvitation']);

/** When a config has no template for the requested type: Logto's Generic first, then the legacy Test of older configs. */
export const FALLBACK_USAGE_TYPES: readonly UsageType[] = ['Generic', 'Test'];

export function isUsageType(value: unknown): value is UsageType {
  return typeof value === 'string' && (USAGE_TYPES as readonly string[]).includes(value);
}
