import type { StepRecord } from '../expressions/index.js';
import type { Step } from '../../types/generated/scenario.js';
import type { FlowClock } from './clock.js';
import type { InputProvider } from './inputs.js';

/** How a list of steps ended: ran to its end, left a loop, or ended the scenario. */
export type Signal = 'next' | 'break' | 'end';

export const STEP_KINDS = ['module', 'scenario', 'ask', 'wait', 'set', 'say', 'if', 'switch', 'loop', 'break', 'end'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** What a runner reports as it goes (the CLI prints these). `step` is a path such as `verify > check`; `target` the module or sub-scenario a step calls. */
export type FlowEvent =
  | { type: 'start'; step: string; kind: StepKind; title?: string; target?: string; depth: number }
  | { type: 'done'; step: string; kind: StepKind; target?: string; /** What a module or sub-scenario step gave it. */ input?: unknown; record: StepRecord; depth: number }
  | { type: 'skip'; step: string; kind: StepKind; depth: number }
  | { type: 'say'; step: string; text: string; depth: number };

/** What one step sees of the scenario running it (the runner's RunContext): its scope, its services, its children. */
export interface StepContext {
  readonly steps: Record<string, StepRecord>;
  readonly vars: Record<string, unknown>;
  readonly scope: Record<string, unknown>;
  readonly clock: FlowClock;
  readonly answers: InputProvider;
  readonly signal: AbortSignal | undefined;
  readonly depth: number;
  /** The step's name in events and errors: `send`, or `verify > check` inside a sub-scenario. */
  path(step: Step): string;
  emit(event: FlowEvent): void;
  callModule(id: string, input: unknown): Promise<unknown>;
  runSub(step: Step, params: Record<string, unknown>): Promise<unknown>;
  runSteps(steps: Step[]): Promise<Signal>;
}
