/** twilio-verify-connector: the public API. Importing it loads neither `twilio` nor any schema compiler work. */
export { loadConnector } from './manifest/load.js';
export { validateManifest } from './manifest/validator.js';
export type { ManifestProblem, ManifestReport } from './manifest/report.js';
export { Connector, type ModuleInfo, type ConnectionTestResult } from './connector.js';
export { ConnectorError, ERROR_CODES, type ErrorCode, type ConnectorErrorData, type InputProblem } from './errors/connector-error.js';
export { TWILIO_ERROR_TABLE } from './errors/table.js';
export { redactConnection, type Connection } from './transport/connection.js';
export type { ExecuteOptions, ExecuteResult } from './runtime/call-context.js';
export type { WireRequest, HttpMethod, TwilioHost } from './transport/wire.js';
// Flows: import from 'twilio-verify-connector/flows' (connector/flows/index.ts).
