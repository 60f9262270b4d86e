// JSON shapes, status codes and contact-side events as CLIENT_API.md and AGENT_API.md describe them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { startStandIn } from '../../server/index.js';
import { client, freshConversation, freshInbox, openCable, sleep } from './helpers.mjs';

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

after(async () => {
  for (const cable of cables) cable.close();
  await standIn.close();
});

/** @param {string} token */
async function contactCable(token) {
  const cable = await openCable(standIn);
  cables.push(cable);
  await cable.subscribe({ pubsub_token: token });
  return cable;
}

const isEpochSeconds = (/** @type {unknown} */ value) => Number.isInteger(value) && /** @type {number} */ (value) > 1e9 && /** @type {number} */ (value) < 1e11;

test('messages carry integer ids and message_type and epoch-second created_at; sender and attachments only when present', async () => {
  const { conversationPath, agentPath } = await freshConversation(standIn);
  const sent = await api.post(`${conversationPath}/messages`, { content: 'plain text', echo_id: 'rest-echo' });
  assert.equal(sent.status, 200);
  assert.ok(Number.isInteger(sent.body.id));
  assert.equal(sent.body.message_type, 0);
  assert.ok(isEpochSeconds(sent.body.created_at));
  assert.ok(Number.isInteger(sent.body.conversation_id));
  assert.deepEqual(sent.body.content_attributes, {});
  assert.equal(sent.body.sender.type, 'contact');
  assert.ok(!('attachments' in sent.body), 'no attachments key without attachments');
  assert.ok(!('echo_id' in sent.body), 'echo_id never in REST');

  const form = new FormData();
  form.append('content', 'with a picture');
  form.append('attachments[]', new Blob([Buffer.from('fake png bytes')], { type: 'image/png' }), 'photo.png');
  form.append('attachments[]', new Blob([Buffer.from('%PDF')], { type: 'application/pdf' }), 'doc.pdf');
  const withFiles = await api.request('POST', `${conversationPath}/messages`, { form });
  assert.equal(withFiles.status, 200);
  const [image, file] = withFiles.body.attachments;
  assert.equal(image.file_type, 'image');
  assert.equal(image.extension, 'png');
  assert.equal(image.file_size, 14);
  assert.equal(file.file_type, 'file');
  assert.equal(file.thumb_url, '');
  assert.ok(image.data_url.startsWith(`${standIn.info.url}/rails/active_storage/blobs/redirect/`));
  assert.equal(image.thumb_url, image.data_url);
  const bytes = await fetch(image.data_url);
  assert.equal(bytes.headers.get('content-type'), 'image/png');
  assert.equal(Buffer.from(await bytes.arrayBuffer()).toString(), 'fake png bytes');

  await api.agent('POST', `${agentPath}/toggle_status`, { status: 'resolved' });
  const inboxWithCsat = await freshInbox(standIn, { csat_survey_enabled: true });
  const csat = await freshConversation(standIn, { inbox: inboxWithCsat.inboxIdentifier });
  await api.post(`${csat.conversationPath}/toggle_status`, {});
  const listed = await api.get(`${csat.conversationPath}/messages`);
  const survey = listed.body.find((/** @type {any} */ message) => message.content_type === 'input_csat');
  assert.equal(survey.message_type, 3);
  assert.ok(!('sender' in survey), 'template messages have no sender key');
});

test('PATCH contact answers the whole Contact model, and merges into a contact with the same e-mail', async () => {
  const { inboxIdentifier } = await freshInbox(standIn);
  const first = await api.post(`/public/api/v1/inboxes/${inboxIdentifier}/contacts`, { name: 'First', email: 'same@example.com' });
  const second = await api.post(`/public/api/v1/inboxes/${inboxIdentifier}/contacts`, { name: 'Second' });
  const patched = await api.patch(`/public/api/v1/inboxes/${inboxIdentifier}/contacts/${second.body.source_id}`, {
    email: 'SAME@example.com', custom_attributes: { plan: 'pro' },
  });
  assert.equal(patched.status, 200);
  assert.deepEqual(Object.keys(patched.body), ['id', 'name', 'email', 'phone_number', 'account_id', 'created_at', 'updated_at',
    'additional_attributes', 'identifier', 'custom_attributes', 'last_activity_at', 'contact_type', 'middle_name', 'last_name',
    'location', 'country_code', 'blocked', 'company_id']);
  assert.equal(patched.body.id, first.body.id, 'merged into the existing contact');
  assert.equal(patched.body.email, 'same@example.com');
  assert.match(patched.body.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.deepEqual(patched.body.custom_attributes, { plan: 'pro' });
  const session = await api.get(`/public/api/v1/inboxes/${inboxIdentifier}/contacts/${second.body.source_id}`);
  assert.equal(session.body.pubsub_token, second.body.pubsub_token, 'the session survives the merge');
  assert.deepEqual(Object.keys(session.body), ['source_id', 'pubsub_token', 'id', 'name', 'email', 'phone_number']);
});

test('the message list pages 20 at a time with before, oldest first, back to the start', async () => {
  const { conversation, conversationPath } = await freshConversation(standIn);
  const seeded = await api.request('POST', `/__standin/conversations/${conversation.id}/seed`, { json: { count: 45 }, agent: true });
  assert.equal(seeded.status, 200);
  const seen = [];
  let path = `${conversationPath}/messages`;
  const sizes = [];
  for (;;) {
    const page = await api.get(path);
    assert.equal(page.status, 200);
    if (page.body.length === 0) break;
    sizes.push(page.body.length);
    const pageIds = page.body.map((/** @type {any} */ message) => message.id);
    assert.deepEqual(pageIds, [...pageIds].sort((a, b) => a - b), 'ascending');
    seen.unshift(...pageIds);
    path = `${conversationPath}/messages?before=${pageIds[0]}`;
  }
  assert.deepEqual(sizes, [20, 20, 5]);
  assert.equal(seen[0], seeded.body.first_id);
  assert.equal(seen.at(-1), seeded.body.last_id);
  assert.equal(new Set(seen).size, 45);
});

test('error bodies: 404, 422 and the HMAC 500', async () => {
  const inbox = standIn.info.inboxIdentifier;
  const missing = await api.get('/public/api/v1/inboxes/no-such-inbox');
  assert.equal(missing.status, 404);
  assert.deepEqual(missing.body, { status: 404, error: 'Not Found' });
  assert.deepEqual((await api.get(`/public/api/v1/inboxes/${inbox}/contacts/nobody`)).body, { status: 404, error: 'Not Found' });
  const badEmail = await api.post(`/public/api/v1/inboxes/${inbox}/contacts`, { email: 'not-an-email' });
  assert.equal(badEmail.status, 422);
  assert.deepEqual(badEmail.body, { message: 'Email Invalid email', attributes: ['email'] });
  const badPhone = await api.post(`/public/api/v1/inboxes/${inbox}/contacts`, { phone_number: '0123' });
  assert.deepEqual(badPhone.body, { message: 'Phone number should be in e164 format', attributes: ['phone_number'] });
  const { conversationPath } = await freshConversation(standIn);
  const tooLong = await api.post(`${conversationPath}/messages`, { content: 'x'.repeat(150_001) });
  assert.equal(tooLong.status, 422);
  assert.deepEqual(tooLong.body, { message: 'Content is too long (maximum is 150000 characters)', attributes: ['content'] });
  const hmac = await api.post(`/public/api/v1/inboxes/${inbox}/contacts`, { identifier: 'user-1', identifier_hash: 'wrong' });
  assert.equal(hmac.status, 500);
  assert.deepEqual(hmac.body, { status: 500, error: 'Internal Server Error' });
});

test('too many messages per minute is a 422, with the limit set per inbox', async () => {
  const { inboxIdentifier } = await freshInbox(standIn, { message_limit_per_minute: 3 });
  const { conversationPath } = await freshConversation(standIn, { inbox: inboxIdentifier });
  for (let index = 0; index < 3; index++) assert.equal((await api.post(`${conversationPath}/messages`, { content: `m${index}` })).status, 200);
  const refused = await api.post(`${conversationPath}/messages`, { content: 'one too many' });
  assert.equal(refused.status, 422);
  assert.deepEqual(refused.body, { message: 'Too many messages', attributes: ['base'] });
});

test('a valid HMAC pair on GET contact verifies the session, which then sees all the contact\'s conversations', async () => {
  const { inboxIdentifier, hmacToken } = await freshInbox(standIn);
  const identifier = 'customer-42';
  const identifierHash = createHmac('sha256', hmacToken).update(identifier).digest('hex');
  const contacts = `/public/api/v1/inboxes/${inboxIdentifier}/contacts`;
  const one = await api.post(contacts, { identifier, identifier_hash: identifierHash });
  const two = await api.post(contacts, { identifier, identifier_hash: identifierHash });
  assert.equal(one.body.id, two.body.id, 'the same contact, two sessions');
  await api.post(`${contacts}/${one.body.source_id}/conversations`, {});
  await api.post(`${contacts}/${two.body.source_id}/conversations`, {});
  assert.equal((await api.get(`${contacts}/${two.body.source_id}/conversations`)).body.length, 1, 'unverified: own session only');
  const shown = await api.get(`${contacts}/${two.body.source_id}?identifier=${identifier}&identifier_hash=${identifierHash}`);
  assert.equal(shown.status, 200);
  assert.equal((await api.get(`${contacts}/${two.body.source_id}/conversations`)).body.length, 2, 'verified: every conversation');
});

test('toggle_status only resolves, and a second call leaves it resolved', async () => {
  const { conversationPath } = await freshConversation(standIn);
  const first = await api.post(`${conversationPath}/toggle_status`, {});
  assert.equal(first.status, 200);
  assert.equal(first.body.status, 'resolved');
  const second = await api.post(`${conversationPath}/toggle_status`, {});
  assert.equal(second.body.status, 'resolved');
  assert.equal((await api.get(conversationPath)).body.status, 'resolved');
});

test('update_last_seen marks outgoing messages read, with message.updated carrying previous_changes.status', async () => {
  const { contact, conversationPath, agentPath } = await freshConversation(standIn);
  const cable = await contactCable(contact.pubsub_token);
  const reply = await api.agent('POST', `${agentPath}/messages`, { content: 'please read me' });
  await cable.waitForEvent('message.created', (data) => data.id === reply.body.id && data.status === 'sent');
  const seen = await api.post(`${conversationPath}/update_last_seen`, {});
  assert.equal(seen.status, 200);
  assert.equal(seen.text, '');
  const updated = await cable.waitForEvent('message.updated', (data) => data.id === reply.body.id);
  assert.equal(updated.data.status, 'read');
  assert.deepEqual(updated.data.previous_changes.status, ['sent', 'read']);
  assert.equal(updated.data.previous_changes.updated_at.length, 2);
  assert.ok(!('echo_id' in updated.data));
  assert.ok(isEpochSeconds((await api.get(conversationPath)).body.contact_last_seen_at));
});

test('a contact message reopens a resolved conversation, with status_changed and updated on the contact socket', async () => {
  const { contact, conversationPath } = await freshConversation(standIn);
  await api.post(`${conversationPath}/toggle_status`, {});
  const cable = await contactCable(contact.pubsub_token);
  const sent = await api.post(`${conversationPath}/messages`, { content: 'one more thing', echo_id: 'mine-1' });
  const changed = await cable.waitForEvent('conversation.status_changed', (data) => data.status === 'open');
  assert.equal(changed.data.id, sent.body.conversation_id);
  await cable.waitForEvent('conversation.updated', (data) => data.status === 'open');
  const created = await cable.waitForEvent('message.created', (data) => data.id === sent.body.id);
  assert.equal(created.data.echo_id, 'mine-1');
  assert.equal((await api.get(conversationPath)).body.status, 'open');
  await sleep(50);
  assert.ok(cable.events('message.created').every((message) => message.data.message_type !== 2), 'activity notices never reach the contact');
});

test('private-note typing reaches the contact with is_private: true; the contact\'s own typing does not echo back', async () => {
  const { contact, conversationPath, agentPath } = await freshConversation(standIn);
  const cable = await contactCable(contact.pubsub_token);
  const typed = await api.agent('POST', `${agentPath}/toggle_typing_status`, { typing_status: 'on', is_private: true });
  assert.equal(typed.status, 200);
  const typing = await cable.waitForEvent('conversation.typing_on');
  assert.equal(typing.data.is_private, true);
  assert.equal(typing.data.user.type, 'user');
  assert.equal(typing.data.account_id, 1);
  await api.post(`${conversationPath}/toggle_typing`, { typing_status: 'off' });
  await sleep(100);
  assert.equal(cable.events('conversation.typing_off').length, 0);
});

test('agent API: list, create, PATCH status and DELETE shapes', async () => {
  const { conversation, contact, agentPath } = await freshConversation(standIn);
  const created = await api.agent('POST', `${agentPath}/messages`, { content: 'agent says hi', echo_id: 'a-1', private: false });
  assert.equal(created.status, 200);
  assert.equal(created.body.echo_id, 'a-1');
  assert.equal(created.body.message_type, 1);
  assert.equal(created.body.status, 'sent');
  assert.equal(created.body.sender.type, 'user');
  assert.ok(!('attachments' in created.body));
  const note = await api.agent('POST', `${agentPath}/messages`, { content: 'internal', private: true });
  const list = await api.agent('GET', `${agentPath}/messages`);
  assert.deepEqual(Object.keys(list.body), ['meta', 'payload']);
  assert.equal(list.body.meta.contact.id, contact.id);
  assert.ok(list.body.payload.some((/** @type {any} */ message) => message.id === note.body.id), 'private notes included');
  assert.ok(list.body.payload.every((/** @type {any} */ message) => !('echo_id' in message)));
  const after = await api.agent('GET', `${agentPath}/messages?after=${created.body.id}`);
  assert.deepEqual(after.body.payload.map((/** @type {any} */ message) => message.id), [note.body.id]);
  const delivered = await api.agent('PATCH', `${agentPath}/messages/${created.body.id}`, { status: 'delivered' });
  assert.equal(delivered.body.status, 'delivered');
  const deleted = await api.agent('DELETE', `${agentPath}/messages/${created.body.id}`);
  assert.equal(deleted.body.content, 'This message was deleted');
  assert.deepEqual(deleted.body.content_attributes, { deleted: true });
  const conversations = await api.agent('GET', '/api/v1/accounts/1/conversations?status=all');
  assert.deepEqual(Object.keys(conversations.body.data.meta), ['mine_count', 'assigned_count', 'unassigned_count', 'all_count']);
  const listed = conversations.body.data.payload.find((/** @type {any} */ row) => row.id === conversation.id);
  assert.equal(listed.meta.channel, 'Channel::Api');
  assert.ok(!('assignee' in listed.meta));
  assert.equal(typeof listed.updated_at, 'number');
  const toggled = await api.agent('POST', `${agentPath}/toggle_status`);
  assert.deepEqual(toggled.body, { meta: {}, payload: { success: true, conversation_id: conversation.id, current_status: 'resolved', snoozed_until: null } });
  assert.deepEqual((await api.request('GET', '/api/v1/profile')).body, { errors: ['You need to sign in or sign up before continuing.'] });
  assert.deepEqual((await api.request('GET', '/api/v1/profile', { headers: { api_access_token: 'nope' } })).body, { error: 'Invalid Access Token' });
  assert.deepEqual((await api.agent('GET', '/api/v1/accounts/1/conversations/99999')).body, { error: 'Resource could not be found' });
});

test('CORS headers on a success, an error and a preflight', async () => {
  const origin = { origin: 'http://elsewhere.test' };
  const success = await api.get(`/public/api/v1/inboxes/${standIn.info.inboxIdentifier}`, { headers: origin });
  assert.equal(success.headers.get('access-control-allow-origin'), '*');
  const failure = await api.get('/public/api/v1/inboxes/missing', { headers: origin });
  assert.equal(failure.status, 404);
  assert.equal(failure.headers.get('access-control-allow-origin'), '*');
  const preflight = await api.request('OPTIONS', '/public/api/v1/inboxes/any/contacts', {
    headers: { ...origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-custom' },
  });
  assert.equal(preflight.status, 200);
  assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
  assert.equal(preflight.headers.get('access-control-allow-methods'), 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
  assert.equal(preflight.headers.get('access-control-allow-headers'), 'content-type,x-custom');
  assert.equal(preflight.headers.get('access-control-max-age'), '7200');
  const agent = await api.agent('GET', '/api/v1/profile');
  assert.equal(agent.headers.get('access-control-allow-origin'), '*');
  const blob = await api.get('/rails/active_storage/blobs/redirect/none/x.png');
  assert.equal(blob.headers.get('access-control-allow-origin'), null, 'attachment URLs have no CORS');
});
