/** twilio-verify-connector: the public API. Importing it loads neither `twilio` nor any schema compiler work. */
export { loadConnector } from './manifest/load.js';
export { validateManifest, type ManifestProblem, type ManifestReport } from './manifest/validate.js';
export { Connector, type ModuleInfo, type ConnectionTestResult } from './connector.js';
export { ConnectorError, ERROR_CODES, type ErrorCode, type ConnectorErrorData, type InputProblem } from './errors/connector-error.js';
export { TWILIO_ERROR_TABLE } from './errors/table.js';
export { redactConnection, type Connection } from './transport/connection.js';
export type { ExecuteOptions, ExecuteResult } from './runtime/execute.js';
export { runScenario, type RunScenarioOptions, type ScenarioRun, type FlowEvent } from './flows/runner.js';
export { loadScenario, listTemplates, type LoadedScenario, type TemplateInfo } from './flows/load.js';
export { validateScenario, type ScenarioReport } from './flows/validation.js';
export { FlowError, type FlowErrorCode, type FlowProblem } from './flows/flow-error.js';
export { scriptedAnswers, outboxAnswers, httpOutbox, promptAnswers, type InputProvider, type Question, type ScriptedAnswer } from './flows/inputs.js';
export { systemClock, movedClock, type FlowClock } from './flows/clock.js';
export type { Scenario } from '../types/generated/scenario.js';
