import type { ConnectorErrorData } from '../errors/connector-error.js';

/** Why a scenario could not run or stopped. `step` names the step (`send`, `verify > check`); `problems` carry JSON pointers. */
export const FLOW_ERROR_CODES = ['invalid_scenario', 'invalid_params', 'scenario_not_found', 'no_answer', 'step_failed', 'invalid_value', 'too_deep'] as const;
export type FlowErrorCode = (typeof FLOW_ERROR_CODES)[number];

export interface FlowProblem {
  pointer: string;
  message: string;
  /** What to do about it, when there is more to say than the message. */
  hint?: string;
  /** The file the pointer is in, when it is not the scenario itself (a sub-scenario). */
  file?: string;
}

export class FlowError extends Error {
  readonly code: FlowErrorCode;
  readonly step?: string;
  readonly problems?: FlowProblem[];
  /** For step_failed: the module's (or sub-scenario's) error, as data. */
  readonly failure?: ConnectorErrorData;

  constructor(code: FlowErrorCode, message: string, init: { step?: string; problems?: FlowProblem[]; failure?: ConnectorErrorData } = {}) {
    super(message);
    this.name = 'FlowError';
    this.code = code;
    if (init.step !== undefined) this.step = init.step;
    if (init.problems !== undefined) this.problems = init.problems;
    if (init.failure !== undefined) this.failure = init.failure;
  }
}
