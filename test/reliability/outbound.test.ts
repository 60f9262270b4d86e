// RELIABILITY.md §3 C2–C9: outbound delivery (visitor → agent) against the stand-in. C1 and the basic C2 and
// C6 cases are in test/services/chat-session.test.ts.
import { expect } from '@open-wc/testing';
import type { ChatMessage, ChatState } from '../../services/conversation-store.js';
import { OutboxFullError, OUTBOX_LIMIT } from '../../services/outbox.js';
import { addFault, agent, clearFaults, pause, stats } from '../helpers/stand-in.js';
import {
  disposeSubjects, ListedStorage, liveConversation, ManualLifecycle, requestsOf, startSubject, waitFor, withClockOffset,
  type Subject,
} from './helpers.js';

const tokenOf = (subject: Subject) => subject.session.store.state.contact!.pubsub_token;
const mine = (subject: Subject) => subject.session.store.state.messages.filter((message) => message.message_type === 0);
const byContent = (subject: Subject, content: string) => subject.session.store.state.messages.filter((message) => message.content === content);
const serverContents = async (conversationId: number) => (await agent.messages(conversationId))
  .filter((message) => message.message_type === 0).map((message) => message.content);
const creates = async () => requestsOf(await stats(), 'messages.create');

/** A fetch that times every message POST and counts how many are in flight at once. */
function timedPosts() {
  const posts: { start: number; end?: number; status?: number }[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const fetchWithTimes: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (init?.method !== 'POST' || !/\/messages$/.test(new URL(url).pathname)) return fetch(input, init);
    const post: (typeof posts)[number] = { start: performance.now() };
    posts.push(post);
    mostInFlight = Math.max(mostInFlight, ++inFlight);
    try {
      const response = await fetch(input, init);
      post.status = response.status;
      return response;
    } finally {
      post.end = performance.now();
      inFlight--;
    }
  };
  return { posts, fetch: fetchWithTimes, mostInFlight: () => mostInFlight };
}

/** Every store state while `run` runs: the entries that are `content` (by echo_id or id) must never be two. */
async function watchEntries(subject: Subject, content: string, run: () => Promise<void>): Promise<number> {
  const states: ChatState[] = [];
  const unsubscribe = subject.session.store.subscribe((state) => states.push(state));
  await run();
  unsubscribe();
  const final = byContent(subject, content);
  expect(final).to.have.length(1);
  const { id, echo_id: echoId } = final[0];
  const entries = (messages: readonly ChatMessage[]) => messages.filter((message) => message.echo_id === echoId || message.id === id).length;
  expect(echoId, 'the held message keeps its echo_id').to.be.a('string');
  return Math.max(...states.map((state) => entries(state.messages)));
}

/** A live conversation whose socket then goes down and stays down for 5 s, and the message POSTs so far. */
async function liveThenSocketDown() {
  const subject = await startSubject();
  const conversationId = await liveConversation(subject.session);
  await addFault({ kind: 'refuse-connections', ms: 5000 });
  await addFault({ kind: 'drop-sockets', mode: 'terminate', token: tokenOf(subject) });
  await waitFor(() => subject.session.store.state.connection !== 'open', 'the socket down');
  return { subject, conversationId, before: await creates() };
}

describe('C outbound delivery', () => {
  afterEach(async () => {
    disposeSubjects();
    await clearFaults();
  });

  it('C2: stored then 504 with the socket down: reconciled by REST alone to one sent message', async () => {
    const { subject, conversationId, before } = await liveThenSocketDown();
    await addFault({ kind: 'http', route: 'messages.create', status: 504, commit: true });
    await subject.session.send('stored, then 504');
    await waitFor(() => subject.session.outbox.length === 0, 'the reconciliation', 5000);
    expect(subject.session.store.state.connection, 'reconciled while the socket was still down').to.not.equal('open');
    expect(await creates() - before).to.equal(1);
    expect(await serverContents(conversationId)).to.deep.equal(['start', 'stored, then 504']);
    expect(byContent(subject, 'stored, then 504').map((message) => message.delivery)).to.deep.equal(['sent']);
  });

  it('C2: a success whose body is not a readable message is reconciled like a timeout: one sent message, nothing unreadable held', async () => {
    const { subject, conversationId, before } = await liveThenSocketDown();
    // stored, answered with JSON that is no message; then stored, answered with a body that is not JSON
    await addFault({ kind: 'http', route: 'messages.create', status: 200, commit: true, body: '{"ok":true}' });
    await subject.session.send('stored, unreadable answer');
    await waitFor(() => subject.session.outbox.length === 0, 'the first reconciliation', 5000);
    await addFault({ kind: 'http', route: 'messages.create', status: 200, commit: true, body: '<html>proxy page</html>' });
    await subject.session.send('stored, not JSON');
    await waitFor(() => subject.session.outbox.length === 0, 'the second reconciliation', 5000);
    expect(await creates() - before, 'POSTs').to.equal(2);
    expect(await serverContents(conversationId)).to.deep.equal(['start', 'stored, unreadable answer', 'stored, not JSON']);
    expect(['stored, unreadable answer', 'stored, not JSON'].map((content) => byContent(subject, content).map((message) => message.delivery)))
      .to.deep.equal([['sent'], ['sent']]);
    expect(subject.session.store.state.messages.every((message) => typeof message.id === 'number' || message.delivery !== 'sent'),
      'every sent message held has an id').to.equal(true);
  });

  it('C2: a 504 for a message that was not stored ends failed with no automatic re-POST, and Retry sends it once', async () => {
    const subject = await startSubject();
    const conversationId = await liveConversation(subject.session);
    const before = await creates();
    await addFault({ kind: 'http', route: 'messages.create', status: 504 });
    await subject.session.send('lost in a 504');
    const failed = await waitFor(() => byContent(subject, 'lost in a 504').find((message) => message.delivery === 'failed'), 'the failure');
    expect(failed.error).to.be.a('string').and.not.equal('');
    await pause(1500);
    expect(await creates() - before, 'POSTs without the visitor asking').to.equal(1);
    subject.session.retry(failed.echo_id!);
    await waitFor(() => subject.session.outbox.length === 0, 'the retry');
    expect(await serverContents(conversationId)).to.deep.equal(['start', 'lost in a 504']);
    expect(byContent(subject, 'lost in a 504').map((message) => message.delivery)).to.deep.equal(['sent']);
  });

  const races: [string, (subject: Subject) => Promise<void>, (subject: Subject) => Promise<void>][] = [
    ['the echo before the POST answer', () => addFault({ kind: 'http', route: 'messages.create', delay_ms: 600 }).then(() => undefined), async () => undefined],
    ['the echo after the POST answer', () => addFault({ kind: 'cable-delay', ms: 600 }).then(() => undefined), async () => undefined],
    ['a REST backfill, then the echo, then the POST answer', async () => {
      await addFault({ kind: 'http', route: 'messages.create', delay_ms: 900 });
      await addFault({ kind: 'cable-delay', ms: 450 });
    }, async (subject) => {
      await pause(150);
      await subject.session.catchUp();
    }],
    ['a REST backfill only, then the POST answer (no echo)', async (subject) => {
      await addFault({ kind: 'silence', token: tokenOf(subject) });
      await addFault({ kind: 'http', route: 'messages.create', delay_ms: 600 });
    }, async (subject) => {
      await pause(150);
      await subject.session.catchUp();
    }],
  ];
  for (const [order, setup, during] of races) {
    it(`C3: with ${order}, no state ever holds the message twice`, async () => {
      const subject = await startSubject();
      await liveConversation(subject.session);
      await setup(subject);
      const most = await watchEntries(subject, 'raced', async () => {
        await subject.session.send('raced');
        await during(subject);
        await waitFor(() => subject.session.outbox.length === 0, 'the POST to finish');
        await pause(700);
      });
      expect(most).to.equal(1);
      expect(subject.session.store.state.messages.map((message) => message.content)).to.deep.equal(['start', 'raced']);
    });
  }

  it('C4: the same text twice within 200 ms makes two server messages and two held messages', async () => {
    const subject = await startSubject();
    const conversationId = await liveConversation(subject.session);
    await subject.session.send('ok');
    await pause(100);
    await subject.session.send('ok');
    await waitFor(() => subject.session.outbox.length === 0, 'both sent');
    await pause(300);
    expect(await serverContents(conversationId)).to.deep.equal(['start', 'ok', 'ok']);
    const held = byContent(subject, 'ok');
    expect(held.map((message) => message.delivery)).to.deep.equal(['sent', 'sent']);
    expect(new Set(held.map((message) => message.id)).size).to.equal(2);
  });

  it('C5: five sends while offline are queued, then go out in order one POST at a time', async () => {
    const lifecycle = new ManualLifecycle();
    const timing = timedPosts();
    const subject = await startSubject({ lifecycle, fetch: timing.fetch });
    const conversationId = await liveConversation(subject.session);
    lifecycle.fire('offline');
    const texts = ['q1', 'q2', 'q3', 'q4', 'q5'];
    for (const text of texts) await subject.session.send(text);
    await pause(300);
    expect(mine(subject).slice(1).map((message) => message.delivery)).to.deep.equal(['queued', 'queued', 'queued', 'queued', 'queued']);
    expect(timing.posts).to.have.length(1);
    lifecycle.fire('online');
    await waitFor(() => subject.session.outbox.length === 0, 'the queue sent');
    expect(timing.mostInFlight()).to.equal(1);
    expect(await serverContents(conversationId)).to.deep.equal(['start', ...texts]);
    const ids = mine(subject).map((message) => message.id!);
    expect(mine(subject).map((message) => message.content)).to.deep.equal(['start', ...texts]);
    expect(ids).to.deep.equal([...ids].sort((a, b) => a - b));
  });

  it(`C5: the ${OUTBOX_LIMIT + 1}st queued send is refused with an error, not dropped silently`, async () => {
    const lifecycle = new ManualLifecycle();
    const subject = await startSubject({ lifecycle });
    await liveConversation(subject.session);
    lifecycle.fire('offline');
    const errors: string[] = [];
    subject.session.on('error', (error) => errors.push(error.code));
    for (let index = 1; index <= OUTBOX_LIMIT; index++) await subject.session.send(`queued ${index}`);
    let refusal: unknown;
    await subject.session.send('one too many').catch((error: unknown) => (refusal = error));
    expect(refusal).to.be.instanceOf(OutboxFullError);
    expect(errors).to.deep.equal(['outbox-full']);
    expect(subject.session.outbox).to.have.length(OUTBOX_LIMIT);
    expect(byContent(subject, 'one too many')).to.have.length(0);
  });

  it('C6: a queued message older than 24 h is dropped with the outbox-expired notice; a younger one is sent once', async () => {
    const storage = new ListedStorage();
    const lifecycle = new ManualLifecycle();
    const first = await startSubject({ storage, lifecycle });
    const conversationId = await liveConversation(first.session);
    lifecycle.fire('offline');
    await first.session.send('from yesterday');
    await withClockOffset(23 * 3600_000, () => first.session.send('from an hour ago'));
    first.session.dispose();
    const reloaded = await withClockOffset(25 * 3600_000, async () => {
      const subject = await startSubject({ storage, inbox: first.inbox });
      await waitFor(() => subject.session.outbox.length === 0, 'the young message sent');
      return subject;
    });
    expect(reloaded.session.store.state.notices).to.include('outbox-expired');
    expect(await serverContents(conversationId)).to.deep.equal(['start', 'from an hour ago']);
  });

  for (const status of [402, 413, 422]) {
    it(`C7: a ${status} ends failed with its reason and is not retried automatically`, async () => {
      const subject = await startSubject();
      const conversationId = await liveConversation(subject.session);
      const before = await creates();
      await addFault({ kind: 'http', route: 'messages.create', status });
      await subject.session.send(`refused with ${status}`);
      const failed = await waitFor(() => byContent(subject, `refused with ${status}`).find((message) => message.delivery === 'failed'), 'the failure');
      expect(failed.error).to.be.a('string').and.not.equal('');
      await pause(1000);
      expect(await creates() - before).to.equal(1);
      expect(await serverContents(conversationId)).to.deep.equal(['start']);
    });
  }

  it('C8: a 429 with a readable Retry-After: 3 holds the next POST 3 s, then it is sent', async function () {
    this.timeout(15_000);
    const timing = timedPosts();
    const subject = await startSubject({ fetch: timing.fetch });
    await liveConversation(subject.session);
    await addFault({ kind: 'http', route: 'messages.create', status: 429, headers: { 'retry-after': '3', 'access-control-expose-headers': 'Retry-After' } });
    await subject.session.send('after a pause');
    await waitFor(() => subject.session.outbox.length === 0, 'sent after the pause', 10_000);
    const [, limited, next] = timing.posts;
    expect(limited.status).to.equal(429);
    expect(next.start - limited.end!).to.be.at.least(3000 - 5);
    expect(byContent(subject, 'after a pause').map((message) => message.delivery)).to.deep.equal(['sent']);
  });

  it('C8: a 429 whose Retry-After the browser hides holds the next POST for the default 2 s, then it is sent', async function () {
    this.timeout(15_000);
    const timing = timedPosts();
    const subject = await startSubject({ fetch: timing.fetch });
    await liveConversation(subject.session);
    await addFault({ kind: 'http', route: 'messages.create', status: 429, headers: { 'retry-after': '3' } });
    await subject.session.send('after the default pause');
    await waitFor(() => subject.session.outbox.length === 0, 'sent after the pause', 10_000);
    const [, limited, next] = timing.posts;
    expect(limited.status).to.equal(429);
    expect(next.start - limited.end!).to.be.within(2000 - 5, 2900);
    expect(byContent(subject, 'after the default pause').map((message) => message.delivery)).to.deep.equal(['sent']);
  });

  it('C9: 20 sends in 1 s make 20 server messages in send order', async () => {
    const subject = await startSubject();
    const conversationId = await liveConversation(subject.session);
    const texts = Array.from({ length: 20 }, (_, index) => `rapid ${index + 1}`);
    const before = await creates();
    for (const text of texts) {
      await subject.session.send(text);
      await pause(50);
    }
    await waitFor(() => subject.session.outbox.length === 0, 'all 20 sent', 10_000);
    expect(await creates() - before).to.equal(20);
    // the agent API lists the latest 20 messages of the conversation
    expect(await serverContents(conversationId)).to.deep.equal(texts);
    const held = mine(subject).slice(1);
    expect(held.map((message) => message.content)).to.deep.equal(texts);
    expect(held.every((message) => message.delivery === 'sent')).to.equal(true);
    const ids = held.map((message) => message.id!);
    expect(ids).to.deep.equal([...ids].sort((a, b) => a - b));
  });
});
