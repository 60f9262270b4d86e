// Start-up: requests, bytes and time from page load to a usable launcher (new and returning visitor), from
// opening the chat to the conversation shown (returning visitor) or the composer ready (new visitor), and
// deep-chat's page load to a usable input, measured the same way in the same run.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withoutHash } from './lib/build.mjs';
import { VIEWPORT, recordBodies, requestsBetween } from './lib/chromium.mjs';
import { DEEP_HELPERS, widgetPage } from './lib/page-helpers.mjs';
import { bundled, compressed, formatBytes } from './lib/sizes.mjs';
import { PEERS } from './size.mjs';
import { clientRequests } from './lib/stand-in.mjs';
import { formatSpread, repeat } from './lib/stats.mjs';
import { markdownTable } from './lib/table.mjs';

const VISITOR_TEXT = 'Hello from the bench';
const AGENT_TEXT = 'An answer from the bench';
const SETTLE_MS = 1000;

/** Waits (frame by frame) until `condition` holds in the page; returns the page's clock at that moment. */
async function timeUntil(page, condition) {
  const handle = await page.waitForFunction(`(() => { ${DEEP_HELPERS}; return (${condition}) ? performance.now() : false; })()`,
    null, { polling: 'raf', timeout: 30_000 });
  return handle.jsonValue();
}

const LAUNCHER_READY = `(() => { const button = deepFind('cw-launcher')?.shadowRoot?.querySelector('button');
  return button && button.getBoundingClientRect().width > 0 && customElements.get('cw-chat'); })()`;
const BADGE_SHOWN = `deepFind('cw-launcher')?.shadowRoot?.querySelector('[part="badge"]')`;
const CONVERSATION_SHOWN = `deepText().includes(${JSON.stringify(VISITOR_TEXT)}) && deepText().includes(${JSON.stringify(AGENT_TEXT)})`;
const COMPOSER_READY = `(() => { const input = deepFind('cw-composer')?.shadowRoot?.querySelector('textarea');
  return input && !input.disabled && input.getBoundingClientRect().height > 0; })()`;
const DEEP_CHAT_READY = `(() => { const input = document.querySelector('deep-chat')?.shadowRoot?.querySelector('#text-input');
  return input && input.getBoundingClientRect().height > 0; })()`;

// As the peers survey drove it: a connect handler (else it shows a "connect to an API" bubble) and a font (else it
// asks a font CDN for a stylesheet).
const DEEP_CHAT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>deep-chat start-up</title>
<link rel="icon" href="data:,"><script type="module" src="/deep-chat.js"></script>
<script type="module">const chat = document.querySelector('deep-chat');
chat.connect = { handler: () => {} }; chat.style.fontFamily = 'sans-serif';</script></head>
<body><deep-chat></deep-chat></body></html>\n`;

/** How many requests, how many of them JavaScript files, and the bytes of those files. */
function summarize(urls, bodies) {
  const scripts = urls.filter((url) => new URL(url).pathname.endsWith('.js'));
  const sizes = scripts.map((url) => compressed(bodies.get(url) ?? Buffer.alloc(0)));
  return {
    requests: urls.length,
    scripts: scripts.length,
    jsBytes: sizes.reduce((sum, size) => sum + size.min, 0),
    jsGzip: sizes.reduce((sum, size) => sum + size.gzip, 0),
    // the page's own files; the API calls are listed by route from the stand-in's counters
    files: urls.map((url) => new URL(url).pathname).filter((path) => !path.startsWith('/public/api/')).map(shortPath),
  };
}

/** `/chunks/parts-a1B2c3D4.js` → `/chunks/parts.js`; a generated page → what it is. */
function shortPath(path) {
  return withoutHash(path).replace(/^\/(new|returning)-\w+\.html$/, '/$1-visitor page');
}

/** A contact with a conversation and an unread agent reply, as a returning visitor has: its browser storage. */
async function returningVisitor(context, server) {
  const { url } = server.info;
  const { inboxIdentifier } = await server.freshInbox();
  const file = `returning-${inboxIdentifier}.html`;
  await writeFile(join(context.pagesDir, file), widgetPage(url, inboxIdentifier, { title: 'cw-widget start-up' }));
  const browserContext = await context.browser.newContext({ viewport: VIEWPORT });
  const page = await browserContext.newPage();
  await page.goto(`${url}/${file}`);
  await page.evaluate((text) => document.querySelector('cw-widget').send(text), VISITOR_TEXT);
  const sent = await page.waitForFunction(() => {
    const widget = document.querySelector('cw-widget');
    // the reply must come once the socket listens, or this page never hears of it
    return widget.messages[0]?.id && widget.connection === 'open' && widget.conversation?.id;
  }, null, { timeout: 30_000 });
  const conversationId = await sent.jsonValue();
  await server.agentReply(conversationId, AGENT_TEXT);
  await timeUntil(page, BADGE_SHOWN);
  const storage = await browserContext.storageState();
  await browserContext.close();
  return { file, storage };
}

/** One page load of `file` in a fresh context; then, optionally, opening the chat. */
async function loadPage(context, { file, storage, ready, after, open }) {
  const { server, browser } = context;
  const browserContext = await browser.newContext({ viewport: VIEWPORT, storageState: storage });
  const page = await browserContext.newPage();
  const recorder = recordBodies(page);
  const before = await server.stats();
  await page.goto(`${server.info.url}/${file}`, { waitUntil: 'commit' });
  const readyAt = await timeUntil(page, ready);
  const afterAt = after ? await timeUntil(page, after) : undefined;
  await page.waitForTimeout(SETTLE_MS);
  const loaded = {
    page: summarize(await requestsBetween(page, 0, readyAt), await recorder.all()),
    settled: summarize(await requestsBetween(page, 0), await recorder.all()),
  };
  const loadApi = clientRequests(before, await server.stats());
  let opened;
  if (open) {
    const beforeOpen = await server.stats();
    const clickedAt = await page.evaluate(() => performance.now());
    await page.locator('cw-launcher button').click();
    const shownAt = await timeUntil(page, open);
    await page.waitForTimeout(SETTLE_MS);
    const urls = await requestsBetween(page, clickedAt);
    opened = { ms: shownAt - clickedAt, page: summarize(urls, await recorder.all()), api: clientRequests(beforeOpen, await server.stats()) };
  }
  await browserContext.close();
  return { readyMs: readyAt, afterMs: afterAt, loaded, loadApi, opened };
}

/** Median figures of one scenario over the runs, and the files and API routes of the last run. */
async function scenario(context, make) {
  let last;
  const figures = await repeat(context.runs, async (run) => {
    last = await make(run);
    const result = {
      ms: last.readyMs,
      requests: last.loaded.page.requests,
      scripts: last.loaded.page.scripts,
      jsBytes: last.loaded.page.jsBytes,
      jsGzip: last.loaded.page.jsGzip,
      settledRequests: last.loaded.settled.requests,
      apiRequests: last.loadApi.total,
      sockets: last.loadApi.sockets,
    };
    if (last.afterMs !== undefined) result.afterMs = last.afterMs;
    if (last.opened) {
      Object.assign(result, {
        openMs: last.opened.ms, openRequests: last.opened.page.requests, openScripts: last.opened.page.scripts,
        openJsBytes: last.opened.page.jsBytes, openJsGzip: last.opened.page.jsGzip,
        openApiRequests: last.opened.api.total, openSockets: last.opened.api.sockets,
      });
    }
    return result;
  });
  return {
    figures,
    lastRun: {
      loadFiles: last.loaded.settled.files, loadApi: last.loadApi.counts,
      openFiles: last.opened?.page.files, openApi: last.opened?.api.counts,
    },
  };
}

export const startup = {
  name: 'startup',
  title: 'Start-up: requests, bytes and time',
  /** @param {{ server: any, browser: any, pagesDir: string, runs: number }} context */
  async run(context) {
    const { server } = context;
    await writeFile(join(context.pagesDir, 'deep-chat.html'), DEEP_CHAT_PAGE);
    // deep-chat as the size table measures it: esbuild-minified, one file
    await writeFile(join(context.pagesDir, 'deep-chat.js'), await bundled({ source: PEERS.deepChat.source }));

    const newVisitor = await scenario(context, async () => {
      const { inboxIdentifier } = await server.freshInbox();
      const file = `new-${inboxIdentifier}.html`;
      await writeFile(join(context.pagesDir, file), widgetPage(server.info.url, inboxIdentifier, { title: 'cw-widget start-up' }));
      return loadPage(context, { file, ready: LAUNCHER_READY, open: COMPOSER_READY });
    });
    // made before the timed runs, so that no run shares the machine with the browser that prepared it
    const visitors = [];
    for (let run = 0; run < context.runs; run++) visitors.push(await returningVisitor(context, server));
    const returning = await scenario(context, (run) =>
      loadPage(context, { ...visitors[run], ready: LAUNCHER_READY, after: BADGE_SHOWN, open: CONVERSATION_SHOWN }));
    const deepChat = await scenario(context, () => loadPage(context, { file: 'deep-chat.html', ready: DEEP_CHAT_READY }));
    return { newVisitor, returning, deepChat };
  },

  /** The start-up table: one row per interval, deep-chat's page load beside ours, and the ratios. */
  table({ newVisitor, returning, deepChat }) {
    const ms = (spread) => formatSpread(spread);
    const count = (spread) => formatSpread(spread);
    const bytes = (raw, gzip) => `${formatBytes(raw.median)} / ${formatBytes(gzip.median)}`;
    const n = newVisitor.figures;
    const r = returning.figures;
    const d = deepChat.figures;
    const rows = [
      ['cw-widget, new visitor: page load → launcher usable', count(n.requests), count(n.scripts), bytes(n.jsBytes, n.jsGzip), count(n.apiRequests), count(n.sockets), ms(n.ms)],
      ['cw-widget, new visitor: open → composer ready', count(n.openRequests), count(n.openScripts), bytes(n.openJsBytes, n.openJsGzip), count(n.openApiRequests), count(n.openSockets), ms(n.openMs)],
      ['cw-widget, returning: page load → launcher usable', count(r.requests), count(r.scripts), bytes(r.jsBytes, r.jsGzip), '', '', ms(r.ms)],
      ['cw-widget, returning: page load → unread badge (settled)', count(r.settledRequests), '', '', count(r.apiRequests), count(r.sockets), ms(r.afterMs)],
      ['cw-widget, returning: open → conversation shown', count(r.openRequests), count(r.openScripts), bytes(r.openJsBytes, r.openJsGzip), count(r.openApiRequests), count(r.openSockets), ms(r.openMs)],
      ['deep-chat 2.4.2: page load → input usable', count(d.requests), count(d.scripts), bytes(d.jsBytes, d.jsGzip), '–', '–', ms(d.ms)],
    ];
    const ratio = (a, b) => `${(a / b).toFixed(1)}×`;
    const ratios = [
      ['deep-chat ÷ cw-widget (new visitor, page load)', '', '', `${ratio(d.jsBytes.median, n.jsBytes.median)} / ${ratio(d.jsGzip.median, n.jsGzip.median)}`, '', '', ratio(d.ms.median, n.ms.median)],
    ];
    return markdownTable(
      ['interval', 'requests', 'JS files', 'JS bytes (raw / gzip -9)', 'Chatwoot API requests', 'sockets opened', 'ms, median (min–max)'],
      [...rows, ...ratios],
    );
  },

  /** Which files and API routes each interval used (last run), so an unneeded request is easy to spot. */
  details({ newVisitor, returning, deepChat }) {
    const list = (items) => (items?.length ? items.join(', ') : 'none');
    const routes = (counts) => list(Object.entries(counts ?? {}).map(([route, times]) => `${route} ×${times}`));
    return [
      'Files and Chatwoot API routes per interval (last run):',
      '',
      `- new visitor, page load: files ${list(newVisitor.lastRun.loadFiles)}; API ${routes(newVisitor.lastRun.loadApi)}`,
      `- new visitor, open: files ${list(newVisitor.lastRun.openFiles)}; API ${routes(newVisitor.lastRun.openApi)}`,
      `- returning, page load: files ${list(returning.lastRun.loadFiles)}; API ${routes(returning.lastRun.loadApi)}`,
      `- returning, open: files ${list(returning.lastRun.openFiles)}; API ${routes(returning.lastRun.openApi)}`,
      `- deep-chat, page load: files ${list(deepChat.lastRun.loadFiles)}`,
    ].join('\n');
  },
};
