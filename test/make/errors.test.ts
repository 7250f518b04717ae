/**
 * One table, two outputs: the Make error rule (base.imljson, and the modules that give a code their own meaning)
 * shows, for every Twilio code the runtime's table knows and every HTTP status Twilio answers with, the remedy
 * the runtime's own error mapping (errorFromResponse) gives, with Make's error type for the status.
 */
import assert from 'node:assert/strict';
import { loadConnector } from '../../connector/index.js';
import { errorFromResponse, type ErrorOverrides } from '../../connector/errors/map.js';
import { TWILIO_ERROR_TABLE } from '../../connector/errors/table.js';
import { ERROR_STATUSES } from '../../connector/make/errors.js';
import { exportMakeApp } from '../../connector/make/export.js';
import { inherit } from '../../connector/make/iml/evaluate.js';
import { baseOf, makeError } from './support/make-request.js';

const connector = await loadConnector();
const app = exportMakeApp(connector);
const base = baseOf(app);

/** The status Twilio answers a code with (the table does not say; any 4xx shows the same remedy for a known code). */
function statusOf(code: number): number {
  if (code === 20003) return 401;
  if (code === 20404) return 404;
  if (code === 20429 || code === 60203 || code === 60212) return 429;
  return 400;
}

const TYPES: Record<number, string> = { 400: 'DataError', 401: 'InvalidAccessTokenError', 429: 'RateLimitError' };
const typeFor = (status: number): string => TYPES[status] ?? (status >= 500 ? 'ConnectionError' : 'RuntimeError');

function makeMessage(response: Record<string, unknown>, status: number, body: unknown) {
  return makeError(response, status, body, {}, {}, {});
}

describe('Make export: the error rule gives the runtime\'s remedies', () => {
  it('every error message fits Make\'s 1,024 characters', () => {
    for (const [key, rule] of Object.entries((base['response'] as any).error)) {
      const message = typeof rule === 'string' ? rule : key === 'message' ? '' : (rule as any).message;
      if (message) assert.ok(message.length <= 1024, key);
    }
  });

  for (const [code, rule] of Object.entries(TWILIO_ERROR_TABLE)) {
    it(`Twilio code ${code} (${rule.code}): "[status] message (Twilio code ${code}). remedy"`, () => {
      const status = statusOf(Number(code));
      const body = { code: Number(code), message: `Twilio says ${code}`, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
      const shown = makeMessage(base['response'] as Record<string, unknown>, status, body);
      assert.equal(shown.message, `[${status}] Twilio says ${code} (Twilio code ${code}). ${errorFromResponse(status, body).remedy}`);
      assert.equal(shown.type, typeFor(status));
    });
  }

  it('every HTTP status without a code Twilio\'s table knows: the runtime\'s remedy for that status, and Make\'s type', () => {
    for (const status of ERROR_STATUSES) {
      for (const body of [{ message: 'Something', code: 99999 }, { message: 'Something' }, '<html>Bad gateway</html>']) {
        const shown = makeMessage(base['response'] as Record<string, unknown>, status, body);
        const hasCode = typeof body === 'object' && 'code' in body;
        const expected = `[${status}] ${typeof body === 'object' ? body.message : 'Twilio answered with an error'}${hasCode ? ' (Twilio code 99999)' : ''}. ${errorFromResponse(status, body).remedy}`;
        assert.equal(shown.message, expected, `status ${status}, body ${JSON.stringify(body)}`);
        assert.equal(shown.type, typeFor(status), `status ${status}`);
      }
    }
  });

  for (const module of connector.modules.filter((m) => m.definition.request && m.definition.errors)) {
    it(`${module.id}: its own meanings (${Object.keys(module.definition.errors!).join(', ')}) replace the table's, the rest stays`, () => {
      const component = app.modules.find((m) => m.id === module.id)!;
      const response = (inherit(base, component.api) as Record<string, any>)['response'];
      const overrides = module.definition.errors as ErrorOverrides;
      for (const code of [...Object.keys(overrides), ...Object.keys(TWILIO_ERROR_TABLE)]) {
        const status = statusOf(Number(code));
        const body = { code: Number(code), message: 'M' };
        assert.equal(makeMessage(response, status, body).message, `[${status}] M (Twilio code ${code}). ${errorFromResponse(status, body, overrides).remedy}`, code);
      }
    });
  }

  it('the connection\'s own test request shows the same errors', () => {
    const api = JSON.parse(app.files.get('connections/twilio-verify/api.imljson')!);
    const body = { code: 20003, message: 'Authenticate' };
    const shown = makeMessage(api.response, 401, body);
    assert.equal(shown.message, `[401] Authenticate (Twilio code 20003). ${errorFromResponse(401, body).remedy}`);
    assert.equal(shown.type, 'InvalidAccessTokenError');
  });
});
