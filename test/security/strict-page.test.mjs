// RELIABILITY.md §3 F1/F2/F4: the drop-in bundle on a host page with a strict Content-Security-Policy and
// Trusted Types enforced. F3: a host page with its own Lit. F1: open, send, an agent's Markdown reply and image, a failed send retried, a reconnect,
// with no violation and no console error. F2: each directive the kit needs, removed or tightened, breaks
// something, and the test names what. F4: without adoptedStyleSheets, Lit's nonced <style> fallback.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { control, corpusSample, openPage, PIXEL, policy, startAll, NONCE } from './strict-page.mjs';

/** @type {Awaited<ReturnType<typeof startAll>>} */
let env;
const opened = new Set();

before(async () => {
  env = await startAll();
});

after(async () => {
  for (const page of opened) await page.close();
  await env?.close();
});

/** A fresh inbox and a page on it under `csp`. @param {string} csp @param {string} [init] */
async function pageWith(csp, init) {
  const { inboxIdentifier } = await control(env.standIn, 'POST', '/__standin/inboxes', { name: 'Strict inbox' });
  const url = `${env.page.url}/?inbox=${inboxIdentifier}&csp=${encodeURIComponent(csp)}`;
  const page = await openPage(env.browser, url, init);
  opened.add(page);
  return page;
}

const defined = (/** @type {import('playwright-core').Page} */ page) => page.evaluate(() => !!customElements.get('cw-widget'));

/** Computed styles that only the kit's stylesheets give: the launcher fixed in a corner, a round button. */
function launcherStyles(/** @type {import('playwright-core').Page} */ page) {
  return page.evaluate(() => {
    const launcher = document.querySelector('cw-widget')?.shadowRoot?.querySelector('cw-launcher');
    const button = launcher?.shadowRoot?.querySelector('button');
    if (!launcher || !button) return undefined;
    return { position: getComputedStyle(launcher).position, cursor: getComputedStyle(button).cursor, radius: getComputedStyle(button).borderTopLeftRadius };
  });
}
const STYLED = { position: 'fixed', cursor: 'pointer', radius: '28px' };

/** Opens the panel and sends the visitor's first message; the conversation's id. */
async function openAndSend(/** @type {import('playwright-core').Page} */ page, text = 'Hello from a strict page') {
  await page.locator('cw-launcher [part="button"]').click();
  await page.locator('cw-composer textarea').fill(text);
  await page.locator('cw-composer [part="send-button"]').click();
  await page.locator('cw-message [part="status"]', { hasText: /^Sent$/ }).first().waitFor();
  return page.evaluate(() => /** @type {any} */ (document.querySelector('cw-widget')).session.store.state.conversation.id);
}

const reply = (/** @type {number} */ id, /** @type {any} */ body) => control(env.standIn, 'POST', `/api/v1/accounts/1/conversations/${id}/messages`, body);

/** An agent reply with one attachment: a picture by default. */
function attachmentReply(/** @type {number} */ id, content = 'A picture', file = new Blob([PIXEL], { type: 'image/png' }), name = 'pixel.png') {
  const form = new FormData();
  form.append('content', content);
  form.append('message_type', 'outgoing');
  form.append('attachments[]', file, name);
  return reply(id, form);
}
const imageReply = (/** @type {number} */ id) => attachmentReply(id);
const videoReply = (/** @type {number} */ id) => attachmentReply(id, 'A clip', new Blob(['not really a video'], { type: 'video/mp4' }), 'clip.mp4');

/** Picks a picture in the composer; whether its preview (an object URL) loaded. */
async function pickPicture(/** @type {import('playwright-core').Page} */ page) {
  await page.locator('cw-composer input.file-input').setInputFiles({ name: 'picked.png', mimeType: 'image/png', buffer: PIXEL });
  const preview = page.locator('cw-composer img.thumb').first();
  await preview.waitFor({ state: 'attached' });
  return preview.evaluate((element) => new Promise((resolve) => {
    const picture = /** @type {HTMLImageElement} */ (element);
    const done = () => resolve(picture.naturalWidth > 0 && picture.src.startsWith('blob:'));
    if (picture.complete) return done();
    picture.addEventListener('load', done);
    picture.addEventListener('error', done);
  }));
}

/** The delivery state line of the visitor's message holding `text`, once it reads "Sent". */
const sentLine = (/** @type {import('playwright-core').Page} */ page, /** @type {string} */ text) =>
  page.locator('cw-message', { hasText: text }).locator('[part="status"]', { hasText: /^Sent$/ }).waitFor();

/** Waits until the agent's picture has loaded (true) or failed (false). */
async function imageLoaded(/** @type {import('playwright-core').Page} */ page) {
  const image = page.locator('cw-message img[src*="pixel.png"]').first();
  await image.waitFor({ state: 'attached' });
  return image.evaluate((element) => new Promise((resolve) => {
    const picture = /** @type {HTMLImageElement} */ (element);
    const done = () => resolve(picture.naturalWidth > 0);
    if (picture.complete) return done();
    picture.addEventListener('load', done);
    picture.addEventListener('error', done);
  }));
}

/** The one console line the injected HTTP 500 causes (Chromium logs every failed response). */
const EXPECTED_500 = /Failed to load resource: the server responded with a status of 500/;

describe('F1 strict page', () => {
  test('the widget works end to end under the strict policy with no violation and no console error', async () => {
    const { page, consoleErrors, pageErrors, violations } = await pageWith(policy(env.standIn.info.url));
    assert.equal(await defined(page), true);
    assert.deepEqual(await launcherStyles(page), STYLED);
    const conversation = await openAndSend(page);
    await reply(conversation, { content: '**Bold** and [a link](https://example.com/x) and `code`', message_type: 'outgoing' });
    const link = page.locator('cw-message .markdown a', { hasText: 'a link' });
    await link.waitFor();
    assert.equal(await page.locator('cw-message .markdown strong', { hasText: 'Bold' }).count(), 1);
    assert.deepEqual(await link.evaluate((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]),
      ['https://example.com/x', '_blank', 'noopener noreferrer']);
    await imageReply(conversation);
    assert.equal(await imageLoaded(page), true);
    // a picture picked by the visitor: its preview, then the upload
    assert.equal(await pickPicture(page), true);
    await page.locator('cw-composer textarea').fill('My picture');
    await page.locator('cw-composer [part="send-button"]').click();
    await sentLine(page, 'My picture');
    // a failed send, retried by the visitor
    await control(env.standIn, 'POST', '/__standin/faults', { kind: 'http', route: 'messages.create', status: 500 });
    await page.locator('cw-composer textarea').fill('This one fails first');
    await page.locator('cw-composer [part="send-button"]').click();
    await page.locator('cw-message [part="retry-button"]').click();
    await sentLine(page, 'This one fails first');
    // a reconnect, then a live reply
    await control(env.standIn, 'POST', '/__standin/faults', { kind: 'drop-sockets', mode: 'close' });
    await page.waitForFunction(() => /** @type {any} */ (document.querySelector('cw-widget')).connection !== 'open');
    await page.waitForFunction(() => /** @type {any} */ (document.querySelector('cw-widget')).connection === 'open');
    await reply(conversation, { content: 'After the reconnect', message_type: 'outgoing' });
    await page.locator('cw-message', { hasText: 'After the reconnect' }).waitFor();
    assert.deepEqual(await violations(), []);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors.filter((line) => !EXPECTED_500.test(line)), []);
    assert.equal(consoleErrors.filter((line) => EXPECTED_500.test(line)).length, 1, 'the injected 500 is logged once');
  });

  test('corpus payloads from the agent render under the strict policy with no violation (E1 sample, E5)', async () => {
    const { page, consoleErrors, pageErrors, violations } = await pageWith(policy(env.standIn.info.url));
    await page.evaluate(() => {
      /** @type {any} */ (window).__calls = [];
      for (const name of ['alert', 'confirm', 'prompt', 'print']) /** @type {any} */ (window)[name] = (/** @type {unknown} */ value) => /** @type {any} */ (window).__calls.push(`${name}(${value})`);
    });
    const conversation = await openAndSend(page);
    // every payload rendered at once (by default the list keeps a window of 40 in the DOM)
    await page.evaluate(() => {
      /** @type {any} */ (document.querySelector('cw-widget')?.shadowRoot?.querySelector('cw-message-list')).windowSize = 0;
    });
    const payloads = corpusSample();
    for (const content of payloads) await reply(conversation, { content, message_type: 'outgoing' });
    await page.waitForFunction((count) => /** @type {any} */ (document.querySelector('cw-widget')).session.store.state.messages.length === count, payloads.length + 1);
    await page.waitForFunction((count) => document.querySelector('cw-widget')?.shadowRoot?.querySelector('cw-message-list')?.shadowRoot?.querySelectorAll('cw-message').length === count, payloads.length + 1);
    await page.waitForTimeout(500);
    assert.ok(payloads.length >= 100, `${payloads.length} payloads`);
    assert.deepEqual([await violations(), pageErrors, consoleErrors, await page.evaluate(() => /** @type {any} */ (window).__calls)], [[], [], [], []]);
  });
});

describe('F2 the documented directives are enough, and each needed one, removed or tightened, fails', () => {
  test('a page with only the documented directives (style-src none, no strict-dynamic) runs the chat cleanly', async () => {
    const chatwoot = env.standIn.info.url;
    const minimal = [
      "default-src 'none'", `script-src 'nonce-${NONCE}'`, "style-src 'none'", `img-src ${chatwoot} blob:`, `media-src ${chatwoot}`,
      `connect-src ${chatwoot} ${chatwoot.replace(/^http/, 'ws')}`, "require-trusted-types-for 'script'", 'trusted-types lit-html',
    ].join('; ');
    const { page, consoleErrors, pageErrors, violations } = await pageWith(minimal);
    assert.deepEqual(await launcherStyles(page), STYLED);
    const conversation = await openAndSend(page);
    await reply(conversation, { content: 'Some **Markdown**', message_type: 'outgoing' });
    await page.locator('cw-message .markdown strong', { hasText: 'Markdown' }).waitFor();
    await imageReply(conversation);
    assert.equal(await imageLoaded(page), true);
    assert.equal(await pickPicture(page), true);
    await videoReply(conversation);
    await page.locator('cw-message', { hasText: 'A clip' }).locator('[part="attachment"]').waitFor();
    await page.waitForFunction(() => /** @type {any} */ (document.querySelector('cw-widget')).connection === 'open');
    assert.deepEqual([await violations(), pageErrors, consoleErrors], [[], [], []]);
  });

  test("script-src without the page's nonce: the bundle does not load", async () => {
    const { page, violations } = await pageWith(policy(env.standIn.info.url, { 'script-src': "'strict-dynamic'" }));
    assert.equal(await defined(page), false);
    assert.ok((await violations()).some((line) => line.startsWith('script-src-elem')));
  });

  test('trusted-types without lit-html: Lit cannot create its policy and the bundle fails', async () => {
    const { page, pageErrors, violations } = await pageWith(policy(env.standIn.info.url, { 'trusted-types': "'none'" }));
    assert.equal(await defined(page), false);
    assert.ok((await violations()).some((line) => line.startsWith('trusted-types')), 'a trusted-types violation');
    assert.ok(pageErrors.some((message) => /lit-html/.test(message)), pageErrors.join('\n'));
  });

  test('connect-src without the http(s) origin: the Client API calls are refused and the chat shows an error', async () => {
    // the ws: source alone does not cover http: in Chromium
    const socket = env.standIn.info.url.replace(/^http/, 'ws');
    const { page, violations } = await pageWith(policy(env.standIn.info.url, { 'connect-src': socket }));
    await page.locator('cw-launcher [part="button"]').click();
    await page.locator('cw-chat [part="error"]').waitFor();
    assert.ok((await violations()).some((line) => line.startsWith(`connect-src ${env.standIn.info.url}/public/api/v1/`)));
  });

  test('connect-src without the ws: origin: the live connection is refused', async () => {
    const { page, violations } = await pageWith(policy(env.standIn.info.url, { 'connect-src': env.standIn.info.url }));
    await openAndSend(page);
    await page.waitForFunction(() => /** @type {any} */ (window).__violations.some((line) => line.startsWith('connect-src ws')));
    assert.notEqual(await page.evaluate(() => /** @type {any} */ (document.querySelector('cw-widget')).connection), 'open');
    assert.ok((await violations()).every((line) => line.startsWith('connect-src ws')));
  });

  test('img-src without the Chatwoot origin: an agent picture is blocked', async () => {
    const { page, violations } = await pageWith(policy(env.standIn.info.url, { 'img-src': "'none'" }));
    const conversation = await openAndSend(page);
    await imageReply(conversation);
    const blocked = `img-src ${env.standIn.info.url}`;
    await page.waitForFunction((line) => /** @type {any} */ (window).__violations.some((item) => item.startsWith(line)), blocked);
    assert.equal(await page.locator('cw-message', { hasText: 'A picture' }).count(), 1);
    assert.equal(await page.locator('cw-message img').evaluateAll((images) => images.filter((image) => image.naturalWidth > 0).length), 0);
    assert.ok((await violations()).every((line) => line.startsWith(blocked)));
  });

  test('img-src without blob:: the preview of a picture the visitor picks is refused', async () => {
    const { page, violations } = await pageWith(policy(env.standIn.info.url, { 'img-src': env.standIn.info.url }));
    await openAndSend(page);
    assert.equal(await pickPicture(page), false);
    assert.deepEqual(await violations(), ['img-src blob']);
  });

  test('without media-src: an agent video attachment is refused', async () => {
    const { page, violations } = await pageWith(policy(env.standIn.info.url, { 'media-src': null }));
    const conversation = await openAndSend(page);
    await videoReply(conversation);
    await page.waitForFunction(() => /** @type {any} */ (window).__violations.length > 0);
    assert.ok((await violations()).every((line) => line.startsWith(`media-src ${env.standIn.info.url}/rails/active_storage/`)));
  });
});

describe('F3 the host page runs its own Lit: a second "lit-html" policy', () => {
  // what the host's own lit-html does when it loads, before the kit's bundle
  const HOST_LIT = "trustedTypes.createPolicy('lit-html', { createHTML: (html) => html });";

  test("trusted-types lit-html without 'allow-duplicates': the bundle cannot create its policy and fails", async () => {
    const { page, pageErrors } = await pageWith(policy(env.standIn.info.url), HOST_LIT);
    assert.equal(await defined(page), false);
    assert.ok(pageErrors.some((message) => /Policy with name "lit-html" already exists/.test(message)), pageErrors.join('\n'));
  });

  test("with 'allow-duplicates', as the README says, the widget loads and works", async () => {
    const { page, consoleErrors, pageErrors, violations } = await pageWith(
      policy(env.standIn.info.url, { 'trusted-types': "lit-html 'allow-duplicates'" }), HOST_LIT);
    assert.deepEqual(await launcherStyles(page), STYLED);
    const conversation = await openAndSend(page);
    await reply(conversation, { content: 'Some **Markdown**', message_type: 'outgoing' });
    await page.locator('cw-message .markdown strong', { hasText: 'Markdown' }).waitFor();
    assert.deepEqual([await violations(), pageErrors, consoleErrors], [[], [], []]);
  });
});

describe('F4 no adoptedStyleSheets: Lit falls back to <style> elements with window.litNonce', () => {
  const NO_ADOPTION = `delete Document.prototype.adoptedStyleSheets; delete ShadowRoot.prototype.adoptedStyleSheets; window.litNonce = '${NONCE}';`;

  test("with the nonce in style-src, styles apply and nothing is reported", async () => {
    const { page, consoleErrors, violations } = await pageWith(policy(env.standIn.info.url, { 'style-src': `'self' 'nonce-${NONCE}'` }), NO_ADOPTION);
    assert.equal(await page.evaluate(() => 'adoptedStyleSheets' in Document.prototype), false);
    assert.deepEqual(await launcherStyles(page), STYLED);
    await openAndSend(page);
    assert.ok(await page.evaluate(() => !!document.querySelector('cw-widget')?.shadowRoot?.querySelector(`style[nonce]`)));
    assert.deepEqual(await violations(), []);
    assert.deepEqual(consoleErrors, []);
  });

  test("with style-src 'self' alone, the fallback <style> elements are refused", async () => {
    const { page, violations } = await pageWith(policy(env.standIn.info.url), NO_ADOPTION);
    assert.ok((await violations()).some((line) => line.startsWith('style-src-elem inline')));
    assert.notDeepEqual(await launcherStyles(page), STYLED);
  });
});
