/** Words for the n8n editor, made from ids and property names (a no-code user never sees a camelCase name). */

const ACRONYMS: Readonly<Record<string, string>> = { api: 'API', sid: 'SID', sms: 'SMS', url: 'URL', id: 'ID', totp: 'TOTP', ip: 'IP', psd2: 'PSD2', sna: 'SNA' };

/** `from_name`, `fromName`, `from-name` → ['from', 'name']. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** `from_name` → "From name": the label of a field whose schema has no title. */
export function sentenceCase(name: string): string {
  const words = wordsOf(name).map((word) => ACRONYMS[word] ?? word);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** ['rate', 'limit'] → "Rate Limit": a resource name, as n8n writes them. */
export function titleCase(words: readonly string[]): string {
  return words.map((word) => ACRONYMS[word] ?? word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/** ['rate', 'limit'] → "rateLimit": a parameter or resource value. */
export function camelCase(words: readonly string[]): string {
  return words.map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
}

/** The singular of an English plural noun as module ids use them (services, entities, factors); other words stay. */
export function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/s$/.test(word)) return word.slice(0, -1);
  return word;
}
