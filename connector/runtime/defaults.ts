/** What a call uses when its caller says nothing: every default of the runtime, and of the hosts built on it, here. */

/** How long one request may take before it is a timeout (execute's `timeoutMs`). */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The SMS connector's: Logto waits for the send while a person waits for the code, so it gives up sooner. */
export const SMS_TIMEOUT_MS = 10_000;

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error is returned with `details.retryAfterMs`. */
  maxDelayMs: number;
}

/** Re-sending where Twilio did not act: three attempts, jittered exponential back-off from 250 ms, at most 5 s apart. */
export const DEFAULT_RETRY: RetryPolicy = Object.freeze({ maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 5_000 });
