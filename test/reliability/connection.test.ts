// RELIABILITY.md §3 A: the connection life cycle of a real ChatSession against the stand-in (A1 and A7 are
// in test/services/cable-connection.test.ts; A4 in backoff.test.ts).
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/chat/chat.js';
import type { CwChat } from '../../components/chat/chat.js';
import { CableConnection, cableUrlFor } from '../../services/cable-connection.js';
import { addFault, agent, clearFaults, freshInbox, pause, standIn, stats } from '../helpers/stand-in.js';
import {
  disposeSubjects, liveConversation, ManualLifecycle, recordingWebSocket, reliabilityMode, seededRandom, startSubject,
  waitFor, watchErrors, withSeed, type SocketRecord,
} from './helpers.js';

const contents = (subject: { session: { store: { state: { messages: readonly { content?: string | null }[] } } } }) =>
  subject.session.store.state.messages.map((message) => message.content);
const tokenOf = (subject: Awaited<ReturnType<typeof startSubject>>) => subject.session.store.state.contact!.pubsub_token;

describe('A connection life cycle', () => {
  const extra: { dispose(): void }[] = [];
  afterEach(async () => {
    disposeSubjects();
    for (const item of extra.splice(0)) item.dispose();
    await clearFaults();
  });

  it('A3: retries with growing gaps while the server refuses for 5 s, and is back within cap + 1 s', async function () {
    this.timeout(45_000);
    const subject = await startSubject();
    await liveConversation(subject.session);
    const live = subject.sockets.at(-1)!;
    const refusedFrom = performance.now();
    await addFault({ kind: 'refuse-connections', ms: 5000 });
    await addFault({ kind: 'drop-sockets', mode: 'terminate', token: tokenOf(subject) });
    const confirmed = await waitFor(() => (subject.sockets.at(-1) !== live ? subject.sockets.at(-1)?.confirmedAt : undefined),
      'the subscription on a new socket', 35_000);
    const attempts = subject.sockets.slice(subject.sockets.indexOf(live) + 1);
    const delays = attempts.map((attempt, index) => attempt.createdAt - (index === 0 ? live.closedAt! : attempts[index - 1].closedAt!));
    expect(attempts.length, 'attempts while refused, then the one that got in').to.be.at.least(3);
    expect(delays[0]).to.be.within(250, 1000 + 100);
    // each wait is drawn from a range starting where the previous one ended; 100 ms for timer slack
    for (let index = 1; index < delays.length; index++) expect(delays[index], `wait ${index + 1} of ${delays.join(', ')}`).to.be.at.least(delays[index - 1] - 100);
    expect(Math.max(...delays)).to.be.at.most(30_000 + 100);
    expect(confirmed - (refusedFrom + 5000)).to.be.at.most(31_000);
    await waitFor(() => subject.session.store.state.connection === 'open', 'the session live again');
  });

  it('A3: tells the visitor it is reconnecting at once, that live updates cannot connect after 3 refused handshakes, and neither once back', async function () {
    this.timeout(40_000);
    const subject = await startSubject();
    await liveConversation(subject.session);
    const notices = () => subject.session.store.state.notices;
    await addFault({ kind: 'refuse-connections', ms: 8000 });
    await addFault({ kind: 'drop-sockets', mode: 'terminate', token: tokenOf(subject) });
    await waitFor(() => notices().includes('reconnecting'), 'the reconnecting notice', 2000);
    expect(notices()).to.not.include('live-unavailable');
    // the first three attempts come within 1 + 2 + 4 s, all inside the refusal
    await waitFor(() => notices().includes('live-unavailable'), 'the live-unavailable notice', 8000);
    await waitFor(() => subject.session.store.state.connection === 'open', 'the session live again', 30_000);
    expect(notices()).to.deep.equal([]);
  });

  it('A5: a disconnect with reconnect:false closes for good: revalidated by REST within 2 s, 0 reconnects in 10 s', async function () {
    this.timeout(25_000);
    const lifecycle = new ManualLifecycle();
    const subject = await startSubject({ lifecycle });
    await liveConversation(subject.session);
    const socketCount = subject.sockets.length;
    const contactGets = () => subject.requests.filter((request) => request.method === 'GET' && /\/contacts\/[^/]+$/.test(new URL(request.url).pathname));
    const before = contactGets().length;
    const endedAt = performance.now();
    await addFault({ kind: 'drop-sockets', mode: 'disconnect-final', token: tokenOf(subject) });
    await waitFor(() => subject.session.store.state.connection === 'closed', 'the connection to close');
    const revalidation = await waitFor(() => contactGets()[before], 'the contact revalidated by REST', 2000);
    expect(revalidation.at - endedAt).to.be.at.most(2000);
    await pause(5000);
    lifecycle.fire('resume');
    await pause(5000);
    expect(subject.sockets.length).to.equal(socketCount);
    expect(subject.session.store.state.connection).to.equal('closed');
  });

  it('A6: after "server_restart" the first attempt comes in [0.25, 5] s, and it is confirmed and caught up within 7 s', async function () {
    this.timeout(20_000);
    const subject = await startSubject();
    const conversationId = await liveConversation(subject.session);
    const socketCount = subject.sockets.length;
    const restartAt = performance.now();
    await addFault({ kind: 'drop-sockets', mode: 'disconnect', token: tokenOf(subject) });
    await waitFor(() => subject.session.store.state.connection === 'connecting', 'the drop');
    for (const text of ['during 1', 'during 2', 'during 3']) await agent.reply(conversationId, text);
    await waitFor(() => subject.session.store.state.connection === 'open', 'confirmed and caught up', 8000);
    const doneAt = performance.now();
    expect(subject.sockets[socketCount].createdAt - restartAt).to.be.within(250, 5000);
    expect(doneAt - restartAt).to.be.at.most(7000);
    expect(contents(subject).slice(-3)).to.deep.equal(['during 1', 'during 2', 'during 3']);
  });

  it('A9/A10: over many drop cycles no message command precedes its confirmation, and never two sockets live at once', async function () {
    const { soak } = await reliabilityMode();
    const cycles = soak ? 100 : 15;
    const seed = soak ? Date.now() % 100_000 : 9;
    this.timeout(cycles * 12_000);
    await withSeed(seed, async () => {
      const { url } = await standIn();
      const subject = await startSubject();
      await liveConversation(subject.session);
      const token = tokenOf(subject);
      // a second connection for the same visitor that performs as often as it can
      const rawSockets: SocketRecord[] = [];
      const raw = new CableConnection({
        url: cableUrlFor(url), identifier: { channel: 'RoomChannel', pubsub_token: token }, presenceEveryMs: 100,
        WebSocket: recordingWebSocket(rawSockets),
      });
      extra.push(raw);
      raw.connect();
      const performer = setInterval(() => raw.perform('update_presence'), 20);
      extra.push({ dispose: () => clearInterval(performer) });
      const before = await stats();
      const random = seededRandom(seed);
      // the quick set leaves out the slow modes (a restart waits up to 4 s, a half-open socket 6 s before it is stale)
      const modes = soak ? ['close', 'terminate', 'disconnect', 'half-open'] : ['close', 'terminate'];
      for (let cycle = 0; cycle < cycles; cycle++) {
        await waitFor(() => subject.session.store.state.connection === 'open' && raw.status === 'open', `both live before drop ${cycle + 1}`, 15_000);
        await pause(random() * 300);
        const counts = [subject.sockets.length, rawSockets.length];
        await addFault({ kind: 'drop-sockets', mode: modes[Math.floor(random() * modes.length)], token });
        await waitFor(() => subject.sockets.length > counts[0] && rawSockets.length > counts[1], `new sockets after drop ${cycle + 1}`, 15_000);
      }
      await waitFor(() => subject.session.store.state.connection === 'open' && raw.status === 'open', 'both live at the end', 15_000);
      const after = await stats();
      const early = (counts: typeof after) => (counts.sockets as { unconfirmed?: number }).unconfirmed ?? 0;
      expect(early(after) - early(before), 'message commands the stand-in got before confirming').to.equal(0);
      expect(after.sockets.commands - before.sockets.commands).to.be.above(cycles * 2);
      for (const sockets of [subject.sockets, rawSockets]) {
        expect(sockets.length).to.be.above(cycles);
        for (const record of sockets) {
          if (record.sent.length) expect(record.sent[0].command).to.equal('subscribe');
          const early = record.sent.filter((frame) => frame.command === 'message' && !(record.confirmedAt! <= frame.at));
          expect(early, 'message commands sent before the confirmation').to.deep.equal([]);
        }
        expect(Math.max(...sockets.map((record) => record.liveAtCreation)), 'other sockets live when one was created').to.equal(0);
      }
    });
  });

  it('A11: after dispose(), after removing <cw-chat> and after dispose() during a backoff wait: closed within 1 s, no attempt in 10 s', async function () {
    this.timeout(40_000);
    const { url } = await standIn();
    const live = await startSubject();
    await liveConversation(live.session);
    const waiting = await startSubject();
    await liveConversation(waiting.session);
    const { inboxIdentifier } = await freshInbox();
    const chat = await fixture<CwChat>(html`<cw-chat base-url=${url} inbox=${inboxIdentifier} storage="none" open></cw-chat>`);
    await chat.send('hello');
    await waitFor(() => chat.connection === 'open', 'the element live');
    // the third session loses its socket and waits out a backoff delay after a refused attempt
    await addFault({ kind: 'refuse-connections', ms: 3000 });
    const beforeDrop = waiting.sockets.length;
    await addFault({ kind: 'drop-sockets', mode: 'terminate', token: tokenOf(waiting) });
    await waitFor(() => waiting.sockets.length > beforeDrop && waiting.sockets.at(-1)!.closedAt, 'a refused attempt');
    const openBefore = (await stats()).sockets.open;
    live.session.dispose();
    waiting.session.dispose();
    chat.remove();
    await waitFor(async () => (await stats()).sockets.open <= openBefore - 2, 'the live sockets closed on the server', 1000);
    expect(live.sockets.every((record) => record.socket.readyState === WebSocket.CLOSED)).to.equal(true);
    const attempts = [live.sockets.length, waiting.sockets.length];
    const opened = (await stats()).sockets.opened;
    await pause(10_000);
    expect([live.sockets.length, waiting.sockets.length]).to.deep.equal(attempts);
    expect((await stats()).sockets.opened - opened, 'sockets opened on the server').to.equal(0);
  });

  it('A12: a resume while the backoff waits opens a socket at once and shows what came meanwhile within 5 s', async function () {
    this.timeout(30_000);
    const lifecycle = new ManualLifecycle();
    const subject = await startSubject({ lifecycle });
    const conversationId = await liveConversation(subject.session);
    await addFault({ kind: 'refuse-connections', ms: 60_000 });
    const live = subject.sockets.length;
    await addFault({ kind: 'drop-sockets', mode: 'terminate', token: tokenOf(subject) });
    // after three refused attempts the next wait is 4–8 s
    await waitFor(() => subject.sockets.length >= live + 3 && subject.sockets.at(-1)!.closedAt, 'three refused attempts', 12_000);
    await agent.reply(conversationId, 'while away');
    await clearFaults();
    const attempts = subject.sockets.length;
    const resumedAt = performance.now();
    lifecycle.fire('resume');
    const next = await waitFor(() => subject.sockets[attempts], 'a new socket', 1000);
    expect(next.createdAt - resumedAt).to.be.at.most(200);
    await waitFor(() => contents(subject).includes('while away') && subject.session.store.state.connection === 'open', 'caught up and live', 5000);
  });

  it('A12: an online event catches up by REST while the socket is silently dead', async function () {
    const lifecycle = new ManualLifecycle();
    const subject = await startSubject({ lifecycle });
    const conversationId = await liveConversation(subject.session);
    await addFault({ kind: 'silence', token: tokenOf(subject) });
    await agent.reply(conversationId, 'while silent');
    await pause(300);
    expect(contents(subject)).to.not.include('while silent');
    const sockets = subject.sockets.length;
    lifecycle.fire('online');
    await waitFor(() => contents(subject).includes('while silent'), 'the reply fetched by REST', 3000);
    expect(subject.sockets.length, 'no new socket was needed for it').to.equal(sockets);
  });

  it('A13: abandons a handshake that never completes after 10 s and tries again, with no unhandled error', async function () {
    this.timeout(30_000);
    const watcher = watchErrors();
    const sockets: SocketRecord[] = [];
    // the test server accepts the TCP connection and the upgrade request, and never answers it
    const cable = new CableConnection({
      url: `ws://${location.host}/never-answers`, identifier: { channel: 'RoomChannel', pubsub_token: 'x' },
      WebSocket: recordingWebSocket(sockets),
    });
    extra.push(cable);
    cable.connect();
    await waitFor(() => sockets.length >= 2, 'a second attempt', 14_000);
    watcher.stop();
    const [first, second] = sockets;
    expect(first.openedAt).to.equal(undefined);
    expect(first.closedAt! - first.createdAt).to.be.within(9_900, 10_900);
    expect(second.createdAt - first.closedAt!).to.be.within(250 - 5, 1000 + 100);
    expect(cable.status).to.equal('connecting');
    expect(watcher.errors).to.deep.equal([]);
  });
});
