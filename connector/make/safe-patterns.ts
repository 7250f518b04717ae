/**
 * The runtime's request-safety rules (connector/runtime/safe-request.ts) as the regular expressions Make's
 * `validate.pattern` takes, so the exported "Make an API call" refuses what `execute` refuses before anything is sent.
 * A test checks both agree on hostile and generated paths and header names.
 */
import { FORBIDDEN_HEADERS, MAX_PATH_LENGTH } from '../runtime/safe-request.js';

export { MAX_PATH_LENGTH };

/** Each letter as [Aa]: Make's patterns take no flags, and header names are case-insensitive. */
function anyCase(word: string): string {
  return [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c.replace(/[-.]/g, '\\$&'))).join('');
}

/**
 * A path on the Verify host: starts with one slash and a letter or digit, printable URL characters only (no spaces,
 * backslashes, @, ?, #), no . or .. segment, and no percent-encoded dot, slash, backslash, control character, @ or %.
 */
export const RELATIVE_PATH_PATTERN =
  "^(?!.*%(?:2[eEfF]|5[cC]|00|0[dDaA]|40|25))(?!.*(?:^|\\/)\\.\\.?(?:\\/|$))\\/[A-Za-z0-9][A-Za-z0-9\\-._~!$&'()*+,;=:%\\/]*$";

/** A header name the connection does not own: not Authorization, Host, Cookie, … nor Content-Type (the body type sets it). */
export const FORBIDDEN_HEADER_PATTERN = `^(?!(?:${[...FORBIDDEN_HEADERS, 'content-type'].map(anyCase).join('|')})$)[!#$%&'*+\\-.^_\`|~0-9A-Za-z]{1,100}$`;

/** A header value the runtime sends: printable text and tabs, no line breaks, at most 4,096 characters. */
export const HEADER_VALUE_PATTERN = '^[\\t\\x20-\\x7e]{0,4096}$';
