/**
 * What the generated node does when n8n runs it. The node file n8n `require()`s is a few lines of CommonJS that
 * `import()` this module on first use (this package is ESM) and hand it n8n's own NodeOperationError, so errors are
 * the class n8n checks for. Every item goes to `connector.execute()`: validation, retry safety, the error table and
 * output validation are the runtime's.
 *
 * Items are read and checked first (a bad item fails the node before any item is sent), then sent side by side,
 * at most ITEM_CONCURRENCY at once and none started after a failure that will fail the node.
 *
 *   valid item          → the module's output as one item (a search module: one item per entry of its list)
 *   failing item        → NodeOperationError "<code>: <message>", its description the remedy; nothing was sent
 *                         when the input was invalid
 *   … with Continue On Fail → an item `{ error: { code, message, status, twilioCode, moreInfo, retryable, remedy } }`
 *                         (the shape n8n's "Continue (using error output)" routes to the error output)
 */
import type {
  ICredentialDataDecryptedObject,
  ICredentialsDecrypted,
  IExecuteFunctions,
  ILoadOptionsFunctions,
  INode,
  INodeCredentialTestResult,
  INodeExecutionData,
  INodePropertyOptions,
  IDataObject,
  NodeOperationError as N8nNodeOperationError,
} from 'n8n-workflow';
import { ConnectorError, loadConnector, type Connector, type ConnectorErrorData, type ExecuteResult } from '../index.js';
import { connectionFrom, CREDENTIAL_NAME, describeCredentials, type CredentialPlan } from './credentials.js';
import { ADDITIONAL_FIELDS, describeNode, type NodePlan } from './description.js';
import { runBounded } from './bounded.js';
import { readInput } from './input.js';

/** How many items of one execution are sent at once (n8n's HTTP Request node sends them all at once). */
export const ITEM_CONCURRENCY = 16;

type Call = { operation: string; input: Record<string, unknown>; itemsKey: string | undefined } | { error: ConnectorErrorData };

type NodeOperationErrorClass = new (...args: ConstructorParameters<typeof N8nNodeOperationError>) => Error;

export interface BridgeOptions {
  /** n8n's NodeOperationError, from the n8n-workflow that loaded the node. */
  NodeOperationError: NodeOperationErrorClass;
  /** The connector to run (default: this package's). */
  connector?: Connector | Promise<Connector>;
}

export interface NodeBridge {
  readonly connector: Connector;
  readonly plan: NodePlan;
  execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]>;
  loadOptions(ctx: ILoadOptionsFunctions, method: string): Promise<INodePropertyOptions[]>;
  testCredentials(credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The message n8n shows: our code and text; the description holds what to do. */
function nodeError(Error: NodeOperationErrorClass, node: INode, error: ConnectorErrorData, itemIndex?: number): Error {
  const problems = (error.details?.['problems'] as Array<{ pointer: string; message: string }> | undefined) ?? [];
  // Problems the message had no room for (it summarises) go below the remedy.
  const unsaid = problems.map((p) => `${p.pointer || '/'} ${p.message}`).filter((line) => !error.message.includes(line));
  const description = [error.remedy, ...unsaid].filter(Boolean).join('\n');
  return new Error(node, `${error.code}: ${error.message}`, { ...(description ? { description } : {}), ...(itemIndex === undefined ? {} : { itemIndex }) });
}

function errorData(error: unknown): ConnectorErrorData {
  if (error instanceof ConnectorError) return error.toData();
  return new ConnectorError('invalid_input', error instanceof Error ? error.message : String(error)).toData();
}

/** Items of one successful call: a search module's entries one by one, anything else as one item. */
function outputItems(output: unknown, itemsKey: string | undefined, itemIndex: number): INodeExecutionData[] {
  const pairedItem = { item: itemIndex };
  if (itemsKey !== undefined && isRecord(output) && Array.isArray(output[itemsKey])) {
    return (output[itemsKey] as unknown[]).map((entry) => ({ json: (isRecord(entry) ? entry : { value: entry }) as IDataObject, pairedItem }));
  }
  return [{ json: (isRecord(output) ? output : { value: output }) as IDataObject, pairedItem }];
}

export async function createBridge(options: BridgeOptions): Promise<NodeBridge> {
  const connector = await (options.connector ?? loadConnector());
  const { plan } = describeNode(connector);
  const credentialPlan: CredentialPlan = describeCredentials(connector.connectionSchema, { displayName: '', documentationUrl: '' }).plan;
  const NodeError = options.NodeOperationError;
  // prepareRequest checks a module that sends one request; a composed module checks its input when it runs.
  const composed = new Set(connector.modules.filter((m) => m.definition.compose !== undefined).map((m) => m.id));
  const connectionOf = (data: ICredentialDataDecryptedObject | undefined): Record<string, unknown> => connectionFrom(data, credentialPlan);

  return {
    connector,
    plan,

    async execute(ctx) {
      const items = ctx.getInputData();
      const connection = connectionOf(await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_NAME));
      const signal = ctx.getExecutionCancelSignal?.();
      const continueOnFail = ctx.continueOnFail();

      // 1. Every item's input, checked as far as it can be without sending: a bad item fails the node before any is sent.
      const calls: Call[] = [];
      for (let i = 0; i < items.length; i++) {
        const operation = String(ctx.getNodeParameter('operation', i));
        const module = plan.modules[operation];
        try {
          if (!module) throw new ConnectorError('unknown_module', `There is no operation "${operation}" in this version of the node.`, { remedy: 'Choose an operation from the list.' });
          const input = readInput(module, (name) => ctx.getNodeParameter(name, i, undefined), module.additional.length > 0 ? ctx.getNodeParameter(ADDITIONAL_FIELDS, i, {}) : {});
          if (!composed.has(operation)) connector.prepareRequest(operation, input);
          calls.push({ operation, input, itemsKey: module.itemsKey });
        } catch (error) {
          // n8n's own failures (an expression that does not resolve) stay n8n's, unless the item is to continue.
          if (!(error instanceof ConnectorError) && !continueOnFail) throw error;
          if (!continueOnFail) throw nodeError(NodeError, ctx.getNode(), errorData(error), i);
          calls.push({ error: errorData(error) });
        }
      }

      // 2. The calls, side by side; once one fails (and the node will), no further item is started.
      let failed = false;
      const results = await runBounded(calls.length, ITEM_CONCURRENCY, async (i): Promise<ExecuteResult> => {
        const call = calls[i]!;
        if ('error' in call) return { ok: false, error: call.error };
        const result = await connector.execute(call.operation, connection, call.input, { onError: 'output', ...(signal ? { signal } : {}) });
        if (!result.ok && !continueOnFail) failed = true;
        return result;
      }, () => failed);

      // 3. The items in order: outputs, errors as data, or the first failure.
      const out: INodeExecutionData[] = [];
      results.forEach((result, i) => {
        if (result === undefined) return;
        const call = calls[i]!;
        if (result.ok) out.push(...outputItems(result.output, 'itemsKey' in call ? call.itemsKey : undefined, i));
        else if (continueOnFail) out.push({ json: { error: result.error as unknown as IDataObject }, pairedItem: { item: i } });
        else throw nodeError(NodeError, ctx.getNode(), result.error, i);
      });
      return [out];
    },

    async loadOptions(ctx, method) {
      const source = plan.optionSources[method];
      if (!source) throw nodeError(NodeError, ctx.getNode(), errorData(new ConnectorError('unknown_module', `There is no list "${method}" in this version of the node.`)));
      const input: Record<string, unknown> = {};
      for (const [name, path] of Object.entries(source.input)) {
        const value = ctx.getCurrentNodeParameter(path);
        // An expression cannot be resolved while the editor lists choices: leave that input out.
        if (value !== undefined && value !== '' && !(typeof value === 'string' && value.startsWith('='))) input[name] = value;
      }
      const connection = connectionOf(await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_NAME));
      const result = await connector.execute(source.module, connection, input, { onError: 'output' });
      if (!result.ok) throw nodeError(NodeError, ctx.getNode(), result.error);
      const itemsKey = plan.modules[source.module]?.itemsKey;
      const entries = itemsKey !== undefined && isRecord(result.output) && Array.isArray(result.output[itemsKey]) ? (result.output[itemsKey] as unknown[]) : [];
      return entries.filter(isRecord).map((entry) => {
        const value = String(entry[source.value] ?? '');
        const name = entry[source.label];
        return { name: typeof name === 'string' && name !== '' ? `${name} (${value})` : value, value };
      });
    },

    async testCredentials(credential) {
      try {
        const result = await connector.testConnection(connectionOf(credential.data));
        return { status: 'OK', message: `Connected to ${result.accountSid} with ${result.authMethod === 'api-key' ? 'an API key' : 'the Auth Token'}.` };
      } catch (error) {
        const data = errorData(error);
        return { status: 'Error', message: [`${data.code}: ${data.message}`, data.remedy].filter(Boolean).join(' ') };
      }
    },
  };
}
