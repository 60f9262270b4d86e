// RELIABILITY.md §3 H1–H2: a visitor's wall clock that is wrong, or jumps, changes neither the order of the
// conversation nor the connection (server times order messages; liveness runs on performance.now()).
import { expect } from '@open-wc/testing';
import { addFault, agent, clearFaults, pause } from '../helpers/stand-in.js';
import {
  disposeSubjects, duplicateIds, liveConversation, ManualLifecycle, outOfOrder, startSubject, waitFor, withClockOffset, type Subject,
} from './helpers.js';

const HOUR = 3600_000;
const tokenOf = (subject: Subject) => subject.session.store.state.contact!.pubsub_token;
const contents = (subject: Subject) => subject.session.store.state.messages.map((message) => message.content);

describe('H clock skew', () => {
  afterEach(async () => {
    disposeSubjects();
    await clearFaults();
  });

  for (const offset of [-24 * HOUR, 24 * HOUR]) {
    it(`H1: with the visitor's clock ${offset > 0 ? '+' : '−'}24 h off, the order is the server's and there is no extra reconnect`, async function () {
      this.timeout(20_000);
      await withClockOffset(offset, async () => {
        const lifecycle = new ManualLifecycle();
        const subject = await startSubject({ lifecycle });
        const conversationId = await liveConversation(subject.session, 'v0');
        for (let round = 1; round <= 3; round++) {
          await subject.session.send(`v${round}`);
          await waitFor(() => subject.session.outbox.length === 0, `v${round} sent`);
          await agent.reply(conversationId, `a${round}`);
          await waitFor(() => contents(subject).includes(`a${round}`), `a${round}`);
        }
        // a message waiting to be sent shows last, whatever its local time says
        lifecycle.fire('offline');
        await subject.session.send('pending');
        await agent.reply(conversationId, 'a4');
        await waitFor(() => contents(subject).includes('a4'), 'a4 while the send waits');
        expect(contents(subject).at(-1)).to.equal('pending');
        lifecycle.fire('online');
        // the agent's next reply must reach the server after the waiting message does, or the server orders it first
        await waitFor(() => subject.session.outbox.length === 0, 'pending sent once online');
        await addFault({ kind: 'drop-sockets', mode: 'terminate', token: tokenOf(subject) });
        await agent.reply(conversationId, 'a5');
        await waitFor(() => contents(subject).includes('a5') && subject.session.outbox.length === 0 && subject.session.store.state.connection === 'open',
          'a5 after the reconnect');
        expect(contents(subject)).to.deep.equal(['v0', 'v1', 'a1', 'v2', 'a2', 'v3', 'a3', 'a4', 'pending', 'a5']);
        expect(outOfOrder(subject.session.store.state.messages)).to.deep.equal([]);
        expect(duplicateIds(subject.session.store.state.messages)).to.deep.equal([]);
        expect(subject.sockets, 'the first socket and the one after the drop').to.have.length(2);
      });
    });
  }

  it('H2: wall-clock jumps of +1 h and −1 h while connected cause no reconnect, and stale detection still works after them', async function () {
    this.timeout(30_000);
    const subject = await startSubject();
    await liveConversation(subject.session);
    let offset = 0;
    await withClockOffset(() => offset, async () => {
      // the stale check runs every second
      offset = HOUR;
      await pause(1500);
      offset = -HOUR;
      await pause(1500);
      expect(subject.sockets, 'sockets after both jumps').to.have.length(1);
      expect(subject.session.store.state.connection).to.equal('open');
      await addFault({ kind: 'silence', token: tokenOf(subject) });
      const [first] = subject.sockets;
      const next = await waitFor(() => subject.sockets[1], 'a new socket after the silence', 12_000);
      expect(next.createdAt - first.lastFrameAt!).to.be.at.most(10_000);
    });
  });
});
