import { ConnectorError } from '../errors/connector-error.js';
import type { ModuleDefinition } from '../../types/generated/module.js';
import type { WireResponse } from '../transport/wire.js';

function fillTemplate(template: unknown, input: Record<string, unknown>): unknown {
  if (typeof template === 'string') {
    const whole = /^\{([A-Za-z][A-Za-z0-9]*)\}$/.exec(template);
    if (whole) return Object.prototype.hasOwnProperty.call(input, whole[1]!) ? input[whole[1]!] : null;
    return template;
  }
  if (Array.isArray(template)) return template.map((item) => fillTemplate(item, input));
  if (template !== null && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, fillTemplate(value, input)]));
  }
  return template;
}

export function isJsonObject(body: unknown): body is Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body);
}

/** Twilio's answer → the module's output, as the module's `response` section says. */
export function shapeOutput(rule: ModuleDefinition['response'], response: WireResponse, input: Record<string, unknown>): unknown {
  if (rule?.raw) return { statusCode: response.statusCode, headers: response.headers, body: response.body };
  if (rule?.empty && (response.body === '' || response.body === undefined || response.statusCode === 204)) return fillTemplate(rule.empty, input);
  if (!isJsonObject(response.body)) {
    throw new ConnectorError('invalid_response', `Twilio's answer (HTTP ${response.statusCode}) was not the JSON object this module expects.`, {
      status: response.statusCode,
      remedy: 'Try again; if it persists, check https://status.twilio.com.',
    });
  }
  return response.body;
}

