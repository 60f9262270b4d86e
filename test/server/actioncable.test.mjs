// The official @rails/actioncable client against the stand-in's /cable (TOOLCHAIN.md §7).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { createConsumer, adapters } from '@rails/actioncable';
import { startStandIn } from '../../server/index.js';
import { client, freshConversation } from './helpers.mjs';

// Node 20 has no global WebSocket, and ConnectionMonitor listens for visibilitychange on the global object.
adapters.WebSocket = /** @type {any} */ (WebSocket);
const globals = /** @type {any} */ (globalThis);
globals.addEventListener ??= () => {};
globals.removeEventListener ??= () => {};

/** @type {Awaited<ReturnType<typeof startStandIn>>} */
let standIn;
/** @type {ReturnType<typeof createConsumer> | undefined} */
let consumer;

before(async () => {
  standIn = await startStandIn({ port: 0 });
});

after(async () => {
  consumer?.disconnect();
  await standIn.close();
});

test('an agent reply reaches the official ActionCable client as message.created', async () => {
  const { contact, agentPath } = await freshConversation(standIn, { contact: { name: 'Cable Visitor' } });
  consumer = createConsumer(`${standIn.info.url.replace(/^http/, 'ws')}/cable`);
  /** @type {any[]} */
  const received = [];
  let onReceived = () => {};
  const connected = new Promise((resolve) => {
    consumer?.subscriptions.create({ channel: 'RoomChannel', pubsub_token: contact.pubsub_token }, {
      connected: () => resolve(undefined),
      received: (/** @type {any} */ message) => {
        received.push(message);
        onReceived();
      },
    });
  });
  await connected;
  assert.equal(consumer.connection.getProtocol(), 'actioncable-v1-json');

  const arrived = new Promise((resolve) => {
    onReceived = () => {
      const created = received.find((message) => message.event === 'message.created');
      if (created) resolve(created);
    };
    onReceived();
  });
  const reply = await client(standIn).agent('POST', `${agentPath}/messages`, { content: 'Hello from the agent', echo_id: 'agent-echo-1' });
  assert.equal(reply.status, 200);
  const event = /** @type {any} */ (await arrived);

  assert.equal(event.data.content, 'Hello from the agent');
  assert.equal(event.data.id, reply.body.id);
  assert.ok(Number.isInteger(event.data.id));
  assert.ok(Number.isInteger(event.data.conversation_id));
  assert.equal(event.data.message_type, 1);
  assert.equal(event.data.account_id, 1);
  assert.equal(event.data.sender.type, 'user');
  assert.equal(event.data.sender.id, 1);
  assert.equal(event.data.sender_type, 'User');
  assert.equal(event.data.echo_id, 'agent-echo-1');
  assert.ok(Number.isInteger(event.data.created_at) && event.data.created_at < 1e11, 'epoch seconds');
  assert.ok(received.some((message) => message.event === 'presence.update'), 'presence.update after subscribe');
});
