/** Time for waits and schedule decisions: injectable, so tests move the emulator's clock instead of waiting. */
export interface FlowClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Real time. */
export const systemClock: FlowClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** A clock that moves another clock forward instead of sleeping (the emulator's `clock`: `{ now, advance }`). */
export function movedClock(clock: { now(): number; advance(ms: number): number }): FlowClock {
  return {
    now: () => clock.now(),
    sleep: async (ms) => {
      clock.advance(ms);
    },
  };
}
