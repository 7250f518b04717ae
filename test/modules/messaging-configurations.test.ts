import { SERVICE_SID, useNock } from '../support/nock.js';
import { type RequestCase, requestCases } from './fixtures/request-cases.js';

const MG = 'MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const BASE = `/v2/Services/${SERVICE_SID}/MessagingConfigurations`;

const CASES: RequestCase[] = [
  { module: 'create-messaging-configuration', title: 'Canada', input: { serviceSid: SERVICE_SID, country: 'CA', messagingServiceSid: MG }, method: 'POST', path: BASE, form: [['Country', 'CA'], ['MessagingServiceSid', MG]], operation: 'CreateMessagingConfiguration' },
  { module: 'list-messaging-configurations', title: 'a service\'s configurations', input: { serviceSid: SERVICE_SID }, method: 'GET', path: BASE, operation: 'ListMessagingConfiguration' },
  { module: 'get-messaging-configuration', title: 'every other country', input: { serviceSid: SERVICE_SID, country: 'all' }, method: 'GET', path: `${BASE}/all`, operation: 'FetchMessagingConfiguration' },
  { module: 'update-messaging-configuration', title: 'Canada', input: { serviceSid: SERVICE_SID, country: 'CA', messagingServiceSid: MG }, method: 'POST', path: `${BASE}/CA`, form: [['MessagingServiceSid', MG]], operation: 'UpdateMessagingConfiguration' },
  { module: 'delete-messaging-configuration', title: 'a 204 becomes { country, deleted }', input: { serviceSid: SERVICE_SID, country: 'CA' }, method: 'DELETE', path: `${BASE}/CA`, operation: 'DeleteMessagingConfiguration', output: { country: 'CA', deleted: true } },
];

describe('modules for messaging configurations (exact requests)', () => {
  useNock();
  requestCases(CASES, ['create-messaging-configuration', 'list-messaging-configurations', 'get-messaging-configuration', 'update-messaging-configuration', 'delete-messaging-configuration']);
});
