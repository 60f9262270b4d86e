// RELIABILITY.md §3 D1/D2: hostile cable frames mixed with valid messages, and a server that does not speak
// the ActionCable subprotocol. Real ChatSession and <cw-message-list> against the stand-in.
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/message-list/message-list.js';
import '../../components/widget/widget.js';
import type { CwWidget } from '../../components/widget/widget.js';
import type { CwMessage } from '../../components/message/message.js';
import type { CwMessageList } from '../../components/message-list/message-list.js';
import { en } from '../../components/shared/english.js';
import { ChatSession } from '../../services/chat-session.js';
import { MemoryStorage } from '../../services/session-storage.js';
import { deepQueryAll, deepText } from '../helpers/deep-query.js';
import { createTestSession, fixtureWithSession } from '../helpers/fixtures.js';
import { addFault, agent, clearFaults, freshInbox, pause, standIn, stats, waitFor } from '../helpers/stand-in.js';

const HOSTILE_FRAMES = 1000;
const VALID_MESSAGES = 50;
const ROUNDS = 5;

const sessions: ChatSession[] = [];
const widgets: CwWidget[] = [];

/** Window errors and unhandled rejections while `run` runs, and long tasks over 200 ms. */
async function watching<T>(run: () => Promise<T>) {
  const errors: string[] = [];
  const longTasks: number[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.duration > 200) longTasks.push(Math.round(entry.duration));
  });
  observer.observe({ type: 'longtask' });
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    return { result: await run(), errors, longTasks };
  } finally {
    observer.disconnect();
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
}

async function liveConversation(session: ChatSession): Promise<number> {
  await session.start();
  await session.send('Hello');
  const mine = await waitFor(() => session.store.state.messages.find((message) => message.id && message.delivery === 'sent'), 'the first message');
  await waitFor(() => session.store.state.connection === 'open', 'the live connection');
  return mine.conversation_id;
}

describe('protocol robustness', () => {
  afterEach(async () => {
    for (const session of sessions.splice(0)) session.dispose();
    for (const widget of widgets.splice(0)) widget.remove();
    await clearFaults();
  });

  it('shows all 50 valid messages among 1,000 hostile frames, counts each hostile frame and stays connected', async function () {
    this.timeout(60_000);
    const session = await createTestSession();
    sessions.push(session);
    // every message rendered at once (by default the list keeps a window of 40 in the DOM)
    const list = await fixtureWithSession<HTMLElement>(html`<cw-message-list window-size="0"></cw-message-list>`, session);
    const conversationId = await liveConversation(session);
    const token = session.store.state.contact!.pubsub_token;
    const opened = (await stats()).sockets.opened;
    const expected = Array.from({ length: VALID_MESSAGES }, (_, index) => `valid message ${index + 1}`);
    const { errors, longTasks } = await watching(async () => {
      for (let round = 0; round < ROUNDS; round++) {
        await addFault({ kind: 'malformed', count: HOSTILE_FRAMES / ROUNDS, token, seed: round + 1 });
        const batch = expected.slice(round * 10, round * 10 + 10);
        for (const content of batch) await agent.reply(conversationId, content);
      }
      await waitFor(() => session.malformedFrames >= HOSTILE_FRAMES, 'every hostile frame', 20_000);
      await waitFor(() => expected.every((content) => session.store.state.messages.some((message) => message.content === content)), 'the valid messages');
      await pause(500);
    });
    const shown = deepQueryAll<CwMessage>(list, 'cw-message').map((element) => element.message?.content);
    console.log(`[D1] malformedFrames=${session.malformedFrames} shown=${expected.filter((content) => shown.includes(content)).length} errors=${errors.length} longTasks=${JSON.stringify(longTasks)}`);
    expect(expected.filter((content) => !shown.includes(content))).to.deep.equal([]);
    expect(session.malformedFrames).to.equal(HOSTILE_FRAMES);
    expect(errors).to.deep.equal([]);
    expect(longTasks).to.deep.equal([]);
    expect((({}) as Record<string, unknown>).polluted).to.equal(undefined);
    expect(session.store.state.connection).to.equal('open');
    expect((await stats()).sockets.opened).to.equal(opened);
  });

  it('backs off from a server that selects no subprotocol, with no tight loop, and says live updates cannot connect', async function () {
    this.timeout(30_000);
    const { url } = await standIn();
    const { inboxIdentifier } = await freshInbox();
    const widget = await fixture<CwWidget>(html`<cw-widget base-url=${url} inbox=${inboxIdentifier} storage="none" open></cw-widget>`);
    widgets.push(widget);
    const session = await waitFor(() => widget.session, 'the session');
    await liveConversation(session);
    const list = await waitFor(() => deepQueryAll<CwMessageList>(widget, 'cw-message-list')[0], 'the message list');
    await list.updateComplete;
    await addFault({ kind: 'no-subprotocol' });
    const before = (await stats()).sockets.opened;
    await addFault({ kind: 'drop-sockets', mode: 'close' });
    await pause(10_000);
    const attempts = (await stats()).sockets.opened - before;
    console.log(`[D2 no-subprotocol] socket attempts in 10 s=${attempts} connection=${session.store.state.connection}`);
    expect(session.store.state.connection).to.equal('connecting');
    expect(deepText(list)).to.include(en.reconnecting);
    // three failed handshakes fit in 1 + 2 + 4 s: the visitor is told live updates cannot connect
    expect(deepText(list)).to.include(en.liveUnavailable);
    // the backoff draws from [0.25, 1], [1, 2], [2, 4], [4, 8] s…: at most 5 attempts fit in 10 s
    expect(attempts).to.be.within(1, 5);
  });

  it('stops for 30 s on a server that selects the unsupported subprotocol, reporting it, without subscribing', async function () {
    this.timeout(30_000);
    /** The real socket to the stand-in, reporting the protocol a Rails server picks for a client it does not support. */
    class UnsupportedProtocolSocket extends WebSocket {
      override get protocol() {
        return 'actioncable-unsupported';
      }
    }
    const { url } = await standIn();
    const { inboxIdentifier } = await freshInbox();
    const session = new ChatSession({ baseUrl: url, inbox: inboxIdentifier, storage: new MemoryStorage(), WebSocket: UnsupportedProtocolSocket });
    sessions.push(session);
    const reported: string[] = [];
    session.on('error', (error) => reported.push(error.code));
    const before = (await stats()).sockets;
    session.setOpen(true);
    await session.start();
    await pause(10_000);
    const after = (await stats()).sockets;
    console.log(`[D2 unsupported] socket attempts in 10 s=${after.opened - before.opened} subscribes=${after.subscribes - before.subscribes}`);
    expect(after.opened - before.opened).to.equal(1);
    expect(after.subscribes - before.subscribes).to.equal(0);
    expect(reported).to.deep.equal(['cable-subprotocol']);
    expect(session.store.state.connection).to.not.equal('open');
  });
});
