/**
 * Items run side by side, as n8n's HTTP Request node runs them, but bounded and stopping early: at most `limit`
 * calls at once, started in item order, and none started once `stop()` says so (an item failed and the node will
 * fail): later items are not sent for nothing.
 */
export async function runBounded<T>(count: number, limit: number, task: (index: number) => Promise<T>, stop: () => boolean): Promise<Array<T | undefined>> {
  const results: Array<T | undefined> = new Array(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count && !stop()) {
      const index = next++;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
}
