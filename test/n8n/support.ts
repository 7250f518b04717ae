/**
 * The generated n8n node outside n8n: the package built into a folder of this checkout (so `require('n8n-workflow')`
 * finds the devDependency, the same version n8n 2.8.4 uses) and a fake execute context whose parameters are resolved
 * by n8n-workflow's own NodeHelpers.getNodeParameters — defaults filled in and hidden parameters dropped, as n8n does.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ICredentialDataDecryptedObject, IExecuteFunctions, ILoadOptionsFunctions, INodeExecutionData, INodeParameters, INodeTypeDescription } from 'n8n-workflow';
import { packageRoot } from '../../connector/paths.js';
import { buildN8nPackage, type BuildN8nOptions } from '../../scripts/build-n8n.js';

const require = createRequire(import.meta.url);
/** The CommonJS build of n8n-workflow: the copy the node's `require('n8n-workflow')` gets. */
export const n8nWorkflow = require('n8n-workflow') as typeof import('n8n-workflow');

export interface BuiltPackage {
  dir: string;
  description: INodeTypeDescription;
  credentials: { name: string; properties: INodeTypeDescription['properties']; icon?: string };
  /** `new TwilioVerify()` from the package's node file. */
  node(): NodeInstance;
  dispose(): void;
}

export interface NodeInstance {
  description: INodeTypeDescription;
  methods: {
    loadOptions: Record<string, (this: ILoadOptionsFunctions) => Promise<Array<{ name: string; value: string }>>>;
    credentialTest: Record<string, (credential: { id: string; name: string; type: string; data: ICredentialDataDecryptedObject }) => Promise<{ status: string; message: string }>>;
  };
  execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]>;
}

let built = 0;

/** Builds the package into dist/test-n8n-N/ of this checkout, linked to this package as its runtime. */
export async function buildPackage(options: Omit<BuildN8nOptions, 'outDir' | 'link'> = {}): Promise<BuiltPackage> {
  const dir = join(packageRoot, 'dist', `test-n8n-${process.pid}-${built++}`);
  mkdirSync(dir, { recursive: true });
  await buildN8nPackage({ ...options, outDir: dir, link: true });
  const load = (path: string): unknown => require(join(dir, path));
  const manifest = load('package.json') as { n8n: { nodes: string[]; credentials: string[] } };
  const nodeModule = load(manifest.n8n.nodes[0]!) as Record<string, new () => NodeInstance>;
  const credentialModule = load(manifest.n8n.credentials[0]!) as Record<string, new () => BuiltPackage['credentials']>;
  const credentials = new (Object.values(credentialModule)[0]!)();
  const node = (): NodeInstance => new (Object.values(nodeModule)[0]!)();
  return {
    dir,
    description: node().description,
    credentials,
    node,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface FakeRun {
  /** The node's parameters as a workflow stores them; per item when a function. */
  parameters: INodeParameters | ((item: number) => INodeParameters);
  items?: number;
  credentials: ICredentialDataDecryptedObject;
  continueOnFail?: boolean;
}

const NODE = { id: 'n1', name: 'Twilio Verify', type: 'n8n-nodes-twilio-verify.twilioVerify', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

function lookup(values: unknown, path: string): unknown {
  let current = values;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** What n8n's getNodeParameter would return for these stored parameters. */
export function resolvedParameters(description: INodeTypeDescription, parameters: INodeParameters): INodeParameters {
  return n8nWorkflow.NodeHelpers.getNodeParameters(description.properties, parameters, true, false, NODE, description) ?? {};
}

/** Enough of IExecuteFunctions for the node: parameters, items, credentials, Continue On Fail. */
export function executeContext(description: INodeTypeDescription, run: FakeRun): IExecuteFunctions {
  const items = run.items ?? 1;
  const perItem = Array.from({ length: items }, (_, i) => resolvedParameters(description, typeof run.parameters === 'function' ? run.parameters(i) : run.parameters));
  const context = {
    getInputData: () => Array.from({ length: items }, (_, i) => ({ json: { index: i } })),
    getNodeParameter: (name: string, itemIndex: number, ...fallback: unknown[]) => {
      const value = lookup(perItem[itemIndex], name);
      if (value !== undefined) return value;
      // n8n throws for an unknown parameter unless the node gave a fallback.
      if (fallback.length > 0) return fallback[0];
      throw new Error(`Could not get parameter "${name}"`);
    },
    getCredentials: async () => run.credentials,
    continueOnFail: () => run.continueOnFail ?? false,
    getNode: () => ({ ...NODE, parameters: perItem[0] ?? {} }),
    getExecutionCancelSignal: () => undefined,
  };
  return context as unknown as IExecuteFunctions;
}

/** Enough of ILoadOptionsFunctions for a loadOptions method: the parameters being edited and the credentials. */
export function loadOptionsContext(parameters: INodeParameters, credentials: ICredentialDataDecryptedObject): ILoadOptionsFunctions {
  const context = {
    getCurrentNodeParameter: (path: string) => lookup(parameters, path),
    getCredentials: async () => credentials,
    getNode: () => ({ ...NODE, parameters }),
  };
  return context as unknown as ILoadOptionsFunctions;
}
