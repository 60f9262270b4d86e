// Drives one example app (examples/<name>) in Chromium against the stand-in: the example is copied next to a
// scratch install of the package, built by examples/build.mjs as an app would build it (the package imported by
// its name, through package.json's exports), served by the stand-in, and used as a visitor would: open the chat
// through the app's ref, send from the composer and through `send()`, and read an agent's reply, which reaches
// the app through its cw-message listener.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { buildExample } from '../../examples/build.mjs';
import { startStandIn } from '../../server/index.js';
import { installScratchPackage, launchChromium, openPage, root, standInRequest } from '../package/helpers.mjs';

/** @param {'react' | 'vue' | 'svelte'} name @param {string} framework as the app writes it ("React") */
export function describeExample(name, framework) {
  /** @type {Awaited<ReturnType<typeof installScratchPackage>>} */
  let scratch;
  /** @type {Awaited<ReturnType<typeof startStandIn>>} */
  let standIn;
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let page;
  /** @type {string[]} */
  let problems;

  before(async () => {
    scratch = await installScratchPackage();
    const examples = join(scratch.folder, 'examples');
    cpSync(join(root, 'examples'), examples, { recursive: true, filter: (source) => !/[\\/]dist$/.test(source) });
    await buildExample(name, examples);
    standIn = await startStandIn({ host: '127.0.0.1', port: 0, staticDirs: [examples] });
    browser = await launchChromium();
    const { inboxIdentifier } = await standInRequest(standIn, 'POST', '/__standin/inboxes', { name: `${framework} inbox` });
    ({ page, problems } = await openPage(browser, `${standIn.info.url}/${name}/?inbox=${inboxIdentifier}`));
    await page.waitForFunction(() => document.querySelector('cw-chat')?.hasUpdated && document.querySelector('cw-composer')?.hasUpdated);
  });

  after(async () => {
    await browser?.close();
    await standIn?.close();
    scratch?.remove();
  });

  const status = () => page.locator('.status').textContent();
  const chat = (/** @type {(chat: any) => unknown} */ read) => page.evaluate(read, undefined).catch(() => undefined);

  describe(`the ${framework} example`, () => {
    test('renders the chat with its parts and passes its props on as properties and attributes', async () => {
      assert.equal(await page.locator('h1').textContent(), `chatwoot-elements in ${framework}`);
      const state = await page.evaluate(() => {
        const element = /** @type {any} */ (document.querySelector('cw-chat'));
        const composer = /** @type {any} */ (document.querySelector('cw-composer'));
        return {
          baseUrl: element.baseUrl, inbox: element.inbox, storage: element.storage, placeholder: composer.placeholder, maxFiles: composer.maxFiles,
          // the framework passes contact="on-open" as the property (a setter), and open() stays a method
          contactMode: element.contactMode, openIsMethod: typeof element.open === 'function',
        };
      });
      assert.equal(state.baseUrl, standIn.info.url);
      assert.match(state.inbox, /^\w{10,}$/);
      assert.deepEqual({ storage: state.storage, placeholder: state.placeholder, maxFiles: state.maxFiles, contactMode: state.contactMode, openIsMethod: state.openIsMethod },
        { storage: 'none', placeholder: `Ask ${framework} anything`, maxFiles: 3, contactMode: 'on-open', openIsMethod: true });
      assert.ok(await page.locator('cw-message-list').isVisible());
      assert.equal(await status(), 'The chat is closed');
    });

    test('opens the chat through a ref to <cw-chat> and hears cw-open-change and cw-ready', async () => {
      await page.getByRole('button', { name: 'Open chat' }).click();
      await page.locator('.status', { hasText: 'The chat is open, connected' }).waitFor();
      assert.equal(await page.evaluate(() => document.querySelector('cw-chat')?.hasAttribute('open')), true);
    });

    test('sends from the composer and through send() on the ref', async () => {
      await page.locator('cw-composer textarea').fill(`Typed in ${framework}`);
      await page.locator('cw-composer textarea').press('Enter');
      await page.getByRole('button', { name: 'Say hello' }).click();
      for (const text of [`Typed in ${framework}`, `Hello from ${framework}`]) {
        await page.locator('cw-message[mine]', { hasText: text }).locator('[part="status"]', { hasText: /^(Sent|Delivered|Read)$/ }).waitFor();
      }
    });

    test('shows an agent reply in the list and hears it through cw-message', async () => {
      const conversation = await chat(() => /** @type {any} */ (document.querySelector('cw-chat')).conversation?.id);
      assert.ok(conversation, 'the chat has a conversation');
      await standInRequest(standIn, 'POST', `/api/v1/accounts/${standIn.info.accountId}/conversations/${conversation}/messages`,
        { content: `An agent answers ${framework}`, message_type: 'outgoing' });
      await page.locator('cw-message:not([mine])', { hasText: `An agent answers ${framework}` }).waitFor();
      await page.locator('.last-message', { hasText: `Last message: An agent answers ${framework}` }).waitFor();
    });

    test('logs no error in the console', () => {
      assert.deepEqual(problems, []);
    });
  });
}
