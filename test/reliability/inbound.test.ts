// RELIABILITY.md §3 B2–B7: inbound delivery (agent → visitor) through outages, against the stand-in.
// B1 (chaos) is in chaos.test.ts.
import { expect } from '@open-wc/testing';
import type { ChatState } from '../../services/conversation-store.js';
import { addFault, agent, clearFaults, seedMessages, stats } from '../helpers/stand-in.js';
import {
  agentMessages, disposeSubjects, duplicateIds, liveConversation, ManualLifecycle, outOfOrder, requestsOf, startSubject,
  waitFor, type Subject,
} from './helpers.js';

const tokenOf = (subject: Subject) => subject.session.store.state.contact!.pubsub_token;
const agentContents = (subject: Subject) => agentMessages(subject.session).map((message) => message.content);
const numbered = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => `${prefix}${from + index}`);

/** Drops the visitor's socket and keeps new ones out for `ms`; resolves once the session knows it is down. */
async function outage(subject: Subject, ms: number): Promise<void> {
  await addFault({ kind: 'refuse-connections', ms });
  await addFault({ kind: 'drop-sockets', mode: 'terminate', token: tokenOf(subject) });
  await waitFor(() => subject.session.store.state.connection !== 'open', 'the session to see the drop');
}

const backLive = (subject: Subject, what: string, timeoutMs = 15_000) =>
  waitFor(() => subject.session.store.state.connection === 'open', what, timeoutMs);

describe('B inbound delivery', () => {
  afterEach(async () => {
    disposeSubjects();
    await clearFaults();
  });

  it('B2: 75 messages during one outage are held once and in order, fetched in ≤ 5 pages within 3 s of the confirmation', async function () {
    this.timeout(30_000);
    const subject = await startSubject();
    const conversationId = await liveConversation(subject.session);
    await outage(subject, 3000);
    const lists = requestsOf(await stats(), 'messages.list');
    for (let index = 1; index <= 75; index++) await agent.reply(conversationId, `gap ${index}`);
    expect(subject.session.store.state.connection, 'still down after the 75 replies').to.not.equal('open');
    let allHeldAt = 0;
    const unsubscribe = subject.session.store.subscribe(() => {
      if (!allHeldAt && agentMessages(subject.session).length === 75) allHeldAt = performance.now();
    });
    await backLive(subject, 'reconnected and caught up');
    unsubscribe();
    const confirmedAt = subject.sockets.at(-1)!.confirmedAt!;
    expect(agentContents(subject)).to.deep.equal(numbered('gap ', 1, 75));
    expect(duplicateIds(subject.session.store.state.messages)).to.deep.equal([]);
    expect(outOfOrder(subject.session.store.state.messages)).to.deep.equal([]);
    expect(requestsOf(await stats(), 'messages.list') - lists, 'message list pages').to.be.at.most(5);
    expect(allHeldAt - confirmedAt).to.be.within(0, 3000);
  });

  it('B2: messages older than the newest one held, lost by the socket (delivered out of order before a drop), are recovered', async () => {
    const subject = await startSubject();
    const conversationId = await liveConversation(subject.session);
    // two messages the socket never delivers, then one it does: held "start", "held"; lost "lost 1", "lost 2"
    await seedMessages(conversationId, { count: 2, message_type: 1, content_prefix: 'lost ', interval_seconds: 0 });
    await agent.reply(conversationId, 'held');
    await waitFor(() => agentContents(subject).includes('held'), 'the delivered one');
    await outage(subject, 1000);
    // 19 more while down: the latest page then starts exactly at the newest message held
    await seedMessages(conversationId, { count: 19, message_type: 1, content_prefix: 'after ', interval_seconds: 0 });
    await backLive(subject, 'reconnected and caught up');
    expect(agentContents(subject)).to.deep.equal(['lost 1', 'lost 2', 'held', ...numbered('after ', 1, 19)]);
  });

  it('B3: 250 messages during an outage: the newest 200 held with a history-gap notice, and loadOlder fills the rest once', async function () {
    this.timeout(30_000);
    const subject = await startSubject();
    const conversationId = await liveConversation(subject.session);
    await outage(subject, 1000);
    await seedMessages(conversationId, { count: 250, message_type: 1, content_prefix: 'missed ' });
    await backLive(subject, 'reconnected');
    const { state } = subject.session.store;
    expect(agentContents(subject)).to.deep.equal(numbered('missed ', 51, 250));
    expect(state.notices).to.include('history-gap');
    expect(state.hasOlder).to.equal(true);
    for (let page = 0; page < 20 && subject.session.store.state.hasOlder; page++) await subject.session.loadOlder();
    const after = subject.session.store.state;
    expect(agentContents(subject)).to.deep.equal(numbered('missed ', 1, 250));
    expect(after.messages[0].content).to.equal('start');
    expect(duplicateIds(after.messages)).to.deep.equal([]);
    expect(outOfOrder(after.messages)).to.deep.equal([]);
    expect(after.notices).to.not.include('history-gap');
  });

  it('B4: when the first two message lists answer 500 and the third 200, recovery succeeds within 3 attempts', async function () {
    this.timeout(20_000);
    const subject = await startSubject();
    const conversationId = await liveConversation(subject.session);
    await outage(subject, 1000);
    for (const text of ['missed 1', 'missed 2']) await agent.reply(conversationId, text);
    await addFault({ kind: 'http', route: 'messages.list', status: 500, count: 2 });
    const lists = requestsOf(await stats(), 'messages.list');
    await backLive(subject, 'reconnected and caught up');
    expect(agentContents(subject)).to.deep.equal(['missed 1', 'missed 2']);
    expect(requestsOf(await stats(), 'messages.list') - lists, 'list requests').to.equal(3);
    expect(subject.session.store.state.notices).to.deep.equal([]);
  });

  it('B4: when every attempt fails, the session shows catch-up-failed (never open and silently stale) and recovers on resume', async function () {
    this.timeout(20_000);
    const lifecycle = new ManualLifecycle();
    const subject = await startSubject({ lifecycle });
    const conversationId = await liveConversation(subject.session);
    await outage(subject, 1000);
    for (const text of ['missed 1', 'missed 2']) await agent.reply(conversationId, text);
    await addFault({ kind: 'http', route: 'messages.list', status: 500, count: 3 });
    const silentlyStale: ChatState[] = [];
    const unsubscribe = subject.session.store.subscribe((state) => {
      const caughtUp = agentMessages(subject.session).length === 2;
      if (state.connection === 'open' && !caughtUp && !state.notices.includes('catch-up-failed')) silentlyStale.push(state);
    });
    const notice = await waitFor(() => subject.session.store.state.notices.includes('catch-up-failed'), 'the catch-up-failed notice', 10_000);
    expect(notice).to.equal(true);
    await backLive(subject, 'the socket back');
    lifecycle.fire('resume');
    await waitFor(() => agentMessages(subject.session).length === 2, 'the recovery on resume', 5000);
    unsubscribe();
    expect(silentlyStale, 'states open, missing messages, without a notice').to.have.length(0);
    expect(subject.session.store.state.notices).to.not.include('catch-up-failed');
  });

  it('B5: a private note and an activity line handed to the session are never held', async () => {
    const subject = await startSubject();
    const conversationId = await liveConversation(subject.session);
    const identifier = JSON.stringify({ channel: 'RoomChannel', pubsub_token: tokenOf(subject) });
    const base = { content_type: 'text', content_attributes: {}, created_at: Math.floor(Date.now() / 1000), conversation_id: conversationId };
    const frames = [
      { ...base, id: 990_000_001, content: 'private note', message_type: 1, private: true },
      { ...base, id: 990_000_002, content: 'Conversation was resolved', message_type: 2 },
    ];
    for (const data of frames) {
      await addFault({ kind: 'raw-frame', token: tokenOf(subject), frame: JSON.stringify({ identifier, message: { event: 'message.created', data } }) });
    }
    await agent.reply(conversationId, 'marker');
    await waitFor(() => agentContents(subject).includes('marker'), 'the marker after them');
    expect(subject.session.store.state.messages.map((message) => message.content)).to.deep.equal(['start', 'marker']);
    expect(subject.session.malformedFrames).to.equal(0);
  });

  it('B6: updates apply in place; an unknown id and an older version are ignored', async () => {
    const subject = await startSubject();
    const conversationId = await liveConversation(subject.session);
    const replies = [await agent.reply(conversationId, 'one'), await agent.reply(conversationId, 'two'), await agent.reply(conversationId, 'three')];
    await waitFor(() => agentMessages(subject.session).length === 3, 'three replies');
    const held = agentMessages(subject.session)[1];
    const identifier = JSON.stringify({ channel: 'RoomChannel', pubsub_token: tokenOf(subject) });
    const update = (data: Record<string, unknown>) => addFault({
      kind: 'raw-frame', token: tokenOf(subject), frame: JSON.stringify({ identifier, message: { event: 'message.updated', data } }),
    });
    const shifted = (ms: number) => new Date(Date.parse(held.updated_at!) + ms).toISOString();
    await update({ ...held, content: 'two (edited)', updated_at: shifted(60_000) });
    await update({ ...held, id: 990_000_003, content: 'unknown' });
    await update({ ...held, content: 'two (stale)', updated_at: shifted(-60_000) });
    // a real update last (the agent deletes "three"): the frames before it were all handled by then
    await agent.request('DELETE', `/conversations/${conversationId}/messages/${replies[2].id}`);
    await waitFor(() => agentMessages(subject.session)[2]?.content_attributes.deleted, 'the deletion');
    const messages = agentMessages(subject.session);
    expect(messages.map((message) => message.id)).to.deep.equal(replies.map((reply) => reply.id));
    expect(messages.map((message) => message.content)).to.deep.equal(['one', 'two (edited)', 'This message was deleted']);
    expect(subject.session.store.hasMessage(990_000_003)).to.equal(false);
  });

  it('B7: a conversation resolved while the visitor was offline shows resolved within 5 s of the confirmation', async function () {
    this.timeout(20_000);
    const subject = await startSubject();
    const conversationId = await liveConversation(subject.session);
    await outage(subject, 1000);
    await agent.request('POST', `/conversations/${conversationId}/toggle_status`, { status: 'resolved' });
    await backLive(subject, 'reconnected');
    const confirmedAt = subject.sockets.at(-1)!.confirmedAt!;
    await waitFor(() => subject.session.store.state.conversation?.status === 'resolved', 'the resolved status', 5000);
    expect(performance.now() - confirmedAt).to.be.at.most(5000);
  });
});
