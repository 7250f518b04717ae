/**
 * Twilio's host names in IML. The twilio client (RequestClient.getHostname) turns verify.twilio.com into
 * verify.<edge>.<region>.twilio.com, the region defaulting to us1 when only an edge is given; the same rule here,
 * reading the connection's optional region and edge.
 */
import type { TwilioHost } from '../transport/wire.js';

/** `connection` in base and modules; `parameters` in the connection's own test request. */
export type ConnectionRoot = 'connection' | 'parameters';

export function hostUrl(host: TwilioHost, root: ConnectionRoot): string {
  const edge = `${root}.edge`;
  const region = `${root}.region`;
  return `https://${host}{{if(${edge}; '.' + ${edge}; '')}}{{if(${region}; '.' + ${region}; if(${edge}; '.us1'; ''))}}.twilio.com`;
}
