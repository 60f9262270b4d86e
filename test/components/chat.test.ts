import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../components/chat/chat.js';
import type { CwChat } from '../../components/chat/chat.js';
import { agent, freshInbox, hmacHex, standIn, stats, waitFor } from '../helpers/stand-in.js';

async function chatOnFreshInbox(options: { open?: boolean; storage?: string } = {}) {
  const { url } = await standIn();
  const { inboxIdentifier } = await freshInbox();
  const chat = await fixture<CwChat>(html`
    <cw-chat base-url=${url} inbox=${inboxIdentifier} storage=${options.storage ?? 'none'} ?open=${options.open ?? false}></cw-chat>`);
  return { chat, inboxIdentifier };
}

const kitKeys = () => Object.keys(localStorage).filter((key) => key.startsWith('cw:'));

describe('<cw-chat>', () => {
  afterEach(() => {
    for (const key of kitKeys()) localStorage.removeItem(key);
  });

  it('shows a readable error and fires cw-error when base-url and inbox are missing', async () => {
    const parent = document.createElement('div');
    const errored = oneEvent(parent, 'cw-error');
    const chat = await fixture<CwChat>(html`<cw-chat></cw-chat>`, { parentNode: parent });
    const { detail } = await errored;
    expect(detail.code).to.equal('config');
    const alert = chat.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('base-url and inbox');
    await expect(chat).to.be.accessible();
  });

  it('shows the error with a retry button when the inbox does not exist', async () => {
    const { url } = await standIn();
    const chat = await fixture<CwChat>(html`<cw-chat base-url=${url} inbox="no-such-inbox" storage="none"></cw-chat>`);
    chat.open();
    const alert = await waitFor(() => chat.shadowRoot!.querySelector('[role="alert"]'), 'the error');
    expect(alert.textContent).to.contain('inbox was not found');
    expect(alert.querySelector('button')).to.not.equal(null);
    await expect(chat).to.be.accessible();
  });

  it('makes no request for a new visitor who never opens the chat', async () => {
    const before = await stats();
    const { chat } = await chatOnFreshInbox();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await stats();
    const publicRequests = (counts: Record<string, number>) =>
      Object.entries(counts).filter(([key]) => !key.startsWith('agent.')).reduce((sum, [, count]) => sum + count, 0);
    expect(publicRequests(after.requests)).to.equal(publicRequests(before.requests));
    expect(after.sockets.opened).to.equal(before.sockets.opened);
    expect(chat.connection).to.equal('closed');
  });

  it('fires cw-open-change from open(), close() and toggle(), but not for the open attribute at start', async () => {
    const { chat } = await chatOnFreshInbox({ open: true });
    expect(chat.isOpen).to.equal(true);
    const events: boolean[] = [];
    chat.addEventListener('cw-open-change', (event) => events.push(event.detail.open));
    chat.close();
    chat.toggle();
    chat.open();
    chat.toggle();
    expect(events).to.deep.equal([false, true, false]);
    await chat.updateComplete;
    expect(chat.hasAttribute('open')).to.equal(false);
  });

  it('takes open and contact set as properties, as React 19, Vue and Svelte pass those attributes, and open() still works', async () => {
    const { chat } = await chatOnFreshInbox();
    const changes: boolean[] = [];
    chat.addEventListener('cw-open-change', (event) => changes.push(event.detail.open));
    chat.contact = 'on-send';
    chat.open = true;
    await chat.updateComplete;
    expect([chat.isOpen, chat.hasAttribute('open'), chat.contactMode, chat.getAttribute('contact')]).to.deep.equal([true, true, 'on-send', null]);
    chat.open = false;
    await chat.updateComplete;
    expect(chat.isOpen).to.equal(false);
    expect(changes).to.deep.equal([]);
    chat.open();
    expect([chat.isOpen, changes]).to.deep.equal([true, [true]]);
    // the read-out is still the contact (none yet: with on-send it is created with the first message)
    expect(chat.contact).to.equal(undefined);
  });

  it('starts when opened, then sends, fires cw-ready and cw-message, and exposes the messages', async () => {
    const { chat } = await chatOnFreshInbox();
    const ready = oneEvent(chat, 'cw-ready');
    chat.open();
    expect((await ready).detail.contact.source_id).to.be.a('string');
    const messaged = oneEvent(chat, 'cw-message');
    await chat.send('Hello from the page');
    expect((await messaged).detail.message.content).to.equal('Hello from the page');
    expect(chat.conversation?.id).to.be.a('number');
    expect(chat.messages.map((message) => message.content)).to.deep.equal(['Hello from the page']);
    expect(chat.contact?.source_id).to.be.a('string');
  });

  it('reports the live connection and counts unread agent replies', async () => {
    const { chat } = await chatOnFreshInbox({ open: true });
    const connected = oneEvent(chat, 'cw-connection-change');
    await chat.send('hi');
    await waitFor(() => chat.connection === 'open', 'the connection');
    expect(['connecting', 'open']).to.include((await connected).detail.status);
    const unread = oneEvent(chat, 'cw-unread-change');
    await agent.reply(chat.conversation!.id, 'An answer');
    expect((await unread).detail.count).to.equal(1);
    expect(chat.unreadCount).to.equal(1);
  });

  it('identifies the visitor with setUser and verifies the HMAC', async () => {
    const { url } = await standIn();
    const { inboxIdentifier, hmacToken } = await freshInbox();
    const chat = await fixture<CwChat>(html`<cw-chat base-url=${url} inbox=${inboxIdentifier} storage="none" open></cw-chat>`);
    await chat.setUser('user-7', { name: 'Grace', email: 'grace@example.com', identifier_hash: await hmacHex(hmacToken, 'user-7') });
    await chat.setCustomAttributes({ plan: 'pro' });
    await chat.send('verified');
    await waitFor(() => chat.messages[0]?.id, 'the message');
    const conversation = await agent.conversation(chat.conversation!.id);
    const sender = conversation.meta.sender as { identifier: string; custom_attributes: Record<string, unknown> };
    expect(conversation.meta.hmac_verified).to.equal(true);
    expect(sender.identifier).to.equal('user-7');
    expect(sender.custom_attributes).to.deep.equal({ plan: 'pro' });
  });

  it('shows the unread count in the page title when asked, and restores the title', async () => {
    const { url } = await standIn();
    const { inboxIdentifier } = await freshInbox();
    const previous = document.title;
    const original = (document.title = 'Kettlewise shop');
    try {
      const chat = await fixture<CwChat>(html`<cw-chat base-url=${url} inbox=${inboxIdentifier} storage="none" open unread-in-title></cw-chat>`);
      await chat.send('hi');
      await waitFor(() => chat.connection === 'open' && chat.messages[0]?.id, 'the conversation');
      await agent.reply(chat.conversation!.id, 'Hello!');
      await waitFor(() => document.title === `(1) ${original}`, 'the count in the title');
      await chat.session!.markSeen();
      await waitFor(() => document.title === original, 'the title to be restored');
    } finally {
      document.title = previous;
    }
  });

  it('chimes for an agent reply while the page is hidden, only after the visitor interacted', async () => {
    const started: number[] = [];
    class FakeAudioContext {
      currentTime = 0;
      destination = {};
      resume() { return Promise.resolve(); }
      close() { return Promise.resolve(); }
      createGain() { return { gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (next: unknown) => next }; }
      createOscillator() {
        return { frequency: { value: 0 }, connect: (next: unknown) => next, start: (at: number) => started.push(at), stop() {} };
      }
    }
    const realAudioContext = window.AudioContext;
    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    window.AudioContext = FakeAudioContext as unknown as typeof AudioContext;
    try {
      const { chat } = await chatOnFreshInbox({ open: true });
      chat.notifySound = true;
      await chat.send('hi');
      await waitFor(() => chat.connection === 'open' && chat.messages[0]?.id, 'the conversation');
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      await agent.reply(chat.conversation!.id, 'before any interaction');
      await waitFor(() => chat.messages.length === 2, 'the first reply');
      expect(started).to.deep.equal([]);
      window.dispatchEvent(new PointerEvent('pointerdown'));
      await agent.reply(chat.conversation!.id, 'after a click');
      await waitFor(() => started.length === 2, 'the chime');
    } finally {
      window.AudioContext = realAudioContext;
      delete (document as unknown as Record<string, unknown>).visibilityState;
      Object.defineProperty(Document.prototype, 'visibilityState', visibility);
    }
  });

  it('keeps a returning visitor, and reset() leaves no key behind', async () => {
    const { chat, inboxIdentifier } = await chatOnFreshInbox({ open: true, storage: 'local' });
    await chat.send('remember me');
    await waitFor(() => chat.messages[0]?.id, 'the message');
    expect(kitKeys().some((key) => key.endsWith(`${inboxIdentifier}:contact`))).to.equal(true);
    const sourceId = chat.contact!.source_id;
    chat.remove();
    const { url } = await standIn();
    const again = await fixture<CwChat>(html`<cw-chat base-url=${url} inbox=${inboxIdentifier}></cw-chat>`);
    await waitFor(() => again.messages.length === 1, 'the returning visitor\'s history');
    expect(again.contact!.source_id).to.equal(sourceId);
    again.reset();
    expect(kitKeys()).to.deep.equal([]);
  });
});
