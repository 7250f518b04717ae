/**
 * The safe list (VERIFY-BEYOND.md): account-wide phone numbers Fraud Guard and geo permissions never block.
 * Keyed by the E.164 number; a duplicate is 60411. (The emulator has no Fraud Guard, so the list blocks nothing less.)
 */
import { MAX_SAFE_LIST_NUMBERS } from './constants.js';
import { TwilioError, invalidParameter } from './errors.js';
import { sid } from './ids.js';
import type { Params } from './params.js';
import { isE164, truncate } from './validate.js';

export interface SafeListRecord {
  sid: string;
  phoneNumber: string;
}

export class SafeListStore {
  private readonly byNumber = new Map<string, SafeListRecord>();

  get size(): number {
    return this.byNumber.size;
  }

  add(params: Params): SafeListRecord {
    const phoneNumber = params.get('PhoneNumber');
    if (phoneNumber === undefined || phoneNumber.length === 0) throw invalidParameter('PhoneNumber', 'is required');
    if (!isE164(phoneNumber)) throw invalidParameter('PhoneNumber', `${JSON.stringify(truncate(phoneNumber))} is not a valid E.164 phone number`);
    if (this.byNumber.has(phoneNumber)) throw new TwilioError(60411);
    if (this.byNumber.size >= MAX_SAFE_LIST_NUMBERS) throw invalidParameter('PhoneNumber', `the emulator holds at most ${MAX_SAFE_LIST_NUMBERS} safe-listed numbers`);
    const record = { sid: sid('GN'), phoneNumber };
    this.byNumber.set(phoneNumber, record);
    return record;
  }

  get(phoneNumber: string): SafeListRecord | undefined {
    return this.byNumber.get(phoneNumber);
  }

  remove(phoneNumber: string): boolean {
    return this.byNumber.delete(phoneNumber);
  }
}

export function safeListResource(r: SafeListRecord, baseUrl: string): Record<string, unknown> {
  return { sid: r.sid, phone_number: r.phoneNumber, url: `${baseUrl}/v2/SafeList/Numbers/${r.phoneNumber}` };
}
