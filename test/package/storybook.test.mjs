// Storybook: builds the stories (.storybook/, stories/) into a scratch folder, checks that the index lists
// stories of every element, and opens the first story of each element from the static build in Chromium:
// the element must render (a shadow root with content) without an error in the page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, launchChromium, run, serveFolder } from './helpers.mjs';

const TAGS = ['cw-chat', 'cw-launcher', 'cw-message-list', 'cw-message', 'cw-composer', 'cw-contact-form', 'cw-widget'];

const output = mkdtempSync(join(tmpdir(), 'cw-storybook-'));
/** @type {{ entries: Record<string, { id: string, title: string, type: string }> }} */
let index;
/** @type {Awaited<ReturnType<typeof serveFolder>>} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  run(bin('storybook'), ['build', '--output-dir', output, '--quiet'], { env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } });
  index = JSON.parse(readFileSync(join(output, 'index.json'), 'utf8'));
  server = await serveFolder(output);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(output, { recursive: true, force: true });
});

const storiesOf = (tag) => Object.values(index.entries).filter((entry) => entry.type === 'story' && entry.title === `Elements/${tag}`);

describe('the Storybook build', () => {
  test('lists stories of every element', () => {
    assert.deepEqual(TAGS.filter((tag) => storiesOf(tag).length === 0), []);
  });

  for (const tag of TAGS) {
    test(`renders the first story of ${tag}`, async (context) => {
      const [story] = storiesOf(tag);
      if (!story) return context.skip(`no story of ${tag}`);
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        await page.goto(`${server.url}/iframe.html?id=${story.id}&viewMode=story`);
        await page.waitForFunction((name) => {
          const element = document.querySelector(`#storybook-root ${name}`);
          return element?.shadowRoot && element.shadowRoot.childElementCount > 0;
        }, tag, { timeout: 10_000 });
      } finally {
        await page.close();
      }
      assert.deepEqual(errors, []);
    });
  }
});
