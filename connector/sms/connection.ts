import type { Connection } from '../transport/connection.js';
import type { SmsConfig } from './config.js';

/** The SMS config's credentials and routing as the module-style connection `resolveConnection` validates. */
export function connectionFromConfig(config: SmsConfig): Connection {
  const connection: Connection = config.apiKeySID
    ? { accountSid: config.accountSID, apiKeySid: config.apiKeySID, apiKeySecret: config.apiKeySecret ?? '' }
    : { accountSid: config.accountSID, authToken: config.authToken ?? '' };
  if (config.region) connection.region = config.region;
  if (config.edge) connection.edge = config.edge;
  if (config.baseUrl) connection.baseUrl = config.baseUrl;
  return connection;
}
