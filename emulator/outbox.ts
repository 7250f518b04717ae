/**
 * Every code or message the emulator "delivers" lands here instead of on a phone,
 * so tests, the CLI and demos can read the code a user would have received.
 */
import { OUTBOX_CAPACITY } from './constants.js';

export interface OutboxMessage {
  /** Recipient as given to the API (E.164, email address, or whatsapp:+… for Messages). */
  to: string;
  /** sms | call | email | whatsapp | sna */
  channel: string;
  /** The text the user would have received. */
  body: string;
  /** The verification code, or null for plain Messages API sends (no code is known). */
  code: string | null;
  /** ISO 8601 time of delivery (emulator clock). */
  at: string;
}

export class Outbox {
  private messages: OutboxMessage[] = [];

  constructor(private readonly capacity = OUTBOX_CAPACITY) {}

  add(message: OutboxMessage): void {
    this.messages.push(message);
    // Drop the oldest in batches rather than on every push: amortised O(1) while bounded.
    if (this.messages.length > this.capacity + Math.max(1, Math.floor(this.capacity / 10))) {
      this.messages = this.messages.slice(-this.capacity);
    }
  }

  /** A copy (messages included), oldest first, optionally only those sent to `to`. */
  list(filter: { to?: string | undefined } = {}): OutboxMessage[] {
    const recent = this.messages.length > this.capacity ? this.messages.slice(-this.capacity) : this.messages;
    const selected = filter.to === undefined ? recent : recent.filter((m) => m.to === filter.to);
    return selected.map((m) => ({ ...m }));
  }

  get size(): number {
    return Math.min(this.messages.length, this.capacity);
  }
}
