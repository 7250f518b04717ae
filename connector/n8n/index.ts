/**
 * twilio-verify-connector/n8n: the n8n host. The generated node imports `createBridge` at run time; the build
 * (`npm run build:n8n`) uses `packageFiles`. Nothing here is loaded by the main entry point.
 */
export { createBridge, type BridgeOptions, type NodeBridge } from './node-runtime.js';
export { describeNode, type NodeDescription, type NodePlan, type ModulePlan } from './description.js';
export { describeCredentials, connectionFrom, type CredentialPlan } from './credentials.js';
export { packageFiles, N8N_PACKAGE_NAME, type PackageFiles } from './package-files.js';
