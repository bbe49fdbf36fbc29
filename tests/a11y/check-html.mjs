#!/usr/bin/env node
// Accessibility check of Boardpack's HTML exports: loads each page in
// headless Chromium (Debian's, /usr/bin/chromium), runs axe-core with the
// WCAG 2.0, 2.1 and 2.2 A and AA rules, prints every violation and exits
// non-zero when there is any.
//
// Usage: node check-html.mjs PAGE.html...
// CHROMIUM=/path/to/chromium overrides the browser.

import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
let chromium, axeSource;
try {
  ({ chromium } = await import('playwright-core'));
  axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
} catch (e) {
  console.error(`check-html: ${e.message}\nInstall the checker's packages first: npm ci --prefix tests/a11y`);
  process.exit(1);
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const pages = process.argv.slice(2);
if (pages.length === 0) {
  console.error('usage: check-html.mjs PAGE.html...');
  process.exit(64);
}

// This machine has no network but the package registries: the flags keep
// Chromium from trying to reach Google's services at start.
const userDataDir = mkdtempSync(join(tmpdir(), 'boardpack-a11y-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

let failed = 0;
let passed = 0;
try {
  for (const file of pages) {
    const page = await context.newPage();
    const requests = [];
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith('file:') && !url.startsWith('data:'))
        requests.push(url);
    });
    const url = pathToFileURL(resolve(file)).href;
    await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ content: axeSource });
    const results = await page.evaluate(async (tags) => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return {
        violations: r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
        })),
        passes: r.passes.length,
      };
    }, TAGS);

    const problems = results.violations.length + requests.length;
    if (problems === 0) {
      console.log(`ok: ${file}: no WCAG 2.2 A/AA violations found by axe-core (${results.passes} rules passed)`);
      passed++;
    } else {
      failed++;
      console.log(`FAIL: ${file}`);
      for (const v of results.violations) {
        console.log(`  ${v.id} (${v.impact}): ${v.help}`);
        for (const n of v.nodes.slice(0, 10))
          console.log(`    ${n.target}\n      ${(n.summary || '').replace(/\n/g, '\n      ')}`);
        if (v.nodes.length > 10)
          console.log(`    ... and ${v.nodes.length - 10} more`);
      }
      for (const r of requests)
        console.log(`  external request: ${r} (the page must be self-contained)`);
    }
    await page.close();
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
