/**
 * The emulator's notion of "now". Tests move it instead of waiting for 10 minutes to pass.
 * The default clock follows the system clock plus an offset, so a long-running emulator (CLI, demo)
 * still expires codes in real time while tests can jump ahead with advance().
 */

export interface EmulatorClock {
  /** Milliseconds since the epoch, as Date.now(). */
  now(): number;
  /** Moves time forward (negative values move it back); returns the new now(). */
  advance(ms: number): number;
  /** Makes now() return `ms` (a frozen clock stays there; a running one keeps ticking from there). */
  set(ms: number): void;
}

export interface ClockOptions {
  /** Initial time in ms since the epoch (default: the system time). */
  start?: number;
  /** If true, time moves only through advance()/set(): fully deterministic tests. */
  frozen?: boolean;
}

export function createClock(options: ClockOptions = {}): EmulatorClock {
  if (options.frozen) {
    let current = options.start ?? Date.now();
    return {
      now: () => current,
      advance(ms) {
        current += finite(ms);
        return current;
      },
      set(ms) {
        current = finite(ms);
      },
    };
  }
  let offset = options.start === undefined ? 0 : options.start - Date.now();
  return {
    now: () => Date.now() + offset,
    advance(ms) {
      offset += finite(ms);
      return Date.now() + offset;
    },
    set(ms) {
      offset = finite(ms) - Date.now();
    },
  };
}

function finite(ms: number): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) throw new TypeError('clock: expected a finite number of milliseconds');
  return ms;
}

/** Twilio's Verify v2 timestamps: ISO 8601 in UTC without milliseconds, e.g. 2015-07-30T20:00:00Z. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The 2010-04-01 API's RFC 2822 dates, e.g. "Thu, 30 Jul 2015 20:12:31 +0000". */
export function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace(/GMT$/, '+0000');
}
