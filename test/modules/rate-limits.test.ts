import { SERVICE_SID, useNock } from '../support/nock.js';
import { type RequestCase, requestCases } from './fixtures/request-cases.js';

const RK = 'RKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const BL = 'BLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const LIMITS = `/v2/Services/${SERVICE_SID}/RateLimits`;

const CASES: RequestCase[] = [
  { module: 'create-rate-limit', title: 'name and description', input: { serviceSid: SERVICE_SID, uniqueName: 'unique.name', description: 'Description' }, method: 'POST', path: LIMITS, form: [['UniqueName', 'unique.name'], ['Description', 'Description']], operation: 'CreateRateLimit' },
  { module: 'list-rate-limits', title: 'a service\'s limits', input: { serviceSid: SERVICE_SID, pageSize: 5 }, method: 'GET', path: `${LIMITS}?PageSize=5`, operation: 'ListRateLimit' },
  { module: 'get-rate-limit', title: 'one limit', input: { serviceSid: SERVICE_SID, rateLimitSid: RK }, method: 'GET', path: `${LIMITS}/${RK}`, operation: 'FetchRateLimit' },
  { module: 'update-rate-limit', title: 'the description', input: { serviceSid: SERVICE_SID, rateLimitSid: RK, description: 'Description' }, method: 'POST', path: `${LIMITS}/${RK}`, form: [['Description', 'Description']], operation: 'UpdateRateLimit' },
  { module: 'delete-rate-limit', title: 'a 204 becomes { sid, deleted }', input: { serviceSid: SERVICE_SID, rateLimitSid: RK }, method: 'DELETE', path: `${LIMITS}/${RK}`, operation: 'DeleteRateLimit', output: { sid: RK, deleted: true } },
  { module: 'create-rate-limit-bucket', title: '5 per minute', input: { serviceSid: SERVICE_SID, rateLimitSid: RK, max: 5, interval: 60 }, method: 'POST', path: `${LIMITS}/${RK}/Buckets`, form: [['Max', '5'], ['Interval', '60']], operation: 'CreateBucket' },
  { module: 'list-rate-limit-buckets', title: 'a limit\'s buckets', input: { serviceSid: SERVICE_SID, rateLimitSid: RK }, method: 'GET', path: `${LIMITS}/${RK}/Buckets`, operation: 'ListBucket' },
  { module: 'get-rate-limit-bucket', title: 'one bucket', input: { serviceSid: SERVICE_SID, rateLimitSid: RK, bucketSid: BL }, method: 'GET', path: `${LIMITS}/${RK}/Buckets/${BL}`, operation: 'FetchBucket' },
  { module: 'update-rate-limit-bucket', title: 'max and interval', input: { serviceSid: SERVICE_SID, rateLimitSid: RK, bucketSid: BL, max: 5, interval: 60 }, method: 'POST', path: `${LIMITS}/${RK}/Buckets/${BL}`, form: [['Max', '5'], ['Interval', '60']], operation: 'UpdateBucket' },
  { module: 'update-rate-limit-bucket', title: 'only the maximum', input: { serviceSid: SERVICE_SID, rateLimitSid: RK, bucketSid: BL, max: 5 }, method: 'POST', path: `${LIMITS}/${RK}/Buckets/${BL}`, form: [['Max', '5']], operation: 'UpdateBucket' },
  { module: 'delete-rate-limit-bucket', title: 'a 204 becomes { sid, deleted }', input: { serviceSid: SERVICE_SID, rateLimitSid: RK, bucketSid: BL }, method: 'DELETE', path: `${LIMITS}/${RK}/Buckets/${BL}`, operation: 'DeleteBucket', output: { sid: BL, deleted: true } },
];

describe('modules for rate limits and their buckets (exact requests)', () => {
  useNock();
  requestCases(CASES, ['create-rate-limit', 'list-rate-limits', 'get-rate-limit', 'update-rate-limit', 'delete-rate-limit', 'create-rate-limit-bucket', 'list-rate-limit-buckets', 'get-rate-limit-bucket', 'update-rate-limit-bucket', 'delete-rate-limit-bucket']);
});
