/** The README's tables come from their sources: a module file and the error table, never a hand copy. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorCodes, errorTable, moduleTable } from '../../connector/cli/doc-tables.js';
import { ERROR_CODES } from '../../connector/errors/connector-error.js';
import { TWILIO_ERROR_TABLE } from '../../connector/errors/table.js';
import { loadConnector } from '../../connector/manifest/load.js';
import { packageRoot } from '../../connector/paths.js';
import { fill } from '../../scripts/generate-readme.js';
import { copyConnector } from '../support/connector-copy.js';

describe('README tables, generated', () => {
  it('the README holds exactly what the sources render (npm run generate:readme)', async () => {
    const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
    const connector = await loadConnector();
    for (const line of [...moduleTable(connector), ...errorCodes(), ...errorTable(connector)]) assert.ok(readme.includes(`${line}\n`), `README.md lacks: ${line}`);
  });

  it('the module table lists every module hosts offer, and no internal one', async () => {
    const connector = await loadConnector();
    const table = moduleTable(connector).join('\n');
    for (const m of connector.modules) assert.match(table, new RegExp(`^\\| \`${m.id}\` — `, 'm'));
    assert.doesNotMatch(table, /send-message/);
  });

  it('every Twilio code of the error table, and every ConnectorError code, appears', async () => {
    const table = errorTable(await loadConnector()).join('\n');
    for (const code of Object.keys(TWILIO_ERROR_TABLE)) assert.match(table, new RegExp(`\\b${code}\\b`));
    assert.deepEqual(errorCodes()[0]!.match(/`[a-z0-9_]+`/g)!.map((c) => c.slice(1, -1)), [...ERROR_CODES]);
  });

  it('a change to a module file changes the table (it is derived, so the check can fail)', async () => {
    const copy = copyConnector();
    try {
      copy.edit('modules/get-service.json', (m) => (m.label = 'Fetch one service'));
      const table = moduleTable(await loadConnector(copy.dir)).join('\n');
      assert.match(table, /`get-service` — Fetch one service/);
      assert.notEqual(table, moduleTable(await loadConnector()).join('\n'));
    } finally {
      copy.dispose();
    }
  });

  it('fill replaces only the block between the markers, and refuses a README without them', () => {
    const start = '<!-- generated: x (npm run generate:readme; edit the source, not this table) -->';
    const readme = `before\n${start}\nold\n<!-- end generated: x -->\nafter\n`;
    assert.equal(fill(readme, 'x', ['new']), `before\n${start}\nnew\n<!-- end generated: x -->\nafter\n`);
    assert.throws(() => fill('no markers', 'x', ['new']), /no .* block for the x table/);
  });
});
