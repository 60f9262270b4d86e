// Every fault kind of the control API does what server/README.md says, and the control API's own rules.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { startStandIn } from '../../server/index.js';
import { client, freshConversation, openCable, sleep } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof startStandIn>>} */
let standIn;
/** @type {ReturnType<typeof client>} */
let api;
/** @type {Awaited<ReturnType<typeof openCable>>[]} */
const cables = [];

before(async () => {
  standIn = await startStandIn({ port: 0 });
  api = client(standIn);
});

afterEach(async () => {
  await api.request('DELETE', '/__standin/faults', { agent: true });
});

after(async () => {
  for (const cable of cables) cable.close();
  await standIn.close();
});

/** @param {Record<string, any>} fault */
async function inject(fault) {
  const answer = await api.request('POST', '/__standin/faults', { json: fault, agent: true });
  assert.equal(answer.status, 200, answer.text);
  assert.ok(Number.isInteger(answer.body.id));
  return answer.body;
}

/** A conversation with its contact subscribed on a raw socket. */
async function listening() {
  const fixture = await freshConversation(standIn);
  const cable = await openCable(standIn);
  cables.push(cable);
  await cable.subscribe({ pubsub_token: fixture.contact.pubsub_token });
  return { ...fixture, cable };
}

/** Frames that are neither welcome, ping, confirmation nor presence. @param {Awaited<ReturnType<typeof openCable>>} cable @param {number} from */
const injectedSince = (cable, from) => cable.frames.slice(from).filter((frame) =>
  !['welcome', 'ping', 'confirm_subscription'].includes(frame.json?.type) && frame.json?.message?.event !== 'presence.update');

test('http fault without commit: the status comes back and nothing is created', async () => {
  const { conversationPath } = await freshConversation(standIn);
  await inject({ kind: 'http', route: 'messages.create', status: 500 });
  const failed = await api.post(`${conversationPath}/messages`, { content: 'lost' });
  assert.equal(failed.status, 500);
  assert.deepEqual(failed.body, { status: 500, error: 'Internal Server Error' });
  assert.equal((await api.get(`${conversationPath}/messages`)).body.length, 0);
  assert.equal((await api.post(`${conversationPath}/messages`, { content: 'kept' })).status, 200, 'count 1: the next one passes');
});

test('http fault with commit: the message is created and broadcast, then the status comes back', async () => {
  const { conversationPath, cable } = await listening();
  await inject({ kind: 'http', route: 'messages.create', status: 504, commit: true });
  const answer = await api.post(`${conversationPath}/messages`, { content: 'ambiguous', echo_id: 'commit-1' });
  assert.equal(answer.status, 504);
  const created = await cable.waitForEvent('message.created', (data) => data.echo_id === 'commit-1');
  const listed = (await api.get(`${conversationPath}/messages`)).body;
  assert.deepEqual(listed.map((/** @type {any} */ message) => message.id), [created.data.id]);
});

test('http fault: delay, count, headers and the Rack::Attack 429 body', async () => {
  const inbox = `/public/api/v1/inboxes/${standIn.info.inboxIdentifier}`;
  await inject({ kind: 'http', route: 'inbox.show', delay_ms: 300 });
  const started = Date.now();
  assert.equal((await api.get(inbox)).status, 200);
  assert.ok(Date.now() - started >= 290, 'answered after the delay');
  await inject({ kind: 'http', route: 'inbox.show', status: 429, count: 2, headers: { 'retry-after': '3' } });
  for (let index = 0; index < 2; index++) {
    const limited = await api.get(inbox);
    assert.equal(limited.status, 429);
    assert.equal(limited.text, 'Retry later');
    assert.equal(limited.headers.get('retry-after'), '3');
  }
  assert.equal((await api.get(inbox)).status, 200);
});

test('drop-sockets: close, terminate, disconnect, disconnect-final and half-open', async () => {
  const closing = await listening();
  await inject({ kind: 'drop-sockets', mode: 'close', token: closing.contact.pubsub_token });
  assert.equal(await closing.cable.closed, 1000);

  const terminated = await listening();
  await inject({ kind: 'drop-sockets', mode: 'terminate', token: terminated.contact.pubsub_token });
  assert.equal(await terminated.cable.closed, 1006);

  for (const [mode, reason, reconnect] of [['disconnect', 'server_restart', true], ['disconnect-final', 'unauthorized', false]]) {
    const fixture = await listening();
    await inject({ kind: 'drop-sockets', mode, token: fixture.contact.pubsub_token });
    const frame = await fixture.cable.waitFor((json) => json?.type === 'disconnect');
    assert.deepEqual(frame, { type: 'disconnect', reason, reconnect });
    assert.equal(await fixture.cable.closed, 1000);
  }

  const halfOpen = await listening();
  const bystander = await listening();
  await inject({ kind: 'drop-sockets', mode: 'half-open', token: halfOpen.contact.pubsub_token });
  const before = halfOpen.cable.frames.length;
  halfOpen.cable.send({ command: 'subscribe', identifier: JSON.stringify({ channel: 'RoomChannel', pubsub_token: bystander.contact.pubsub_token }) });
  await api.agent('POST', `${halfOpen.agentPath}/messages`, { content: 'into the void' });
  await api.agent('POST', `${bystander.agentPath}/messages`, { content: 'still here' });
  await bystander.cable.waitForEvent('message.created');
  await sleep(100);
  assert.equal(halfOpen.cable.frames.length, before, 'nothing more arrives, subscribes are ignored');
  assert.equal(halfOpen.cable.socket.readyState, WebSocket.OPEN, 'TCP stays open');
});

test('silence holds every frame back without closing until the faults are cleared', async () => {
  const quiet = await listening();
  const loud = await listening();
  await inject({ kind: 'silence', token: quiet.contact.pubsub_token });
  const before = quiet.cable.frames.length;
  await api.agent('POST', `${quiet.agentPath}/messages`, { content: 'shh' });
  await api.agent('POST', `${loud.agentPath}/messages`, { content: 'hey' });
  await loud.cable.waitForEvent('message.created');
  await sleep(100);
  assert.equal(quiet.cable.frames.length, before);
  assert.equal(quiet.cable.socket.readyState, WebSocket.OPEN);
  await api.request('DELETE', '/__standin/faults', { agent: true });
  await api.agent('POST', `${quiet.agentPath}/messages`, { content: 'again' });
  await quiet.cable.waitForEvent('message.created', (data) => data.content === 'again');
});

test('cable-delay delivers broadcasts later', async () => {
  const { agentPath, cable } = await listening();
  await inject({ kind: 'cable-delay', ms: 300 });
  const sent = Date.now();
  await api.agent('POST', `${agentPath}/messages`, { content: 'slow' });
  await cable.waitForEvent('message.created');
  assert.ok(Date.now() - sent >= 290);
});

test('duplicate sends broadcast frames twice', async () => {
  const { agentPath, cable } = await listening();
  await inject({ kind: 'duplicate', rate: 1, seed: 3 });
  const reply = await api.agent('POST', `${agentPath}/messages`, { content: 'twice' });
  await cable.waitFor(() => cable.events('message.created').filter((message) => message.data.id === reply.body.id).length === 2);
});

test('reorder shuffles broadcasts within a window', async () => {
  const { agentPath, cable } = await listening();
  await inject({ kind: 'reorder', window_ms: 500, seed: 11 });
  const ids = [];
  for (let index = 0; index < 8; index++) ids.push((await api.agent('POST', `${agentPath}/messages`, { content: `r${index}` })).body.id);
  await cable.waitFor(() => cable.events('message.created').length === 8, 3000);
  const received = cable.events('message.created').map((message) => message.data.id);
  assert.deepEqual([...received].sort((a, b) => a - b), ids);
  assert.notDeepEqual(received, ids, 'delivered out of order');
});

test('malformed sends exactly count hostile frames and the socket stays open', async () => {
  const { contact, agentPath, cable } = await listening();
  const from = cable.frames.length;
  await inject({ kind: 'malformed', count: 40, token: contact.pubsub_token, seed: 5 });
  await cable.waitFor(() => injectedSince(cable, from).length >= 40, 3000);
  await sleep(100);
  const hostile = injectedSince(cable, from);
  assert.equal(hostile.length, 40);
  assert.ok(hostile.some((frame) => frame.binary), 'a binary frame');
  assert.ok(hostile.some((frame) => frame.text === ''), 'an empty frame');
  assert.ok(hostile.some((frame) => (frame.text?.length ?? 0) > 1_000_000), 'a 1 MiB frame');
  assert.equal(cable.socket.readyState, WebSocket.OPEN);
  await api.agent('POST', `${agentPath}/messages`, { content: 'valid after the storm' });
  await cable.waitForEvent('message.created', (data) => data.content === 'valid after the storm');
});

test('raw-frame sends that exact text', async () => {
  const { contact, cable } = await listening();
  await inject({ kind: 'raw-frame', frame: '{"type":"welcome"}', token: contact.pubsub_token });
  await cable.waitFor((json, frame) => frame.text === '{"type":"welcome"}' && cable.frames.indexOf(frame) > 0);
});

test('no-subprotocol: upgrades select no subprotocol until cleared', async () => {
  await inject({ kind: 'no-subprotocol' });
  // a client that offered subprotocols fails the handshake (browsers do the same)
  await assert.rejects(openCable(standIn), /no subprotocol/);
  const bare = await openCable(standIn, { protocols: [] });
  cables.push(bare);
  assert.equal(bare.socket.protocol, '');
  await api.request('DELETE', '/__standin/faults', { agent: true });
  const normal = await openCable(standIn);
  cables.push(normal);
  assert.equal(normal.socket.protocol, 'actioncable-v1-json');
});

test('refuse-connections refuses upgrades for ms', async () => {
  await inject({ kind: 'refuse-connections', ms: 1000 });
  const refusedAt = Date.now();
  await assert.rejects(openCable(standIn), /503/);
  await sleep(1050 - (Date.now() - refusedAt));
  const accepted = await openCable(standIn);
  cables.push(accepted);
  await accepted.waitFor((json) => json?.type === 'welcome');
});

test('random-drops drops sockets count times and refuses the token during an outage', async () => {
  const { contact, cable } = await listening();
  await inject({ kind: 'random-drops', seed: 9, count: 1, min_interval_ms: 50, max_interval_ms: 100, modes: ['close'],
    outage_ms: [1000, 1000], token: contact.pubsub_token });
  assert.equal(await cable.closed, 1000);
  const droppedAt = Date.now();
  const during = await openCable(standIn);
  cables.push(during);
  during.send({ command: 'subscribe', identifier: JSON.stringify({ channel: 'RoomChannel', pubsub_token: contact.pubsub_token }) });
  const refused = await Promise.race([during.closed, sleep(2000).then(() => 'still open')]);
  assert.equal(refused, 1000, 'closed at once during the outage');
  await sleep(1050 - (Date.now() - droppedAt));
  const afterwards = await openCable(standIn);
  cables.push(afterwards);
  await afterwards.subscribe({ pubsub_token: contact.pubsub_token });
});

test('DELETE /__standin/faults clears pending http faults', async () => {
  const inbox = `/public/api/v1/inboxes/${standIn.info.inboxIdentifier}`;
  await inject({ kind: 'http', route: 'inbox.show', status: 503, count: 5 });
  assert.equal((await api.get(inbox)).status, 503);
  assert.deepEqual((await api.request('DELETE', '/__standin/faults', { agent: true })).body, {});
  assert.equal((await api.get(inbox)).status, 200);
});

test('stats count requests per route key and sockets; DELETE resets them', async () => {
  assert.deepEqual((await api.request('DELETE', '/__standin/stats', { agent: true })).body, {});
  const { contact } = await freshConversation(standIn);
  await api.get(`/public/api/v1/inboxes/${standIn.info.inboxIdentifier}`);
  await api.get(`/public/api/v1/inboxes/${standIn.info.inboxIdentifier}`);
  const cable = await openCable(standIn);
  cables.push(cable);
  await cable.subscribe({ pubsub_token: contact.pubsub_token });
  await cable.waitForEvent('presence.update');
  const stats = (await api.request('GET', '/__standin/stats', { agent: true })).body;
  assert.equal(stats.requests['inbox.show'], 2);
  assert.equal(stats.requests['contacts.create'], 1);
  assert.equal(stats.requests['conversations.create'], 1);
  assert.equal(stats.sockets.opened, 1);
  assert.ok(stats.sockets.open >= 1);
  assert.equal(stats.sockets.subscribes, 1);
  assert.equal(stats.sockets.commands, 1);
  assert.ok(stats.broadcasts >= 2, 'conversation.created and presence.update');
});

test('control routes need the agent token, except info; unknown fault kinds are refused', async () => {
  const denied = await api.request('POST', '/__standin/faults', { json: { kind: 'silence' } });
  assert.equal(denied.status, 401);
  assert.equal((await api.request('GET', '/__standin/stats')).status, 401);
  assert.equal((await api.request('POST', '/__standin/inboxes', { json: {}, headers: { api_access_token: 'wrong' } })).status, 401);
  const info = await api.get('/__standin/info');
  assert.deepEqual(info.body, standIn.info);
  assert.equal(info.headers.get('access-control-allow-origin'), '*');
  assert.equal((await api.request('POST', '/__standin/faults', { json: { kind: 'meteor' }, agent: true })).status, 422);
});
