// Reconnect: how soon an open `<cw-widget>` is whole again (a) after the stand-in drops its socket while the
// agent sends messages the socket never carries, and (b) after the server goes silent without closing: how
// long until the kit notices, and until it is live again once the server answers.
import { openLiveChat, waitForPainted } from './latency.mjs';
import { formatSpread, repeat } from './lib/stats.mjs';
import { markdownTable } from './lib/table.mjs';

const MISSED = 20;
/** New sockets are refused this long after the drop, so the messages really are missed. */
const REFUSE_MS = 1000;
/** The silent server also refuses new sockets until this long after the kit noticed. */
const SILENT_AFTER_NOTICE_MS = 2000;
const MISSED_GOAL_MS = 1000;
const NOTICE_GOAL_MS = 6000;

/** The first connection change to `status` after the first `from` changes. */
async function connectionChange(page, from, status, timeout = 30_000) {
  const handle = await page.waitForFunction(([skip, wanted]) =>
    window.__probe.connection.slice(skip).find((change) => change.status === wanted), [from, status], { timeout });
  return handle.jsonValue();
}

const changesSoFar = (page) => page.evaluate(() => window.__probe.connection.length);

/** (a) The socket dropped, new ones refused for a moment, the agent's messages sent meanwhile. */
async function dropped({ server }, chat, run) {
  const { page, conversationId, token } = chat;
  const opensBefore = await page.evaluate(() => window.__probe.opens.length);
  await server.fault({ kind: 'refuse-connections', ms: REFUSE_MS });
  await server.fault({ kind: 'drop-sockets', mode: 'close', token });
  const keys = Array.from({ length: MISSED }, (_, index) => `rc${run}x${index}`);
  for (const [index, key] of keys.entries()) {
    await server.agentReply(conversationId, `Sent while the socket was down ${index + 1}, probe ${key}.`);
  }
  const probe = await waitForPainted(page, keys);
  const lastPainted = Math.max(...keys.map((key) => probe.painted[key]));
  const reopened = probe.opens.slice(opensBefore).filter((at) => at <= lastPainted).at(-1);
  const closed = probe.closes.find((at) => at >= probe.opens[opensBefore - 1]);
  await page.waitForFunction(() => document.querySelector('cw-widget').connection === 'open', null, { timeout: 30_000 });
  return {
    openToMissedPainted: lastPainted - reopened,
    closedToOpen: reopened - closed,
    heardLive: keys.filter((key) => key in probe.frames).length,
  };
}

/** (b) The server stops sending on the socket (pings too) and refuses new ones until 2 s after the kit noticed. */
async function silent({ server }, chat) {
  const { page, token } = chat;
  const from = await changesSoFar(page);
  await server.fault({ kind: 'refuse-connections', ms: 120_000 });
  await server.fault({ kind: 'silence', token });
  const noticed = await connectionChange(page, from, 'connecting');
  await page.waitForTimeout(SILENT_AFTER_NOTICE_MS);
  await server.clearFaults();
  const answeredAt = await page.evaluate(() => performance.now());
  const live = await connectionChange(page, from, 'open');
  const opened = await page.evaluate((before) => window.__probe.opens.filter((at) => at <= before).at(-1), live.at);
  return {
    lastFrameToNotice: noticed.at - noticed.lastFrameAt,
    answerToLive: live.at - answeredAt,
    openToLive: live.at - opened,
  };
}

const ms = (spread) => formatSpread(spread, (value) => Math.round(value).toLocaleString('en'));

export const reconnect = {
  name: 'reconnect',
  title: 'Reconnect: a dropped socket and a silent server (ms)',
  /** @param {{ server: any, browser: any, pagesDir: string, runs: number }} context */
  async run(context) {
    const figures = await repeat(context.runs, async (run) => {
      const chat = await openLiveChat(context, `rc${run}x\\d+`);
      try {
        return { ...(await dropped(context, chat, run)), ...(await silent(context, chat)) };
      } finally {
        await chat.close();
      }
    });
    return { missed: MISSED, refuseMs: REFUSE_MS, silentAfterNoticeMs: SILENT_AFTER_NOTICE_MS, figures };
  },

  table({ figures: f, missed, refuseMs, silentAfterNoticeMs }) {
    return markdownTable(['interval', 'ms, median (min–max)', 'goal'], [
      [`socket dropped, ${missed} agent messages missed: new socket open → last missed message painted`, ms(f.openToMissedPainted), `< ${MISSED_GOAL_MS.toLocaleString('en')}`],
      [`socket dropped (new sockets refused for ${refuseMs.toLocaleString('en')} ms): socket closed → new socket open`, ms(f.closedToOpen), ''],
      ['server silent, socket left open: last frame → kit notices (connection leaves `open`)', ms(f.lastFrameToNotice), `≤ ${NOTICE_GOAL_MS.toLocaleString('en')}`],
      [`server silent until ${silentAfterNoticeMs.toLocaleString('en')} ms after the kit noticed: server answers again → live again`, ms(f.answerToLive), ''],
      ['server silent: new socket open → live again (subscribed, caught up)', ms(f.openToLive), ''],
    ], ['l', 'r', 'r']);
  },

  details({ figures, missed }) {
    const heard = figures.heardLive;
    return `Messages of the outage that reached the page over the socket anyway: ${formatSpread(heard)} of ${missed} `
      + '(0 means all came through the catch-up). deep-chat has no transport of its own, so there is nothing of '
      + 'it to set beside these: the figures are the kit\'s alone.';
  },
};
