/**
 * What n8n saved about failed executions, read from the user folder's SQLite database with n8n's own sqlite3 and
 * flatted (hosts/n8n/node_modules): a webhook answers only "Error in workflow", the cause is in the execution.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { HOST_DIR } from './harness.js';

interface Sqlite3 {
  OPEN_READONLY: number;
  Database: new (file: string, mode: number, callback: (error: Error | null) => void) => {
    all(sql: string, callback: (error: Error | null, rows: Array<{ id: string; data: string }>) => void): void;
    close(): void;
  };
}

/** "<execution id>: <error message>" for every execution n8n saved with status error. */
export async function failedExecutions(userFolder: string): Promise<string[]> {
  const require = createRequire(join(HOST_DIR, 'package.json'));
  const sqlite3 = require('sqlite3') as Sqlite3;
  const { parse } = require('flatted') as { parse(text: string): { resultData?: { error?: { message?: string } } } };
  const rows = await new Promise<Array<{ id: string; data: string }>>((resolve, reject) => {
    const db = new sqlite3.Database(join(userFolder, '.n8n', 'database.sqlite'), sqlite3.OPEN_READONLY, (error) => error && reject(error));
    db.all("SELECT e.id AS id, d.data AS data FROM execution_entity e JOIN execution_data d ON d.executionId = e.id WHERE e.status = 'error' ORDER BY e.id", (error, found) => {
      db.close();
      if (error) reject(error);
      else resolve(found);
    });
  });
  return rows.map((row) => `execution ${row.id}: ${parse(row.data).resultData?.error?.message ?? '(no error message saved)'}`);
}
