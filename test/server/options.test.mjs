// startStandIn() options (state file, static directories, loopback only) and inbox settings from the
// control API: the CSAT survey page and its 14-day lock, greeting, single conversation.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandIn } from '../../server/index.js';
import { client, freshConversation, freshInbox } from './helpers.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'standin-test-'));
/** @type {Set<Awaited<ReturnType<typeof startStandIn>>>} */
const running = new Set();

after(async () => {
  for (const standIn of running) await standIn.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** @param {Parameters<typeof startStandIn>[0]} options */
async function start(options) {
  const standIn = await startStandIn({ port: 0, ...options });
  running.add(standIn);
  return standIn;
}

/** @param {Awaited<ReturnType<typeof startStandIn>>} standIn */
async function stop(standIn) {
  running.delete(standIn);
  await standIn.close();
}

test('the CSAT survey page answers, takes a rating, and locks after 14 days (state file round trip)', async () => {
  const stateFile = join(scratch, 'state.json');
  const first = await start({ stateFile, seed: 'csat' });
  const api = client(first);
  const { inboxIdentifier } = await freshInbox(first, { csat_survey_enabled: true, csat_message: 'How did we do?' });
  const { conversation, conversationPath } = await freshConversation(first, { inbox: inboxIdentifier });
  await api.post(`${conversationPath}/toggle_status`, {});
  const survey = await api.get(`/public/api/v1/csat_survey/${conversation.uuid}`);
  assert.equal(survey.status, 200);
  assert.equal(survey.body.display_type, 'emoji');
  assert.equal(survey.body.content, 'How did we do?');
  assert.equal(survey.body.csat_survey_response, null);
  const rated = await api.patch(`/public/api/v1/csat_survey/${conversation.uuid}`, {
    message: { submitted_values: { csat_survey_response: { rating: 5, feedback_message: 'great' } } },
  });
  assert.equal(rated.status, 200);
  assert.equal(rated.body.csat_survey_response.rating, 5);
  const info = first.info;
  await stop(first);

  const saved = JSON.parse(readFileSync(stateFile, 'utf8'));
  const csatMessage = saved.messages.find((/** @type {any} */ message) => message.content_type === 'input_csat');
  csatMessage.created_at -= 15 * 86_400_000;
  writeFileSync(stateFile, JSON.stringify(saved));
  const second = await start({ stateFile });
  assert.equal(second.info.inboxIdentifier, info.inboxIdentifier, 'the state file keeps the tokens');
  assert.equal(second.info.agentToken, info.agentToken);
  const locked = await client(second).patch(`${conversationPath}/messages/${csatMessage.id}`, {
    submitted_values: { csat_survey_response: { rating: 1 } },
  });
  assert.equal(locked.status, 422);
  assert.deepEqual(locked.body, { error: 'You cannot update the CSAT survey after 14 days' });
  assert.equal((await client(second).get('/public/api/v1/csat_survey/00000000-0000-4000-8000-000000000000')).status, 404);
});

test('greeting, single-conversation inboxes, malformed JSON and the api-access-token spelling', async () => {
  const standIn = await start({});
  const api = client(standIn);
  const { inboxIdentifier } = await freshInbox(standIn, { greeting_enabled: true, greeting_message: 'Hi there!', lock_to_single_conversation: true });
  const { base, conversation, conversationPath } = await freshConversation(standIn, { inbox: inboxIdentifier });
  await api.post(`${conversationPath}/messages`, { content: 'first' });
  const messages = (await api.get(`${conversationPath}/messages`)).body;
  assert.deepEqual(messages.map((/** @type {any} */ message) => [message.message_type, message.content]), [[0, 'first'], [3, 'Hi there!']]);
  assert.equal((await api.post(`${base}/conversations`, {})).body.id, conversation.id, 'the existing conversation comes back');
  const broken = await api.request('POST', `${conversationPath}/messages`, { headers: { 'content-type': 'application/json' }, json: undefined });
  assert.equal(broken.status, 200, 'an empty body is accepted');
  const malformed = await fetch(`${standIn.info.url}${conversationPath}/messages`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"content":',
  });
  assert.equal(malformed.status, 400);
  assert.deepEqual(await malformed.json(), { status: 400, error: 'Bad Request' });
  const dashed = await api.request('GET', '/api/v1/profile', { headers: { 'api-access-token': standIn.info.agentToken } });
  assert.equal(dashed.status, 200);
  assert.equal(dashed.body.id, 1);
});

test('static directories serve unclaimed paths without escaping the directory', async () => {
  const dir = join(scratch, 'static');
  mkdirSync(join(dir, 'demo'), { recursive: true });
  writeFileSync(join(dir, 'demo', 'index.html'), '<h1>demo</h1>');
  const standIn = await start({ staticDirs: [dir] });
  const page = await fetch(`${standIn.info.url}/demo/`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  assert.equal(await page.text(), '<h1>demo</h1>');
  assert.equal((await fetch(`${standIn.info.url}/..%2fstate.json`)).status, 404);
  assert.equal((await fetch(`${standIn.info.url}/missing.js`)).status, 404);
});

test('only loopback addresses are accepted', async () => {
  await assert.rejects(startStandIn({ host: '0.0.0.0', port: 0 }), /loopback/);
  await assert.rejects(startStandIn({ host: '192.168.1.10', port: 0 }), /loopback/);
});
