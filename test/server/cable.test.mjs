// The ActionCable protocol on /cable (CLIENT_API.md §9.1–9.3, AGENT_API.md §5.1), seen from a raw websocket.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startStandIn } from '../../server/index.js';
import { client, freshConversation, openCable, sleep } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof startStandIn>>} */
let standIn;
/** @type {Awaited<ReturnType<typeof openCable>>[]} */
const cables = [];

before(async () => {
  standIn = await startStandIn({ port: 0 });
});

after(async () => {
  for (const cable of cables) cable.close();
  await standIn.close();
});

/** @param {Parameters<typeof openCable>[1]} [options] */
async function cable(options) {
  const opened = await openCable(standIn, options);
  cables.push(opened);
  return opened;
}

test('welcome, the actioncable-v1-json subprotocol, and a confirmation echoing the identifier verbatim', async () => {
  const { contact } = await freshConversation(standIn);
  const socket = await cable();
  assert.equal(socket.socket.protocol, 'actioncable-v1-json');
  await socket.waitFor((json) => json?.type === 'welcome');
  const identifier = `{ "pubsub_token" : "${contact.pubsub_token}", "channel":"RoomChannel" }`;
  socket.send({ command: 'subscribe', identifier });
  const confirm = await socket.waitFor((json) => json?.type === 'confirm_subscription');
  assert.deepEqual(confirm, { identifier, type: 'confirm_subscription' });
  const presence = await socket.waitForEvent('presence.update');
  assert.equal(presence.data.account_id, 1);
  assert.equal(typeof presence.data.users, 'object');
  assert.ok(!('contacts' in presence.data), 'contacts get no contacts key');
});

test('a socket that offers no subprotocol is accepted too', async () => {
  const socket = await cable({ protocols: [] });
  assert.equal(socket.socket.protocol, '');
  await socket.waitFor((json) => json?.type === 'welcome');
});

test('a duplicate subscribe is ignored and an unknown pubsub_token gets no reply at all', async () => {
  const { contact } = await freshConversation(standIn);
  const socket = await cable();
  const identifier = await socket.subscribe({ pubsub_token: contact.pubsub_token });
  socket.send({ command: 'subscribe', identifier });
  socket.send({ command: 'subscribe', identifier: JSON.stringify({ channel: 'RoomChannel', pubsub_token: 'unknown-token-000000000' }) });
  socket.send({ command: 'subscribe', identifier: JSON.stringify({ channel: 'OtherChannel', pubsub_token: contact.pubsub_token }) });
  await sleep(150);
  const replies = socket.frames.filter((frame) => frame.json?.type && !['welcome', 'ping'].includes(frame.json.type));
  assert.equal(replies.length, 1, 'exactly one confirmation');
});

test('unsubscribe stops the events', async () => {
  const { contact, agentPath } = await freshConversation(standIn);
  const socket = await cable();
  const identifier = await socket.subscribe({ pubsub_token: contact.pubsub_token });
  socket.send({ command: 'unsubscribe', identifier });
  await sleep(50);
  await client(standIn).agent('POST', `${agentPath}/messages`, { content: 'nobody listens' });
  await sleep(100);
  assert.equal(socket.events('message.created').length, 0);
});

test('update_presence is answered with presence.update', async () => {
  const { contact } = await freshConversation(standIn);
  const socket = await cable();
  const identifier = await socket.subscribe({ pubsub_token: contact.pubsub_token });
  await socket.waitForEvent('presence.update');
  socket.send({ command: 'message', identifier, data: JSON.stringify({ action: 'update_presence' }) });
  await socket.waitFor(() => socket.events('presence.update').length === 2);
});

test('an agent subscribes with user_id and account_id and hears contact messages, its own echo_id included', async () => {
  const api = client(standIn);
  const profile = await api.agent('GET', '/api/v1/profile');
  const { contact, conversationPath, agentPath } = await freshConversation(standIn);
  const visitor = await cable();
  await visitor.subscribe({ pubsub_token: contact.pubsub_token });
  const agent = await cable();
  const wrong = JSON.stringify({ channel: 'RoomChannel', pubsub_token: profile.body.pubsub_token, account_id: 1, user_id: 999 });
  agent.send({ command: 'subscribe', identifier: wrong });
  await agent.subscribe({ pubsub_token: profile.body.pubsub_token, account_id: 1, user_id: profile.body.id });
  assert.equal(agent.frames.filter((frame) => frame.json?.identifier === wrong).length, 0, 'a wrong user_id gets no reply');
  const presence = await agent.waitForEvent('presence.update');
  assert.equal(presence.data.users[String(profile.body.id)], 'online');
  assert.equal(presence.data.contacts[String(contact.id)], 'online');

  const sent = await api.post(`${conversationPath}/messages`, { content: 'hello agent', echo_id: 'visitor-echo' });
  const heard = await agent.waitForEvent('message.created', (data) => data.id === sent.body.id);
  assert.equal(heard.data.message_type, 0);
  assert.equal(heard.data.sender.type, 'contact');
  const note = await api.agent('POST', `${agentPath}/messages`, { content: 'secret', private: true, echo_id: 'note-echo' });
  const own = await agent.waitForEvent('message.created', (data) => data.id === note.body.id);
  assert.equal(own.data.echo_id, 'note-echo');
  assert.equal(own.data.performer.id, profile.body.id);
  await api.post(`${conversationPath}/update_last_seen`, {});
  await agent.waitForEvent('conversation.read');
  await sleep(50);
  assert.ok(visitor.events('message.created').every((message) => message.data.id !== note.body.id), 'private notes never reach the contact');
  assert.equal(visitor.events('conversation.read').length, 0);
});

test('a plain GET /cable is 404 Page not found', async () => {
  const answer = await fetch(`${standIn.info.url}/cable`);
  assert.equal(answer.status, 404);
  assert.equal(await answer.text(), 'Page not found');
});

test('pings every 3 s as {type:"ping", message:<unix seconds>}', async () => {
  const socket = await cable();
  const ping = await socket.waitFor((json) => json?.type === 'ping', 3500);
  assert.ok(Number.isInteger(ping.message));
  assert.ok(Math.abs(ping.message - Date.now() / 1000) < 5);
});
