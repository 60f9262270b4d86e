// RELIABILITY.md §3 E1/E2/E5: every corpus payload as an agent message's content, through the three ways
// content reaches the page (the cable, the initial history, the catch-up after a reconnect), rendered by the
// real <cw-widget>, checked and swept by the harness. Bars: 0 executions, 0 dangerous nodes, 0 requests to
// other origins, 0 unsafe URLs, 0 styles, every positive control as specified.
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/widget/widget.js';
import type { CwWidget } from '../../components/widget/widget.js';
import type { CwMessage } from '../../components/message/message.js';
import type { CwMessageList } from '../../components/message-list/message-list.js';
import type { ChatSession } from '../../services/chat-session.js';
import { deepQueryAll } from '../helpers/deep-query.js';
import { addFault, agent, clearFaults, freshInbox, standIn, waitFor } from '../helpers/stand-in.js';
import { audit, logCounts, type Counts } from './audit.js';
import { CORPORA, loadCorpus, sample, type Payload } from './corpora.js';
import { installHooks, type Hooks } from './harness.js';

/** Every 10th payload of each corpus plus all Markdown vectors: 114 payloads for paths (b) and (c). */
const SAMPLE_STEP = 10;
const INBOX = { name: 'Security', message_limit_per_minute: 100_000 };

let hooks: Hooks | undefined;
const widgets: CwWidget[] = [];
const storedInboxes: string[] = [];

async function allowedOrigins() {
  return [location.origin, (await standIn()).url];
}

async function openWidget(inbox: string, storage: 'none' | 'local') {
  const { url } = await standIn();
  const widget = await fixture<CwWidget>(html`<cw-widget base-url=${url} inbox=${inbox} storage=${storage} open></cw-widget>`);
  widgets.push(widget);
  const session = await waitFor(() => widget.session, 'the session');
  await waitFor(() => session.store.state.phase === 'ready', 'the session to be ready');
  // every payload rendered at once (by default the list keeps a window of 40 in the DOM)
  const list = await waitFor(() => deepQueryAll<CwMessageList>(widget, 'cw-message-list')[0], 'the message list');
  list.windowSize = 0;
  return { widget, session };
}

/** Sends the visitor's first message, so there is a conversation the agent can write to. */
async function startConversation(session: ChatSession): Promise<number> {
  await session.send('Hello');
  const mine = await waitFor(() => session.store.state.messages.find((message) => message.id && message.delivery === 'sent'), 'the first message');
  return mine.conversation_id;
}

/** Posts every payload as an agent reply (a few at a time); the created message ids, each with its payload. */
async function reply(conversationId: number, payloads: Payload[]): Promise<Map<number, Payload>> {
  const byId = new Map<number, Payload>();
  for (let start = 0; start < payloads.length; start += 16) {
    const batch = payloads.slice(start, start + 16);
    const messages = await Promise.all(batch.map((payload) => agent.reply(conversationId, payload.text)));
    messages.forEach((message, index) => byId.set(message.id, batch[index]));
  }
  return byId;
}

/** Waits until each posted message is rendered by a <cw-message> in the widget; those elements with their payloads. */
async function rendered(widget: CwWidget, posted: Map<number, Payload>, timeoutMs = 20_000) {
  const elements = await waitFor(() => {
    const found = deepQueryAll<CwMessage>(widget, 'cw-message').filter((element) => posted.has(element.message?.id ?? -1));
    return found.length === posted.size ? found : undefined;
  }, `${posted.size} messages to render`, timeoutMs);
  await Promise.all(elements.map((element) => element.updateComplete));
  return elements.map((element) => ({ element, payload: posted.get(element.message!.id!)! }));
}

function expectClean(counts: Counts): void {
  expect(counts.failures, counts.failures.join('\n')).to.deep.equal([]);
  expect([counts.executions, counts.dangerous, counts.foreign, counts.unsafeUrls, counts.styles, counts.unmet, counts.errors])
    .to.deep.equal([0, 0, 0, 0, 0, 0, 0]);
}

/** Path (a): a live conversation receives the payloads over the cable. */
async function throughCable(payloads: Payload[]): Promise<Counts> {
  const inbox = await freshInbox(INBOX);
  hooks = installHooks(window, await allowedOrigins());
  const { widget, session } = await openWidget(inbox.inboxIdentifier, 'none');
  const conversationId = await startConversation(session);
  await waitFor(() => session.store.state.connection === 'open', 'the live connection');
  const posted = await reply(conversationId, payloads);
  return audit(await rendered(widget, posted), hooks, await allowedOrigins());
}

describe('content security: corpus payloads through the kit', () => {
  afterEach(async () => {
    for (const widget of widgets.splice(0)) widget.remove();
    hooks?.dispose();
    hooks = undefined;
    for (const inbox of storedInboxes.splice(0)) {
      for (const key of Object.keys(localStorage)) if (key.includes(inbox)) localStorage.removeItem(key);
    }
    await clearFaults();
  });

  for (const corpus of CORPORA) {
    it(`renders the ${corpus} corpus from the cable without executing, loading or injecting anything`, async function () {
      this.timeout(120_000);
      const payloads = await loadCorpus(corpus);
      const counts = await throughCable(payloads);
      logCounts(`E1 path=cable corpus=${corpus}`, counts);
      expect(counts.payloads).to.equal(payloads.length);
      // p01–p08 and the code spans c01, c02 must be kept as specified
      expect(counts.positives).to.equal(corpus === 'markdown' ? 10 : 0);
      expectClean(counts);
    });
  }

  it('renders a sample of every corpus from the initial history as safely', async function () {
    this.timeout(120_000);
    const { url } = await standIn();
    const inbox = (await freshInbox(INBOX)).inboxIdentifier;
    storedInboxes.push(inbox);
    // a first visit leaves a conversation in localStorage; the agent answers while nobody is on the page
    const first = await openWidget(inbox, 'local');
    const conversationId = await startConversation(first.session);
    first.widget.remove();
    const payloads = await sample(SAMPLE_STEP);
    const posted = await reply(conversationId, payloads);
    hooks = installHooks(window, [location.origin, url]);
    const { widget, session } = await openWidget(inbox, 'local');
    await waitFor(() => session.store.state.messages.length > 1, 'the history');
    while (session.store.state.hasOlder) await session.loadOlder();
    const counts = await audit(await rendered(widget, posted), hooks, [location.origin, url]);
    logCounts('E1 path=history corpus=sample', counts);
    expect(counts.payloads).to.equal(payloads.length);
    expect(counts.positives).to.equal(10);
    expectClean(counts);
  });

  it('renders a sample of every corpus recovered after a reconnect as safely', async function () {
    this.timeout(120_000);
    const inbox = await freshInbox(INBOX);
    hooks = installHooks(window, await allowedOrigins());
    const { widget, session } = await openWidget(inbox.inboxIdentifier, 'none');
    const conversationId = await startConversation(session);
    await waitFor(() => session.store.state.connection === 'open', 'the live connection');
    await addFault({ kind: 'refuse-connections', ms: 60_000 });
    await addFault({ kind: 'drop-sockets', mode: 'terminate' });
    await waitFor(() => session.store.state.connection !== 'open', 'the connection to drop');
    const payloads = await sample(SAMPLE_STEP);
    const posted = await reply(conversationId, payloads);
    expect(session.store.state.messages.filter((message) => posted.has(message.id ?? -1))).to.have.length(0);
    await clearFaults();
    const counts = await audit(await rendered(widget, posted, 60_000), hooks, await allowedOrigins());
    logCounts('E1 path=catch-up corpus=sample', counts);
    expect(counts.payloads).to.equal(payloads.length);
    expect(counts.positives).to.equal(10);
    expectClean(counts);
  });
});
