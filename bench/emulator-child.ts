/**
 * The emulator in its own process for the benchmarks (run with --expose-gc), driven over IPC by
 * lib/emulator-process.ts: so the client under test and the server do not share one event loop, and the
 * emulator's memory can be measured on its own. Codes are fixed ('1234…') so a load generator can check them
 * without reading the outbox.
 */
import { startEmulator } from '../emulator/index.js';

type Command = { id: number; type: 'memory' } | { id: number; type: 'advance'; ms: number } | { id: number; type: 'sweep' } | { id: number; type: 'close' };

const emu = await startEmulator({ codeGenerator: (length) => '1234567890'.slice(0, length) });

function memory(): Record<string, unknown> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, heapTotal: m.heapTotal, rss: m.rss, external: m.external, stats: emu.stats(), gc: Boolean(gc) };
}

process.on('message', (raw) => {
  const command = raw as Command;
  const reply = (value: unknown): void => {
    process.send?.({ id: command.id, value });
  };
  switch (command.type) {
    case 'memory':
      return reply(memory());
    case 'advance':
      emu.clock.advance(command.ms);
      return reply(emu.clock.now());
    case 'sweep':
      return reply(emu.sweep());
    case 'close':
      void emu.close().then(() => {
        reply(true);
        process.disconnect?.();
        process.exit(0);
      });
      return;
  }
});

process.send?.({ ready: true, url: emu.url, accountSid: emu.accountSid, authToken: emu.authToken });
