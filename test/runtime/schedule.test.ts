import assert from 'node:assert/strict';
import { decideSchedule, ScheduleError } from '../../connector/runtime/schedule.js';

const t0 = Date.parse('2026-11-22T10:00:00Z');
const at = (seconds: number) => ({ time: new Date(t0 + seconds * 1000).toISOString() });
/** Vonage workflow 1: SMS, call after 125 s, call after 180 s more. */
const preset1 = [{ channel: 'sms', waitSeconds: 125 }, { channel: 'call', waitSeconds: 180 }, { channel: 'call', waitSeconds: 300 }];

describe('schedule capability (decideSchedule)', () => {
  const cases: Array<[string, unknown[], number, Partial<ReturnType<typeof decideSchedule>>]> = [
    ['nothing sent yet: the first step is due now', [], 0, { due: true, step: 1, channel: 'sms', last: false, done: false, dueInSeconds: 0, nextCheckInSeconds: 125 }],
    ['one second before the wait ends: not due, look again in 1 s', [at(0)], 124, { due: false, step: 2, channel: 'call', done: false, dueInSeconds: 1, nextCheckInSeconds: 1 }],
    ['exactly at the wait: the call is due, then wait its own 180 s', [at(0)], 125, { due: true, step: 2, channel: 'call', last: false, done: false, nextCheckInSeconds: 180 }],
    ['the last step due: sending it ends the workflow', [at(0), at(125)], 305, { due: true, step: 3, last: true, done: true, nextCheckInSeconds: null }],
    ['every step sent: finished, nothing due', [at(0), at(125), at(305)], 900, { due: false, step: null, finished: true, done: true, nextCheckInSeconds: null }],
    ['waits count from the latest send', [at(0), at(200)], 300, { due: false, step: 3, dueInSeconds: 80 }],
  ];
  for (const [what, sent, nowSeconds, expected] of cases) {
    it(what, () => {
      const decision = decideSchedule(preset1, sent, t0 + nowSeconds * 1000);
      for (const [key, value] of Object.entries(expected)) assert.deepEqual(decision[key as keyof typeof decision], value, key);
    });
  }

  it('refuses steps or sends it cannot read, with the place named', () => {
    assert.throws(() => decideSchedule([], [], t0), ScheduleError);
    assert.throws(() => decideSchedule([{ channel: 'sms', waitSeconds: -1 }], [], t0), /steps\[0\]/);
    assert.throws(() => decideSchedule(preset1, [{ time: 'yesterday' }], t0), /sent\[0\]\.time/);
  });
});
