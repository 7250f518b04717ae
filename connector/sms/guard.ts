import { tokensOf } from '../common/json-pointer.js';
import type { InputProblem } from '../errors/connector-error.js';
import { checkSmsConfig, type SmsConfig } from './config.js';

/** One problem as zod reports it (`path`, `message`, `code`), plus the JSON pointer this package uses everywhere. */
export interface SmsConfigIssue {
  code: 'custom';
  path: Array<string | number>;
  pointer: string;
  message: string;
}

function pathOf(pointer: string): Array<string | number> {
  return tokensOf(pointer).map((token) => (/^(0|[1-9][0-9]*)$/.test(token) ? Number(token) : token));
}

/**
 * What a failed `safeParse` carries. Shaped for both readers: zod-style `issues` for code, and `errorDescription`
 * (Logto shows it to the admin) naming each problem by pointer. Serialises to plain JSON; never holds a config value.
 */
export class SmsConfigError extends Error {
  override readonly name = 'SmsConfigError';
  readonly issues: SmsConfigIssue[];
  readonly errorDescription: string;

  constructor(problems: InputProblem[]) {
    const lines = problems.map((p) => `${p.pointer === '' ? '/' : p.pointer} ${p.message}`);
    const description = `The SMS connector config is not valid: ${lines.join('; ')}.`;
    super(description);
    this.errorDescription = description;
    this.issues = problems.map((p) => ({ code: 'custom', path: pathOf(p.pointer), pointer: p.pointer, message: p.message }));
  }

  /** The problems as `{ pointer, message }`, the shape the rest of the package reports. */
  get problems(): InputProblem[] {
    return this.issues.map(({ pointer, message }) => ({ pointer, message }));
  }

  toJSON(): { name: string; errorDescription: string; issues: SmsConfigIssue[] } {
    return { name: this.name, errorDescription: this.errorDescription, issues: this.issues };
  }
}

export type SafeParseResult = { success: true; data: SmsConfig } | { success: false; error: SmsConfigError };

/**
 * The connector's `configGuard`: the slice of zod's interface Logto and `@logto/connector-kit` call
 * (`safeParse`, `parse` and their async forms), backed by the AJV validator of schemas/sms-config.schema.json.
 * One schema is the source of truth for the guard, the generated types, the CLI and the docs.
 */
export interface SmsConfigGuard {
  safeParse(config: unknown): SafeParseResult;
  parse(config: unknown): SmsConfig;
  safeParseAsync(config: unknown): Promise<SafeParseResult>;
  parseAsync(config: unknown): Promise<SmsConfig>;
}

export const smsConfigGuard: SmsConfigGuard = Object.freeze({
  safeParse(config: unknown): SafeParseResult {
    const problems = checkSmsConfig(config);
    return problems.length === 0 ? { success: true, data: config as SmsConfig } : { success: false, error: new SmsConfigError(problems) };
  },
  parse(config: unknown): SmsConfig {
    const result = smsConfigGuard.safeParse(config);
    if (!result.success) throw result.error;
    return result.data;
  },
  async safeParseAsync(config: unknown): Promise<SafeParseResult> {
    return smsConfigGuard.safeParse(config);
  },
  async parseAsync(config: unknown): Promise<SmsConfig> {
    return smsConfigGuard.parse(config);
  },
});
