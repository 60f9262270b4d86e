// Reads untrusted server data into the kit's types. Anything that does not have the shape Chatwoot sends
// comes back undefined, so a bad frame or page is counted and skipped instead of breaking the session.
// Only known fields are copied, so `__proto__` or `constructor` keys never reach the kit's objects.
import type {
  Attachment, CableEvent, Conversation, ConversationStatus, Message, MessageType, PresencePush,
  Sender, TypingPush,
} from './types.js';

type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const optionalString = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** A copy of a JSON object without prototype-changing keys. */
function plainCopy(value: Json): Json {
  const copy: Json = {};
  for (const [key, item] of Object.entries(value)) {
    if (key !== '__proto__' && key !== 'constructor' && key !== 'prototype') copy[key] = item;
  }
  return copy;
}

/** `fields` without the ones that are undefined (so a merge never overwrites a held value with nothing). */
function defined<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, item]) => item !== undefined)) as Partial<T>;
}

export function readSender(value: unknown): Sender | undefined {
  if (!isRecord(value) || !Number.isSafeInteger(value.id) || typeof value.type !== 'string') return undefined;
  return {
    id: value.id as number,
    name: optionalString(value.name) ?? '',
    type: value.type,
    available_name: optionalString(value.available_name),
    avatar_url: optionalString(value.avatar_url),
    thumbnail: optionalString(value.thumbnail),
  };
}

function readAttachment(value: unknown): Attachment | undefined {
  return isRecord(value) && isId(value.id) && typeof value.file_type === 'string'
    ? plainCopy(value) as unknown as Attachment : undefined;
}

export function readMessage(value: unknown): Message | undefined {
  if (!isRecord(value)) return undefined;
  const {
    id, message_type: type, created_at: createdAt, conversation_id: conversationId, content,
    // absent is fine, null is not
    content_attributes: attributes = {}, attachments = [],
  } = value;
  if (!isId(id) || !isId(conversationId) || !isTime(createdAt) || ![0, 1, 2, 3].includes(type as number)
    || (content != null && typeof content !== 'string') || !isRecord(attributes) || !Array.isArray(attachments)) {
    return undefined;
  }
  const files = attachments.map(readAttachment);
  if (!files.every(Boolean)) return undefined;
  return {
    id,
    content: (content as string | null | undefined) ?? null,
    message_type: type as MessageType,
    content_type: optionalString(value.content_type) ?? 'text',
    content_attributes: plainCopy(attributes),
    created_at: createdAt,
    conversation_id: conversationId,
    ...defined({
      attachments: files.length ? files as Attachment[] : undefined,
      sender: readSender(value.sender),
      status: (['sent', 'delivered', 'read', 'failed'] as unknown[]).includes(value.status)
        ? value.status as Message['status'] : undefined,
      echo_id: optionalString(value.echo_id),
      private: value.private === true || undefined,
      updated_at: optionalString(value.updated_at),
    }),
  };
}

/** Reads a page; undefined if it is not an array. Entries that are not messages are dropped. */
export function readMessagePage(value: unknown): Message[] | undefined {
  return Array.isArray(value) ? value.map(readMessage).filter((message): message is Message => !!message) : undefined;
}

export function readConversation(value: unknown): Conversation | undefined {
  if (!isRecord(value) || !isId(value.id) || !(['open', 'resolved', 'pending', 'snoozed'] as unknown[]).includes(value.status)) {
    return undefined;
  }
  return {
    id: value.id,
    uuid: optionalString(value.uuid),
    inbox_id: Number.isSafeInteger(value.inbox_id) ? (value.inbox_id as number) : 0,
    status: value.status as ConversationStatus,
    contact_last_seen_at: isTime(value.contact_last_seen_at) ? value.contact_last_seen_at : 0,
    agent_last_seen_at: isTime(value.agent_last_seen_at) ? value.agent_last_seen_at : 0,
  };
}

function readTyping(value: unknown): TypingPush | undefined {
  if (!isRecord(value)) return undefined;
  const conversation = readConversation(value.conversation);
  return conversation && {
    conversation, user: readSender(value.user), is_private: value.is_private === true || value.is_private === 'true',
  };
}

function readPresence(value: unknown): PresencePush | undefined {
  if (!isRecord(value) || !isRecord(value.users)) return undefined;
  const users: Record<string, string> = {};
  for (const [id, status] of Object.entries(value.users)) if (typeof status === 'string' && /^\d+$/.test(id)) users[id] = status;
  return { users };
}

/** How each broadcast's `data` is read, by its `event`. */
const EVENT_READERS = new Map<string, (data: unknown) => unknown>([
  ['message.created', readMessage],
  ['message.updated', readMessage],
  ['conversation.created', readConversation],
  ['conversation.status_changed', readConversation],
  ['conversation.updated', readConversation],
  ['conversation.typing_on', readTyping],
  ['conversation.typing_off', readTyping],
  ['presence.update', readPresence],
]);

/** A broadcast's `message` part (`{event, data}`) as a typed event, or undefined when unknown or malformed. */
export function readCableEvent(value: unknown): CableEvent | undefined {
  if (!isRecord(value)) return undefined;
  const data = EVENT_READERS.get(value.event as string)?.(value.data);
  return data ? { event: value.event, data } as CableEvent : undefined;
}
