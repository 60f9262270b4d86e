// startStandIn(): one HTTP server on a loopback address carrying the Client API, the agent API, `/cable`,
// the control API, attachment bytes and optional static files.
import { createServer } from 'node:http';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createIds } from './ids.js';
import { createStore } from './store.js';
import { createPresenters } from './presenters.js';
import { createEvents } from './events.js';
import { createCable } from './cable.js';
import { createFaults } from './faults.js';
import { createConversationActions } from './conversations.js';
import { createRouter, createStats, HttpError } from './http.js';
import { registerClientApi } from './client-api.js';
import { registerAgentApi } from './agent-api.js';
import { registerControlApi } from './control-api.js';

const SAVE_DELAY_MS = 100;

/** @param {string} host */
export function isLoopback(host) {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * @typedef {object} StandInOptions
 * @property {string} [host] a loopback address; default 127.0.0.1
 * @property {number} [port] default 0 (any free port)
 * @property {string | number} [seed] makes every id and token reproducible
 * @property {boolean} [hmacMandatory] mandatory identity validation on the default inbox
 * @property {string[]} [staticDirs] served for paths no route claims
 * @property {string} [stateFile] loaded at start, written back on change
 *
 * @typedef {{ url: string, inboxIdentifier: string, accountId: number, agentToken: string, hmacToken: string }} StandInInfo
 */

/** The account's administrator (user 1) and the default API inbox (inbox 1). @param {import('./store.js').Store} store */
function createDefaults(store) {
  store.createUser({ name: 'Stand-in Agent', email: 'agent@standin.test' });
  store.createInbox({ member_ids: [1] });
}

/** @param {StandInOptions} [options] */
export async function startStandIn(options = {}) {
  const { host = '127.0.0.1', port = 0, seed, hmacMandatory = false, staticDirs = [], stateFile } = options;
  if (!isLoopback(host)) throw new Error(`the stand-in only listens on loopback addresses, not ${host}`);
  const ids = createIds(seed);
  const store = createStore({ ids });
  if (stateFile && existsSync(stateFile)) store.load(JSON.parse(readFileSync(stateFile, 'utf8')));
  else createDefaults(store);
  const defaultInbox = /** @type {Record<string, any>} */ (store.inbox(1));
  if (hmacMandatory) defaultInbox.hmac_mandatory = true;

  let baseUrl = '';
  /** @type {import('./cable.js').Cable} */
  let cable;
  const stats = createStats();
  const faults = createFaults();
  const presenters = createPresenters(store, () => baseUrl);
  const events = createEvents({ store, presenters, cable: () => cable });
  cable = createCable({ channel: events.channel, faults, stats });
  faults.attach(cable);
  const actions = createConversationActions({ store, events });
  const router = createRouter({ faults, stats, staticDirs });
  /** @type {StandInInfo} */
  const info = { url: '', inboxIdentifier: defaultInbox.identifier, accountId: store.account.id, agentToken: store.user(1)?.access_token, hmacToken: defaultInbox.hmac_token };

  registerClientApi(router, { store, presenters, events, actions });
  registerAgentApi(router, { store, presenters, events, actions });
  registerControlApi(router, { store, faults, stats, info: () => info });
  router.add('GET', '/cable', undefined, () => ({ status: 404, body: 'Page not found' }));
  router.add('GET', '/rails/active_storage/blobs/redirect/:key/:filename', undefined, ({ params }) => {
    const attachment = store.attachmentByKey(String(params.key));
    if (!attachment) throw new HttpError(404);
    return { status: 200, body: attachment.data, headers: { 'content-type': attachment.content_type } };
  });

  const server = createServer((request, response) => void router.handle(request, response));
  server.on('upgrade', cable.handleUpgrade);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  baseUrl = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  info.url = baseUrl;

  const save = stateFile ? persist(store, stateFile) : undefined;

  return {
    info,
    async close() {
      events.close();
      faults.close();
      router.close();
      await cable.close();
      await new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      });
      save?.flush();
    },
  };
}

/** Writes the state file shortly after each change, and once more on close. @param {import('./store.js').Store} store @param {string} file */
function persist(store, file) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const write = () => {
    timer = undefined;
    writeFileSync(`${file}.tmp`, JSON.stringify(store.toJSON()));
    renameSync(`${file}.tmp`, file);
  };
  store.onChange(() => {
    timer ??= setTimeout(write, SAVE_DELAY_MS);
  });
  write();
  return {
    flush() {
      if (timer) clearTimeout(timer);
      write();
    },
  };
}
