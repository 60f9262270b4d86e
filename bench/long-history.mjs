// Long histories: a conversation of 10,000 messages in the stand-in, paged as Chatwoot pages it (20 per
// request, `before` the oldest held). For the kit: time from the first page arriving to the newest message
// painted, then every page loaded through the session; DOM nodes and JS heap after a garbage collection; and
// scrolling back through the history with the mouse wheel. deep-chat gets the same 10,000 messages as its
// `history` in the same run and is measured the same way.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VIEWPORT } from './lib/chromium.mjs';
import { DEEP_HELPERS, widgetPage } from './lib/page-helpers.mjs';
import { bundled } from './lib/sizes.mjs';
import { PEERS } from './size.mjs';
import { formatSpread, repeat } from './lib/stats.mjs';
import { markdownTable } from './lib/table.mjs';

const MESSAGES = 10_000;
const PREFIX = 'History ';
/** The goals at 10,000 messages. */
const GOALS = { nodes: 1500, heapMB: 40 };
/** Wheel scrolling: this many steps of this many pixels, one per frame. */
const WHEEL = { steps: 300, pixels: 400 };

/**
 * Runs in the page: the elements in the document and in open shadow roots (what Lighthouse's DOM size counts),
 * and every node (text and comments too: Lit marks each binding with a comment).
 */
function countNodes(root = document) {
  const count = { elements: 0, all: 0 };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    count.all++;
    if (node.nodeType === Node.ELEMENT_NODE) count.elements++;
    if (node.shadowRoot) {
      const inner = countNodes(node.shadowRoot);
      count.elements += inner.elements;
      count.all += inner.all;
    }
  }
  return count;
}

const PAGE_HELPERS = `${countNodes}\n${DEEP_HELPERS}`;
const NEWEST = `${PREFIX}${MESSAGES - 1}`;

const DEEP_CHAT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>deep-chat long history</title>
<link rel="icon" href="data:,"><script type="module" src="/deep-chat.js"></script></head>
<body><deep-chat style="font-family: sans-serif; width: 400px; height: 640px"></deep-chat></body></html>\n`;

/** A returning visitor whose conversation holds 10,000 messages: the visitor's first, then 9,999 from the agent. */
async function longConversation(context) {
  const { server, browser } = context;
  const { inboxIdentifier } = await server.freshInbox();
  const file = `history-${inboxIdentifier}.html`;
  await writeFile(join(context.pagesDir, file), widgetPage(server.info.url, inboxIdentifier, { title: 'long history', open: true }));
  const browserContext = await browser.newContext({ viewport: VIEWPORT });
  const page = await browserContext.newPage();
  await page.goto(`${server.info.url}/${file}`);
  await page.evaluate(() => document.querySelector('cw-widget').send('The first message'));
  const sent = await page.waitForFunction(() => {
    const widget = document.querySelector('cw-widget');
    return widget.messages[0]?.id && widget.conversation?.id;
  }, null, { timeout: 30_000 });
  const conversationId = await sent.jsonValue();
  const storage = await browserContext.storageState();
  await browserContext.close();
  // after the visitor's message, as ids and times grow together; 10 ms apart, so they end about 100 s from now
  await server.seedMessages(conversationId, { count: MESSAGES - 1, content_prefix: PREFIX, interval_seconds: 0.01 });
  return { file, storage };
}

/** Heap and node counts as the browser keeps them, after a full garbage collection. */
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((entry) => entry.name === name)?.value ?? 0;
  await cdp.detach();
  return { heapMB: metric('JSHeapUsedSize') / 2 ** 20, treeNodes: await page.evaluate(`(() => { ${PAGE_HELPERS}; return countNodes(); })()`) };
}

/**
 * Wheel-scrolls back `WHEEL.steps` times over the element at `point`, one step per frame, recording every
 * frame's interval: how smooth it was, and how far back it got.
 */
async function scrollBack(page, point, reached) {
  await page.mouse.move(point.x, point.y);
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__frames.length < 100_000 && !window.__stopFrames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  for (let step = 0; step < WHEEL.steps; step++) {
    await page.mouse.wheel(0, -WHEEL.pixels);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
  const frames = await page.evaluate(() => {
    window.__stopFrames = true;
    return window.__frames.slice(1);
  });
  frames.sort((a, b) => a - b);
  return {
    frameP95: frames[Math.floor(frames.length * 0.95)] ?? 0,
    longFrames: frames.filter((ms) => ms > 50).length,
    reached: await page.evaluate(reached),
    after: await page.evaluate(`(() => { ${PAGE_HELPERS}; return countNodes(); })()`),
  };
}

async function measureWidget(context, visitor) {
  const { browser, server } = context;
  const browserContext = await browser.newContext({ viewport: VIEWPORT, storageState: visitor.storage });
  const page = await browserContext.newPage();
  await page.goto(`${server.info.url}/${visitor.file}`, { waitUntil: 'commit' });
  const painted = await page.waitForFunction(`(() => { ${PAGE_HELPERS}; return deepText().includes(${JSON.stringify(NEWEST)}) && performance.now(); })()`,
    null, { polling: 'raf', timeout: 30_000 });
  const paintedAt = await painted.jsonValue();
  // Chatwoot embeds the conversation's messages in the conversation itself: that answer is the first page
  const firstPageAt = await page.evaluate(() => performance.getEntriesByType('resource')
    .find((entry) => /\/contacts\/[^/]+\/conversations(\/\d+)?$/.test(new URL(entry.name).pathname))?.responseEnd ?? NaN);
  const loadedIn = await page.evaluate(async () => {
    const session = document.querySelector('cw-widget').session;
    const started = performance.now();
    // the list may be loading a page itself (its top came into view): wait for it rather than spin
    const idle = () => new Promise((resolve) => setTimeout(resolve, 5));
    while (session.store.state.hasOlder) await (session.store.state.loadingOlder ? idle() : session.loadOlder());
    return { ms: performance.now() - started, held: session.store.state.messages.length };
  });
  if (loadedIn.held !== MESSAGES) throw new Error(`the session holds ${loadedIn.held} messages, not ${MESSAGES}`);
  await page.waitForTimeout(500);
  const after = await memory(page);
  const log = await page.evaluateHandle(`(() => { ${PAGE_HELPERS}; return deepFind('[part="log"]'); })()`);
  const box = await log.boundingBox();
  const scrolled = await scrollBack(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    `(() => { ${PAGE_HELPERS}; const list = deepFind('cw-message-list');
      const first = list.shadowRoot.querySelector('cw-message'); return ${MESSAGES} - Number(first?.message?.content?.replace(${JSON.stringify(PREFIX)}, '') ?? 0); })()`);
  const whileScrolled = await memory(page);
  await browserContext.close();
  return {
    firstPageToNewestMs: paintedAt - firstPageAt, allPagesMs: loadedIn.ms, elements: after.treeNodes.elements, nodes: after.treeNodes.all,
    heapMB: after.heapMB, elementsAfterScroll: whileScrolled.treeNodes.elements, nodesAfterScroll: whileScrolled.treeNodes.all, frameP95: scrolled.frameP95, longFrames: scrolled.longFrames, scrolledBack: scrolled.reached,
  };
}

async function measureDeepChat(context) {
  const { browser, server } = context;
  const browserContext = await browser.newContext({ viewport: VIEWPORT });
  const page = await browserContext.newPage();
  await page.goto(`${server.info.url}/deep-chat-history.html`);
  await page.waitForFunction(() => document.querySelector('deep-chat')?.shadowRoot);
  const { startedAt, paintedAt } = await page.evaluate(async ({ count, prefix }) => {
    const history = [{ role: 'user', text: 'The first message' }];
    for (let index = 1; index < count; index++) history.push({ role: 'ai', text: `${prefix}${index}` });
    const chat = document.querySelector('deep-chat');
    chat.connect = { handler: () => {} };
    const started = performance.now();
    chat.history = history;
    const newest = `${prefix}${count - 1}`;
    await new Promise((resolve) => {
      const check = () => (chat.shadowRoot.textContent?.includes(newest) || [...chat.shadowRoot.querySelectorAll('*')].some((element) => element.textContent === newest)
        ? resolve() : requestAnimationFrame(check));
      requestAnimationFrame(check);
    });
    return { startedAt: started, paintedAt: performance.now() };
  }, { count: MESSAGES, prefix: PREFIX });
  await page.waitForTimeout(500);
  const after = await memory(page);
  const box = await page.locator('deep-chat').boundingBox();
  const scrolled = await scrollBack(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, `(() => {
    const container = document.querySelector('deep-chat').shadowRoot.querySelector('#messages');
    const bubbles = [...container.querySelectorAll('.message-bubble')];
    const top = container.getBoundingClientRect().top;
    const firstVisible = bubbles.find((bubble) => bubble.getBoundingClientRect().bottom > top);
    const number = Number(firstVisible?.textContent?.replace(${JSON.stringify(PREFIX)}, ''));
    return Number.isFinite(number) ? ${MESSAGES} - number : NaN; })()`);
  await browserContext.close();
  return {
    firstPageToNewestMs: paintedAt - startedAt, allPagesMs: 0, elements: after.treeNodes.elements, nodes: after.treeNodes.all,
    heapMB: after.heapMB, elementsAfterScroll: scrolled.after.elements, nodesAfterScroll: scrolled.after.all, frameP95: scrolled.frameP95, longFrames: scrolled.longFrames, scrolledBack: scrolled.reached,
  };
}

export const longHistory = {
  name: 'long-history',
  title: `Long history: ${MESSAGES.toLocaleString('en-US')} messages`,
  /** @param {{ server: any, browser: any, pagesDir: string, runs: number, log: (text: string) => void }} context */
  async run(context) {
    await writeFile(join(context.pagesDir, 'deep-chat-history.html'), DEEP_CHAT_PAGE);
    await writeFile(join(context.pagesDir, 'deep-chat.js'), await bundled({ source: PEERS.deepChat.source }));
    const visitor = await longConversation(context);
    // deep-chat takes over a minute per run to paint 10,000 messages: three runs at most for both
    const runs = Math.min(context.runs, 3);
    const kit = await repeat(runs, () => measureWidget(context, visitor));
    const deepChat = await repeat(runs, () => measureDeepChat(context));
    return { messages: MESSAGES, goals: GOALS, wheel: WHEEL, runs, kit, deepChat };
  },
  table({ kit, deepChat, goals }) {
    const ms = (spread) => formatSpread(spread);
    const mb = (spread) => formatSpread(spread, (value) => value.toFixed(1));
    const rows = [
      ['first page arrived → newest painted (ms)', ms(kit.firstPageToNewestMs), `${ms(deepChat.firstPageToNewestMs)} (history set → painted)`, ''],
      ['all 500 pages loaded through the session (ms)', ms(kit.allPagesMs), 'given at once', ''],
      ['DOM elements (document + shadow roots, as Lighthouse counts)', ms(kit.elements), ms(deepChat.elements), `goal < ${goals.nodes.toLocaleString('en-US')}`],
      ['DOM nodes of every kind (text, Lit\'s comment markers)', ms(kit.nodes), ms(deepChat.nodes), `goal < ${goals.nodes.toLocaleString('en-US')}`],
      ['DOM elements / all nodes after scrolling back', `${ms(kit.elementsAfterScroll)} / ${ms(kit.nodesAfterScroll)}`,
        `${ms(deepChat.elementsAfterScroll)} / ${ms(deepChat.nodesAfterScroll)}`, ''],
      ['JS heap after GC (MB)', mb(kit.heapMB), mb(deepChat.heapMB), `goal < ${goals.heapMB} MB`],
      [`wheel scrolling back (${WHEEL.steps} × ${WHEEL.pixels} px): frame p95 (ms)`, mb(kit.frameP95), mb(deepChat.frameP95), 'one frame is 16.7 ms'],
      ['frames over 50 ms while scrolling', ms(kit.longFrames), ms(deepChat.longFrames), ''],
      ['messages scrolled back', ms(kit.scrolledBack), ms(deepChat.scrolledBack), ''],
    ];
    return markdownTable(['figure', 'chatwoot-elements', 'deep-chat 2.4.2', 'note'], rows, ['l', 'r', 'r', 'l']);
  },
};
