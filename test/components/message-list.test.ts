import { expect, html, nextFrame } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ChatSession } from '../../services/chat-session.js';
import { MemoryStorage } from '../../services/session-storage.js';
import type { CwMessageList } from '../../components/message-list/message-list.js';
import type { CwMessage } from '../../components/message/message.js';
import '../../components/message-list/message-list.js';
import { WINDOW_SIZE } from '../../components/message-list/message-window.js';
import { createTestSession, fixtureWithSession } from '../helpers/fixtures.js';
import { addFault, agent, clearFaults, freshInbox, seedMessages, standIn, waitFor } from '../helpers/stand-in.js';

const sessions: ChatSession[] = [];
const DAY_SECONDS = 24 * 60 * 60;

function track(session: ChatSession): ChatSession {
  sessions.push(session);
  return session;
}

async function renderList(session: ChatSession, height = '') {
  const list = await fixtureWithSession<CwMessageList>(html`<cw-message-list></cw-message-list>`, session);
  if (height) list.style.height = height;
  return list;
}

const root = (list: CwMessageList) => list.shadowRoot!;
const log = (list: CwMessageList) => root(list).querySelector<HTMLElement>('[role="log"]')!;
const messages = (list: CwMessageList) => [...root(list).querySelectorAll<CwMessage>('cw-message')];
const texts = (list: CwMessageList) => messages(list).map((element) => element.message?.content);
const part = (list: CwMessageList, name: string) => root(list).querySelector<HTMLElement>(`[part~="${name}"]`);
const frames = async (count = 3) => {
  for (let index = 0; index < count; index++) await nextFrame();
};

/** A started session whose conversation exists on the server (the contact sent `first`). */
async function startedConversation(first = 'Hello') {
  const session = track(await createTestSession());
  await session.start();
  await session.send(first);
  const conversation = await waitFor(() => (session.store.state.messages[0]?.id ? session.store.state.conversation : undefined), 'the first message to be sent');
  await waitFor(() => session.store.state.connection === 'open', 'the live connection');
  return { session, conversationId: conversation.id };
}

/** A conversation filled by `fill` before the session that shows it starts (so it loads them as history). */
async function seededConversation(fill: (conversationId: number) => Promise<unknown>) {
  const { url } = await standIn();
  const { inboxIdentifier } = await freshInbox();
  const storage = new MemoryStorage();
  const first = track(new ChatSession({ baseUrl: url, inbox: inboxIdentifier, storage }));
  await first.start();
  const conversation = await first.api.createConversation(first.store.state.contact!.source_id);
  await fill(conversation.id);
  first.dispose();
  return track(new ChatSession({ baseUrl: url, inbox: inboxIdentifier, storage }));
}

describe('<cw-message-list>', () => {
  afterEach(async () => {
    for (const session of sessions.splice(0)) session.dispose();
    await clearFaults();
  });

  it('is busy and accessible while the conversation loads', async () => {
    const session = track(await createTestSession());
    const list = await renderList(session);
    const started = session.start();
    await list.updateComplete;
    expect(log(list).getAttribute('aria-busy')).to.equal('true');
    expect(part(list, 'state')!.textContent).to.contain('Loading messages…');
    await expect(list).to.be.accessible();
    await started;
  });

  it('shows the empty state when the chat is ready without messages, and is accessible', async () => {
    const session = track(await createTestSession());
    const list = await renderList(session);
    await session.start();
    await list.updateComplete;
    expect(log(list).getAttribute('aria-busy')).to.equal('false');
    expect(log(list).getAttribute('aria-label')).to.equal('Conversation');
    expect(part(list, 'state')!.textContent).to.contain('No messages yet').and.contain('Ask us anything');
    await expect(list).to.be.accessible();
  });

  it('shows why loading failed with a Try again button that starts the chat again', async () => {
    const session = track(await createTestSession());
    const list = await renderList(session);
    await addFault({ kind: 'http', route: 'contacts.create', status: 500 });
    await session.start();
    await list.updateComplete;
    expect(session.store.state.phase).to.equal('error');
    const state = part(list, 'state')!;
    expect(state.textContent).to.contain('The messages could not be loaded.').and.contain(session.store.state.error!.message);
    await expect(list).to.be.accessible();
    part(list, 'reload-button')!.click();
    await waitFor(() => session.store.state.phase === 'ready', 'the chat to start again');
    await list.updateComplete;
    expect(part(list, 'state')!.textContent).to.contain('No messages yet');
  });

  it('shows the contact\'s messages and the agent replies arriving over the cable, and is accessible', async () => {
    const { session, conversationId } = await startedConversation('Hello, anyone there?');
    const list = await renderList(session);
    await agent.reply(conversationId, 'Hi! How can I help?');
    await waitFor(() => messages(list).length === 2, 'the reply to show');
    await list.updateComplete;
    expect(texts(list)).to.deep.equal(['Hello, anyone there?', 'Hi! How can I help?']);
    const [mine, reply] = messages(list);
    expect(mine.mine).to.equal(true);
    expect(reply.mine).to.equal(false);
    await reply.updateComplete;
    expect(reply.shadowRoot!.querySelector('[part~="author"]')!.textContent).to.not.equal('');
    expect(reply.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    expect(root(list).querySelectorAll('ol > li > cw-message').length).to.equal(2);
    await expect(list).to.be.accessible();
  });

  it('leaves the focus where it is when a message arrives', async () => {
    const { session, conversationId } = await startedConversation();
    const list = await renderList(session);
    log(list).focus();
    await agent.reply(conversationId, 'Look, a reply');
    await waitFor(() => messages(list).length === 2, 'the reply to show');
    await frames();
    expect(root(list).activeElement).to.equal(log(list));
  });

  it('keeps the same list item when a sent message is confirmed, so it is not announced twice', async () => {
    const { session } = await startedConversation('first');
    const list = await renderList(session);
    await session.send('second');
    await list.updateComplete;
    const pending = messages(list).at(-1)!;
    expect(pending.message!.delivery).to.equal('sending');
    await waitFor(() => session.store.state.messages.at(-1)?.id, 'the message to be confirmed');
    await list.updateComplete;
    expect(messages(list).at(-1)).to.equal(pending);
    expect(pending.message!.delivery).to.equal('sent');
  });

  it('groups consecutive messages by the same author', async () => {
    const { session, conversationId } = await startedConversation('one');
    const list = await renderList(session);
    await session.send('two');
    await waitFor(() => session.outbox.length === 0, 'the second message to be sent');
    await agent.reply(conversationId, 'three');
    await agent.reply(conversationId, 'four');
    await waitFor(() => messages(list).length === 4, 'both replies to show');
    await list.updateComplete;
    expect(messages(list).map((element) => element.grouped)).to.deep.equal([false, true, false, true]);
  });

  it('puts a date separator before each day', async () => {
    const twoDaysAgo = Math.floor(Date.now() / 1000) - 2 * DAY_SECONDS;
    const session = await seededConversation(async (conversationId) => {
      await seedMessages(conversationId, { count: 2, created_at_start: twoDaysAgo, interval_seconds: 60 });
      await seedMessages(conversationId, { count: 2, message_type: 0, created_at_start: Math.floor(Date.now() / 1000) - 120, interval_seconds: 30 });
    });
    const list = await renderList(session);
    await session.start();
    await list.updateComplete;
    const items = [...root(list).querySelectorAll('ol > li')].map((item) => (item.matches('[part~="day-separator"]') ? `day:${item.textContent}` : 'message'));
    expect(items).to.have.length(6);
    expect(items[0]).to.match(/^day:/).and.not.equal('day:Today');
    expect(items.slice(1, 3)).to.deep.equal(['message', 'message']);
    expect(items[3]).to.equal('day:Today');
    await expect(list).to.be.accessible();
  });

  it('shows Retry on a failed send, and Retry delivers it', async () => {
    const { session } = await startedConversation('first');
    const list = await renderList(session);
    await addFault({ kind: 'http', route: 'messages.create', status: 500 });
    await session.send('this one fails');
    const failed = await waitFor(() => messages(list).find((element) => element.message?.delivery === 'failed'), 'the failure to show');
    await failed.updateComplete;
    expect(failed.shadowRoot!.querySelector('[part~="status"]')!.textContent).to.equal('Not sent');
    await expect(list).to.be.accessible();
    failed.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await waitFor(() => session.outbox.length === 0 && session.store.state.messages.at(-1)?.delivery === 'sent', 'the retry to be delivered');
    await list.updateComplete;
    expect(texts(list)).to.deep.equal(['first', 'this one fails']);
    expect(messages(list).at(-1)).to.equal(failed);
  });

  it('removes a failed message when Delete is pressed', async () => {
    const { session } = await startedConversation('first');
    const list = await renderList(session);
    await addFault({ kind: 'http', route: 'messages.create', status: 500 });
    await session.send('never mind');
    const failed = await waitFor(() => messages(list).find((element) => element.message?.delivery === 'failed'), 'the failure to show');
    await failed.updateComplete;
    failed.shadowRoot!.querySelector<HTMLButtonElement>('[part~="discard-button"]')!.click();
    await list.updateComplete;
    expect(texts(list)).to.deep.equal(['first']);
    expect(session.outbox).to.have.length(0);
  });

  it('loads older messages when scrolled to the top and keeps the visible message in place', async () => {
    const session = await seededConversation((conversationId) => seedMessages(conversationId, { count: 45 }));
    const list = await renderList(session, '300px');
    await session.start();
    await waitFor(() => messages(list).length === 20, 'the latest page');
    await frames();
    expect(texts(list)[0]).to.equal('Message 26');
    const scroller = log(list);
    expect(scroller.scrollTop + scroller.clientHeight).to.be.closeTo(scroller.scrollHeight, 2);
    // the first message loses its author line once it joins the older ones' group: watch the second
    const anchor = messages(list)[1];
    scroller.scrollTop = 0;
    const before = anchor.getBoundingClientRect().top;
    await waitFor(() => messages(list).length === 40, 'the older page');
    await frames();
    expect(texts(list)[0]).to.equal('Message 6');
    expect(anchor.getBoundingClientRect().top).to.be.closeTo(before, 2);
    expect(log(list).getAttribute('aria-busy')).to.equal('false');
  });

  describe('a long conversation', () => {
    /** A session holding all of `count` seeded messages (every page loaded), shown in a list 300 px high. */
    async function longConversation(count: number) {
      const session = await seededConversation((conversationId) => seedMessages(conversationId, { count }));
      const list = await renderList(session, '300px');
      await session.start();
      while (session.store.state.hasOlder) await session.loadOlder();
      await waitFor(() => texts(list).at(-1) === `Message ${count}`, 'the newest message');
      await frames();
      return { session, list };
    }

    /** Scrolls to the top of what is rendered and waits until the window has moved up (or reached the oldest). */
    async function scrollUpOnce(list: CwMessageList) {
      const firstBefore = texts(list)[0];
      const anchor = messages(list)[0];
      log(list).scrollTop = 0;
      const before = anchor.getBoundingClientRect().bottom;
      await waitFor(() => texts(list)[0] !== firstBefore, 'older messages rendered');
      await frames();
      return { anchor, before };
    }

    it('renders a window of the messages, and moving it up keeps the visible message in place', async function () {
      this.timeout(30_000);
      const { session, list } = await longConversation(300);
      expect(session.store.state.messages).to.have.length(300);
      expect(messages(list).length).to.be.at.most(WINDOW_SIZE);
      expect(root(list).querySelectorAll('.messages > li').length).to.be.at.most(WINDOW_SIZE);
      const scroller = log(list);
      expect(scroller.scrollTop + scroller.clientHeight).to.be.closeTo(scroller.scrollHeight, 2);
      let moves = 0;
      while (texts(list)[0] !== 'Message 1') {
        const { anchor, before } = await scrollUpOnce(list);
        expect(anchor.isConnected, 'the anchor stays rendered').to.equal(true);
        expect(anchor.getBoundingClientRect().bottom).to.be.closeTo(before, 2);
        expect(root(list).querySelectorAll('.messages > li').length).to.be.at.most(WINDOW_SIZE);
        moves++;
      }
      expect(moves).to.be.at.least(5);
      // the oldest is reached, none missing in between: the rendered ones are consecutive
      const shown = texts(list).map((text) => Number(text!.split(' ')[1]));
      expect(shown).to.deep.equal(shown.map((_, index) => index + 1));
      expect(part(list, 'jump-button')!.textContent).to.equal('Jump to the latest message');
    });

    it('moves back down as the reader scrolls, following the newest again at the end', async function () {
      this.timeout(30_000);
      const { list } = await longConversation(150);
      for (let index = 0; index < 3; index++) await scrollUpOnce(list);
      const scroller = log(list);
      let lastBefore = texts(list).at(-1);
      while (texts(list).at(-1) !== 'Message 150') {
        const last = messages(list).at(-1)!;
        scroller.scrollTop = scroller.scrollHeight;
        const before = last.getBoundingClientRect().bottom;
        await waitFor(() => texts(list).at(-1) !== lastBefore, 'newer messages rendered');
        await frames();
        expect(last.getBoundingClientRect().bottom).to.be.closeTo(before, 2);
        lastBefore = texts(list).at(-1);
      }
      scroller.scrollTop = scroller.scrollHeight;
      await waitFor(() => part(list, 'jump-button') === null, 'the jump button gone at the newest');
      expect(root(list).querySelector('.newer')).to.equal(null);
    });

    it('renders every message held with window-size="0", and a window of the size given otherwise', async function () {
      this.timeout(30_000);
      const { list } = await longConversation(150);
      list.windowSize = 0;
      await waitFor(() => messages(list).length === 150, 'every message rendered');
      list.windowSize = 10;
      await waitFor(() => root(list).querySelectorAll('.messages > li').length === 10, 'a window of 10 items');
      expect(texts(list).at(-1)).to.equal('Message 150');
    });

    it('counts a reply that arrives while an older stretch is shown, and the jump button shows it', async function () {
      this.timeout(30_000);
      const { session, list } = await longConversation(150);
      await waitFor(() => session.store.state.connection === 'open', 'the live connection');
      await scrollUpOnce(list);
      await scrollUpOnce(list);
      await agent.reply(session.store.state.conversation!.id, 'a new reply');
      await waitFor(() => part(list, 'jump-button')?.textContent === '1 new message', 'the count of new messages');
      expect(texts(list)).to.not.include('a new reply');
      part(list, 'jump-button')!.click();
      await waitFor(() => texts(list).at(-1) === 'a new reply', 'the newest rendered');
      await frames();
      const scroller = log(list);
      expect(scroller.scrollTop + scroller.clientHeight).to.be.closeTo(scroller.scrollHeight, 2);
      expect(messages(list).length).to.be.at.most(WINDOW_SIZE);
    });
  });

  it('shows a jump button counting new messages when scrolled up, and Enter on it goes to the latest', async () => {
    const session = await seededConversation((conversationId) => seedMessages(conversationId, { count: 15 }));
    const list = await renderList(session, '250px');
    await session.start();
    const conversationId = session.store.state.conversation!.id;
    await waitFor(() => messages(list).length === 15 && session.store.state.connection === 'open', 'the history and the live connection');
    await frames();
    const scroller = log(list);
    scroller.scrollTop = 0;
    await waitFor(() => part(list, 'jump-button'), 'the jump button');
    expect(part(list, 'jump-button')!.textContent).to.equal('Jump to the latest message');
    await agent.reply(conversationId, 'a new reply');
    await waitFor(() => part(list, 'jump-button')?.textContent === '1 new message', 'the count of new messages');
    expect(scroller.scrollTop).to.equal(0);
    part(list, 'jump-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await frames();
    expect(scroller.scrollTop + scroller.clientHeight).to.be.closeTo(scroller.scrollHeight, 2);
    expect(part(list, 'jump-button')).to.equal(null);
    expect(root(list).activeElement).to.equal(scroller);
  });

  it('stays at the bottom when a new message arrives while reading the latest', async () => {
    const session = await seededConversation((conversationId) => seedMessages(conversationId, { count: 15 }));
    const list = await renderList(session, '250px');
    await session.start();
    const conversationId = session.store.state.conversation!.id;
    await waitFor(() => messages(list).length === 15 && session.store.state.connection === 'open', 'the history and the live connection');
    await agent.reply(conversationId, 'the latest');
    await waitFor(() => messages(list).length === 16, 'the reply');
    await frames();
    const scroller = log(list);
    expect(texts(list).at(-1)).to.equal('the latest');
    expect(scroller.scrollTop + scroller.clientHeight).to.be.closeTo(scroller.scrollHeight, 2);
    expect(part(list, 'jump-button')).to.equal(null);
  });

  it('shows the agent typing, but not typing in a private note', async () => {
    const { session, conversationId } = await startedConversation();
    const list = await renderList(session);
    await agent.typing(conversationId, 'on', true);
    await agent.typing(conversationId, 'on');
    await waitFor(() => part(list, 'typing'), 'the typing indicator');
    expect(part(list, 'typing')!.textContent).to.match(/is typing…$/);
    await agent.typing(conversationId, 'off');
    await waitFor(() => !part(list, 'typing'), 'the indicator to go');
    await agent.typing(conversationId, 'on', true);
    await agent.reply(conversationId, 'sync point');
    await waitFor(() => messages(list).length === 2, 'the reply');
    expect(part(list, 'typing')).to.equal(null);
  });

  it('marks the conversation seen while it is visible', async () => {
    const { session, conversationId } = await startedConversation();
    await agent.reply(conversationId, 'Unread until shown');
    await waitFor(() => session.store.state.unreadCount === 1, 'the reply to arrive unread');
    await renderList(session);
    await waitFor(() => session.store.state.unreadCount === 0, 'the conversation to be marked seen');
    const reply = await waitFor(() => session.store.state.messages.find((item) => item.message_type === 1 && item.status === 'read'), 'the reply to turn read');
    expect(reply.content).to.equal('Unread until shown');
  });

  it('does not mark the conversation seen while it is hidden', async () => {
    const { session, conversationId } = await startedConversation();
    const list = await renderList(session);
    list.hidden = true;
    await agent.reply(conversationId, 'Not seen yet');
    await waitFor(() => session.store.state.unreadCount === 1, 'the reply to arrive unread');
    await frames(5);
    expect(session.store.state.unreadCount).to.equal(1);
    list.hidden = false;
    await waitFor(() => session.store.state.unreadCount === 0, 'the conversation to be marked seen');
  });

  it('says it is reconnecting after the live connection drops', async () => {
    const { session } = await startedConversation();
    const list = await renderList(session);
    await addFault({ kind: 'refuse-connections', ms: 3000 });
    await addFault({ kind: 'drop-sockets', mode: 'close' });
    await waitFor(() => part(list, 'notice')?.textContent === 'Reconnecting…', 'the reconnecting hint');
    await expect(list).to.be.accessible();
  });
});
