import { expect } from '@open-wc/testing';
import { ChatSession, type Lifecycle } from '../../services/chat-session.js';
import { MemoryStorage } from '../../services/session-storage.js';
import { addFault, agent, clearFaults, freshInbox, hmacHex, seedMessages, standIn, stats, waitFor } from '../helpers/stand-in.js';

const sessions: ChatSession[] = [];

async function startSession(options: { storage?: MemoryStorage; inbox?: string; lifecycle?: Lifecycle; identifier?: string; hash?: string } = {}) {
  const { url } = await standIn();
  const inbox = options.inbox ?? (await freshInbox()).inboxIdentifier;
  const session = new ChatSession({
    baseUrl: url, inbox, storage: options.storage ?? new MemoryStorage(), lifecycle: options.lifecycle,
    identity: options.identifier ? { identifier: options.identifier, identifier_hash: options.hash } : undefined,
  });
  sessions.push(session);
  await session.start();
  return { session, inbox };
}

const open = (session: ChatSession) => waitFor(() => session.store.state.connection === 'open', 'the live connection');
/** The conversation, once the first message is on the server. */
const sentConversation = (session: ChatSession) =>
  waitFor(() => (session.store.state.messages[0]?.id ? session.store.state.conversation : undefined), 'the first message to be sent');
const contents = (session: ChatSession) => session.store.state.messages.map((message) => message.content);

/** A lifecycle the test switches by hand. */
class ManualLifecycle implements Lifecycle {
  online = true;
  readonly #listeners = new Set<(event: 'resume' | 'online' | 'offline') => void>();
  subscribe(listener: (event: 'resume' | 'online' | 'offline') => void) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  set(online: boolean) {
    this.online = online;
    for (const listener of this.#listeners) listener(online ? 'online' : 'offline');
  }
}

describe('ChatSession against the stand-in', () => {
  afterEach(async () => {
    for (const session of sessions.splice(0)) session.dispose();
    await clearFaults();
  });

  it('goes from contact to conversation to send, gets the agent reply live, and marks it read', async () => {
    const { session } = await startSession();
    expect(session.store.state.phase).to.equal('ready');
    expect(session.store.state.conversation).to.equal(undefined);
    await session.send('Hello, is anyone there?');
    const mine = await waitFor(() => session.store.state.messages.find((message) => message.id && message.delivery === 'sent'), 'the message to be sent');
    const conversationId = mine.conversation_id;
    await open(session);
    await agent.reply(conversationId, 'Yes, how can I help?');
    await waitFor(() => session.store.state.unreadCount === 1, 'the reply to arrive unread');
    expect(contents(session)).to.deep.equal(['Hello, is anyone there?', 'Yes, how can I help?']);
    await session.markSeen();
    expect(session.store.state.unreadCount).to.equal(0);
    const reply = await waitFor(() => session.store.state.messages.find((message) => message.message_type === 1 && message.status === 'read'), 'the reply to turn read');
    expect(reply.content).to.equal('Yes, how can I help?');
  });

  it('holds one message when the cable echo arrives before the REST answer', async () => {
    const { session } = await startSession();
    await session.send('first');
    await waitFor(() => session.store.state.messages[0]?.id, 'the first message');
    await open(session);
    await addFault({ kind: 'http', route: 'messages.create', delay_ms: 400 });
    await session.send('echo first');
    await waitFor(() => session.outbox.length === 0, 'the POST to finish');
    expect(contents(session)).to.deep.equal(['first', 'echo first']);
    expect(session.store.state.messages.every((message) => message.id && message.delivery === 'sent')).to.equal(true);
  });

  it('holds one message when the REST answer arrives before the cable echo', async () => {
    const { session } = await startSession();
    await session.send('first');
    await waitFor(() => session.store.state.messages[0]?.id, 'the first message');
    await open(session);
    await addFault({ kind: 'cable-delay', ms: 400 });
    await session.send('rest first');
    await waitFor(() => session.outbox.length === 0, 'the POST to finish');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(contents(session)).to.deep.equal(['first', 'rest first']);
    expect(new Set(session.store.state.messages.map((message) => message.id)).size).to.equal(2);
  });

  it('holds all 50 agent messages once and in order when the socket drops during the burst', async () => {
    const { session } = await startSession();
    await session.send('start');
    const conversationId = (await waitFor(() => session.store.state.conversation, 'the conversation')).id;
    await open(session);
    for (let index = 1; index <= 50; index++) {
      if (index === 15) await addFault({ kind: 'drop-sockets', mode: 'terminate' });
      if (index === 25) await open(session); // the second drop must hit the new socket
      if (index === 35) await addFault({ kind: 'drop-sockets', mode: 'half-open' });
      await agent.reply(conversationId, `agent ${index}`);
    }
    const expected = Array.from({ length: 50 }, (_, index) => `agent ${index + 1}`);
    await waitFor(() => session.store.state.messages.filter((message) => message.message_type === 1).length >= 50, 'all 50 agent messages', 20_000);
    const agentMessages = session.store.state.messages.filter((message) => message.message_type === 1);
    expect(agentMessages.map((message) => message.content)).to.deep.equal(expected);
    const ids = agentMessages.map((message) => message.id!);
    expect(ids).to.deep.equal([...ids].sort((a, b) => a - b));
  });

  it('ignores 100 malformed frames without an error and without changing the conversation', async () => {
    const { session } = await startSession();
    await session.send('before the noise');
    await waitFor(() => session.outbox.length === 0, 'the message to be sent');
    await open(session);
    const snapshot = session.store.state.messages;
    const errors: Event[] = [];
    const record = (event: Event) => errors.push(event);
    window.addEventListener('error', record);
    window.addEventListener('unhandledrejection', record);
    try {
      await addFault({ kind: 'malformed', count: 100, seed: 11 });
      await waitFor(() => session.malformedFrames === 100, 'the frames to be counted');
    } finally {
      window.removeEventListener('error', record);
      window.removeEventListener('unhandledrejection', record);
    }
    expect(errors).to.have.length(0);
    expect(session.store.state.messages).to.equal(snapshot);
    expect(session.store.state.connection).to.equal('open');
  });

  it('keeps a message that got a 500 in the outbox as failed, and a retry delivers it once', async () => {
    const { session } = await startSession();
    await session.send('hello');
    const conversationId = (await sentConversation(session)).id;
    await addFault({ kind: 'http', route: 'messages.create', status: 500 });
    await session.send('will fail once');
    const failed = await waitFor(() => session.store.state.messages.find((message) => message.delivery === 'failed'), 'the failure to show');
    expect(session.outbox.map((entry) => entry.state)).to.deep.equal(['failed']);
    expect((await agent.messages(conversationId)).map((message) => message.content)).to.deep.equal(['hello']);
    session.retry(failed.echo_id!);
    await waitFor(() => session.outbox.length === 0, 'the retry to be sent');
    expect((await agent.messages(conversationId)).map((message) => message.content)).to.deep.equal(['hello', 'will fail once']);
    expect(contents(session)).to.deep.equal(['hello', 'will fail once']);
  });

  it('reconciles an ambiguous failure through the server instead of posting twice', async () => {
    const { session } = await startSession();
    await session.send('hello');
    const conversationId = (await sentConversation(session)).id;
    await addFault({ kind: 'http', route: 'messages.create', status: 504, commit: true });
    await addFault({ kind: 'cable-delay', ms: 3000 });
    await session.send('stored, then 504');
    await waitFor(() => session.outbox.length === 0, 'the message to be reconciled');
    expect((await agent.messages(conversationId)).map((message) => message.content)).to.deep.equal(['hello', 'stored, then 504']);
    expect(contents(session)).to.deep.equal(['hello', 'stored, then 504']);
    expect(session.store.state.messages[1].delivery).to.equal('sent');
  });

  it('queues messages while offline, keeps them across a reload, and sends each once', async () => {
    const storage = new MemoryStorage();
    const lifecycle = new ManualLifecycle();
    lifecycle.online = false;
    const { session, inbox } = await startSession({ storage, lifecycle });
    await session.send('one');
    await session.send('two');
    expect(session.store.state.messages.map((message) => message.delivery)).to.deep.equal(['queued', 'queued']);
    session.dispose();
    const reloaded = await startSession({ storage, inbox, lifecycle: new ManualLifecycle() });
    await waitFor(() => reloaded.session.outbox.length === 0, 'the queue to be sent');
    const conversationId = reloaded.session.store.state.conversation!.id;
    expect((await agent.messages(conversationId)).map((message) => message.content)).to.deep.equal(['one', 'two']);
    expect(contents(reloaded.session)).to.deep.equal(['one', 'two']);
  });

  it('pages history back with before', async () => {
    const storage = new MemoryStorage();
    const { session, inbox } = await startSession({ storage });
    await session.send('first');
    const conversationId = (await sentConversation(session)).id;
    await seedMessages(conversationId, { count: 44, message_type: 1 });
    session.dispose();
    const { session: returning } = await startSession({ storage, inbox });
    expect(returning.store.state.messages).to.have.length(20);
    expect(returning.store.state.hasOlder).to.equal(true);
    await returning.loadOlder();
    await returning.loadOlder();
    expect(returning.store.state.messages).to.have.length(45);
    expect(returning.store.state.messages[0].content).to.equal('first');
    expect(returning.store.state.hasOlder).to.equal(false);
  });

  it('recreates a stored contact that the server no longer knows', async () => {
    const storage = new MemoryStorage();
    const { inbox } = await startSession({ storage });
    const key = `cw:${new URL((await standIn()).url).origin}:${inbox}:contact`;
    storage.setItem(key, JSON.stringify({ source_id: 'gone', pubsub_token: 'gone' }));
    const { session } = await startSession({ storage, inbox });
    expect(session.store.state.phase).to.equal('ready');
    expect(session.store.state.contact!.source_id).to.not.equal('gone');
  });

  it('verifies an identified visitor with the HMAC', async () => {
    const { inboxIdentifier, hmacToken } = await freshInbox({ hmac_mandatory: true });
    const hash = await hmacHex(hmacToken, 'user-42');
    const { session } = await startSession({ inbox: inboxIdentifier, identifier: 'user-42', hash });
    await session.send('verified hello');
    const conversationId = (await sentConversation(session)).id;
    const conversation = await agent.conversation(conversationId);
    expect(conversation.meta.hmac_verified).to.equal(true);
  });

  it('sends typing on once and off after the message is sent', async () => {
    const { session } = await startSession();
    await session.send('hi');
    await waitFor(() => session.store.state.conversation, 'the conversation');
    const before = (await stats()).requests['conversations.toggle_typing'] ?? 0;
    for (let key = 0; key < 10; key++) session.noteTyping();
    await session.send('typed');
    await waitFor(async () => ((await stats()).requests['conversations.toggle_typing'] ?? 0) - before === 2, 'typing on and off');
  });

  it('drops private-note typing and shows the agent typing', async () => {
    const { session } = await startSession();
    await session.send('hi');
    const conversationId = (await waitFor(() => session.store.state.conversation, 'the conversation')).id;
    await open(session);
    await agent.typing(conversationId, 'on', true);
    await agent.reply(conversationId, 'marker');
    await waitFor(() => contents(session).includes('marker'), 'the marker');
    expect(session.store.state.typing).to.equal(undefined);
    await agent.typing(conversationId, 'on');
    await waitFor(() => session.store.state.typing, 'the agent typing');
    await agent.typing(conversationId, 'off');
    await waitFor(() => !session.store.state.typing, 'the typing to stop');
  });

  it('answers interactive messages and reflects the answer from the server', async () => {
    const { session } = await startSession();
    await session.send('hi');
    const conversationId = (await sentConversation(session)).id;
    await open(session);
    const select = await agent.reply(conversationId, 'Pick one', {
      content_type: 'input_select', content_attributes: { items: [{ title: 'Yes', value: 'yes' }, { title: 'No', value: 'no' }] },
    });
    await waitFor(() => session.store.hasMessage(select.id), 'the select message');
    await session.answer(select.id, [{ title: 'No', value: 'no' }]);
    const answered = session.store.state.messages.find((message) => message.id === select.id)!;
    expect(answered.content_attributes.submitted_values).to.deep.equal([{ title: 'No', value: 'no' }]);
    const email = await agent.reply(conversationId, 'Your e-mail?', { content_type: 'input_email' });
    await waitFor(() => session.store.hasMessage(email.id), 'the e-mail question');
    await session.submitEmail(email.id, 'visitor@example.com');
    expect(session.store.state.contact!.email).to.equal('visitor@example.com');
    const csat = await agent.reply(conversationId, 'Rate us', { content_type: 'input_csat', message_type: 'template', content_attributes: { display_type: 'star' } });
    await waitFor(() => session.store.hasMessage(csat.id), 'the survey');
    await session.rate(csat.id, 4, 'quick');
    const rated = session.store.state.messages.find((message) => message.id === csat.id)!;
    expect(rated.content_attributes.submitted_values).to.deep.equal({ csat_survey_response: { rating: 4, feedback_message: 'quick' } });
  });

  it('starts a new conversation after the old one was resolved', async () => {
    const { session } = await startSession();
    await session.send('first conversation');
    const first = (await sentConversation(session)).id;
    await session.resolve();
    expect(session.store.state.conversation!.status).to.equal('resolved');
    await session.startNewConversation();
    expect(session.store.state.conversation!.id).to.not.equal(first);
    expect(session.store.state.messages).to.have.length(0);
    await session.send('second conversation');
    await waitFor(() => session.outbox.length === 0, 'the message to be sent');
    expect((await agent.messages(session.store.state.conversation!.id)).map((message) => message.content)).to.deep.equal(['second conversation']);
  });

  it('reports a wrong inbox as a readable error', async () => {
    const { url } = await standIn();
    const session = new ChatSession({ baseUrl: url, inbox: 'no-such-inbox' });
    sessions.push(session);
    const errors: string[] = [];
    session.on('error', (error) => errors.push(error.code));
    await session.start();
    expect(session.store.state.phase).to.equal('error');
    expect(session.store.state.error?.code).to.equal('not-found');
    expect(errors).to.include('not-found');
  });
});
