// The long runs, only through `npm run test:soak` (scripts/soak.mjs; not a *.test.ts, so `npm test` skips it):
// RELIABILITY.md §3 B8 (one socket drop a minute, one agent message every 10 s, for CW_RELIABILITY_MINUTES)
// and A3 as written (the server refuses connections for 180 s).
import { expect } from '@open-wc/testing';
import { addFault, agent, clearFaults, pause } from '../helpers/stand-in.js';
import { mode } from './mode.js';
import {
  agentMessages, disposeSubjects, duplicateIds, liveConversation, outOfOrder, startSubject, waitFor, watchErrors,
} from './helpers.js';

const MODES = ['close', 'terminate', 'disconnect', 'half-open'];
/** Chromium's heap size, where the browser reports it. */
const heap = () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;

describe('long runs', () => {
  afterEach(async () => {
    disposeSubjects();
    await clearFaults();
  });

  it(`B8: ${mode.minutes} min with a socket drop every minute and an agent message every 10 s: none lost or duplicated, heap flat`, async function () {
    const minutes = Math.max(1, mode.minutes);
    this.timeout((minutes + 3) * 60_000);
    const subject = await startSubject();
    const conversationId = await liveConversation(subject.session);
    const token = subject.session.store.state.contact!.pubsub_token;
    const watcher = watchErrors();
    const started = performance.now();
    const sent: string[] = [];
    let warmHeap = 0;
    for (let tick = 1; tick <= minutes * 6; tick++) {
      const text = `soak ${tick}`;
      await agent.reply(conversationId, text);
      sent.push(text);
      if (tick % 6 === 3) await addFault({ kind: 'drop-sockets', mode: MODES[(tick / 6 | 0) % MODES.length], token });
      if (tick === Math.min(6, minutes * 6)) warmHeap = heap();
      await pause(Math.max(0, started + tick * 10_000 - performance.now()));
    }
    await waitFor(() => agentMessages(subject.session).length >= sent.length && subject.session.store.state.connection === 'open',
      'every message and a live connection', 30_000);
    watcher.stop();
    const { messages } = subject.session.store.state;
    expect(agentMessages(subject.session).map((message) => message.content)).to.deep.equal(sent);
    expect(duplicateIds(messages)).to.deep.equal([]);
    expect(outOfOrder(messages)).to.deep.equal([]);
    expect(watcher.errors).to.deep.equal([]);
    expect(subject.sockets.length, 'a socket per drop').to.be.at.least(minutes);
    if (warmHeap) expect(heap() - warmHeap, 'heap growth after the first minute (bytes)').to.be.below(10 * 1024 * 1024);
  });

  it('A3: while the server refuses connections for 180 s, attempts never stop, gaps grow to the 30 s cap, and it is back within cap + 1 s', async function () {
    this.timeout(300_000);
    const subject = await startSubject();
    await liveConversation(subject.session);
    const live = subject.sockets.at(-1)!;
    const refusedFrom = performance.now();
    await addFault({ kind: 'refuse-connections', ms: 180_000 });
    await addFault({ kind: 'drop-sockets', mode: 'terminate', token: subject.session.store.state.contact!.pubsub_token });
    const confirmed = await waitFor(() => (subject.sockets.at(-1) !== live ? subject.sockets.at(-1)?.confirmedAt : undefined),
      'the subscription after the refusal', 240_000);
    const attempts = subject.sockets.slice(subject.sockets.indexOf(live) + 1);
    const delays = attempts.map((attempt, index) => attempt.createdAt - (index === 0 ? live.closedAt! : attempts[index - 1].closedAt!));
    expect(delays[0]).to.be.within(250, 1100);
    for (let index = 1; index < delays.length; index++) expect(delays[index], `wait ${index + 1} of ${delays.join(', ')}`).to.be.at.least(delays[index - 1] - 100);
    expect(delays.slice(2).every((delay) => delay >= 500)).to.equal(true);
    expect(Math.max(...delays)).to.be.within(29_000, 30_100);
    expect(confirmed - (refusedFrom + 180_000)).to.be.at.most(31_000);
  });
});
