/** twilio-verify-connector/flows: scenarios over the modules (a separate entry point, so the main import stays lean). */
export { runScenario, type RunScenarioOptions, type ScenarioRun } from './runner.js';
export type { FlowEvent } from './step-context.js';
export { loadScenario, listTemplates, type LoadedScenario, type TemplateInfo } from './load.js';
export { validateScenario, type ScenarioReport } from './validation.js';
export { FlowError, type FlowErrorCode, type FlowProblem } from './flow-error.js';
export { scriptedAnswers, outboxAnswers, httpOutbox, promptAnswers, type InputProvider, type Question, type ScriptedAnswer } from './inputs.js';
export { systemClock, movedClock, type FlowClock } from './clock.js';
export type { Scenario } from '../../types/generated/scenario.js';
