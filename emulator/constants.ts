/**
 * Behaviour parameters of the emulator, named so tests and docs can refer to them.
 * Values follow Twilio Verify's documented defaults (see shared/reference/VERIFY-FACTS.md).
 */

/** A verification code is valid for 10 minutes after the verification is created. */
export const VERIFICATION_WINDOW_MS = 10 * 60 * 1000;

/** At most 5 deliveries (the first send plus re-sends) per verification window; the 6th gets 60203. */
export const MAX_SEND_ATTEMPTS = 5;

/** At most 5 checks per verification; the 5th wrong one makes it max_attempts_reached. */
export const MAX_CHECK_ATTEMPTS = 5;

/** Default code length of a service when CodeLength is not given. */
export const DEFAULT_CODE_LENGTH = 6;
export const MIN_CODE_LENGTH = 4;
export const MAX_CODE_LENGTH = 10;

/** Twilio's documented FriendlyName limit (60200 beyond it). The spec prose says 32; the docs say 30. */
export const MAX_FRIENDLY_NAME_LENGTH = 30;

/** Custom codes are 4–10 characters. */
export const MIN_CUSTOM_CODE_LENGTH = 4;
export const MAX_CUSTOM_CODE_LENGTH = 10;

/**
 * Finished or expired verifications stay readable (fetch shows `expired`, `approved`…) for this long
 * after their window ends, then sweep() forgets them so memory stays bounded.
 */
export const FINISHED_RETENTION_MS = 10 * 60 * 1000;

/** Hard cap on stored verifications, whatever their state: the oldest go first beyond it. */
export const MAX_VERIFICATIONS = 100_000;

/** How often the background timer sweeps (the timer is unref'd so it never keeps a process alive). */
export const SWEEP_INTERVAL_MS = 60 * 1000;

/** The outbox keeps only the most recent deliveries. */
export const OUTBOX_CAPACITY = 10_000;

/** Request bodies above this size get 413 and are not read further. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A JSON body nests at most this deep (Twilio's parameters are flat; RateLimits and the like are two levels). */
export const MAX_JSON_DEPTH = 32;

/** List paging (Twilio: PageSize 1–1000, default 50). */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/** Messages API body limit (Twilio error 21617 beyond it). */
export const MAX_MESSAGE_BODY_CHARS = 1600;

/** Entities, factors and challenges (VERIFY-BEYOND.md). */
export const MAX_TOTP_FACTORS_PER_ENTITY = 100;
/** Wrong codes a factor or a challenge accepts: the next try gets 60310 / 60308. */
export const MAX_TOTP_ATTEMPTS = 5;
/** Twilio deletes unverified factors 1–24 hours after creation; the emulator forgets them after the shortest. */
export const UNVERIFIED_FACTOR_TTL_MS = 60 * 60 * 1000;
/** A challenge is pending for 5 minutes by default, at most 60. */
export const DEFAULT_CHALLENGE_TTL_MS = 5 * 60 * 1000;
export const MAX_CHALLENGE_TTL_MS = 60 * 60 * 1000;
/** Challenge creations per factor (60312): 10 a day for codes of 4 digits or fewer, else 50 an hour and 100 a day. */
export const SHORT_CODE_CHALLENGES_PER_DAY = 10;
export const CHALLENGES_PER_HOUR = 50;
export const CHALLENGES_PER_DAY = 100;
/** Webhook deliveries kept for inspection (oldest dropped first). */
export const WEBHOOK_LOG_CAPACITY = 1000;

/** Programmable rate limits per service and buckets per rate limit (Twilio documents that limits exist, 60207/60210, not their size: the emulator's bounds). */
export const MAX_RATE_LIMITS_PER_SERVICE = 10;
export const MAX_BUCKETS_PER_RATE_LIMIT = 10;

/** Verification attempts are reported for 30 days (Twilio keeps no more); the emulator also keeps only the most recent ones. */
export const ATTEMPT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
export const ATTEMPT_CAPACITY = 10_000;

/** Safe-listed numbers the emulator holds at most (a bound against unbounded growth, not a Twilio limit). */
export const MAX_SAFE_LIST_NUMBERS = 10_000;
