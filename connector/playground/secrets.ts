/** Defence in depth: whatever the page receives passes through this, so no secret of the connection can reach it. */
export const MASK = '••••••';

export function scrubber(secrets: readonly string[]): (value: unknown) => unknown {
  const present = [...new Set(secrets.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  const scrubText = (text: string): string => present.reduce((out, secret) => (out.includes(secret) ? out.split(secret).join(MASK) : out), text);
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return scrubText(value);
    if (Array.isArray(value)) return value.map(scrub);
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) out[scrubText(key)] = scrub(v);
      return out;
    }
    return value;
  };
  return scrub;
}
