// What Chatwoot's models and listeners do around a change, shared by the contact and agent APIs: message
// validation, reopening, waiting_since and first reply, activity notices, greeting / out-of-office / CSAT
// template messages, read receipts (CLIENT_API.md §5.8, §5.10, §8; AGENT_API.md §4.1, §4.7).

/** @typedef {Record<string, any>} Row */

const MAX_CONTENT = 150_000;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/bmp', 'image/webp'];
const VIDEO_TYPES = ['video/ogg', 'video/mp4', 'video/webm', 'video/quicktime'];
const DAY_MS = 86_400_000;

/** A failed model validation: Rails' full messages and the attributes they belong to. */
export class ValidationError extends Error {
  /** @param {string[]} messages @param {string[]} attributes */
  constructor(messages, attributes) {
    super(messages.join(', '));
    this.attributes = attributes;
  }
}

/** `file_type` from the uploaded part's MIME type. @param {string} mime */
export function fileTypeOf(mime) {
  const type = mime.toLowerCase();
  if (IMAGE_TYPES.includes(type)) return 'image';
  if (VIDEO_TYPES.includes(type)) return 'video';
  return type.startsWith('audio/') ? 'audio' : 'file';
}

/** Weekday and minutes since midnight in the inbox's zone (UTC for names Intl does not know). @param {string} timezone @param {number} time */
function localTime(timezone, time) {
  const format = (/** @type {string} */ zone) => new Intl.DateTimeFormat('en-US', {
    timeZone: zone, weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23',
  }).formatToParts(new Date(time));
  let parts;
  try {
    parts = format(timezone);
  } catch {
    parts = format('UTC');
  }
  const part = (/** @type {string} */ type) => parts.find((entry) => entry.type === type)?.value ?? '0';
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday'));
  return { day, minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}

/** @param {Row} inbox @param {number} time */
export function isOutOfOffice(inbox, time) {
  if (!inbox.working_hours_enabled) return false;
  const { day, minutes } = localTime(inbox.timezone, time);
  const hours = inbox.working_hours.find((/** @type {Row} */ entry) => entry.day_of_week === day);
  if (!hours || hours.open_all_day) return false;
  if (hours.closed_all_day) return true;
  const opens = hours.open_hour * 60 + hours.open_minutes;
  const closes = hours.close_hour * 60 + hours.close_minutes;
  return minutes < opens || minutes >= closes;
}

/**
 * @param {{ store: import('./store.js').Store, events: import('./events.js').Events }} options
 */
export function createConversationActions({ store, events }) {
  /** @param {Row} conversation @param {string} content */
  function addActivity(conversation, content) {
    const message = store.createMessage(conversation, { message_type: 2, content });
    events.messageCreated(message);
  }

  /** @param {Row} conversation @param {Row} fields */
  function addTemplate(conversation, fields) {
    const message = store.createMessage(conversation, { message_type: 3, ...fields });
    events.messageCreated(message);
    return message;
  }

  /** Content length and the per-conversation flood limit (`message_limit_per_minute` of the inbox). @param {Row} conversation @param {any} content */
  function validate(conversation, content) {
    const messages = [];
    const attributes = [];
    if (typeof content === 'string' && content.length > MAX_CONTENT && [...content].length > MAX_CONTENT) {
      messages.push(`Content is too long (maximum is ${MAX_CONTENT} characters)`);
      attributes.push('content');
    }
    const limit = Number(store.inbox(conversation.inbox_id)?.message_limit_per_minute ?? 200);
    const since = store.now() - 60_000;
    const recent = store.messagesOf(conversation).reduce((count, message) => count + (message.created_at >= since ? 1 : 0), 0);
    if (recent >= limit) {
      messages.push('Too many messages');
      attributes.push('base');
    }
    if (messages.length) throw new ValidationError(messages, attributes);
  }

  /** @param {Row} message @param {{ filename: string, type: string, data: Buffer }} file */
  function attach(message, file) {
    const dot = file.filename.lastIndexOf('.');
    store.createAttachment(message, {
      file_type: fileTypeOf(file.type), extension: dot > 0 ? file.filename.slice(dot + 1) : null,
      filename: file.filename || 'file', content_type: file.type, data: file.data, file_size: file.data.length,
    });
  }

  /** Greeting on the contact's first message; out-of-office at most once a day. @param {Row} conversation */
  function sendTemplates(conversation) {
    const inbox = store.inbox(conversation.inbox_id);
    if (!inbox) return;
    const messages = store.messagesOf(conversation);
    const firstIncoming = messages.filter((message) => message.message_type === 0).length === 1;
    if (firstIncoming && inbox.greeting_enabled && inbox.greeting_message) {
      addTemplate(conversation, { content: inbox.greeting_message });
    }
    const templateToday = messages.some((message) => message.message_type === 3 && message.created_at > store.now() - DAY_MS
      && message.content === inbox.out_of_office_message);
    if (inbox.out_of_office_message && !templateToday && isOutOfOffice(inbox, store.now())) {
      addTemplate(conversation, { content: inbox.out_of_office_message });
    }
  }

  /** Resolve-time CSAT survey, once per conversation. @param {Row} conversation */
  function sendCsat(conversation) {
    const inbox = store.inbox(conversation.inbox_id);
    if (!inbox?.csat_survey_enabled) return;
    if (store.messagesOf(conversation).some((message) => message.content_type === 'input_csat')) return;
    addTemplate(conversation, {
      content_type: 'input_csat', content: inbox.csat_message ?? 'Please rate the conversation',
      content_attributes: { display_type: inbox.csat_display_type ?? 'emoji' },
    });
  }

  /**
   * @param {Row} conversation @param {string} status
   * @param {{ actor?: { kind: 'user' | 'contact', name: string }, snoozedUntil?: number | null }} [context]
   */
  function setStatus(conversation, status, { actor, snoozedUntil = null } = {}) {
    const changed = store.updateConversation(conversation, {
      status, snoozed_until: status === 'snoozed' ? snoozedUntil : null,
    });
    if (!changed.includes('status')) {
      if (changed.length) events.conversationUpdated(conversation);
      return false;
    }
    events.statusChanged(conversation);
    const name = actor?.name ?? 'System';
    const notices = actor?.kind === 'contact'
      ? { resolved: `Conversation was resolved by ${name}` }
      : {
        resolved: `Conversation was marked resolved by ${name}`, open: `Conversation was reopened by ${name}`,
        snoozed: `Conversation was snoozed by ${name}`, pending: `Conversation was marked as pending by ${name}`,
      };
    const notice = notices[/** @type {keyof typeof notices} */ (status)];
    if (notice) addActivity(conversation, notice);
    if (status === 'resolved') sendCsat(conversation);
    return true;
  }

  /**
   * Creates a message with its side effects. Throws ValidationError.
   * @param {Row} conversation @param {Row} fields message columns
   * @param {{ echoId?: string, performer?: Row, files?: { filename: string, type: string, data: Buffer }[] }} [context]
   */
  function postMessage(conversation, fields, { echoId, performer, files = [] } = {}) {
    validate(conversation, fields.content);
    const message = store.createMessage(conversation, fields);
    for (const file of files) attach(message, file);
    const incoming = message.message_type === 0;
    const humanReply = message.message_type === 1 && !message.private && message.sender_type === 'User';
    const contact = store.contact(conversation.contact_id);
    /** @type {Row} */
    const changes = { last_activity_at: message.created_at };
    const reopens = incoming && ['resolved', 'snoozed'].includes(conversation.status) && !contact?.blocked;
    if (reopens) Object.assign(changes, { status: 'open', snoozed_until: null });
    if (incoming && conversation.waiting_since == null) changes.waiting_since = message.created_at;
    const firstReply = humanReply && conversation.first_reply_created_at == null;
    if (firstReply) changes.first_reply_created_at = message.created_at;
    if (humanReply) changes.waiting_since = null;
    const changed = store.updateConversation(conversation, changes);
    if (incoming && contact) store.updateContact(contact, { last_activity_at: message.created_at });
    if (reopens) events.statusChanged(conversation);
    events.messageCreated(message, { echoId, performer });
    if (reopens) addActivity(conversation, 'System reopened the conversation due to a new incoming message.');
    if (firstReply) events.firstReplyCreated(message);
    if (!reopens && changed.some((key) => ['waiting_since', 'first_reply_created_at'].includes(key))) {
      events.conversationUpdated(conversation);
    }
    if (incoming) sendTemplates(conversation);
    return message;
  }

  /** update_last_seen by the contact: outgoing, template (and activity) messages become `read`. @param {Row} conversation */
  function markSeenByContact(conversation) {
    const time = store.now();
    store.updateConversation(conversation, { contact_last_seen_at: time });
    for (const message of store.messagesOf(conversation)) {
      if (message.message_type === 0 || !['sent', 'delivered'].includes(message.status) || message.created_at > time) continue;
      events.messageUpdated(message, store.updateMessage(message, { status: 'read' }));
    }
    events.conversationRead(conversation);
  }

  return { postMessage, setStatus, markSeenByContact, validate };
}

/** @typedef {ReturnType<typeof createConversationActions>} ConversationActions */
