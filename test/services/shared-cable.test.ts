import { expect } from '@open-wc/testing';
import { ChatSession } from '../../services/chat-session.js';
import { MemoryStorage } from '../../services/session-storage.js';
import { agent, freshInbox, standIn, stats, waitFor } from '../helpers/stand-in.js';

// Sessions on one page with one storage behave as tabs of one visitor: BroadcastChannel and Web Locks
// work between them exactly as between tabs of the same origin.
const sessions: ChatSession[] = [];

async function tabs(count: number, options: { share?: boolean } = {}) {
  const { url } = await standIn();
  const { inboxIdentifier } = await freshInbox();
  const storage = new MemoryStorage();
  const open = (): ChatSession => {
    const session = new ChatSession({ baseUrl: url, inbox: inboxIdentifier, storage, shareConnection: options.share });
    sessions.push(session);
    return session;
  };
  const first = open();
  await first.start();
  await first.send('hello from the first tab');
  const conversationId = (await waitFor(() => (first.store.state.messages[0]?.id ? first.store.state.conversation : undefined), 'the conversation')).id;
  await waitFor(() => first.store.state.connection === 'open', 'the first tab live');
  const others = Array.from({ length: count - 1 }, open);
  await Promise.all(others.map((session) => session.start()));
  const all = [first, ...others];
  await waitFor(() => all.every((session) => session.store.state.connection === 'open'), 'every tab live');
  return { all, conversationId };
}

const agentContents = (session: ChatSession) =>
  session.store.state.messages.filter((message) => message.message_type === 1).map((message) => message.content);

describe('one connection for every tab', () => {
  afterEach(() => {
    for (const session of sessions.splice(0)) session.dispose();
  });

  it('five tabs share one socket and all show the same reply and unread count', async () => {
    const before = await stats();
    const { all, conversationId } = await tabs(5);
    const after = await stats();
    expect(after.sockets.opened - before.sockets.opened).to.equal(1);
    await agent.reply(conversationId, 'one reply for every tab');
    await waitFor(() => all.every((session) => agentContents(session).includes('one reply for every tab')), 'the reply in every tab');
    expect(all.map((session) => session.store.state.unreadCount)).to.deep.equal([1, 1, 1, 1, 1]);
  });

  it('sends from a tab that does not own the socket', async () => {
    const { all, conversationId } = await tabs(2);
    await all[1].send('from the second tab');
    await waitFor(() => all[1].outbox.length === 0, 'the message to be sent');
    await waitFor(() => all[0].store.state.messages.some((message) => message.content === 'from the second tab'), 'the first tab to see it');
    expect((await agent.messages(conversationId)).map((message) => message.content)).to.deep.equal(['hello from the first tab', 'from the second tab']);
  });

  it('hands the socket to another tab within 2 s when the owner closes, losing nothing of a burst', async () => {
    const { all, conversationId } = await tabs(3);
    const [owner, ...rest] = all;
    const before = await stats();
    for (let index = 1; index <= 50; index++) {
      if (index === 20) {
        owner.dispose();
        const closedAt = performance.now();
        await waitFor(async () => (await stats()).sockets.opened > before.sockets.opened, 'another tab to connect', 2000);
        expect(performance.now() - closedAt).to.be.below(2000);
      }
      await agent.reply(conversationId, `burst ${index}`);
    }
    const expected = Array.from({ length: 50 }, (_, index) => `burst ${index + 1}`);
    await waitFor(() => rest.every((session) => agentContents(session).length === 50), 'every message in the remaining tabs', 15_000);
    for (const session of rest) expect(agentContents(session)).to.deep.equal(expected);
  });

  it('two tabs opening at once with empty storage create one contact', async () => {
    const { url } = await standIn();
    for (let run = 0; run < 5; run++) {
      const { inboxIdentifier } = await freshInbox();
      const storage = new MemoryStorage();
      const pair = [0, 1].map(() => new ChatSession({ baseUrl: url, inbox: inboxIdentifier, storage }));
      sessions.push(...pair);
      const before = await stats();
      await Promise.all(pair.map((session) => session.start()));
      const after = await stats();
      expect((after.requests['contacts.create'] ?? 0) - (before.requests['contacts.create'] ?? 0), `run ${run}`).to.equal(1);
      expect(pair[0].store.state.contact!.source_id).to.equal(pair[1].store.state.contact!.source_id);
    }
  });

  it('falls back to one socket per tab when sharing is off', async () => {
    const before = await stats();
    await tabs(2, { share: false });
    const after = await stats();
    expect(after.sockets.opened - before.sockets.opened).to.equal(2);
  });
});
