// `/public/api/v1/...`: the Client API as Chatwoot's PublicController serves it (CLIENT_API.md §3–§8, §11).
import { createHmac } from 'node:crypto';
import { HttpError } from './http.js';
import { ValidationError } from './conversations.js';

/** @typedef {Record<string, any>} Row */

const BASE = '/public/api/v1/inboxes/:inbox';
const CONVERSATION = `${BASE}/contacts/:sourceId/conversations/:conversationId`;
const EMAIL = /^[^@\s]+@[^@\s]+$/;
const E164 = /^\+[1-9]\d{1,14}$/;
const CSAT_LOCK_MS = 14 * 86_400_000;
const PAGE = 20;

const isObject = (/** @type {unknown} */ value) => Boolean(value) && typeof value === 'object' && !Array.isArray(value);
const present = (/** @type {unknown} */ value) => value !== undefined && value !== null && String(value).trim() !== '';
const ok = (/** @type {any} */ body) => ({ status: 200, body });

/** @param {Row} target @param {Row} source */
function deepMerge(target, source) {
  const merged = { ...target };
  for (const [key, value] of Object.entries(source)) {
    merged[key] = isObject(value) && isObject(merged[key]) ? deepMerge(merged[key], value) : value;
  }
  return merged;
}

/** Contact validations: 422 `{message, attributes}`. @param {{ email?: string | null, phone_number?: string | null }} fields */
function validateContact({ email, phone_number: phone }) {
  const messages = [];
  const attributes = [];
  if (email && !EMAIL.test(email)) messages.push('Email Invalid email'), attributes.push('email');
  if (phone && !E164.test(phone)) messages.push('Phone number should be in e164 format'), attributes.push('phone_number');
  if (messages.length) throw new ValidationError(messages, attributes);
}

/** @param {() => any} action */
function unprocessable(action) {
  try {
    return action();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new HttpError(422, { message: error.message, attributes: error.attributes });
  }
}

/** @param {Row} submitted */
const pickAnswer = (submitted) => Object.fromEntries(['name', 'title', 'value'].filter((key) => key in submitted).map((key) => [key, submitted[key]]));

/** Only the keys Chatwoot permits in `submitted_values`: an array of answers, or one object (CSAT). @param {unknown} values */
function permittedValues(values) {
  if (Array.isArray(values)) return values.filter(isObject).map((entry) => pickAnswer(/** @type {Row} */ (entry)));
  if (!isObject(values)) return undefined;
  const object = /** @type {Row} */ (values);
  const answer = pickAnswer(object);
  const csat = object.csat_survey_response;
  if (isObject(csat)) {
    answer.csat_survey_response = {
      ...('rating' in csat ? { rating: Number(csat.rating) } : {}),
      ...('feedback_message' in csat ? { feedback_message: csat.feedback_message } : {}),
    };
  }
  return answer;
}

/**
 * @param {ReturnType<import('./http.js').createRouter>} router
 * @param {{ store: import('./store.js').Store, presenters: import('./presenters.js').Presenters,
 *   events: import('./events.js').Events, actions: import('./conversations.js').ConversationActions }} context
 */
export function registerClientApi(router, { store, presenters, events, actions }) {
  /** @param {Row} params */
  function inboxOf(params) {
    const inbox = store.inboxByIdentifier(String(params.inbox));
    if (!inbox) throw new HttpError(404);
    return inbox;
  }

  /** @param {Row} params */
  function sessionOf(params) {
    const inbox = inboxOf(params);
    const contactInbox = store.findContactInbox(inbox, String(params.sourceId));
    const contact = contactInbox && store.contact(contactInbox.contact_id);
    if (!contactInbox || !contact) throw new HttpError(404);
    return { inbox, contactInbox, contact };
  }

  /** This session's conversations, or all the contact's once HMAC-verified. @param {Row} contactInbox */
  const visibleConversations = (contactInbox) => store.conversations((conversation) => (contactInbox.hmac_verified
    ? conversation.contact_id === contactInbox.contact_id : conversation.contact_inbox_id === contactInbox.id));

  /** Message routes look among all of the contact's conversations (§5.9 caveat). @param {Row} params @param {boolean} [anyOfContact] */
  function conversationOf(params, anyOfContact = false) {
    const session = sessionOf(params);
    const displayId = Number(params.conversationId);
    const candidates = anyOfContact
      ? store.conversations((row) => row.contact_id === session.contact.id)
      : visibleConversations(session.contactInbox);
    const conversation = candidates.find((row) => row.display_id === displayId);
    if (!conversation) throw new HttpError(404);
    return { ...session, conversation };
  }

  /** HMAC gate of the contacts controller; true when a valid `identifier_hash` was given. @param {Row} inbox @param {Row} params */
  function checkHmac(inbox, params) {
    if (!present(params.identifier_hash) && !inbox.hmac_mandatory) return false;
    const expected = createHmac('sha256', inbox.hmac_token).update(String(params.identifier ?? '')).digest('hex');
    if (expected !== String(params.identifier_hash ?? '')) throw new HttpError(500);
    return present(params.identifier_hash);
  }

  /** @param {Row} contactInbox */
  function markVerified(contactInbox) {
    contactInbox.hmac_verified = true;
    contactInbox.updated_at = store.now();
    store.changed();
  }

  /** @param {Row} params */
  function createContact(params) {
    const inbox = inboxOf(params);
    checkHmac(inbox, params);
    const sourceId = present(params.source_id) ? String(params.source_id) : undefined;
    const existing = sourceId && store.findContactInbox(inbox, sourceId);
    if (existing) return ok(presenters.publicContact(existing));
    const email = present(params.email) ? String(params.email).toLowerCase() : null;
    const phone = present(params.phone_number) ? String(params.phone_number) : null;
    const identifier = present(params.identifier) ? String(params.identifier) : null;
    let contact = store.findContact({ identifier: identifier ?? undefined, email: email ?? undefined, phone_number: phone ?? undefined });
    if (!contact) {
      unprocessable(() => validateContact({ email, phone_number: phone }));
      contact = store.createContact({
        ...(present(params.name) ? { name: String(params.name) } : {}), email, phone_number: phone, identifier,
        custom_attributes: isObject(params.custom_attributes) ? params.custom_attributes : {},
      });
      events.contactEvent('contact.created', contact);
    }
    return ok(presenters.publicContact(store.createContactInbox(contact, inbox, sourceId)));
  }

  /** @param {Row} params */
  function showContact(params) {
    const { inbox, contactInbox } = sessionOf(params);
    if (checkHmac(inbox, params)) markVerified(contactInbox);
    return ok(presenters.publicContact(contactInbox));
  }

  /** Another contact holding this e-mail, or this phone without a conflicting e-mail. @param {Row} contact @param {string | null} email @param {string | null} phone */
  function mergeTarget(contact, email, phone) {
    const others = [...store.tables.contacts.values()].filter((row) => row.id !== contact.id);
    const byEmail = email ? others.find((row) => row.email === email) : undefined;
    if (byEmail) return byEmail;
    const effectiveEmail = email ?? contact.email;
    return phone ? others.find((row) => row.phone_number === phone && (!row.email || row.email === effectiveEmail)) : undefined;
  }

  /** @param {Row} params */
  function updateContact(params) {
    const { inbox, contactInbox } = sessionOf(params);
    if (checkHmac(inbox, params)) markVerified(contactInbox);
    let contact = store.contact(contactInbox.contact_id) ?? {};
    const email = present(params.email) ? String(params.email).toLowerCase() : null;
    const phone = present(params.phone_number) ? String(params.phone_number) : null;
    unprocessable(() => validateContact({ email, phone_number: phone }));
    const target = mergeTarget(contact, email, phone);
    if (target) {
      store.mergeContacts(target, contact);
      events.contactEvent('contact.merged', target);
      contact = target;
    }
    /** @type {Row} */
    const changes = {};
    if (present(params.name)) changes.name = String(params.name);
    if (email) changes.email = email;
    if (phone) changes.phone_number = phone;
    if (isObject(params.custom_attributes)) changes.custom_attributes = deepMerge(contact.custom_attributes, params.custom_attributes);
    if ((email || phone) && contact.contact_type === 'visitor') changes.contact_type = 'lead';
    store.updateContact(contact, changes);
    events.contactEvent('contact.updated', contact);
    return ok(presenters.contactModel(contact));
  }

  /** @param {Row} params */
  function createConversation(params) {
    const { inbox, contactInbox, contact } = sessionOf(params);
    if (inbox.lock_to_single_conversation) {
      const latest = store.conversations((row) => row.contact_inbox_id === contactInbox.id).at(-1);
      if (latest) return ok(presenters.publicConversation(latest));
    }
    const conversation = store.createConversation(contactInbox, {
      status: contact.blocked ? 'resolved' : 'open',
      custom_attributes: isObject(params.custom_attributes) ? params.custom_attributes : {},
    });
    events.conversationCreated(conversation);
    return ok(presenters.publicConversation(conversation));
  }

  /** @param {Row} params */
  function listMessages(params) {
    const { conversation } = conversationOf(params, true);
    const before = present(params.before) ? Number(params.before) : Infinity;
    const page = store.messagesOf(conversation)
      .filter((message) => !message.private && message.message_type !== 2 && message.id < before)
      .sort((a, b) => b.created_at - a.created_at || b.id - a.id)
      .slice(0, PAGE)
      .reverse();
    return ok(page.map(presenters.publicMessage));
  }

  /** @param {Row} params */
  function createMessage(params) {
    const { conversation, contact } = conversationOf(params, true);
    const parts = params.attachments === undefined ? [] : [params.attachments].flat();
    if (parts.some((part) => !isObject(part) || !Buffer.isBuffer(part.data))) throw new HttpError(500);
    const message = unprocessable(() => actions.postMessage(conversation, {
      content: params.content === undefined || params.content === null ? null : String(params.content),
      message_type: 0, content_type: 'text', sender_type: 'Contact', sender_id: contact.id,
    }, { echoId: present(params.echo_id) ? String(params.echo_id) : undefined, files: parts }));
    return ok(presenters.publicMessage(message));
  }

  /** Stores an answer (select, form or CSAT); 422 for a CSAT older than 14 days. @param {Row} conversation @param {Row} message @param {unknown} values */
  function answer(conversation, message, values) {
    if (message.content_type === 'input_csat' && store.now() - message.created_at > CSAT_LOCK_MS) {
      throw new HttpError(422, { error: 'You cannot update the CSAT survey after 14 days' });
    }
    const submitted = permittedValues(values);
    if (submitted === undefined) return;
    const changes = store.updateMessage(message, { content_attributes: { ...message.content_attributes, submitted_values: submitted } });
    const rating = !Array.isArray(submitted) && submitted.csat_survey_response?.rating;
    if (message.content_type === 'input_csat' && rating) {
      const response = store.csatResponseOf(message);
      const fields = { rating, feedback_message: submitted.csat_survey_response.feedback_message ?? null };
      if (response) Object.assign(response, fields, { updated_at: store.now() });
      else {
        store.createCsatResponse({
          conversation_id: conversation.id, message_id: message.id, contact_id: conversation.contact_id,
          assigned_agent_id: conversation.assignee_id, ...fields,
        });
      }
    }
    events.messageUpdated(message, changes);
  }

  /** @param {Row} params */
  function updateMessage(params) {
    const { conversation } = conversationOf(params, true);
    const message = store.messagesOf(conversation).find((row) => row.id === Number(params.messageId));
    if (!message) throw new HttpError(404);
    answer(conversation, message, params.submitted_values);
    return ok(presenters.publicMessage(message));
  }

  /** @param {Row} params */
  function csatOf(params) {
    const conversation = store.conversationByUuid(String(params.uuid));
    const message = conversation && store.messagesOf(conversation).find((row) => row.content_type === 'input_csat');
    if (!conversation || !message) throw new HttpError(404);
    return { conversation, message };
  }

  const conversationRoute = (/** @type {(found: ReturnType<typeof conversationOf>, params: Row) => any} */ handle) =>
    ({ params }) => handle(conversationOf(params), params);

  router.add('GET', BASE, 'inbox.show', ({ params }) => ok(presenters.publicInbox(inboxOf(params))));
  router.add('POST', `${BASE}/contacts`, 'contacts.create', ({ params }) => createContact(params));
  router.add('GET', `${BASE}/contacts/:sourceId`, 'contacts.show', ({ params }) => showContact(params));
  router.add(['PATCH', 'PUT'], `${BASE}/contacts/:sourceId`, 'contacts.update', ({ params }) => updateContact(params));
  router.add('GET', `${BASE}/contacts/:sourceId/conversations`, 'conversations.list', ({ params }) =>
    ok(visibleConversations(sessionOf(params).contactInbox).map(presenters.publicConversation)));
  router.add('POST', `${BASE}/contacts/:sourceId/conversations`, 'conversations.create', ({ params }) => createConversation(params));
  router.add('GET', CONVERSATION, 'conversations.show', conversationRoute(({ conversation }) =>
    ok(presenters.publicConversation(conversation))));
  router.add('POST', `${CONVERSATION}/toggle_status`, 'conversations.toggle_status', conversationRoute(({ conversation, contact }) => {
    if (conversation.status !== 'resolved') actions.setStatus(conversation, 'resolved', { actor: { kind: 'contact', name: contact.name } });
    return ok(presenters.publicConversation(conversation));
  }));
  router.add('POST', `${CONVERSATION}/toggle_typing`, 'conversations.toggle_typing', conversationRoute(({ conversation, contact }, params) => {
    if (['on', 'off'].includes(params.typing_status)) events.typing(conversation, { on: params.typing_status === 'on', contact });
    return { status: 200 };
  }));
  router.add('POST', `${CONVERSATION}/update_last_seen`, 'conversations.update_last_seen', conversationRoute(({ conversation }) => {
    actions.markSeenByContact(conversation);
    return { status: 200 };
  }));
  router.add('GET', `${CONVERSATION}/messages`, 'messages.list', ({ params }) => listMessages(params));
  router.add('POST', `${CONVERSATION}/messages`, 'messages.create', ({ params }) => createMessage(params));
  router.add(['PATCH', 'PUT'], `${CONVERSATION}/messages/:messageId`, 'messages.update', ({ params }) => updateMessage(params));
  router.add('GET', '/public/api/v1/csat_survey/:uuid', 'csat.show', ({ params }) => {
    const { conversation, message } = csatOf(params);
    return ok(presenters.csatSurvey(conversation, message));
  });
  router.add(['PATCH', 'PUT'], '/public/api/v1/csat_survey/:uuid', 'csat.update', ({ params }) => {
    const { conversation, message } = csatOf(params);
    answer(conversation, message, params.message?.submitted_values);
    return ok(presenters.csatSurvey(conversation, message));
  });
}
