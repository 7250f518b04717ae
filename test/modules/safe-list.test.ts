import { useNock } from '../support/nock.js';
import { type RequestCase, requestCases } from './fixtures/request-cases.js';

const CASES: RequestCase[] = [
  { module: 'add-safe-list-number', title: 'a number', input: { phoneNumber: '+18001234567' }, method: 'POST', path: '/v2/SafeList/Numbers', form: [['PhoneNumber', '+18001234567']], operation: 'CreateSafelist' },
  { module: 'check-safe-list-number', title: 'the + is encoded in the path', input: { phoneNumber: '+18001234567' }, method: 'GET', path: '/v2/SafeList/Numbers/%2B18001234567', operation: 'FetchSafelist' },
  { module: 'remove-safe-list-number', title: 'a 204 becomes { phone_number, deleted }', input: { phoneNumber: '+18001234567' }, method: 'DELETE', path: '/v2/SafeList/Numbers/%2B18001234567', operation: 'DeleteSafelist', output: { phone_number: '+18001234567', deleted: true } },
];

describe('modules for the safe list (exact requests)', () => {
  useNock();
  requestCases(CASES, ['add-safe-list-number', 'check-safe-list-number', 'remove-safe-list-number']);
});
