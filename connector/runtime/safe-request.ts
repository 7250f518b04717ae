import { pointerTo } from '../common/json-pointer.js';
import { ConnectorError } from '../errors/connector-error.js';

/**
 * Checks for the parts of a request a user writes freely (make-api-call): the path must stay on the Twilio host
 * and the headers must not change who is signing in or where the request goes.
 */
export const MAX_PATH_LENGTH = 2048;
// Printable ASCII only: no spaces, controls, backslashes or Unicode look-alikes; no user-info, query or fragment.
const SAFE_PATH = /^\/[A-Za-z0-9][A-Za-z0-9\-._~!$&'()*+,;=:%/]*$/;
export const FORBIDDEN_HEADERS: ReadonlySet<string> = new Set([
  'authorization', 'proxy-authorization', 'host', 'cookie', 'connection', 'content-length', 'transfer-encoding',
  'upgrade', 'te', 'trailer', 'keep-alive', 'expect', 'x-forwarded-host', 'x-forwarded-for', 'forwarded',
]);
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,100}$/;
const HEADER_VALUE = /^[\t\x20-\x7e]{0,4096}$/;

function unsafe(pointer: string, message: string): ConnectorError {
  return new ConnectorError('unsafe_url', `${pointer} ${message}.`, {
    remedy: 'Give a path on the Verify host, such as /v2/Services, and put query parameters in qs.',
    details: { problems: [{ pointer, message }] },
  });
}

export function checkRelativePath(path: string, pointer: string): void {
  if (path.length > MAX_PATH_LENGTH) throw unsafe(pointer, `must be at most ${MAX_PATH_LENGTH} characters`);
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(path)) throw unsafe(pointer, 'must be a path such as /v2/Services, not an absolute URL');
  if (path.startsWith('//') || path.includes('\\')) throw unsafe(pointer, 'must not start with // or contain a backslash');
  if (path.includes('@')) throw unsafe(pointer, 'must not contain @');
  if (!SAFE_PATH.test(path)) throw unsafe(pointer, 'must be a path such as /v2/Services, using only letters, digits and / - . _ ~ (no spaces, @, ?, # or other characters)');
  if (/%(2e|2f|5c|00|0d|0a|40|25)/i.test(path)) throw unsafe(pointer, 'must not hide dots, slashes, backslashes or control characters in percent-encoding');
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) throw unsafe(pointer, 'must not contain . or .. segments');
}

export function checkHeaders(headers: Record<string, unknown>, pointer: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const at = pointerTo(pointer, name);
    if (!HEADER_NAME.test(name)) throw new ConnectorError('invalid_input', `${at} is not a valid header name.`, { details: { problems: [{ pointer: at, message: 'is not a valid header name' }] } });
    if (FORBIDDEN_HEADERS.has(name.toLowerCase())) {
      throw new ConnectorError('invalid_input', `${at} cannot be set: the connection signs the request and chooses its host.`, {
        remedy: 'Remove this header; credentials come from the connection.',
        details: { problems: [{ pointer: at, message: 'cannot be set' }] },
      });
    }
    if (name.toLowerCase() === 'content-type') {
      throw new ConnectorError('invalid_input', `${at} cannot be set: the body type chooses it.`, {
        remedy: 'Remove this header and set bodyType to form or json.',
        details: { problems: [{ pointer: at, message: 'cannot be set: use bodyType' }] },
      });
    }
    const text = String(value);
    if (!HEADER_VALUE.test(text)) throw new ConnectorError('invalid_input', `${at} must be printable text with no line breaks.`, { details: { problems: [{ pointer: at, message: 'must be printable text with no line breaks' }] } });
    out[name] = text;
  }
  return out;
}
