/** docs/make.md's generated sections match a fresh export, and the README's hosts section links the page. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConnector } from '../../connector/index.js';
import { DOC_SECTIONS, docSection, readSection } from '../../connector/make/docs.js';
import { exportMakeApp } from '../../connector/make/export.js';
import { packageRoot } from '../../connector/paths.js';

const app = exportMakeApp(await loadConnector());
const page = readFileSync(join(packageRoot, 'docs', 'make.md'), 'utf8');

describe('docs/make.md', () => {
  for (const section of DOC_SECTIONS) {
    it(`its ${section} section is the export's (run npm run build:make -- --docs after changing a module)`, () => {
      assert.equal(readSection(page, section), docSection(app, section), 'docs/make.md is stale: run npm run build:make -- --docs and commit it');
    });
  }

  it('every exported module is in the table', () => {
    for (const module of app.modules) assert.ok(page.includes(`(\`${module.name}\`)`), module.name);
  });

  it('the README links it from its hosts section', () => {
    const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
    assert.match(readme, /## Use with Make and Boost\.space[\s\S]*\(docs\/make\.md\)/);
  });
});
