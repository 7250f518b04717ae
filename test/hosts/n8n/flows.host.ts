/**
 * The exported flow templates in a real n8n (`n8n start` on loopback): imported with n8n's CLI, published, and run
 * through a small calling workflow (Webhook → Execute Workflow → report the result), the way another workflow of
 * the user would call them. Questions go to a test app that answers as a sign-in page would. The emulator's clock
 * runs 10 minutes behind, so the first escalation of a Vonage fallback is already due. Also checks that n8n serves
 * the node's output previews.
 */
import assert from 'node:assert/strict';
import { loadConnector } from '../../../connector/index.js';
import { EXPORT_CREDENTIAL, exportTemplates, type N8nWorkflow } from '../../../connector/n8n/flows/export.js';
import { createClock, startEmulator, type Emulator } from '../../../emulator/index.js';
import { createN8nInstance, NODE_TYPE, startN8n, waitForHttp, type N8nInstance, type N8nProcess } from '../../../hosts/n8n/harness.js';
import { startAnswerApp, type AnswerApp } from './answer-app.js';

const TO = '+15005550006';
const CALLER_ID = 'tvcHostFlowCaller1';

/** Webhook (POST /webhook/run-flow { run, workflowId, to, askUrl, resultUrl }) → Execute Workflow → POST the result. */
function caller(): Record<string, unknown> {
  return {
    id: CALLER_ID,
    name: 'Run an exported flow',
    active: false,
    settings: { executionOrder: 'v1' },
    nodes: [
      { id: 'c1', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: '5b0c7a56-1d6e-4a4f-9f3a-6f1f2d7f0a01', parameters: { httpMethod: 'POST', path: 'run-flow', responseMode: 'onReceived', options: {} } },
      {
        id: 'c2',
        name: 'Run the flow',
        type: 'n8n-nodes-base.executeWorkflow',
        typeVersion: 1.2,
        position: [220, 0],
        parameters: {
          workflowId: { __rl: true, mode: 'id', value: '={{ $json.body.workflowId }}' },
          workflowInputs: {
            mappingMode: 'defineBelow',
            value: { to: '={{ $json.body.to }}', askUrl: '={{ $json.body.askUrl }}' },
            matchingColumns: [],
            schema: ['to', 'askUrl'].map((id) => ({ id, displayName: id, required: false, defaultMatch: false, display: true, canBeUsedToMatch: true, type: 'string', removed: false })),
            attemptToConvertTypes: false,
            convertFieldsToString: false,
          },
          options: { waitForSubWorkflow: true },
        },
      },
      {
        id: 'c3',
        name: 'Report',
        type: 'n8n-nodes-base.httpRequest',
        typeVersion: 4.2,
        position: [440, 0],
        parameters: { method: 'POST', url: "={{ $('Webhook').first().json.body.resultUrl }}", sendBody: true, specifyBody: 'json', jsonBody: "={{ JSON.stringify({ run: $('Webhook').first().json.body.run, result: $json }) }}", options: {} },
      },
    ],
    connections: { Webhook: { main: [[{ node: 'Run the flow', type: 'main', index: 0 }]] }, 'Run the flow': { main: [[{ node: 'Report', type: 'main', index: 0 }]] } },
  };
}

describe('n8n 2.8.4 runs the exported flow templates', function () {
  this.timeout(900_000);
  let emu: Emulator;
  let n8n: N8nInstance;
  let server: N8nProcess;
  let app: AnswerApp;
  let flows: Record<string, N8nWorkflow>;

  before(async () => {
    emu = await startEmulator({ clock: createClock({ start: Date.now() - 10 * 60_000 }) });
    app = await startAnswerApp(emu, { code: ['@code'], 'nothing-then-code': ['', '@code'] });
    flows = exportTemplates(await loadConnector());
    n8n = await createN8nInstance();
    await n8n.importCredentials([{ ...EXPORT_CREDENTIAL, type: 'twilioVerifyApi', data: { authentication: 'authToken', accountSid: emu.accountSid, authToken: emu.authToken, baseUrl: emu.url } }]);
    await n8n.importWorkflows([...Object.values(flows), caller()]);
    // n8n 2 calls only published workflows: the caller, and the flows these tests run.
    for (const id of [CALLER_ID, ...['next-matter-main-workflow', 'studio-verify-subflow', 'vonage-fallback-5'].map((t) => flows[t]!.id)]) await n8n.publish(id);
    server = await startN8n(n8n);
  });
  after(async () => {
    await server?.stop();
    n8n?.dispose();
    await app?.close();
    await emu?.close();
  });

  /** Starts the caller for a template; resolves the flow's result. */
  async function runFlow(run: string, template: string, script: string): Promise<Record<string, unknown>> {
    const body = JSON.stringify({ run, workflowId: flows[template]!.id, to: TO, askUrl: `${app.url}/ask?script=${script}`, resultUrl: `${app.url}/result` });
    // /healthz answers before the webhooks are registered: a 404 means "not yet".
    await waitForHttp(`${server.url}/webhook/run-flow`, { method: 'POST', body, headers: { 'content-type': 'application/json' }, failure: () => server.log() });
    return app.result(run);
  }

  it('the Next Matter main workflow calls the Studio sub-flow as a sub-workflow: code asked, checked, verified', async () => {
    const result = await runFlow('next-matter', 'next-matter-main-workflow', 'code');
    assert.deepEqual(result, { outcome: 'verified', next: 'continue', status: 'approved', verified: true, attempts: 1, message: null });
    const asked = app.questions.filter((q) => q.step === 'answer');
    assert.equal(asked.length, 1);
    assert.match(asked[0]!.prompt, /^Enter the code sent to \+15005550006/);
    assert.match(asked[0]!.resumeUrl, /\/webhook-waiting\/\d+$/);
  });

  it('a Vonage fallback (preset 5: SMS → call) escalates to a call when no code arrives, then is approved', async () => {
    const before = emu.outbox({ to: TO }).length;
    const result = await runFlow('vonage-5', 'vonage-fallback-5', 'nothing-then-code');
    const sent = emu.outbox({ to: TO }).slice(before).map((m) => m.channel);
    assert.deepEqual(sent, ['sms', 'call'], 'the SMS, then the same code by voice call');
    assert.equal(result['verified'], true);
    assert.equal(result['status'], 'approved');
    assert.equal(result['channel'], 'call');
  });

  it('serves the output previews generated from our output schemas', async () => {
    const response = await fetch(`${server.url}/schemas/${NODE_TYPE}/1.0.0/verification/start-verification.json`);
    assert.equal(response.status, 200);
    const preview = (await response.json()) as { type: string; properties: Record<string, unknown> };
    assert.equal(preview.type, 'object');
    for (const field of ['sid', 'status', 'to', 'channel', 'send_code_attempts']) assert.ok(field in preview.properties, field);
  });
});
