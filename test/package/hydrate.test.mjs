// Hydration in the browser: a launcher rendered on the server by @lit-labs/ssr (declarative shadow DOM) is
// placed under a `<cw-chat>` in a page; the page loads Lit's hydration support first, then the package.
// The launcher must take over the server's markup (the same button node, no re-render, no mismatch) and
// work: it opens and closes the chat against the stand-in. This is a Node + playwright-core test rather than
// a web-test-runner one because the markup has to come from Node's renderer at test time.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { startStandIn } from '../../server/index.js';
import { installScratchPackage, launchChromium, openPage, runScript, standInRequest } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof installScratchPackage>>} */
let scratch;
/** @type {Awaited<ReturnType<typeof startStandIn>>} */
let standIn;
/** @type {import('playwright-core').Browser} */
let browser;
let serverMarkup = '';

before(async () => {
  scratch = await installScratchPackage();
  const rendered = runScript(scratch.folder, 'render.mjs', `
    import { render } from '@lit-labs/ssr';
    import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
    import { html } from 'lit';
    await import('chatwoot-elements/launcher');
    console.log(JSON.stringify(await collectResult(render(html\`<cw-launcher></cw-launcher>\`))));`);
  assert.equal(rendered.status, 0, rendered.stderr);
  serverMarkup = JSON.parse(rendered.stdout);
  await build({
    stdin: {
      // hydration support must load before Lit itself
      contents: "import '@lit-labs/ssr-client/lit-element-hydrate-support.js';\nimport 'chatwoot-elements';\n",
      resolveDir: scratch.folder,
    },
    bundle: true, format: 'esm', target: 'es2022', outfile: join(scratch.folder, 'client.js'), logLevel: 'silent',
  });
  standIn = await startStandIn({ host: '127.0.0.1', port: 0, staticDirs: [scratch.folder] });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await standIn?.close();
  scratch?.remove();
});

/** A page with the server's launcher markup under a `<cw-chat>` on a fresh inbox. */
async function openServerRenderedPage() {
  const { inboxIdentifier } = await standInRequest(standIn, 'POST', '/__standin/inboxes', { name: 'Hydration inbox' });
  writeFileSync(join(scratch.folder, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SSR</title><link rel="icon" href="data:,"></head>
<body><cw-chat base-url="${standIn.info.url}" inbox="${inboxIdentifier}" storage="none">${serverMarkup}</cw-chat>
<script>
  // before the package loads: the server's button, and every open-change
  window.serverButton = document.querySelector('cw-launcher').shadowRoot.querySelector('button');
  window.openChanges = [];
  document.addEventListener('cw-open-change', (event) => window.openChanges.push(event.detail.open));
</script>
<script type="module" src="/client.js"></script></body></html>`);
  const opened = await openPage(browser, `${standIn.info.url}/`);
  await opened.page.waitForFunction(() => customElements.get('cw-launcher') && document.querySelector('cw-launcher')?.hasUpdated);
  return opened;
}

describe('a server-rendered launcher in the browser', () => {
  test('the browser attaches the server markup as a shadow root before any script runs', async () => {
    const { page, problems } = await openServerRenderedPage();
    assert.equal(await page.evaluate(() => window.serverButton instanceof HTMLButtonElement), true);
    assert.equal(await page.evaluate(() => window.serverButton.getAttribute('aria-label')), 'Open chat');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the launcher hydrates the server markup instead of rendering it again', async () => {
    const { page, problems } = await openServerRenderedPage();
    const sameButton = await page.evaluate(() => document.querySelector('cw-launcher').shadowRoot.querySelector('button') === window.serverButton);
    assert.equal(sameButton, true, 'the button is a new node: the launcher rendered again');
    assert.equal(await page.evaluate(() => document.querySelector('cw-launcher').shadowRoot.querySelectorAll('button').length), 1);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the hydrated launcher opens and closes its chat', async () => {
    const { page, problems } = await openServerRenderedPage();
    const button = page.locator('cw-launcher [part="button"]');
    await button.click();
    await page.waitForFunction(() => document.querySelector('cw-chat').hasAttribute('open'));
    await page.waitForFunction(() => window.serverButton.getAttribute('aria-expanded') === 'true');
    assert.equal(await button.getAttribute('aria-label'), 'Close chat');
    await button.click();
    await page.waitForFunction(() => !document.querySelector('cw-chat').hasAttribute('open'));
    assert.deepEqual(await page.evaluate(() => window.openChanges), [true, false]);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
