// Who hears about what (CLIENT_API.md §9.3–9.4, AGENT_API.md §5): the RoomChannel's subscriptions and
// presence, and every broadcast with its recipients. Listener broadcasts leave on a later turn of the event
// loop (Chatwoot sends them from Sidekiq jobs), so they can overtake or trail the HTTP response.

/** @typedef {Record<string, any>} Row */

const ACCOUNT_STREAM = 'account_1';

/**
 * @param {{ store: import('./store.js').Store, presenters: import('./presenters.js').Presenters,
 *   cable: () => import('./cable.js').Cable }} options `cable` is a getter: the cable is built after this
 */
export function createEvents({ store, presenters, cable }) {
  let closed = false;

  /** @param {() => void} job */
  const later = (job) => setImmediate(() => {
    if (!closed) job();
  });

  /** @param {string[]} tokens @param {string} event @param {Row} payload */
  function send(tokens, event, payload) {
    const data = { ...payload, account_id: 1 };
    for (const token of new Set(tokens)) cable().broadcast(token, { event, data });
  }

  /** The contact's session token; with HMAC verification, every verified session of the contact. @param {Row} conversation */
  function contactTokens(conversation) {
    const contactInbox = store.contactInbox(conversation.contact_inbox_id);
    if (!contactInbox) return [];
    if (!contactInbox.hmac_verified) return [contactInbox.pubsub_token];
    return store.contactInboxesOf(conversation.contact_id).filter((row) => row.hmac_verified).map((row) => row.pubsub_token);
  }

  /** Inbox members and every administrator. @param {Row} conversation */
  function agentTokens(conversation) {
    const members = store.inbox(conversation.inbox_id)?.member_ids ?? [];
    return [...store.tables.users.values()]
      .filter((user) => user.role === 'administrator' || members.includes(user.id))
      .map((user) => user.pubsub_token);
  }

  /** @param {Row} message */
  const contactSees = (message) => !message.private && message.message_type !== 2;
  /** @param {Row | undefined} performer */
  const performerOf = (performer) => (performer ? { performer: presenters.userPush(performer) } : {});

  /** @param {Row} message */
  function recipients(message) {
    const conversation = store.conversation(message.conversation_id);
    if (!conversation) return [];
    return [...(contactSees(message) ? contactTokens(conversation) : []), ...agentTokens(conversation)];
  }

  /** Conversation events are recomputed when sent, as Chatwoot's broadcast job does. @param {string} event @param {Row} conversation @param {'both' | 'agents'} audience */
  function conversationEvent(event, conversation, audience = 'both') {
    later(() => {
      const tokens = [...(audience === 'both' ? contactTokens(conversation) : []), ...agentTokens(conversation)];
      send(tokens, event, presenters.conversationPush(conversation));
    });
  }

  /** `users` (and `contacts` for agents) as OnlineStatusTracker reports them. @param {boolean} withContacts */
  function presence(withContacts) {
    /** @type {Record<string, string>} */
    const users = {};
    for (const user of store.tables.users.values()) {
      if (!user.auto_offline || store.seenRecently('users', user.id)) users[String(user.id)] = store.userStatus(user);
    }
    if (!withContacts) return { account_id: 1, users };
    /** @type {Record<string, string>} */
    const contacts = {};
    for (const id of store.presence.contacts.keys()) if (store.seenRecently('contacts', id)) contacts[String(id)] = 'online';
    return { account_id: 1, users, contacts };
  }

  /** Marks the subscriber online and answers on its own token only, directly from the channel. @param {import('./cable.js').Subscription} subscription */
  function announcePresence(subscription) {
    const { kind, row, token } = subscription.subscriber;
    store.markOnline(kind === 'user' ? 'users' : 'contacts', kind === 'user' ? row.id : row.contact_id);
    cable().broadcast(token, { event: 'presence.update', data: presence(kind === 'user') });
  }

  /** @type {import('./cable.js').Channel} */
  const channel = {
    subscribe(params) {
      const token = String(params.pubsub_token ?? '');
      if (params.user_id !== undefined && params.user_id !== null && params.user_id !== '') {
        const user = store.user(Number(params.user_id));
        if (!user || user.pubsub_token !== token || Number(params.account_id) !== 1) return null;
        return { streams: [token, ACCOUNT_STREAM], subscriber: { kind: 'user', row: user, token } };
      }
      const contactInbox = store.contactInboxByToken(token);
      return contactInbox ? { streams: [token], subscriber: { kind: 'contact', row: contactInbox, token } } : null;
    },
    subscribed: announcePresence,
    perform(subscription, data) {
      if (data.action === 'update_presence') announcePresence(subscription);
    },
  };

  return {
    channel,
    contactTokens,
    close() {
      closed = true;
    },
    /** @param {Row} message @param {{ echoId?: string, performer?: Row }} [context] */
    messageCreated(message, { echoId, performer } = {}) {
      const payload = { ...presenters.messagePush(message, { echoId }), ...performerOf(performer) };
      const tokens = recipients(message);
      later(() => send(tokens, 'message.created', payload));
    },
    /** @param {Row} message @param {Record<string, [any, any]>} changes @param {{ performer?: Row }} [context] */
    messageUpdated(message, changes, { performer } = {}) {
      if (Object.keys(changes).length === 0) return;
      const payload = {
        ...presenters.messagePush(message), ...performerOf(performer), previous_changes: presenters.previousChanges(changes),
      };
      const tokens = recipients(message);
      later(() => send(tokens, 'message.updated', payload));
    },
    /** @param {Row} message */
    firstReplyCreated(message) {
      const conversation = store.conversation(message.conversation_id);
      const payload = presenters.messagePush(message);
      if (conversation) later(() => send(agentTokens(conversation), 'first.reply.created', payload));
    },
    /** @param {Row} conversation */
    conversationCreated: (conversation) => conversationEvent('conversation.created', conversation),
    /** @param {Row} conversation */
    statusChanged(conversation) {
      conversationEvent('conversation.status_changed', conversation);
      conversationEvent('conversation.updated', conversation);
    },
    /** @param {Row} conversation */
    conversationUpdated: (conversation) => conversationEvent('conversation.updated', conversation),
    /** @param {Row} conversation */
    conversationRead: (conversation) => conversationEvent('conversation.read', conversation, 'agents'),
    /**
     * The typist never hears its own typing. A contact's typing goes to agents; an agent's also to the
     * conversation's own session token (even when HMAC-verified), private-note typing included.
     * @param {Row} conversation @param {{ on: boolean, contact?: Row, agent?: Row, isPrivate?: any }} typing
     */
    typing(conversation, { on, contact, agent, isPrivate = false }) {
      const user = agent ? presenters.userPush(agent) : presenters.contactPush(contact ?? {});
      const contactToken = store.contactInbox(conversation.contact_inbox_id)?.pubsub_token;
      const tokens = agent ? [...agentTokens(conversation), contactToken].filter((token) => token && token !== agent.pubsub_token) : agentTokens(conversation);
      const extra = agent ? performerOf(agent) : {};
      later(() => send(/** @type {string[]} */ (tokens), on ? 'conversation.typing_on' : 'conversation.typing_off', {
        conversation: presenters.conversationPush(conversation), user, is_private: isPrivate, ...extra,
      }));
    },
    /** `contact.created` / `contact.updated` / `contact.merged` go to the account stream only. @param {string} event @param {Row} contact */
    contactEvent(event, contact) {
      const payload = presenters.contactPush(contact);
      later(() => send([ACCOUNT_STREAM], event, payload));
    },
  };
}

/** @typedef {ReturnType<typeof createEvents>} Events */
