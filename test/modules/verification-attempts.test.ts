import { SERVICE_SID, VERIFICATION_SID, useNock } from '../support/nock.js';
import { type RequestCase, requestCases } from './fixtures/request-cases.js';

const VL = 'VLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

const CASES: RequestCase[] = [
  { module: 'list-verification-attempts', title: 'no filter', input: {}, method: 'GET', path: '/v2/Attempts', operation: 'ListVerificationAttempt' },
  {
    module: 'list-verification-attempts',
    title: 'every filter, in Twilio\'s names',
    input: { dateCreatedAfter: '2025-01-01T00:00:00Z', dateCreatedBefore: '2025-02-01T00:00:00Z', to: '+573003003030', country: 'CO', channel: 'sms', serviceSid: SERVICE_SID, verificationSid: VERIFICATION_SID, status: 'unconverted', pageSize: 20, limit: 5 },
    method: 'GET',
    path: `/v2/Attempts?PageSize=20&DateCreatedAfter=2025-01-01T00%3A00%3A00Z&DateCreatedBefore=2025-02-01T00%3A00%3A00Z&ChannelData.To=%2B573003003030&Country=CO&Channel=sms&VerifyServiceSid=${SERVICE_SID}&VerificationSid=${VERIFICATION_SID}&Status=unconverted`,
    operation: 'ListVerificationAttempt',
  },
  { module: 'get-verification-attempt', title: 'one attempt', input: { attemptSid: VL }, method: 'GET', path: `/v2/Attempts/${VL}`, operation: 'FetchVerificationAttempt' },
  { module: 'get-verification-attempts-summary', title: 'no filter', input: {}, method: 'GET', path: '/v2/Attempts/Summary', operation: 'FetchVerificationAttemptsSummary' },
  {
    module: 'get-verification-attempts-summary',
    title: 'every filter, in Twilio\'s names',
    input: { serviceSid: SERVICE_SID, dateCreatedAfter: '2022-03-02T21:02:33Z', dateCreatedBefore: '2022-03-03T21:02:33Z', country: 'CO', channel: 'sms', destinationPrefix: '+57305' },
    method: 'GET',
    path: `/v2/Attempts/Summary?VerifyServiceSid=${SERVICE_SID}&DateCreatedAfter=2022-03-02T21%3A02%3A33Z&DateCreatedBefore=2022-03-03T21%3A02%3A33Z&Country=CO&Channel=sms&DestinationPrefix=%2B57305`,
    operation: 'FetchVerificationAttemptsSummary',
  },
];

describe('modules list-verification-attempts, get-verification-attempt, get-verification-attempts-summary (exact requests)', () => {
  useNock();
  requestCases(CASES, ['list-verification-attempts', 'get-verification-attempt', 'get-verification-attempts-summary']);
});
