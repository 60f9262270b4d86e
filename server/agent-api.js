// `/api/v1/...`: the agent side of Chatwoot's Application API for API-channel inboxes (AGENT_API.md §1–§4).
import { HttpError } from './http.js';
import { ValidationError } from './conversations.js';
import { iso } from './presenters.js';

/** @typedef {Record<string, any>} Row */

const CONVERSATIONS = '/api/v1/accounts/:account/conversations';
const CONVERSATION = `${CONVERSATIONS}/:conversationId`;
const MESSAGE_TYPES = { incoming: 0, outgoing: 1, activity: 2, template: 3 };
const CONTENT_TYPES = ['text', 'input_text', 'input_textarea', 'input_email', 'input_select', 'cards', 'form', 'article',
  'incoming_email', 'input_csat', 'integrations', 'sticker', 'voice_call'];
const ITEM_KEYS = {
  input_select: ['title', 'value'], cards: ['title', 'description', 'media_url', 'actions'], article: ['title', 'description', 'link'],
  form: ['type', 'placeholder', 'label', 'name', 'options', 'default', 'required', 'pattern', 'title', 'pattern_error'],
};
const ACTION_KEYS = ['text', 'type', 'payload', 'uri'];
const STATUSES = ['open', 'resolved', 'pending', 'snoozed'];
const DELIVERY_STATUSES = ['sent', 'delivered', 'read', 'failed'];
const SORTS = {
  last_activity_at_desc: ['last_activity_at', -1], last_activity_at_asc: ['last_activity_at', 1],
  created_at_desc: ['created_at', -1], created_at_asc: ['created_at', 1], priority_desc: ['priority', -1],
  priority_asc: ['priority', 1], waiting_since_desc: ['waiting_since', -1], waiting_since_asc: ['waiting_since', 1],
};
const NOT_FOUND = { error: 'Resource could not be found' };

const present = (/** @type {unknown} */ value) => value !== undefined && value !== null && String(value).trim() !== '';
const ok = (/** @type {any} */ body) => ({ status: 200, body });
/** An exception raised inside a message action: 422 `{error}`. @param {string} text */
const actionError = (text) => new HttpError(422, { error: text });

/**
 * `api_access_token` (or `api-access-token`) → the user, else devise_token_auth's 401s.
 * @param {import('./store.js').Store} store @param {import('node:http').IncomingHttpHeaders} headers
 */
export function authenticate(store, headers) {
  const token = headers.api_access_token ?? headers['api-access-token'];
  if (!present(token)) throw new HttpError(401, { errors: ['You need to sign in or sign up before continuing.'] });
  const user = store.userByAccessToken(String(token));
  if (!user) throw new HttpError(401, { error: 'Invalid Access Token' });
  return user;
}

/** ContentAttributeValidator for interactive messages (the texts are the stand-in's own). @param {string} type @param {Row} attributes */
function validateItems(type, attributes) {
  const allowed = ITEM_KEYS[/** @type {keyof typeof ITEM_KEYS} */ (type)];
  if (!allowed) return;
  const { items } = attributes;
  if (!Array.isArray(items)) throw actionError("undefined method 'empty?' for nil");
  if (items.length === 0) throw actionError('Validation failed: Content attributes At least one item is required.');
  const bad = items.some((item) => !item || typeof item !== 'object' || Object.keys(item).some((key) => !allowed.includes(key))
    || (type === 'cards' && (!Array.isArray(item.actions) || item.actions.length === 0
      || item.actions.some((/** @type {Row} */ action) => Object.keys(action ?? {}).some((key) => !ACTION_KEYS.includes(key))))));
  if (bad) throw actionError('Validation failed: Content attributes Invalid data');
}

/** @param {unknown} value the dashboard sends a JSON string in multipart; an unparsable one becomes {} */
function contentAttributesOf(value) {
  if (typeof value === 'string') {
    try {
      const parsed = JSON.parse(value);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
    } catch {
      return {};
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
}

/**
 * @param {ReturnType<import('./http.js').createRouter>} router
 * @param {{ store: import('./store.js').Store, presenters: import('./presenters.js').Presenters,
 *   events: import('./events.js').Events, actions: import('./conversations.js').ConversationActions }} context
 */
export function registerAgentApi(router, { store, presenters, events, actions }) {
  /** @param {Row} user @param {Row} conversation */
  const canSee = (user, conversation) => user.role === 'administrator'
    || (store.inbox(conversation.inbox_id)?.member_ids ?? []).includes(user.id);

  /** @param {Row} params */
  function checkAccount(params) {
    if (Number(params.account) !== store.account.id) throw new HttpError(404, NOT_FOUND);
  }

  /** @param {Row} params @param {Row} user */
  function conversationOf(params, user) {
    checkAccount(params);
    const conversation = store.conversationByDisplayId(Number(params.conversationId));
    if (!conversation) throw new HttpError(404, NOT_FOUND);
    if (!canSee(user, conversation)) throw new HttpError(401, { error: 'You are not authorized to do this action' });
    return conversation;
  }

  /** @param {Row} params @param {Row} user */
  function messageOf(params, user) {
    const conversation = conversationOf(params, user);
    const message = store.messagesOf(conversation).find((row) => row.id === Number(params.messageId));
    if (!message) throw new HttpError(404, NOT_FOUND);
    return { conversation, message };
  }

  /** @param {(request: { params: Row, user: Row }) => any} handle */
  const authed = (handle) => /** @type {import('./http.js').Handler} */ (({ params, headers }) =>
    handle({ params, user: authenticate(store, headers) }));

  /** @param {Row} params @param {Row} user */
  function listConversations(params, user) {
    checkAccount(params);
    const status = present(params.status) ? String(params.status) : 'open';
    const inboxId = present(params.inbox_id) ? Number(params.inbox_id) : undefined;
    const scoped = store.conversations((row) => canSee(user, row) && (status === 'all' || row.status === status)
      && (inboxId === undefined || row.inbox_id === inboxId));
    const meta = {
      mine_count: scoped.filter((row) => row.assignee_id === user.id).length,
      assigned_count: scoped.filter((row) => row.assignee_id !== null).length,
      unassigned_count: scoped.filter((row) => row.assignee_id === null).length, all_count: scoped.length,
    };
    const filters = { me: (/** @type {Row} */ row) => row.assignee_id === user.id, assigned: (/** @type {Row} */ row) => row.assignee_id !== null, unassigned: (/** @type {Row} */ row) => row.assignee_id === null };
    const assigneeFilter = filters[/** @type {keyof typeof filters} */ (params.assignee_type)] ?? (() => true);
    const [field, direction] = SORTS[/** @type {keyof typeof SORTS} */ (params.sort_by)] ?? SORTS.last_activity_at_desc;
    const page = Math.max(1, Number(params.page) || 1);
    const payload = scoped.filter(assigneeFilter)
      .sort((a, b) => direction * ((a[field] ?? 0) - (b[field] ?? 0)) || direction * (a.id - b.id))
      .slice((page - 1) * 25, page * 25);
    return ok({ data: { meta, payload: payload.map(presenters.agentConversation) } });
  }

  /** @param {Row} params @param {Row} user */
  function toggleStatus(params, user) {
    const conversation = conversationOf(params, user);
    const toggled = conversation.status === 'open' ? 'resolved' : 'open';
    const status = present(params.status) ? String(params.status) : toggled;
    if (!STATUSES.includes(status)) throw new HttpError(500);
    let snoozedUntil = null;
    if (present(params.snoozed_until)) {
      if (!Number.isFinite(Number(params.snoozed_until))) throw new HttpError(500);
      snoozedUntil = Number(params.snoozed_until) * 1000;
    }
    actions.setStatus(conversation, status, { actor: { kind: 'user', name: user.display_name || user.name }, snoozedUntil });
    return ok({ meta: {}, payload: {
      success: true, conversation_id: conversation.display_id, current_status: conversation.status,
      snoozed_until: iso(conversation.snoozed_until),
    } });
  }

  /** @param {Row} params @param {Row} user */
  function listMessages(params, user) {
    const conversation = conversationOf(params, user);
    const before = present(params.before) ? Number(params.before) : undefined;
    const after = present(params.after) ? Number(params.after) : undefined;
    const internal = params.filter_internal_messages === undefined;
    let rows = store.messagesOf(conversation).filter((message) => internal || (!message.private && message.message_type !== 2));
    rows = rows.sort((a, b) => a.created_at - b.created_at || a.id - b.id);
    if (after !== undefined && before !== undefined) rows = rows.filter((row) => row.id >= after && row.id < before).slice(0, 1000);
    else if (after !== undefined) rows = rows.filter((row) => row.id > after).slice(0, 100);
    else rows = rows.filter((row) => before === undefined || row.id < before).slice(-20);
    return ok({ meta: presenters.agentMessagesMeta(conversation), payload: rows.map((row) => presenters.agentMessage(row)) });
  }

  /** Columns of an agent-created message from its params (AGENT_API.md §4.1). @param {Row} params @param {Row} user @param {Row} conversation */
  function messageFields(params, user, conversation) {
    const requested = params.message_type ?? 'outgoing';
    const numeric = typeof requested === 'number';
    const type = numeric ? requested : MESSAGE_TYPES[/** @type {keyof typeof MESSAGE_TYPES} */ (requested)];
    if (![0, 1, 2, 3].includes(type)) throw actionError(`'${requested}' is not a valid message_type`);
    const contentType = present(params.content_type) ? String(params.content_type) : 'text';
    if (!CONTENT_TYPES.includes(contentType)) throw actionError(`'${contentType}' is not a valid content_type`);
    const contentAttributes = contentAttributesOf(params.content_attributes);
    validateItems(contentType, contentAttributes);
    if (present(params.in_reply_to)) {
      const replied = store.messagesOf(conversation).find((row) => row.id === Number(params.in_reply_to));
      Object.assign(contentAttributes, { in_reply_to: replied?.id ?? null, in_reply_to_external_id: replied?.source_id ?? null });
    }
    if (params.external_created_at !== undefined) contentAttributes.external_created_at = params.external_created_at;
    /** @type {Row} */
    const additional = {};
    if (params.template_params !== undefined) {
      if (typeof params.template_params?.name !== 'string') throw actionError('Validation failed: Additional attributes template_params is invalid');
      additional.template_params = params.template_params;
    }
    if (present(params.campaign_id)) additional.campaign_id = Number(params.campaign_id);
    const fromUser = numeric || type === 1;
    return {
      content: present(params.content) || params.content === '' ? String(params.content) : null, message_type: type,
      content_type: contentType, content_attributes: contentAttributes, private: [true, 'true'].includes(params.private),
      source_id: present(params.source_id) ? String(params.source_id) : null, additional_attributes: additional,
      sender_type: fromUser ? 'User' : 'Contact', sender_id: fromUser ? user.id : conversation.contact_id,
    };
  }

  /** @param {Row} params @param {Row} user */
  function createMessage(params, user) {
    const conversation = conversationOf(params, user);
    const parts = params.attachments === undefined ? [] : [params.attachments].flat();
    if (parts.some((part) => !part || !Buffer.isBuffer(part.data))) throw actionError('ActiveSupport::MessageVerifier::InvalidSignature');
    const echoId = present(params.echo_id) ? String(params.echo_id) : undefined;
    try {
      const message = actions.postMessage(conversation, messageFields(params, user, conversation), { echoId, performer: user, files: parts });
      return ok(presenters.agentMessage(message, { echoId }));
    } catch (error) {
      if (error instanceof ValidationError) throw actionError(`Validation failed: ${error.message}`);
      throw error;
    }
  }

  /** Delivery status PATCH: unknown values and read → delivered are ignored. @param {Row} params @param {Row} user */
  function updateStatus(params, user) {
    const { message } = messageOf(params, user);
    const status = String(params.status ?? '');
    if (!DELIVERY_STATUSES.includes(status) || (message.status === 'read' && status === 'delivered')) {
      return ok(presenters.agentMessage(message));
    }
    /** @type {Row} */
    const changes = { status };
    if (status === 'failed' && present(params.external_error)) {
      changes.content_attributes = { ...message.content_attributes, external_error: String(params.external_error) };
    } else if (status !== 'failed' && 'external_error' in message.content_attributes) {
      changes.content_attributes = { ...message.content_attributes, external_error: null };
    }
    events.messageUpdated(message, store.updateMessage(message, changes), { performer: user });
    return ok(presenters.agentMessage(message));
  }

  /** @param {Row} params @param {Row} user */
  function deleteMessage(params, user) {
    const { message } = messageOf(params, user);
    store.deleteAttachmentsOf(message);
    const changes = store.updateMessage(message, {
      content: 'This message was deleted', content_type: 'text', content_attributes: { deleted: true },
    });
    events.messageUpdated(message, changes, { performer: user });
    return ok(presenters.agentMessage(message));
  }

  router.add('GET', '/api/v1/profile', 'agent.profile', authed(({ user }) => ok(presenters.profile(user))));
  router.add('GET', CONVERSATIONS, 'agent.conversations.list', authed(({ params, user }) => listConversations(params, user)));
  router.add('GET', CONVERSATION, 'agent.conversations.show', authed(({ params, user }) =>
    ok(presenters.agentConversation(conversationOf(params, user)))));
  router.add('POST', `${CONVERSATION}/toggle_status`, 'agent.conversations.toggle_status', authed(({ params, user }) => toggleStatus(params, user)));
  router.add('POST', `${CONVERSATION}/toggle_typing_status`, 'agent.conversations.toggle_typing_status', authed(({ params, user }) => {
    const conversation = conversationOf(params, user);
    if (['on', 'off'].includes(params.typing_status)) {
      events.typing(conversation, { on: params.typing_status === 'on', agent: user, isPrivate: params.is_private ?? false });
    }
    return { status: 200 };
  }));
  router.add('POST', `${CONVERSATION}/update_last_seen`, 'agent.conversations.update_last_seen', authed(({ params, user }) => {
    const conversation = conversationOf(params, user);
    conversation.agent_last_seen_at = store.now(); // update_column: no callbacks, no events
    if (conversation.assignee_id === user.id) conversation.assignee_last_seen_at = conversation.agent_last_seen_at;
    store.changed();
    return ok(presenters.agentConversation(conversation));
  }));
  router.add('GET', `${CONVERSATION}/messages`, 'agent.messages.list', authed(({ params, user }) => listMessages(params, user)));
  router.add('POST', `${CONVERSATION}/messages`, 'agent.messages.create', authed(({ params, user }) => createMessage(params, user)));
  router.add(['PATCH', 'PUT'], `${CONVERSATION}/messages/:messageId`, 'agent.messages.update', authed(({ params, user }) => updateStatus(params, user)));
  router.add('DELETE', `${CONVERSATION}/messages/:messageId`, 'agent.messages.delete', authed(({ params, user }) => deleteMessage(params, user)));
}
