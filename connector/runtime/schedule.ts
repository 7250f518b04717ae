/**
 * The `schedule` capability of composed modules: a decision that cannot be said as a condition.
 * Given timed steps (each wait counted from that step's send) and the sends so far, it says which step is next,
 * whether it is due now, and when to look again. Pure: the caller supplies "now".
 */
export interface TimedStep {
  channel: string;
  waitSeconds: number;
}

export interface ScheduleDecision {
  /** The next step is due now. */
  due: boolean;
  /** The next step's number (1-based), or null when every step has been sent. */
  step: number | null;
  /** The next step's channel, or null. */
  channel: string | null;
  /** The next step is the workflow's last. */
  last: boolean;
  /** Every step has been sent. */
  finished: boolean;
  /** Nothing is left to send once the due step (if any) is sent: the workflow ends here. */
  done: boolean;
  /** Seconds until the next step is due (0 when due), or null. */
  dueInSeconds: number | null;
  /** When to look again: the due step's own wait once it is sent, the time left otherwise; null when nothing is left after it. */
  nextCheckInSeconds: number | null;
}

export class ScheduleError extends Error {}

function timedSteps(value: unknown): TimedStep[] {
  if (!Array.isArray(value) || value.length === 0) throw new ScheduleError('schedule.steps must be a non-empty list of { channel, waitSeconds }');
  return value.map((item, i) => {
    const step = item as Partial<TimedStep> | null;
    if (!step || typeof step.channel !== 'string' || typeof step.waitSeconds !== 'number' || !Number.isFinite(step.waitSeconds) || step.waitSeconds < 0) {
      throw new ScheduleError(`schedule.steps[${i}] must be { channel: string, waitSeconds: number ≥ 0 }`);
    }
    return { channel: step.channel, waitSeconds: step.waitSeconds };
  });
}

function sendTimes(value: unknown): number[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw new ScheduleError('schedule.sent must be a list of sends with a time');
  return value.map((item, i) => {
    const time = (item as { time?: unknown } | null)?.time;
    const ms = typeof time === 'number' ? time : typeof time === 'string' ? Date.parse(time) : NaN;
    if (!Number.isFinite(ms)) throw new ScheduleError(`schedule.sent[${i}].time must be an ISO 8601 time`);
    return ms;
  });
}

export function decideSchedule(stepsValue: unknown, sentValue: unknown, now: number): ScheduleDecision {
  const steps = timedSteps(stepsValue);
  const sent = sendTimes(sentValue);
  const next = sent.length;
  if (next >= steps.length) {
    return { due: false, step: null, channel: null, last: false, finished: true, done: true, dueInSeconds: null, nextCheckInSeconds: null };
  }
  const step = steps[next]!;
  const last = next === steps.length - 1;
  const dueAt = next === 0 ? now : Math.max(...sent) + steps[next - 1]!.waitSeconds * 1000;
  const dueInSeconds = Math.max(0, Math.ceil((dueAt - now) / 1000));
  const due = dueInSeconds === 0;
  return {
    due,
    step: next + 1,
    channel: step.channel,
    last,
    finished: false,
    done: due && last,
    dueInSeconds,
    nextCheckInSeconds: due ? (last ? null : step.waitSeconds) : dueInSeconds,
  };
}
