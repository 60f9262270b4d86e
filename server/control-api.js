// `/__standin/...`: what tests, the demo and the benchmarks use to set the stand-in up and break it on purpose.
import { HttpError, resetStats } from './http.js';
import { authenticate } from './agent-api.js';

/** @typedef {Record<string, any>} Row */

const INBOX_OPTIONS = ['name', 'hmac_mandatory', 'csat_survey_enabled', 'working_hours_enabled', 'working_hours', 'timezone',
  'lock_to_single_conversation', 'greeting_enabled', 'greeting_message', 'out_of_office_message', 'csat_message',
  'csat_display_type', 'message_limit_per_minute'];
const SEED_TYPES = [0, 1, 3];

const ok = (/** @type {any} */ body) => ({ status: 200, body });

/**
 * @param {ReturnType<import('./http.js').createRouter>} router
 * @param {{ store: import('./store.js').Store, faults: import('./faults.js').Faults,
 *   stats: import('./http.js').Stats, info: () => Row }} context
 */
export function registerControlApi(router, { store, faults, stats, info }) {
  /** @param {(params: Row) => any} handle */
  const authed = (handle) => /** @type {import('./http.js').Handler} */ (({ params, headers }) => {
    authenticate(store, headers);
    return handle(params);
  });

  /** @param {Row} params */
  function createInbox(params) {
    const options = Object.fromEntries(INBOX_OPTIONS.filter((key) => params[key] !== undefined).map((key) => [key, params[key]]));
    if (options.message_limit_per_minute !== undefined) options.message_limit_per_minute = Number(options.message_limit_per_minute);
    if (options.working_hours !== undefined && !Array.isArray(options.working_hours)) throw new HttpError(422, { error: 'working_hours must be an array' });
    const inbox = store.createInbox({ member_ids: [1], ...options });
    return ok({ inboxIdentifier: inbox.identifier, inboxId: inbox.id, hmacToken: inbox.hmac_token });
  }

  /** Bulk history without broadcasts: `count` messages spaced `interval_seconds` apart. @param {Row} params */
  function seed(params) {
    const conversation = store.conversationByDisplayId(Number(params.displayId));
    if (!conversation) throw new HttpError(404);
    const count = Math.max(0, Math.floor(Number(params.count ?? 0)));
    const type = params.message_type === undefined ? 1 : Number(params.message_type);
    if (!SEED_TYPES.includes(type)) throw new HttpError(422, { error: 'message_type must be 0, 1 or 3' });
    const interval = Number(params.interval_seconds ?? 1);
    // by default the seeded messages end now and never start before what the conversation already holds,
    // so ids and created_at grow together as they do in Chatwoot
    const latest = store.messagesOf(conversation).at(-1);
    const earliest = latest ? latest.created_at / 1000 + interval : -Infinity;
    const start = params.created_at_start === undefined
      ? Math.max(store.now() / 1000 - count * interval, earliest)
      : Number(params.created_at_start);
    const prefix = params.content_prefix === undefined ? 'Message ' : String(params.content_prefix);
    const sender = type === 0 ? { sender_type: 'Contact', sender_id: conversation.contact_id }
      : type === 1 ? { sender_type: 'User', sender_id: 1 } : {};
    let first = null;
    let last = null;
    for (let index = 0; index < count; index++) {
      const createdAt = Math.round((start + index * interval) * 1000);
      const message = store.createMessage(conversation, { content: `${prefix}${index + 1}`, message_type: type, created_at: createdAt, ...sender });
      first ??= message.id;
      last = message.id;
      if (createdAt > conversation.last_activity_at) conversation.last_activity_at = createdAt;
    }
    store.changed();
    return ok({ first_id: first, last_id: last });
  }

  router.add('GET', '/__standin/info', undefined, () => ok(info()));
  router.add('POST', '/__standin/inboxes', undefined, authed(createInbox));
  router.add('POST', '/__standin/faults', undefined, authed((params) => {
    try {
      return ok(faults.add(params));
    } catch (error) {
      throw new HttpError(422, { error: /** @type {Error} */ (error).message });
    }
  }));
  router.add('DELETE', '/__standin/faults', undefined, authed(() => {
    faults.clear();
    return ok({});
  }));
  router.add('GET', '/__standin/stats', undefined, authed(() => ok(stats)));
  router.add('DELETE', '/__standin/stats', undefined, authed(() => {
    resetStats(stats);
    return ok({});
  }));
  // presence is account-wide and lasts 20 s: a test that needs every agent offline clears it
  router.add('DELETE', '/__standin/presence', undefined, authed(() => {
    store.presence.users.clear();
    store.presence.contacts.clear();
    return ok({});
  }));
  router.add('POST', '/__standin/conversations/:displayId/seed', undefined, authed(seed));
}
