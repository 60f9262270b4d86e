import { expect, fixture, html } from '@open-wc/testing';
import '../../components/chat/chat.js';
import type { CwChat } from '../../components/chat/chat.js';
import { agent, freshInbox, standIn, stats, waitFor, type Stats } from '../helpers/stand-in.js';

/** Requests to Chatwoot's public API (the agent's own requests are not the visitor's cost). */
const visitorRequests = (counts: Stats) => Object.entries(counts.requests)
  .filter(([key]) => !key.startsWith('agent.')).reduce((sum, [, count]) => sum + count, 0);

async function cost<T>(action: () => Promise<T>): Promise<{ result: T; requests: number; sockets: number; contacts: number }> {
  const before = await stats();
  const result = await action();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const after = await stats();
  return {
    result,
    requests: visitorRequests(after) - visitorRequests(before),
    sockets: after.sockets.opened - before.sockets.opened,
    contacts: (after.requests['contacts.create'] ?? 0) - (before.requests['contacts.create'] ?? 0),
  };
}

const keysFor = (inbox: string) => Object.keys(localStorage).filter((key) => key.startsWith('cw:') && key.includes(inbox));

describe('idle visitors cost Chatwoot nothing', () => {
  let chats: CwChat[] = [];
  const mount = async (inbox: string, attributes: { open?: boolean; contact?: string } = {}) => {
    const { url } = await standIn();
    const chat = await fixture<CwChat>(html`<cw-chat base-url=${url} inbox=${inbox} ?open=${attributes.open ?? false}
      contact=${attributes.contact ?? 'on-open'}></cw-chat>`);
    chats.push(chat);
    return chat;
  };
  afterEach(() => {
    for (const chat of chats) {
      chat.reset();
      chat.remove();
    }
    chats = [];
  });

  it('with contact="on-send", opening the chat creates no contact; the first message does', async () => {
    const { inboxIdentifier } = await freshInbox();
    const opened = await cost(async () => {
      const chat = await mount(inboxIdentifier, { contact: 'on-send' });
      chat.open();
      return chat;
    });
    expect([opened.requests, opened.sockets, opened.contacts]).to.deep.equal([0, 0, 0]);
    const chat = opened.result;
    const sent = await cost(async () => {
      await chat.send('now I have a question');
      await waitFor(() => chat.messages[0]?.id, 'the message');
    });
    expect(sent.contacts).to.equal(1);
    expect(sent.sockets).to.equal(1);
  });

  it('a returning visitor with no conversation makes no request until the chat opens', async () => {
    const { inboxIdentifier } = await freshInbox();
    const first = await mount(inboxIdentifier, { open: true });
    await waitFor(() => first.contact, 'the contact');
    first.remove();
    expect(keysFor(inboxIdentifier)).to.have.length(1);
    const reload = await cost(() => mount(inboxIdentifier));
    expect([reload.requests, reload.sockets]).to.deep.equal([0, 0]);
    const opening = await cost(async () => {
      reload.result.open();
      await waitFor(() => reload.result.connection === 'open', 'the connection');
    });
    expect(opening.contacts).to.equal(0);
    expect(opening.sockets).to.equal(1);
  });

  it('a returning visitor with an open conversation goes live at once and counts unread replies', async () => {
    const { inboxIdentifier } = await freshInbox();
    const first = await mount(inboxIdentifier, { open: true });
    await first.send('hello');
    const conversationId = (await waitFor(() => (first.messages[0]?.id ? first.conversation : undefined), 'the conversation')).id;
    first.remove();
    const reload = await cost(async () => {
      const chat = await mount(inboxIdentifier);
      await waitFor(() => chat.connection === 'open', 'the connection');
      return chat;
    });
    expect(reload.sockets).to.equal(1);
    expect(reload.contacts).to.equal(0);
    await agent.reply(conversationId, 'are you still there?');
    await waitFor(() => reload.result.unreadCount === 1, 'the unread reply');
  });

  it('a returning visitor whose conversation was resolved opens no socket until the chat opens', async () => {
    const { inboxIdentifier } = await freshInbox();
    const first = await mount(inboxIdentifier, { open: true });
    await first.send('thanks, solved');
    await waitFor(() => first.messages[0]?.id, 'the message');
    await first.session!.resolve();
    first.remove();
    const reload = await cost(async () => {
      const chat = await mount(inboxIdentifier);
      await waitFor(() => chat.conversation?.status === 'resolved', 'the resolved conversation');
      return chat;
    });
    expect(reload.sockets).to.equal(0);
    reload.result.open();
    await waitFor(() => reload.result.connection === 'open', 'the connection after opening');
  });
});
