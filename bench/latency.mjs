// Latency: 500 agent messages sent through the agent API at 50 per second to an open `<cw-widget>`; for each,
// the time from its cable frame arriving in the page to the message painted. Also exports the page probe
// and the open-chat set-up that bench/reconnect.mjs uses.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { VIEWPORT } from './lib/chromium.mjs';
import { widgetPage } from './lib/page-helpers.mjs';
import { formatSpread, repeat } from './lib/stats.mjs';
import { markdownTable } from './lib/table.mjs';

const MESSAGES = 500;
const PER_SECOND = 50;
const FRAME_MS = 16;
const VISITOR_TEXT = 'Hello from the latency bench';
/** Before the burst, so that opening the chat has finished its work. */
const SETTLE_MS = 1000;

/**
 * Runs in the page before its own scripts. Stamps (page clock): every cable frame, and the first frame carrying
 * each marker in a `message.created`; socket opens and closes; `cw-connection-change`; and for each marker the
 * moment its text first shows inside a `cw-message` (a MutationObserver on the document and on every shadow
 * root, hooked in through `attachShadow`) and the moment after the next paint (the first task after the
 * next animation frame). Nothing here knows how the message list is built.
 * @param {string} pattern source of a RegExp matching the markers; each marker in a message ends with a full
 *   stop, because a node's `textContent` runs the message into the next line's text (its time, e.g. `1:55 PM`)
 */
function installProbe(pattern) {
  const marker = new RegExp(pattern, 'g');
  const probe = { frames: {}, appeared: {}, painted: {}, opens: [], closes: [], connection: [], lastFrameAt: 0 };
  Object.defineProperty(window, '__probe', { value: probe });
  const now = () => performance.now();

  window.WebSocket = class extends window.WebSocket {
    constructor(...args) {
      super(...args);
      // added before the kit's own listeners, so they run first
      this.addEventListener('open', () => probe.opens.push(now()));
      this.addEventListener('close', () => probe.closes.push(now()));
      this.addEventListener('message', (event) => {
        const at = now();
        probe.lastFrameAt = at;
        if (typeof event.data !== 'string') return;
        let frame;
        try {
          frame = JSON.parse(event.data);
        } catch {
          return;
        }
        const content = frame?.message?.event === 'message.created' ? frame.message.data?.content : undefined;
        if (typeof content !== 'string') return;
        for (const [key] of content.matchAll(marker)) probe.frames[key] ??= at;
      });
    }
  };
  addEventListener('cw-connection-change', (event) =>
    probe.connection.push({ status: event.detail.status, at: now(), lastFrameAt: probe.lastFrameAt }), true);

  const insideMessage = (node) => {
    for (let at = node; at; at = at.parentNode ?? at.host) if (at.localName === 'cw-message') return true;
    return false;
  };
  const afterNextPaint = (key) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { probe.painted[key] = now(); };
    channel.port2.postMessage(undefined);
  });
  const look = (node, text) => {
    for (const [key] of text.matchAll(marker)) {
      if (key in probe.appeared || !insideMessage(node)) continue;
      probe.appeared[key] = now();
      afterNextPaint(key);
    }
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') look(record.target, record.target.data);
      else for (const node of record.addedNodes) look(node, node.textContent ?? '');
    }
  });
  const options = { childList: true, characterData: true, subtree: true };
  observer.observe(document, options);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachObservedShadow(init) {
    const root = attachShadow.call(this, init);
    observer.observe(root, options);
    return root;
  };
}

/**
 * A fresh visitor on a page with the drop-in and the probe: the chat open, a conversation started by the
 * visitor, the socket live. Returns the page, the conversation's id and the visitor's pubsub token.
 * @param {{ server: any, browser: any, pagesDir: string }} context @param {string} pattern the probe's markers
 */
export async function openLiveChat({ server, browser, pagesDir }, pattern) {
  const { url } = server.info;
  const { inboxIdentifier } = await server.freshInbox({ message_limit_per_minute: 100_000 });
  const file = `live-${inboxIdentifier}.html`;
  await writeFile(join(pagesDir, file), widgetPage(url, inboxIdentifier, { title: 'cw-widget live' }));
  const browserContext = await browser.newContext({ viewport: VIEWPORT });
  const page = await browserContext.newPage();
  await page.addInitScript(installProbe, pattern);
  await page.goto(`${url}/${file}`);
  await page.locator('cw-launcher button').click();
  await page.evaluate((text) => document.querySelector('cw-widget').send(text), VISITOR_TEXT);
  const live = await page.waitForFunction(() => {
    const widget = document.querySelector('cw-widget');
    return widget.connection === 'open' && widget.messages[0]?.id && widget.conversation?.id
      && { conversationId: widget.conversation.id, token: widget.contact.pubsub_token };
  }, null, { timeout: 30_000 });
  await page.waitForTimeout(SETTLE_MS);
  return { page, ...(await live.jsonValue()), close: () => browserContext.close() };
}

/** Waits until every marker in `keys` has been painted; returns what the probe recorded. */
export async function waitForPainted(page, keys, timeout = 30_000) {
  await page.waitForFunction((wanted) => wanted.every((key) => key in window.__probe.painted), keys, { timeout });
  return page.evaluate(() => window.__probe);
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted, share) {
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)];
}

/** p50, p95, p99 and max of `values`, each under `name`. */
function percentiles(name, values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    [`${name}P50`]: percentile(sorted, 0.5), [`${name}P95`]: percentile(sorted, 0.95),
    [`${name}P99`]: percentile(sorted, 0.99), [`${name}Max`]: sorted.at(-1),
  };
}

/** One run: a fresh chat, the burst, and each message's frame → DOM and frame → painted times. */
async function measureRun(context, run) {
  const { server } = context;
  const chat = await openLiveChat(context, `lp${run}x\\d+`);
  try {
    const keys = Array.from({ length: MESSAGES }, (_, index) => `lp${run}x${index}`);
    const start = performance.now();
    const sends = [];
    for (const [index, key] of keys.entries()) {
      const wait = start + (index * 1000) / PER_SECOND - performance.now();
      if (wait > 0) await sleep(wait);
      sends.push(server.agentReply(chat.conversationId, `Agent message ${index + 1}, probe ${key}.`));
    }
    await Promise.all(sends);
    const probe = await waitForPainted(chat.page, keys);
    const unheard = keys.filter((key) => !(key in probe.frames));
    if (unheard.length) throw new Error(`latency: ${unheard.length} messages painted without a cable frame (${unheard[0]}…)`);
    return {
      ...percentiles('painted', keys.map((key) => probe.painted[key] - probe.frames[key])),
      ...percentiles('shown', keys.map((key) => probe.appeared[key] - probe.frames[key])),
    };
  } finally {
    await chat.close();
  }
}

const ms = (spread) => formatSpread(spread, (value) => value.toFixed(1));

export const latency = {
  name: 'latency',
  title: `Latency: ${MESSAGES} agent messages at ${PER_SECOND} per second, cable frame → painted (ms)`,
  /** @param {{ server: any, browser: any, pagesDir: string, runs: number }} context */
  async run(context) {
    return { messages: MESSAGES, perSecond: PER_SECOND, figures: await repeat(context.runs, (run) => measureRun(context, run)) };
  },

  table({ figures }) {
    const row = (label, name, goal) => [label, ms(figures[`${name}P50`]), ms(figures[`${name}P95`]),
      ms(figures[`${name}P99`]), ms(figures[`${name}Max`]), goal];
    return markdownTable(['interval, per message', 'p50', 'p95', 'p99', 'max', 'goal'], [
      row('cw-widget: cable frame → message painted', 'painted', `p95 ≤ ${FRAME_MS} (one frame)`),
      row('cw-widget: cable frame → message in the DOM', 'shown', ''),
    ]);
  },

  details({ messages }) {
    return `Each figure is the median over the runs (min–max) of that percentile over the ${messages} messages of a run. `
      + 'deep-chat has no transport of its own (the page hands it every message), so there is nothing of it to '
      + 'measure beside these: the figures are the kit\'s alone.';
  },
};
