/**
 * Records that belong to one service, each under a key of its own (a SID, a country, an identity), listed in creation
 * order. Deleting a service forgets them all. Rate limits, messaging configurations and entities are kept in one.
 */
export class PerService<R> {
  private readonly byService = new Map<string, Map<string, R>>();

  list(serviceSid: string): R[] {
    return [...(this.byService.get(serviceSid)?.values() ?? [])];
  }

  get(serviceSid: string, key: string): R | undefined {
    return this.byService.get(serviceSid)?.get(key);
  }

  /** How many records the service has. */
  count(serviceSid: string): number {
    return this.byService.get(serviceSid)?.size ?? 0;
  }

  add(serviceSid: string, key: string, record: R): R {
    let records = this.byService.get(serviceSid);
    if (!records) this.byService.set(serviceSid, (records = new Map()));
    records.set(key, record);
    return record;
  }

  delete(serviceSid: string, key: string): void {
    this.byService.get(serviceSid)?.delete(key);
  }

  deleteService(serviceSid: string): void {
    this.byService.delete(serviceSid);
  }

  /** Every record of every service. */
  *all(): IterableIterator<R> {
    for (const records of this.byService.values()) yield* records.values();
  }

  /** How many records all services have. */
  get size(): number {
    let n = 0;
    for (const records of this.byService.values()) n += records.size;
    return n;
  }
}
