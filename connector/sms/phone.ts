/** E.164: a plus, a country code not starting with 0, at most 15 digits in all. */
const E164 = /^\+[1-9][0-9]{6,14}$/;
/** Spaces (any kind), dashes (any kind), brackets and dots people type between digits. */
const SEPARATORS = /[\s\u2010-\u2015\-().[\]]/g;

/**
 * A phone number as a person or Logto gives it → E.164, or undefined when it cannot be one.
 * Separators are removed, a leading international `00` becomes `+`, a missing `+` is added
 * (Logto passes digits with the country code and no plus).
 */
export function normalisePhone(raw: string): string | undefined {
  let number = raw.trim().replace(SEPARATORS, '');
  if (number.startsWith('00')) number = `+${number.slice(2)}`;
  else if (!number.startsWith('+')) number = `+${number}`;
  return E164.test(number) ? number : undefined;
}

/** For messages: the number with all but its last 4 digits hidden. */
export function maskPhone(number: string): string {
  return number.length <= 4 ? number : `${number.slice(0, 2)}${'•'.repeat(Math.max(0, number.length - 6))}${number.slice(-4)}`;
}
