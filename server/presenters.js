// JSON shapes, key by key as Chatwoot renders them (CLIENT_API.md §4, §9.5, §11; AGENT_API.md §3–§4).

/** @typedef {import('./store.js').Store} Store */
/** @typedef {Record<string, any>} Row */

/** Epoch seconds; 0 for "never". @param {number | null | undefined} ms */
export const seconds = (ms) => (ms == null ? 0 : Math.floor(ms / 1000));
/** ISO-8601 UTC with milliseconds, or null. @param {number | null | undefined} ms */
export const iso = (ms) => (ms == null ? null : new Date(ms).toISOString());

/** @param {string} key @param {any} value */
const optional = (key, value) => (value === undefined ? {} : { [key]: value });
const isChat = (/** @type {Row} */ message) => !message.private && message.message_type !== 2;

/**
 * @param {Store} store
 * @param {() => string} baseUrl the stand-in's own origin, for attachment URLs
 */
export function createPresenters(store, baseUrl) {
  /** @param {Row} inbox */
  const publicInbox = (inbox) => ({
    identifier: inbox.identifier, identity_validation_enabled: inbox.hmac_mandatory, name: inbox.name,
    timezone: inbox.timezone, working_hours: inbox.working_hours.map((hours) => ({ ...hours })),
    working_hours_enabled: inbox.working_hours_enabled, csat_survey_enabled: inbox.csat_survey_enabled,
    greeting_enabled: inbox.greeting_enabled,
  });

  /** @param {Row} contactInbox */
  function publicContact(contactInbox) {
    const contact = store.contact(contactInbox.contact_id) ?? {};
    return {
      source_id: contactInbox.source_id, pubsub_token: contactInbox.pubsub_token, id: contact.id,
      name: contact.name, email: contact.email, phone_number: contact.phone_number,
    };
  }

  /** The whole ActiveRecord row, in column order. @param {Row} contact */
  const contactModel = (contact) => ({
    id: contact.id, name: contact.name, email: contact.email, phone_number: contact.phone_number,
    account_id: contact.account_id, created_at: iso(contact.created_at), updated_at: iso(contact.updated_at),
    additional_attributes: contact.additional_attributes, identifier: contact.identifier,
    custom_attributes: contact.custom_attributes, last_activity_at: iso(contact.last_activity_at),
    contact_type: contact.contact_type, middle_name: contact.middle_name, last_name: contact.last_name,
    location: contact.location, country_code: contact.country_code, blocked: contact.blocked,
    company_id: contact.company_id,
  });

  /** @param {Row} contact */
  const contactPush = (contact) => ({
    additional_attributes: contact.additional_attributes, custom_attributes: contact.custom_attributes,
    email: contact.email, id: contact.id, identifier: contact.identifier, name: contact.name,
    phone_number: contact.phone_number, thumbnail: '', blocked: contact.blocked, type: 'contact',
  });

  /** @param {Row} user */
  const userPush = (user) => ({
    id: user.id, name: user.name, available_name: user.display_name || user.name, avatar_url: '', type: 'user',
    availability_status: store.userStatus(user), thumbnail: '',
  });

  /** @param {Row} message */
  function senderOf(message) {
    if (message.sender_type === 'Contact') {
      const contact = store.contact(message.sender_id);
      return contact && contactPush(contact);
    }
    if (message.sender_type === 'User') {
      const user = store.user(message.sender_id);
      return user && userPush(user);
    }
    return undefined;
  }

  /** @param {Row} attachment */
  function attachment(attachment) {
    const dataUrl = `${baseUrl()}/rails/active_storage/blobs/redirect/${attachment.key}/${encodeURIComponent(attachment.filename)}`;
    return {
      id: attachment.id, message_id: attachment.message_id, file_type: attachment.file_type,
      account_id: attachment.account_id, extension: attachment.extension, data_url: dataUrl,
      thumb_url: attachment.file_type === 'image' ? dataUrl : '', file_size: attachment.file_size, width: null,
      height: null, ...(attachment.file_type === 'audio' ? { transcribed_text: '' } : {}),
    };
  }

  /** @param {Row} message */
  function attachmentsOf(message) {
    const rows = store.attachmentsOf(message);
    return rows.length ? rows.map(attachment) : undefined;
  }

  const displayIdOf = (/** @type {Row} */ message) => store.conversation(message.conversation_id)?.display_id;

  /** @param {Row} message */
  const publicMessage = (message) => ({
    id: message.id, content: message.content, message_type: message.message_type,
    content_type: message.content_type, content_attributes: message.content_attributes,
    created_at: seconds(message.created_at), conversation_id: displayIdOf(message),
    ...optional('attachments', attachmentsOf(message)), ...optional('sender', senderOf(message)),
  });

  /** @param {Row} conversation */
  const publicConversation = (conversation) => ({
    id: conversation.display_id, uuid: conversation.uuid, inbox_id: conversation.inbox_id,
    contact_last_seen_at: seconds(conversation.contact_last_seen_at), status: conversation.status,
    agent_last_seen_at: seconds(conversation.agent_last_seen_at),
    messages: store.messagesOf(conversation).filter(isChat).map(publicMessage),
    contact: contactModel(store.contact(conversation.contact_id) ?? {}),
  });

  /** Incoming messages the agent has not seen, capped at 10. @param {Row} conversation */
  function unreadCount(conversation) {
    const seen = conversation.agent_last_seen_at ?? -Infinity;
    let count = 0;
    for (const message of store.messagesOf(conversation)) {
      if (message.message_type === 0 && message.created_at > seen) count += 1;
    }
    return Math.min(count, 10);
  }

  /** @param {Row} message @param {{ echoId?: string }} [extras] */
  function messagePush(message, { echoId } = {}) {
    const conversation = store.conversation(message.conversation_id) ?? {};
    return {
      id: message.id, content: message.content, account_id: message.account_id, inbox_id: message.inbox_id,
      conversation_id: conversation.display_id, message_type: message.message_type,
      created_at: seconds(message.created_at), updated_at: iso(message.updated_at), private: message.private,
      status: message.status, source_id: message.source_id, content_type: message.content_type,
      content_attributes: message.content_attributes, sender_type: message.sender_type, sender_id: message.sender_id,
      external_source_ids: message.external_source_ids, additional_attributes: message.additional_attributes,
      processed_message_content: message.content, sentiment: {},
      conversation: {
        assignee_id: conversation.assignee_id, unread_count: unreadCount(conversation),
        last_activity_at: seconds(conversation.last_activity_at),
        contact_inbox: { source_id: store.contactInbox(conversation.contact_inbox_id)?.source_id },
      },
      ...optional('echo_id', echoId || undefined), ...optional('attachments', attachmentsOf(message)),
      ...optional('sender', senderOf(message)),
    };
  }

  /** @param {Row} conversation */
  function conversationPush(conversation) {
    const contactInbox = store.contactInbox(conversation.contact_inbox_id) ?? {};
    const assignee = conversation.assignee_id ? store.user(conversation.assignee_id) : undefined;
    const last = store.messagesOf(conversation).filter(isChat).at(-1);
    return {
      additional_attributes: conversation.additional_attributes, can_reply: true, channel: 'Channel::Api',
      contact_inbox: {
        id: contactInbox.id, contact_id: contactInbox.contact_id, inbox_id: contactInbox.inbox_id,
        source_id: contactInbox.source_id, created_at: iso(contactInbox.created_at),
        updated_at: iso(contactInbox.updated_at), hmac_verified: contactInbox.hmac_verified,
        pubsub_token: contactInbox.pubsub_token,
      },
      id: conversation.display_id, inbox_id: conversation.inbox_id, messages: last ? [messagePush(last)] : [],
      labels: conversation.labels,
      meta: {
        sender: contactPush(store.contact(conversation.contact_id) ?? {}), assignee: assignee ? userPush(assignee) : null,
        assignee_type: assignee ? 'User' : null, team: null, hmac_verified: Boolean(contactInbox.hmac_verified),
      },
      status: conversation.status, custom_attributes: conversation.custom_attributes,
      snoozed_until: iso(conversation.snoozed_until), unread_count: unreadCount(conversation),
      first_reply_created_at: iso(conversation.first_reply_created_at), priority: conversation.priority,
      waiting_since: seconds(conversation.waiting_since), agent_last_seen_at: seconds(conversation.agent_last_seen_at),
      contact_last_seen_at: seconds(conversation.contact_last_seen_at),
      last_activity_at: seconds(conversation.last_activity_at), timestamp: seconds(conversation.last_activity_at),
      created_at: seconds(conversation.created_at), updated_at: conversation.updated_at / 1000,
    };
  }

  /** `meta.sender` of the agent conversation. @param {Row} contact */
  const agentContact = (contact) => ({
    additional_attributes: contact.additional_attributes,
    availability_status: store.seenRecently('contacts', contact.id) ? 'online' : 'offline', email: contact.email,
    id: contact.id, name: contact.name, phone_number: contact.phone_number, blocked: contact.blocked,
    identifier: contact.identifier, thumbnail: '', custom_attributes: contact.custom_attributes,
    ...optional('last_activity_at', contact.last_activity_at == null ? undefined : seconds(contact.last_activity_at)),
    created_at: seconds(contact.created_at),
  });

  /** `meta.assignee` of the agent conversation. @param {Row} user */
  const agentUser = (user) => ({
    id: user.id, account_id: 1, availability_status: store.userStatus(user), auto_offline: user.auto_offline,
    confirmed: true, email: user.email, provider: 'email', available_name: user.display_name || user.name,
    name: user.name, role: user.role, thumbnail: '',
  });

  /** @param {Row} message @param {{ echoId?: string }} [extras] */
  const agentMessage = (message, { echoId } = {}) => ({
    id: message.id, content: message.content, inbox_id: message.inbox_id, ...optional('echo_id', echoId || undefined),
    conversation_id: displayIdOf(message), message_type: message.message_type, content_type: message.content_type,
    status: message.status, content_attributes: message.content_attributes, created_at: seconds(message.created_at),
    private: message.private, source_id: message.source_id, ...optional('sender', senderOf(message)),
    ...optional('attachments', attachmentsOf(message)),
  });

  /** @param {Row} conversation */
  function agentConversation(conversation) {
    const contactInbox = store.contactInbox(conversation.contact_inbox_id) ?? {};
    const contact = store.contact(conversation.contact_id) ?? {};
    const assignee = conversation.assignee_id ? store.user(conversation.assignee_id) : undefined;
    const messages = store.messagesOf(conversation);
    const lastNonActivity = messages.filter((message) => message.message_type !== 2).at(-1);
    return {
      meta: {
        sender: agentContact(contact), channel: 'Channel::Api',
        ...(assignee ? { assignee: agentUser(assignee), assignee_type: 'User' } : {}),
        hmac_verified: Boolean(contactInbox.hmac_verified),
      },
      id: conversation.display_id, messages: messages.length ? [messagePush(messages[messages.length - 1])] : [],
      account_id: 1, uuid: conversation.uuid, additional_attributes: conversation.additional_attributes,
      agent_last_seen_at: seconds(conversation.agent_last_seen_at),
      assignee_last_seen_at: seconds(conversation.assignee_last_seen_at), can_reply: true,
      contact_last_seen_at: seconds(conversation.contact_last_seen_at),
      custom_attributes: conversation.custom_attributes, inbox_id: conversation.inbox_id, labels: conversation.labels,
      muted: Boolean(contact.blocked), snoozed_until: iso(conversation.snoozed_until), status: conversation.status,
      created_at: seconds(conversation.created_at), updated_at: conversation.updated_at / 1000,
      timestamp: seconds(conversation.last_activity_at),
      first_reply_created_at: seconds(conversation.first_reply_created_at), unread_count: unreadCount(conversation),
      last_non_activity_message: lastNonActivity ? messagePush(lastNonActivity) : null,
      last_activity_at: seconds(conversation.last_activity_at), priority: conversation.priority,
      waiting_since: seconds(conversation.waiting_since), sla_policy_id: null,
    };
  }

  /** `meta` of the agent message list. @param {Row} conversation */
  function agentMessagesMeta(conversation) {
    const assignee = conversation.assignee_id ? store.user(conversation.assignee_id) : undefined;
    return {
      labels: conversation.labels, additional_attributes: conversation.additional_attributes,
      contact: contactPush(store.contact(conversation.contact_id) ?? {}),
      ...(assignee ? { assignee: userPush(assignee) } : {}),
      agent_last_seen_at: iso(conversation.agent_last_seen_at),
      assignee_last_seen_at: iso(conversation.assignee_last_seen_at),
    };
  }

  /** @param {Row} user */
  const profile = (user) => ({
    id: user.id, pubsub_token: user.pubsub_token, access_token: user.access_token, account_id: 1, role: user.role,
    name: user.name, email: user.email, uid: user.email, available_name: user.display_name || user.name,
    display_name: user.display_name, avatar_url: '', message_signature: user.message_signature, provider: 'email',
    confirmed: true, inviter_id: null, ui_settings: user.ui_settings, type: null,
    accounts: [{
      id: 1, name: store.account.name, status: store.account.status, active_at: iso(user.created_at),
      role: user.role, permissions: [user.role], availability: user.availability,
      availability_status: store.userStatus(user), auto_offline: user.auto_offline,
    }],
  });

  /** Times in `previous_changes` are ISO strings, as ActiveRecord serialises them. @param {Record<string, [any, any]>} changes */
  const previousChanges = (changes) => Object.fromEntries(Object.entries(changes).map(([key, pair]) =>
    [key, key.endsWith('_at') ? pair.map((value) => (typeof value === 'number' ? iso(value) : value)) : pair]));

  /** @param {Row} response */
  const csatResponse = (response) => ({
    id: response.id, account_id: 1, conversation_id: response.conversation_id, message_id: response.message_id,
    rating: response.rating, feedback_message: response.feedback_message, contact_id: response.contact_id,
    assigned_agent_id: response.assigned_agent_id, created_at: iso(response.created_at),
    updated_at: iso(response.updated_at),
  });

  /** @param {Row} conversation @param {Row} message the conversation's input_csat message */
  function csatSurvey(conversation, message) {
    const inbox = store.inbox(conversation.inbox_id) ?? {};
    const response = store.csatResponseOf(message);
    return {
      id: message.id, csat_survey_response: response ? csatResponse(response) : null,
      display_type: message.content_attributes.display_type ?? 'emoji', content: inbox.csat_message ?? null,
      inbox_avatar_url: '', inbox_name: inbox.name, locale: store.account.locale, conversation_id: conversation.id,
      created_at: iso(message.created_at),
    };
  }

  return {
    publicInbox, publicContact, contactModel, contactPush, userPush, publicMessage, publicConversation, messagePush,
    conversationPush, agentMessage, agentConversation, agentMessagesMeta, profile, previousChanges, csatSurvey,
  };
}

/** @typedef {ReturnType<typeof createPresenters>} Presenters */
