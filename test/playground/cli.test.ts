import assert from 'node:assert/strict';
import { runCli } from '../support/cli.js';

describe('verify-connector playground', () => {
  it('prints the page address with its token and the emulator it started, then stops cleanly', async () => {
    const result = await runCli(['playground', '--port', '0']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Playground: http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/m);
    assert.match(result.stdout, /offline Twilio Verify emulator started for this page \(http:\/\/127\.0\.0\.1:\d+\)/);
  });

  it('refuses a port that is not one, as a usage error', async () => {
    const result = await runCli(['playground', '--port', 'eighty']);
    assert.equal(result.status, 2);
  });

  it('reads --connection as JSON and never prints its secret', async () => {
    const secret = 'playground_SECRET_0123456789abcdef01';
    const result = await runCli(['playground', '--connection', JSON.stringify({ accountSid: `AC${'1'.repeat(32)}`, authToken: secret }), '--json']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).target, 'account');
    assert.ok(!result.stdout.includes(secret) && !result.stderr.includes(secret));
  });
});
