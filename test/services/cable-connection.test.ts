import { expect } from '@open-wc/testing';
import { CableConnection, type CableProblem } from '../../services/cable-connection.js';
import { cableUrlFor } from '../../services/chat-session.js';
import { ClientApi } from '../../services/client-api.js';
import type { CableEvent } from '../../services/types.js';
import { addFault, agent, clearFaults, freshInbox, standIn, stats, waitFor } from '../helpers/stand-in.js';

/** A contact with a conversation on a fresh inbox, and a cable for its pubsub token. */
async function subscribedContact(options: Partial<ConstructorParameters<typeof CableConnection>[0]> = {}) {
  const { url } = await standIn();
  const { inboxIdentifier } = await freshInbox();
  const api = new ClientApi({ baseUrl: url, inbox: inboxIdentifier });
  const contact = await api.createContact({ name: 'Cable test' });
  const conversation = await api.createConversation(contact.source_id);
  const cable = new CableConnection({
    url: cableUrlFor(url), identifier: { channel: 'RoomChannel', pubsub_token: contact.pubsub_token }, ...options,
  });
  const events: CableEvent[] = [];
  const problems: CableProblem[] = [];
  const subscriptions: boolean[] = [];
  cable.on('event', (event) => events.push(event));
  cable.on('problem', (problem) => problems.push(problem));
  cable.on('subscribed', ({ reconnected }) => subscriptions.push(reconnected));
  cable.connect();
  return { api, contact, conversation, cable, events, problems, subscriptions };
}

describe('CableConnection', () => {
  const open: CableConnection[] = [];
  afterEach(async () => {
    for (const cable of open.splice(0)) cable.dispose();
    await clearFaults();
  });

  it('subscribes with actioncable-v1-json and receives an agent reply as message.created', async () => {
    const subject = await subscribedContact();
    open.push(subject.cable);
    await waitFor(() => subject.cable.status === 'open', 'the subscription');
    await agent.reply(subject.conversation.id, 'Hello from the agent');
    const event = await waitFor(() => subject.events.find((item) => item.event === 'message.created'), 'message.created');
    expect(event.data).to.include({ content: 'Hello from the agent', message_type: 1, conversation_id: subject.conversation.id });
  });

  it('subscribes again after every welcome on a new socket', async () => {
    const subject = await subscribedContact();
    open.push(subject.cable);
    await waitFor(() => subject.subscriptions.length === 1, 'the first subscription');
    await addFault({ kind: 'drop-sockets', mode: 'terminate' });
    await waitFor(() => subject.subscriptions.length === 2, 'the subscription on the new socket');
    expect(subject.subscriptions).to.deep.equal([false, true]);
  });

  it('declares a silent socket stale 5.5 s after its last frame, closes it and opens a new one', async () => {
    const sockets: { lastFrame: number; closed: number }[] = [];
    /** The real socket, noting when it last heard a frame and when the kit closed it. */
    class TimedSocket extends WebSocket {
      readonly times = { lastFrame: 0, closed: 0 };

      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        sockets.push(this.times);
        this.addEventListener('message', () => (this.times.lastFrame = performance.now()));
      }

      override close(code?: number, reason?: string): void {
        this.times.closed ||= performance.now();
        super.close(code, reason);
      }
    }
    const subject = await subscribedContact({ WebSocket: TimedSocket });
    open.push(subject.cable);
    await waitFor(() => subject.cable.status === 'open', 'the subscription');
    const silenced = sockets.at(-1)!;
    await addFault({ kind: 'silence' });
    await waitFor(() => sockets.at(-1) !== silenced, 'a new socket', 12_000);
    // a timer at the deadline: noticed 5.5 s after the last frame, not up to a polling interval later
    expect(silenced.closed - silenced.lastFrame).to.be.within(5500, 6000);
  });

  it('ignores and counts 100 malformed frames, and stays subscribed', async () => {
    const subject = await subscribedContact();
    open.push(subject.cable);
    await waitFor(() => subject.cable.status === 'open', 'the subscription');
    const errors: unknown[] = [];
    const record = (event: Event) => errors.push(event);
    window.addEventListener('error', record);
    window.addEventListener('unhandledrejection', record);
    try {
      await addFault({ kind: 'malformed', count: 100, seed: 3 });
      await waitFor(() => subject.cable.malformedCount === 100, '100 malformed frames counted');
      await agent.reply(subject.conversation.id, 'still here');
      await waitFor(() => subject.events.some((item) => item.event === 'message.created'), 'a valid frame after them');
    } finally {
      window.removeEventListener('error', record);
      window.removeEventListener('unhandledrejection', record);
    }
    expect(errors).to.deep.equal([]);
    expect(subject.cable.malformedCount).to.equal(100);
    expect(subject.cable.status).to.equal('open');
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('performs update_presence on the confirmed subscription at its interval', async () => {
    const subject = await subscribedContact({ presenceEveryMs: 200 });
    open.push(subject.cable);
    await waitFor(() => subject.cable.status === 'open', 'the subscription');
    const presence = () => subject.events.filter((item) => item.event === 'presence.update').length;
    const initial = presence();
    await waitFor(() => presence() >= initial + 3, 'presence updates answering update_presence', 3000);
  });

  it('retries an unconfirmed subscribe once, then gives up on that socket and opens a fresh one', async () => {
    const { url } = await standIn();
    const before = await stats();
    const cable = new CableConnection({
      url: cableUrlFor(url), identifier: { channel: 'RoomChannel', pubsub_token: 'unknown-token' },
      subscribeRetryMs: 200, subscribeGiveUpMs: 500,
    });
    open.push(cable);
    const problems: CableProblem[] = [];
    cable.on('problem', (problem) => problems.push(problem));
    cable.connect();
    await waitFor(() => problems.some((problem) => problem.code === 'subscription-failed'), 'the subscription to fail');
    await waitFor(async () => (await stats()).sockets.opened >= before.sockets.opened + 2, 'a fresh socket', 5000);
    const after = await stats();
    expect(after.sockets.subscribes - before.sockets.subscribes).to.be.within(2, 3);
    expect(cable.status).to.equal('connecting');
  });

  it('ends on a disconnect frame with reconnect:false', async () => {
    const subject = await subscribedContact();
    open.push(subject.cable);
    await waitFor(() => subject.cable.status === 'open', 'the subscription');
    await addFault({ kind: 'drop-sockets', mode: 'disconnect-final' });
    await waitFor(() => subject.problems.some((problem) => problem.code === 'ended'), 'the connection to end');
    expect(subject.cable.status).to.equal('closed');
  });

  it('sends nothing but subscribe before the subscription is confirmed', async () => {
    const subject = await subscribedContact();
    open.push(subject.cable);
    expect(subject.cable.perform('update_presence')).to.equal(false);
    await waitFor(() => subject.cable.status === 'open', 'the subscription');
    expect(subject.cable.perform('update_presence')).to.equal(true);
  });
});
