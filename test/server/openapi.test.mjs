// Every path + method of Chatwoot's Client API spec is served, with real ids, at its documented success status.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { startStandIn } from '../../server/index.js';
import { client } from './helpers.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const shared = process.env.CW_SHARED_DIR ?? resolve(repo, '../shared');
const spec = JSON.parse(readFileSync(resolve(shared, 'chatwoot/client-api.openapi.json'), 'utf8'));
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  METHODS.filter((method) => item[method]).map((method) => ({ key: `${method.toUpperCase()} ${path}`, path, method, operation: item[method] })));

/**
 * How to call each operation: the request body (or query) it needs. Ids come from `fixture`.
 * @type {Record<string, (fixture: any) => { json?: any, query?: string }>}
 */
const CALLS = {
  'GET /public/api/v1/inboxes/{inbox_identifier}': () => ({}),
  'POST /public/api/v1/inboxes/{inbox_identifier}/contacts': () => ({ json: { name: 'Spec Visitor', email: 'spec.visitor@example.com' } }),
  'GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}': () => ({}),
  'PATCH /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}': () => ({ json: { name: 'Renamed Visitor' } }),
  'POST /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations': () => ({ json: { custom_attributes: { plan: 'free' } } }),
  'GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations': () => ({}),
  'GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}': () => ({}),
  'POST /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/toggle_status': () => ({}),
  'POST /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/toggle_typing': () => ({ json: { typing_status: 'on' }, query: 'typing_status=on' }),
  'POST /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/update_last_seen': () => ({}),
  'POST /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages': () => ({ json: { content: 'From the spec test', echo_id: 'spec-1' } }),
  'GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages': () => ({}),
  'PATCH /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages/{message_id}': () => ({ json: { submitted_values: [{ title: 'Yes', value: 'yes' }] } }),
};

/** @type {Awaited<ReturnType<typeof startStandIn>>} */
let standIn;
/** @type {Record<string, string | number>} */
const ids = {};

before(async () => {
  standIn = await startStandIn({ port: 0 });
  const api = client(standIn);
  ids.inbox_identifier = standIn.info.inboxIdentifier;
  const contact = await api.post(`/public/api/v1/inboxes/${ids.inbox_identifier}/contacts`, { name: 'Fixture' });
  ids.contact_identifier = contact.body.source_id;
  const base = `/public/api/v1/inboxes/${ids.inbox_identifier}/contacts/${ids.contact_identifier}`;
  const conversation = await api.post(`${base}/conversations`, {});
  ids.conversation_id = conversation.body.id;
  const message = await api.post(`${base}/conversations/${ids.conversation_id}/messages`, { content: 'fixture message' });
  ids.message_id = message.body.id;
});

after(() => standIn.close());

test('the spec lists operations and every one of them has a call here', () => {
  assert.ok(operations.length >= 13, `expected the 13 Client API operations, found ${operations.length}`);
  const unknown = operations.map((entry) => entry.key).filter((key) => !CALLS[key]);
  assert.deepEqual(unknown, [], 'operations in client-api.openapi.json that this test does not know how to call');
});

for (const { key, path, method, operation } of operations) {
  test(`serves ${key}`, async () => {
    const call = CALLS[key];
    assert.ok(call, `no call defined for ${key}`);
    const { json, query } = call(ids);
    const filled = path.replace(/\{(\w+)\}/g, (_, name) => {
      assert.ok(ids[name] !== undefined, `no fixture for {${name}}`);
      return encodeURIComponent(String(ids[name]));
    });
    const success = Number(Object.keys(operation.responses).find((status) => /^2\d\d$/.test(status)));
    const answer = await client(standIn).request(method.toUpperCase(), query ? `${filled}?${query}` : filled, { json });
    assert.equal(answer.status, success, `${key} answered ${answer.status}: ${answer.text.slice(0, 200)}`);
    const declaresBody = Boolean(operation.responses[String(success)]?.content);
    if (declaresBody) assert.notEqual(answer.body, undefined, `${key} should answer JSON`);
  });
}
