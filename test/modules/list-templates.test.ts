import { useNock } from '../support/nock.js';
import { type RequestCase, requestCases } from './fixtures/request-cases.js';

const CASES: RequestCase[] = [
  { module: 'list-templates', title: 'every template', input: {}, method: 'GET', path: '/v2/Templates', operation: 'ListVerificationTemplate' },
  { module: 'list-templates', title: 'by name, 10 a page', input: { friendlyName: 'Base Verification Template 3', pageSize: 10 }, method: 'GET', path: '/v2/Templates?FriendlyName=Base%20Verification%20Template%203&PageSize=10', operation: 'ListVerificationTemplate' },
];

describe('module list-templates (exact requests)', () => {
  useNock();
  requestCases(CASES, ['list-templates']);
});
