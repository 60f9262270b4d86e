// RELIABILITY.md §3 B1: the agent sends N messages while the stand-in kills the visitor's socket at seeded
// random instants (mixed modes, outages), duplicates 10 % of broadcasts and shuffles them in 500 ms windows.
// Quick set (npm test): 3 seeds, N = 100 at 20/s, 4 kills. Soak (npm run test:soak): 20 seeds, N = 200 at 5/s, 10 kills.
import { expect } from '@open-wc/testing';
import { addFault, agent, clearFaults, freshInbox, pause } from '../helpers/stand-in.js';
import { mode } from './mode.js';
import {
  agentMessages, disposeSubjects, duplicateIds, liveConversation, outOfOrder, startSubject, waitFor, watchErrors, withSeed,
} from './helpers.js';

const QUICK = { seeds: [101, 102, 103], messages: 100, everyMs: 50, kills: 4, intervalMs: [500, 1200], outageMs: [500, 3000] };
const SOAK = { seeds: Array.from({ length: 20 }, (_, index) => index + 1), messages: 200, everyMs: 200, kills: 10, intervalMs: [1000, 3800], outageMs: [500, 8000] };
const plan = mode.soak ? { ...SOAK, seeds: mode.seeds.length ? mode.seeds : SOAK.seeds } : QUICK;

describe('B1 chaos', () => {
  afterEach(async () => {
    disposeSubjects();
    await clearFaults();
  });

  for (const seed of plan.seeds) {
    it(`B1 seed ${seed}: ${plan.messages} agent messages through ${plan.kills} socket kills, duplicates and reordering arrive exactly once, in order`, async function () {
      this.timeout(plan.messages * plan.everyMs + 60_000);
      await withSeed(seed, async () => {
        // the stand-in's per-minute message limit (200 by default) would refuse the soak's 200 in 40 s
        const { inboxIdentifier } = await freshInbox({ message_limit_per_minute: 1000 });
        const subject = await startSubject({ inbox: inboxIdentifier });
        const conversationId = await liveConversation(subject.session);
        const watcher = watchErrors();
        await addFault({ kind: 'duplicate', rate: 0.1, seed });
        await addFault({ kind: 'reorder', window_ms: 500, seed });
        await addFault({
          kind: 'random-drops', seed, count: plan.kills, token: subject.session.store.state.contact!.pubsub_token,
          min_interval_ms: plan.intervalMs[0], max_interval_ms: plan.intervalMs[1], outage_ms: plan.outageMs,
          modes: ['close', 'terminate', 'disconnect', 'half-open'],
        });
        const started = performance.now();
        for (let index = 1; index <= plan.messages; index++) {
          await agent.reply(conversationId, `chaos ${index}`);
          await pause(Math.max(0, started + index * plan.everyMs - performance.now()));
        }
        await clearFaults();
        const expected = Array.from({ length: plan.messages }, (_, index) => `chaos ${index + 1}`);
        await waitFor(() => agentMessages(subject.session).length >= plan.messages && subject.session.store.state.connection === 'open',
          `all ${plan.messages} agent messages and a live connection`, 45_000);
        await pause(600); // a duplicate still in a reorder window would show now
        watcher.stop();
        const { messages } = subject.session.store.state;
        expect(agentMessages(subject.session).map((message) => message.content)).to.deep.equal(expected);
        expect(duplicateIds(messages)).to.deep.equal([]);
        expect(outOfOrder(messages)).to.deep.equal([]);
        expect(watcher.errors).to.deep.equal([]);
        const pagedBack = subject.requests.some((request) => request.url.includes('/messages?before='));
        // a kill that lands during an outage finds no socket, so fewer new sockets than kills
        expect(subject.sockets.length, 'sockets: at least two kills took effect').to.be.at.least(3);
        if (!mode.soak) expect(pagedBack, 'a catch-up paged back (an outage covered > 20 messages)').to.equal(true);
      });
    });
  }
});
