// In-memory state of one Chatwoot account. Plain records; times are epoch milliseconds (or null).
// Nothing here broadcasts or renders JSON: routes change state here, then tell events.js.

/** @typedef {import('./ids.js').Ids} Ids */
/** @typedef {Record<string, any>} Row */

const PRESENCE_MS = 20_000;
const TABLES = ['users', 'inboxes', 'contacts', 'contactInboxes', 'conversations', 'messages', 'attachments', 'csatResponses'];

/** Sunday and Saturday closed, Monday to Friday 09:00–17:00 (Chatwoot's default for a new inbox). */
export function defaultWorkingHours() {
  return Array.from({ length: 7 }, (_, day) => {
    const weekend = day === 0 || day === 6;
    return {
      day_of_week: day, closed_all_day: weekend, open_hour: weekend ? null : 9, open_minutes: weekend ? null : 0,
      close_hour: weekend ? null : 17, close_minutes: weekend ? null : 0, open_all_day: false,
    };
  });
}

/**
 * @param {{ ids: Ids, now?: () => number }} options
 */
export function createStore({ ids, now = Date.now }) {
  /** @type {Record<string, Map<number, Row>>} */
  const tables = Object.fromEntries(TABLES.map((name) => [name, new Map()]));
  /** @type {Map<number, Row[]>} messages of each conversation, in id order */
  const messagesByConversation = new Map();
  const counters = { ...Object.fromEntries(TABLES.map((name) => [name, 0])), displayId: 0 };
  const listeners = new Set();

  /** @param {string} table @param {Row} fields */
  function insert(table, fields) {
    counters[table] += 1;
    const row = { id: counters[table], ...fields };
    tables[table].set(row.id, row);
    changed();
    return row;
  }

  function changed() {
    for (const listener of listeners) listener();
  }

  /** @param {string} table @param {(row: Row) => boolean} test */
  function find(table, test) {
    for (const row of tables[table].values()) if (test(row)) return row;
    return undefined;
  }

  /** @param {string} table @param {(row: Row) => boolean} test */
  function filter(table, test) {
    return [...tables[table].values()].filter(test);
  }

  const store = {
    account: { id: 1, name: 'Stand-in', locale: 'en', status: 'active' },
    tables,
    ids,
    now,
    /** @param {() => void} listener called after every change (used to save the state file) */
    onChange(listener) {
      listeners.add(listener);
    },
    changed,

    /** @param {Row} fields */
    createUser(fields) {
      return insert('users', {
        name: 'Agent', display_name: null, email: 'agent@example.com', access_token: ids.token(),
        pubsub_token: ids.token(), role: 'administrator', availability: 'online', auto_offline: true,
        ui_settings: {}, message_signature: null, created_at: now(), ...fields,
      });
    },
    /** @param {string} token */
    userByAccessToken: (token) => find('users', (user) => user.access_token === token),
    /** @param {number} id */
    user: (id) => tables.users.get(id),
    administrators: () => filter('users', (user) => user.role === 'administrator'),

    /** @param {Row} fields */
    createInbox(fields) {
      return insert('inboxes', {
        account_id: 1, name: 'Stand-in API inbox', identifier: ids.token(), hmac_token: ids.token(),
        hmac_mandatory: false, timezone: 'UTC', working_hours: defaultWorkingHours(), working_hours_enabled: false,
        csat_survey_enabled: false, csat_display_type: 'emoji', csat_message: null, greeting_enabled: false,
        greeting_message: null, out_of_office_message: null, lock_to_single_conversation: false,
        message_limit_per_minute: 200, member_ids: [], created_at: now(), ...fields,
      });
    },
    /** @param {number} id */
    inbox: (id) => tables.inboxes.get(id),
    /** @param {string} identifier */
    inboxByIdentifier: (identifier) => find('inboxes', (inbox) => inbox.identifier === identifier),

    /** @param {Row} fields */
    createContact(fields) {
      const time = now();
      return insert('contacts', {
        name: ids.name(), email: null, phone_number: null, account_id: 1, created_at: time, updated_at: time,
        additional_attributes: {}, identifier: null, custom_attributes: {}, last_activity_at: null,
        contact_type: fields.email || fields.phone_number ? 'lead' : 'visitor', middle_name: '', last_name: '',
        location: '', country_code: '', blocked: false, company_id: null, ...fields,
      });
    },
    /** @param {number} id */
    contact: (id) => tables.contacts.get(id),
    /** @param {{ identifier?: string, email?: string, phone_number?: string }} keys */
    findContact({ identifier, email, phone_number: phone }) {
      return (identifier ? find('contacts', (contact) => contact.identifier === identifier) : undefined)
        ?? (email ? find('contacts', (contact) => contact.email === email.toLowerCase()) : undefined)
        ?? (phone ? find('contacts', (contact) => contact.phone_number === phone) : undefined);
    },
    /** @param {Row} contact @param {Row} changes */
    updateContact(contact, changes) {
      Object.assign(contact, changes, { updated_at: now() });
      changed();
    },
    /** Moves everything of `mergee` onto `base` and deletes `mergee` (ContactMergeAction). */
    mergeContacts(/** @type {Row} */ base, /** @type {Row} */ mergee) {
      for (const contactInbox of tables.contactInboxes.values()) {
        if (contactInbox.contact_id === mergee.id) contactInbox.contact_id = base.id;
      }
      for (const conversation of tables.conversations.values()) {
        if (conversation.contact_id === mergee.id) conversation.contact_id = base.id;
      }
      for (const message of tables.messages.values()) {
        if (message.sender_type === 'Contact' && message.sender_id === mergee.id) message.sender_id = base.id;
      }
      tables.contacts.delete(mergee.id);
      changed();
    },

    /** @param {Row} contact @param {Row} inbox @param {string} [sourceId] */
    createContactInbox(contact, inbox, sourceId) {
      const time = now();
      return insert('contactInboxes', {
        contact_id: contact.id, inbox_id: inbox.id, source_id: sourceId || ids.uuid(), pubsub_token: ids.token(),
        hmac_verified: false, created_at: time, updated_at: time,
      });
    },
    /** @param {number} id */
    contactInbox: (id) => tables.contactInboxes.get(id),
    /** @param {Row} inbox @param {string} sourceId */
    findContactInbox: (inbox, sourceId) =>
      find('contactInboxes', (row) => row.inbox_id === inbox.id && row.source_id === sourceId),
    /** @param {string} token */
    contactInboxByToken: (token) => find('contactInboxes', (row) => row.pubsub_token === token),
    /** @param {number} contactId */
    contactInboxesOf: (contactId) => filter('contactInboxes', (row) => row.contact_id === contactId),

    /** @param {Row} contactInbox @param {Row} fields */
    createConversation(contactInbox, fields = {}) {
      const time = now();
      counters.displayId += 1;
      const conversation = insert('conversations', {
        display_id: counters.displayId, uuid: ids.uuid(), account_id: 1, inbox_id: contactInbox.inbox_id,
        contact_id: contactInbox.contact_id, contact_inbox_id: contactInbox.id, status: 'open', assignee_id: null,
        team_id: null, contact_last_seen_at: null, agent_last_seen_at: null, assignee_last_seen_at: null,
        created_at: time, updated_at: time, last_activity_at: time, custom_attributes: {}, additional_attributes: {},
        snoozed_until: null, waiting_since: null, first_reply_created_at: null, priority: null, labels: [], ...fields,
      });
      messagesByConversation.set(conversation.id, []);
      return conversation;
    },
    /** @param {number} id */
    conversation: (id) => tables.conversations.get(id),
    /** @param {number} displayId */
    conversationByDisplayId: (displayId) => find('conversations', (row) => row.display_id === displayId),
    /** @param {string} uuid */
    conversationByUuid: (uuid) => find('conversations', (row) => row.uuid === uuid),
    /** @param {(row: Row) => boolean} test */
    conversations: (test) => filter('conversations', test),
    /** @param {Row} conversation @param {Row} changes @returns {string[]} the keys whose value changed */
    updateConversation(conversation, changes) {
      const keys = Object.keys(changes).filter((key) => JSON.stringify(conversation[key]) !== JSON.stringify(changes[key]));
      if (keys.length === 0) return keys;
      Object.assign(conversation, changes, { updated_at: now() });
      changed();
      return keys;
    },

    /** @param {Row} conversation @param {Row} fields */
    createMessage(conversation, fields) {
      const time = fields.created_at ?? now();
      const message = insert('messages', {
        conversation_id: conversation.id, account_id: 1, inbox_id: conversation.inbox_id, content: null,
        message_type: 0, content_type: 'text', content_attributes: {}, private: false, status: 'sent',
        source_id: null, sender_type: null, sender_id: null, additional_attributes: {}, external_source_ids: {},
        created_at: time, updated_at: time, ...fields,
      });
      messagesByConversation.get(conversation.id)?.push(message);
      return message;
    },
    /** @param {number} id */
    message: (id) => tables.messages.get(id),
    /** @param {Row} conversation @returns {Row[]} oldest first */
    messagesOf: (conversation) => messagesByConversation.get(conversation.id) ?? [],
    /**
     * @param {Row} message @param {Row} changes
     * @returns {Record<string, [any, any]>} `previous_changes`, empty when nothing changed
     */
    updateMessage(message, changes) {
      /** @type {Record<string, [any, any]>} */
      const previous = {};
      for (const [key, value] of Object.entries(changes)) {
        if (JSON.stringify(message[key]) !== JSON.stringify(value)) previous[key] = [message[key], value];
      }
      if (Object.keys(previous).length === 0) return previous;
      const time = now();
      previous.updated_at = [message.updated_at, time];
      Object.assign(message, changes, { updated_at: time });
      changed();
      return previous;
    },

    /** @param {Row} message @param {Row} fields */
    createAttachment(message, fields) {
      return insert('attachments', { message_id: message.id, account_id: 1, key: ids.token(28), ...fields });
    },
    /** @param {Row} message */
    attachmentsOf: (message) => filter('attachments', (row) => row.message_id === message.id),
    /** @param {string} key */
    attachmentByKey: (key) => find('attachments', (row) => row.key === key),
    /** @param {Row} message */
    deleteAttachmentsOf(message) {
      for (const row of store.attachmentsOf(message)) tables.attachments.delete(row.id);
      changed();
    },

    /** Presence (OnlineStatusTracker): last time each user or contact subscribed or performed update_presence. */
    presence: { users: new Map(), contacts: new Map() },
    /** @param {'users' | 'contacts'} kind @param {number} id */
    markOnline(kind, id) {
      store.presence[kind].set(id, now());
    },
    /** @param {'users' | 'contacts'} kind @param {number} id */
    seenRecently: (kind, id) => now() - (store.presence[kind].get(id) ?? -Infinity) < PRESENCE_MS,
    /** `online` / `busy` / `offline` as agents and contacts see it. @param {Row} user */
    userStatus(user) {
      if (!user.auto_offline || store.seenRecently('users', user.id)) return user.availability;
      return 'offline';
    },

    /** @param {Row} fields */
    createCsatResponse: (fields) => insert('csatResponses', { ...fields, created_at: now(), updated_at: now() }),
    /** @param {Row} message */
    csatResponseOf: (message) => find('csatResponses', (row) => row.message_id === message.id),

    toJSON() {
      const rows = Object.fromEntries(TABLES.map((name) => [name, [...tables[name].values()]]));
      rows.attachments = rows.attachments.map((row) => ({ ...row, data: row.data?.toString('base64') }));
      return { idsState: ids.state, counters, ...rows };
    },
    /** @param {Row} saved the result of toJSON() */
    load(saved) {
      ids.state = saved.idsState;
      Object.assign(counters, saved.counters);
      for (const name of TABLES) {
        tables[name].clear();
        for (const row of saved[name] ?? []) tables[name].set(row.id, row);
      }
      for (const attachment of tables.attachments.values()) attachment.data = Buffer.from(attachment.data ?? '', 'base64');
      messagesByConversation.clear();
      for (const conversation of tables.conversations.values()) messagesByConversation.set(conversation.id, []);
      for (const message of [...tables.messages.values()].sort((a, b) => a.id - b.id)) {
        messagesByConversation.get(message.conversation_id)?.push(message);
      }
    },
  };
  return store;
}

/** @typedef {ReturnType<typeof createStore>} Store */
