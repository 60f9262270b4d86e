// What visitors cost a Chatwoot server (issue "Scale"): requests and sockets counted on the stand-in for
// (a) new visitors who never open the chat, (b) a returning visitor opening 5 tabs, (c) the tab that owns
// the socket closing during an agent's burst of 50 messages — beside what Chatwoot's own widget does
// in the same scenarios (one contact session per new visitor, one socket and a presence ping every 20 s
// per tab; CLIENT_API.md §9.3, RELIABILITY.md §1.6).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PRESENCE_PER_MINUTE = 3; // update_presence every 20 s, on every socket

async function control(info, method, path, body) {
  const response = await fetch(`${info.url}${path}`, {
    method, headers: { 'content-type': 'application/json', api_access_token: info.agentToken },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

const visitorRequests = (stats) => Object.entries(stats.requests)
  .filter(([key]) => !key.startsWith('agent.')).reduce((sum, [, count]) => sum + count, 0);

async function counted(info, action) {
  await control(info, 'DELETE', '/__standin/stats');
  const extra = await action();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const stats = await control(info, 'GET', '/__standin/stats');
  return {
    requests: visitorRequests(stats),
    contacts: stats.requests['contacts.create'] ?? 0,
    sockets: stats.sockets.opened,
    ...extra,
  };
}

function pageFor(directory, info) {
  writeFileSync(join(directory, 'scale.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="data:,"><script type="module" src="/chatwoot-elements.js"></script></head>
<body><p>A page with the drop-in.</p>
<cw-widget base-url="${info.url}" inbox="${info.inboxIdentifier}"></cw-widget></body></html>`);
  return `${info.url}/scale.html`;
}

async function launcherShown(page) {
  await page.waitForFunction(() => document.querySelector('cw-widget')?.shadowRoot?.querySelector('cw-launcher')
    ?.shadowRoot?.querySelector('button'), undefined, { timeout: 15_000 });
}

/** (a) `views` page views by new visitors (fresh storage each) who never open the chat. */
async function newVisitors(browser, info, url, views) {
  return counted(info, async () => {
    for (let view = 0; view < views; view++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      await launcherShown(page);
      await context.close();
    }
    return {};
  });
}

/** A visitor with a stored contact and an open conversation, in `context`; returns the conversation id. */
async function returningVisitor(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await launcherShown(page);
  await page.evaluate(async () => {
    const widget = document.querySelector('cw-widget');
    widget.open();
    await widget.send('Hello, I have a question');
  });
  const conversationId = await page.waitForFunction(() => {
    const widget = document.querySelector('cw-widget');
    return widget.messages[0]?.id ? widget.conversation.id : undefined;
  }, undefined, { timeout: 15_000 });
  const id = await conversationId.jsonValue();
  await page.close();
  return id;
}

async function openTabs(context, url, count) {
  const pages = await Promise.all(Array.from({ length: count }, () => context.newPage()));
  await Promise.all(pages.map((page) => page.goto(url)));
  await Promise.all(pages.map((page) => page.waitForFunction(() => document.querySelector('cw-widget')?.connection === 'open',
    undefined, { timeout: 15_000 })));
  return pages;
}

/** (b) A returning visitor (open conversation) opening 5 tabs. */
async function fiveTabs(browser, info, url) {
  const context = await browser.newContext();
  await returningVisitor(context, url);
  const result = await counted(info, async () => {
    await openTabs(context, url, 5);
    return {};
  });
  await context.close();
  return result;
}

/** (c) The owning tab closes during an agent's burst of 50 messages: time to a new owner, messages kept. */
async function handover(browser, info, url) {
  const context = await browser.newContext();
  const conversationId = await returningVisitor(context, url);
  const pages = await openTabs(context, url, 3);
  // close the tab that owns the socket: put it first
  const owners = await Promise.all(pages.map((page) => page.evaluate(() => document.querySelector('cw-widget').session.ownsConnection)));
  pages.unshift(...pages.splice(owners.indexOf(true), 1));
  let handoverMs = 0;
  const result = await counted(info, async () => {
    for (let index = 1; index <= 50; index++) {
      if (index === 20) {
        const before = (await control(info, 'GET', '/__standin/stats')).sockets.opened;
        const closedAt = performance.now();
        await pages[0].close();
        while ((await control(info, 'GET', '/__standin/stats')).sockets.opened === before && performance.now() - closedAt < 10_000) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        handoverMs = Math.round(performance.now() - closedAt);
      }
      await control(info, 'POST', `/api/v1/accounts/${info.accountId}/conversations/${conversationId}/messages`,
        { content: `burst ${index}`, message_type: 'outgoing' });
    }
    const counts = [];
    for (const page of pages.slice(1)) {
      await page.waitForFunction(() => document.querySelector('cw-widget').messages.filter((message) => message.message_type === 1).length >= 50,
        undefined, { timeout: 20_000 }).catch(() => undefined);
      counts.push(await page.evaluate(() => new Set(document.querySelector('cw-widget').messages
        .filter((message) => message.message_type === 1).map((message) => message.id)).size));
    }
    return { handoverMs, messagesPerTab: counts };
  });
  await context.close();
  return result;
}

/** Runs the three scenarios. `startStandIn` and `chromium` come from the caller (bench/run.mjs or the CLI). */
export async function measureScale({ startStandIn, chromium, chromePath, distDir, views = 100 }) {
  const pages = mkdtempSync(join(tmpdir(), 'cw-scale-'));
  const standIn = await startStandIn({ host: '127.0.0.1', port: 0, staticDirs: [pages, distDir] });
  const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox', '--disable-gpu',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const url = pageFor(pages, standIn.info);
    const a = await newVisitors(browser, standIn.info, url, views);
    const b = await fiveTabs(browser, standIn.info, url);
    const c = await handover(browser, standIn.info, url);
    return {
      newVisitors: { views, kit: a, chatwootWidget: { contacts: views, sockets: views, presencePerMinute: views * PRESENCE_PER_MINUTE } },
      fiveTabs: { kit: { ...b, presencePerMinute: PRESENCE_PER_MINUTE }, chatwootWidget: { sockets: 5, presencePerMinute: 5 * PRESENCE_PER_MINUTE } },
      handover: { kit: c, chatwootWidget: { sockets: 3, note: 'each tab keeps its own socket; no handover' } },
    };
  } finally {
    await browser.close();
    await standIn.close();
  }
}

// `node bench/scale.mjs`: the three scenarios alone (needs a built dist/).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { startStandIn } = await import('../server/index.js');
  const { chromium } = await import('playwright-core');
  const distDir = new URL('../dist', import.meta.url).pathname;
  const result = await measureScale({ startStandIn, chromium, chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', distDir,
    views: Number(process.env.VIEWS ?? 100) });
  console.log(JSON.stringify(result, null, 2));
}
