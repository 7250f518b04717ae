/**
 * The n8n core nodes an exported scenario is made of, with their parameters as n8n 2.8 stores them. Each takes
 * JavaScript (from js.ts) for what it computes; the workflow's state travels as the item's JSON.
 */
import type { NodeSpec } from './graph.js';
import { expression } from './js.js';

/** "When Executed by Another Workflow", taking the scenario's parameters as workflow inputs. */
export function executeWorkflowTrigger(inputs: Array<{ name: string; type: string }>): NodeSpec {
  return {
    type: 'n8n-nodes-base.executeWorkflowTrigger',
    typeVersion: 1.1,
    parameters: { inputSource: 'workflowInputs', workflowInputs: { values: inputs } },
  };
}

/** Edit Fields (Set) in JSON mode: the item becomes what `js` computes (an object). */
export function setState(js: string): NodeSpec {
  return { type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { mode: 'raw', jsonOutput: expression(`JSON.stringify(${js})`), options: {} } };
}

/** If: output 0 when `js` is true, output 1 otherwise. */
export function ifTrue(js: string): NodeSpec {
  return {
    type: 'n8n-nodes-base.if',
    typeVersion: 2.2,
    parameters: {
      conditions: {
        options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
        conditions: [{ id: 'condition', leftValue: expression(js), rightValue: '', operator: { type: 'boolean', operation: 'true', singleValue: true } }],
        combinator: 'and',
      },
      options: {},
    },
  };
}

/** Switch in expression mode: the item goes to the output whose index `js` computes. */
export function switchIndex(outputs: number, js: string): NodeSpec {
  return { type: 'n8n-nodes-base.switch', typeVersion: 3.2, parameters: { mode: 'expression', numberOutputs: outputs, output: expression(js) } };
}

/** No Operation: a named point whose item later nodes read back with $('name'). */
export function checkpoint(): NodeSpec {
  return { type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} };
}

/** Wait for a number of seconds (computed from the item). */
export function waitSeconds(js: string): NodeSpec {
  return { type: 'n8n-nodes-base.wait', typeVersion: 1.1, parameters: { resume: 'timeInterval', amount: expression(js), unit: 'seconds' } };
}

/** Wait until $execution.resumeUrl is called with POST (the answer in the body); `webhookId` is the node's own. */
export function waitForCall(webhookId: string): NodeSpec {
  return { type: 'n8n-nodes-base.wait', typeVersion: 1.1, webhookId, parameters: { resume: 'webhook', httpMethod: 'POST', responseMode: 'onReceived', options: {} } };
}

/** HTTP Request: POST a JSON body to a URL, both computed. */
export function postJson(urlJs: string, bodyJs: string): NodeSpec {
  return {
    type: 'n8n-nodes-base.httpRequest',
    typeVersion: 4.2,
    parameters: { method: 'POST', url: expression(urlJs), sendBody: true, specifyBody: 'json', jsonBody: expression(`JSON.stringify(${bodyJs})`), options: {} },
  };
}

/** Stop and Error with a computed message. */
export function stopWithError(messageJs: string): NodeSpec {
  return { type: 'n8n-nodes-base.stopAndError', typeVersion: 1, parameters: { errorType: 'errorMessage', errorMessage: expression(messageJs) } };
}

/** Execute Workflow: run the workflow with this id, its inputs computed, and wait for its result. */
export function executeWorkflow(workflowId: string, name: string, inputs: Record<string, string>, types: Record<string, string>): NodeSpec {
  return {
    type: 'n8n-nodes-base.executeWorkflow',
    typeVersion: 1.2,
    parameters: {
      workflowId: { __rl: true, mode: 'list', value: workflowId, cachedResultName: name },
      workflowInputs: {
        mappingMode: 'defineBelow',
        value: inputs,
        matchingColumns: [],
        schema: Object.keys(types).map((id) => ({ id, displayName: id, required: false, defaultMatch: false, display: true, canBeUsedToMatch: true, type: types[id], removed: false })),
        attemptToConvertTypes: false,
        convertFieldsToString: false,
      },
      options: { waitForSubWorkflow: true },
    },
  };
}
