/**
 * What a test needs opened (an emulator, a module harness) and closed again, so a test file says only what it does
 * with it. `openForEachTest` opens a fresh one before each test of the enclosing `describe`; `openForAllTests` one
 * shared by them all:
 *
 *   openForEachTest(startTestEmulator, (opened) => { emu = opened; api = client(emu); });
 *
 * It is closed even when `use` fails (a service that could not be made), so no server outlives its tests.
 */
interface Closable {
  close(): Promise<void>;
}

/** What to do with it once opened (may be async); whatever it returns is ignored. */
type Use<T> = (opened: T) => unknown;

function openAround<T extends Closable>(open: () => Promise<T>, use: Use<T>, before: Mocha.HookFunction, after: Mocha.HookFunction): void {
  let opened: T | undefined;
  before(async () => {
    opened = await open();
    await use(opened);
  });
  after(async () => {
    await opened?.close();
    opened = undefined;
  });
}

export function openForEachTest<T extends Closable>(open: () => Promise<T>, use: Use<T>): void {
  openAround(open, use, beforeEach, afterEach);
}

export function openForAllTests<T extends Closable>(open: () => Promise<T>, use: Use<T>): void {
  openAround(open, use, before, after);
}
