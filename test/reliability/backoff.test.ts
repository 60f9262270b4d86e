// RELIABILITY.md §3 A3 (backoff schedule) and A4 (per-attempt jitter, herds), as units over many draws and
// as one real herd of 50 connections against the stand-in.
import { expect } from '@open-wc/testing';
import { RECONNECT_CAP_MS, reconnectDelay, type ReconnectCause } from '../../services/backoff.js';
import { CableConnection, cableUrlFor } from '../../services/cable-connection.js';
import { ClientApi } from '../../services/client-api.js';
import { addFault, clearFaults, freshInbox, standIn, waitFor } from '../helpers/stand-in.js';
import { recordingWebSocket, seededRandom, withSeed, type SocketRecord } from './helpers.js';

const SEQUENCES = 2000;
const ATTEMPTS = 40;
const HERD = 50;

/** The most values of `delays` that fall in any window of `width` ms. */
function busiestWindow(delays: readonly number[], width = 100): number {
  const sorted = [...delays].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0; start < sorted.length; start++) {
    let end = start;
    while (end < sorted.length && sorted[end] - sorted[start] <= width) end++;
    most = Math.max(most, end - start);
  }
  return most;
}

const spread = (delays: readonly number[]) => Math.max(...delays) - Math.min(...delays);

describe('A3/A4 reconnect backoff', () => {
  const cables: CableConnection[] = [];
  afterEach(async () => {
    for (const cable of cables.splice(0)) cable.dispose();
    await clearFaults();
  });

  for (const cause of ['drop', 'restart'] as ReconnectCause[]) {
    it(`after a ${cause}, delays never shrink, stay under the 30 s cap and go on for ever (${SEQUENCES} seeded sequences)`, async () => {
      for (let seed = 1; seed <= SEQUENCES; seed++) {
        await withSeed(seed, async () => {
          const random = seededRandom(seed);
          const delays = Array.from({ length: ATTEMPTS }, (_, index) => reconnectDelay(index + 1, random, cause));
          expect(delays[0]).to.be.within(250, cause === 'drop' ? 1000 : 4000);
          delays.forEach((delay, index) => {
            expect(delay, `attempt ${index + 1}`).to.be.at.most(RECONNECT_CAP_MS);
            if (index > 0) expect(delay, `attempt ${index + 1} after ${delays[index - 1]}`).to.be.at.least(delays[index - 1]);
            if (index > 1) expect(delay, `attempt ${index + 1}`).to.be.at.least(500);
          });
        });
      }
      expect(reconnectDelay(1_000_000, Math.random, cause)).to.equal(RECONNECT_CAP_MS);
    });
  }

  it('retries a plain drop within 1 s: the first delay of every draw is in [0.25 s, 1 s]', () => {
    const random = seededRandom(7);
    const first = Array.from({ length: 10_000 }, () => reconnectDelay(1, random));
    expect(Math.min(...first)).to.be.at.least(250);
    expect(Math.max(...first)).to.be.at.most(1000);
  });

  it(`spreads the first attempts of a herd of ${HERD} after a server restart over ≥ 0.7 s, ≤ 20 % in any 100 ms (1000 seeded herds)`, async () => {
    for (let seed = 1; seed <= 1000; seed++) {
      await withSeed(seed, async () => {
        // each instance draws its own jitter (its own random source), as 50 separate pages would
        const delays = Array.from({ length: HERD }, (_, index) => reconnectDelay(1, seededRandom(seed * HERD + index), 'restart'));
        expect(spread(delays)).to.be.at.least(700);
        expect(busiestWindow(delays)).to.be.at.most(HERD * 0.2);
      });
    }
  });

  it(`a real herd of ${HERD} connections told "server_restart" at one instant reconnects spread out`, async function () {
    this.timeout(30_000);
    const { url } = await standIn();
    const { inboxIdentifier } = await freshInbox();
    const contact = await new ClientApi({ baseUrl: url, inbox: inboxIdentifier }).createContact({ name: 'Herd' });
    const records: SocketRecord[][] = [];
    for (let index = 0; index < HERD; index++) {
      const sockets: SocketRecord[] = [];
      records.push(sockets);
      const cable = new CableConnection({
        url: cableUrlFor(url), identifier: { channel: 'RoomChannel', pubsub_token: contact.pubsub_token },
        WebSocket: recordingWebSocket(sockets),
      });
      cables.push(cable);
      cable.connect();
    }
    await waitFor(() => cables.every((cable) => cable.status === 'open'), 'every connection subscribed', 15_000);
    const droppedAt = performance.now();
    await addFault({ kind: 'drop-sockets', mode: 'disconnect', token: contact.pubsub_token });
    await waitFor(() => records.every((sockets) => sockets.length >= 2), 'every connection to try again', 10_000);
    const delays = records.map((sockets) => sockets[1].createdAt - droppedAt);
    expect(Math.min(...delays)).to.be.at.least(250);
    expect(Math.max(...delays)).to.be.at.most(5000);
    expect(spread(delays)).to.be.at.least(700);
    expect(busiestWindow(delays)).to.be.at.most(HERD * 0.2);
    await waitFor(() => cables.every((cable) => cable.status === 'open'), 'every connection subscribed again', 10_000);
  });
});
