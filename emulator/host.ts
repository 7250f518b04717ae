import { isIP } from 'node:net';

/**
 * True for addresses only this machine can reach: `localhost`, 127.0.0.0/8 and ::1 (also as an IPv4-mapped ::ffff:127.x).
 * The emulator answers with verification codes and accepts printed credentials, so it stays on these unless told otherwise.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare.toLowerCase() === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) !== 6) return false;
  const normal = new URL(`http://[${bare}]/`).hostname; // [::1], or [::ffff:7f00:1] for ::ffff:127.0.0.1
  return normal === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(normal);
}

/** The address clients on this machine use for a bound host (a wildcard bind answers on loopback too). */
export function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
