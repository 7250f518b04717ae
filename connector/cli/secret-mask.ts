import type { CliIo } from './io.js';

/** Short values would mask ordinary words; a secret this short is no secret anyway. */
const SHORTEST = 4;

/**
 * Values a run learned are secret (an `x-secret` parameter, the answer to a secret question), masked in everything the
 * command prints — as written and as JSON escapes it — the way errors never hold a credential.
 */
export class SecretMask {
  private readonly secrets = new Set<string>();

  add(value: unknown): void {
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const text = String(value);
    if (text.length < SHORTEST) return;
    this.secrets.add(text);
    this.secrets.add(JSON.stringify(text).slice(1, -1));
  }

  mask(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join('[secret]');
    return out;
  }

  /** The same streams, masked. */
  io(io: CliIo): CliIo {
    return { out: (line) => io.out(this.mask(line)), err: (line) => io.err(this.mask(line)) };
  }
}
