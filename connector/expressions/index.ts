/** The expression room: references, conditions and step records shared by composed modules and scenarios. */
export { ExpressionError } from './expression-error.js';
export { CONDITION_OPERATORS, FORBIDDEN_SEGMENTS, isReference, parsePath, VALUE_OPERATORS } from './syntax.js';
export { evaluate, resolve, resolveSegments, test, type Scope } from './evaluate.js';
export { findReferences, isLiteral, type FoundReference } from './references.js';
export { checkReferences, type NamedRoot, type ReferenceProblem, type ReferenceRules, type StepStatus } from './check-references.js';
export { checkCallInput, type CallProblem } from './call-input.js';
export { continuesOn, errorData, STEP_RECORD_FIELDS, type OnError, type StepRecord } from './step-record.js';
