/**
 * Where credentials may be sent. Twilio's own hosts over HTTPS, or this machine (the emulator).
 * Anything else is refused, so a typo or a hostile value cannot ship an Auth Token to a stranger.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function isTwilioHost(hostname: string): boolean {
  return hostname === 'twilio.com' || hostname.endsWith('.twilio.com');
}

const allowedCache = new Map<string, boolean>();
const ALLOWED_CACHE_SIZE = 64;

/**
 * True for `https://*.twilio.com` and for http(s) loopback addresses, with no user-info, query or fragment.
 * Checked on every call (the connection schema's format), so the answers for the last few URLs are remembered.
 */
export function isAllowedBaseUrl(value: string): boolean {
  if (typeof value !== 'string') return checkBaseUrl(value);
  let allowed = allowedCache.get(value);
  if (allowed === undefined) {
    allowed = checkBaseUrl(value);
    if (allowedCache.size >= ALLOWED_CACHE_SIZE) allowedCache.delete(allowedCache.keys().next().value as string);
    allowedCache.set(value, allowed);
  }
  return allowed;
}

function checkBaseUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return false;
  if (url.protocol === 'https:' && isTwilioHost(url.hostname)) return true;
  return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname);
}

/** Same scheme, host and port: a next-page link may only lead back to where the first page came from. */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
