// Reads untrusted server data into the kit's types. Anything that does not have the shape Chatwoot sends
// comes back undefined, so a bad frame or page is counted and skipped instead of breaking the session.
// Only known fields are copied, so `__proto__` or `constructor` keys never reach the kit's objects.
import type {
  Attachment, CableEvent, Conversation, ConversationPush, ConversationStatus, Message, MessageType, PresencePush,
  Sender, TypingPush,
} from './types.js';

type Json = Record<string, unknown>;

const CONVERSATION_STATUSES: readonly string[] = ['open', 'resolved', 'pending', 'snoozed'];
const MESSAGE_STATUSES: readonly string[] = ['sent', 'delivered', 'read', 'failed'];

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
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    copy[key] = item;
  }
  return copy;
}

export function readSender(value: unknown): Sender | undefined {
  if (!isRecord(value) || !Number.isSafeInteger(value.id) || typeof value.type !== 'string') return undefined;
  return {
    id: value.id as number,
    name: typeof value.name === 'string' ? value.name : '',
    type: value.type,
    available_name: optionalString(value.available_name),
    avatar_url: optionalString(value.avatar_url),
    thumbnail: optionalString(value.thumbnail),
    availability_status: optionalString(value.availability_status),
  };
}

export function readAttachment(value: unknown): Attachment | undefined {
  if (!isRecord(value) || !isId(value.id) || typeof value.file_type !== 'string') return undefined;
  return plainCopy(value) as unknown as Attachment;
}

export function readMessage(value: unknown): Message | undefined {
  if (!isRecord(value)) return undefined;
  const { id, message_type: type, created_at: createdAt, conversation_id: conversationId } = value;
  if (!isId(id) || !isId(conversationId) || !isTime(createdAt)) return undefined;
  if (type !== 0 && type !== 1 && type !== 2 && type !== 3) return undefined;
  if (value.content !== null && value.content !== undefined && typeof value.content !== 'string') return undefined;
  if (value.content_attributes !== undefined && !isRecord(value.content_attributes)) return undefined;
  if (value.attachments !== undefined && !Array.isArray(value.attachments)) return undefined;
  const attachments = (value.attachments as unknown[] | undefined)?.map(readAttachment);
  if (attachments?.some((attachment) => !attachment)) return undefined;
  const message: Message = {
    id,
    content: (value.content as string | null | undefined) ?? null,
    message_type: type as MessageType,
    content_type: typeof value.content_type === 'string' ? value.content_type : 'text',
    content_attributes: isRecord(value.content_attributes) ? plainCopy(value.content_attributes) : {},
    created_at: createdAt,
    conversation_id: conversationId,
  };
  if (attachments?.length) message.attachments = attachments as Attachment[];
  const sender = readSender(value.sender);
  if (sender) message.sender = sender;
  if (typeof value.status === 'string' && MESSAGE_STATUSES.includes(value.status)) message.status = value.status as Message['status'];
  if (typeof value.echo_id === 'string') message.echo_id = value.echo_id;
  if (value.private === true) message.private = true;
  if (typeof value.updated_at === 'string') message.updated_at = value.updated_at;
  return message;
}

/** Reads a page; undefined if it is not an array. Entries that are not messages are dropped and counted. */
export function readMessagePage(value: unknown): { messages: Message[]; invalid: number } | undefined {
  if (!Array.isArray(value)) return undefined;
  const messages = value.map(readMessage).filter((message): message is Message => !!message);
  return { messages, invalid: value.length - messages.length };
}

function readStatus(value: unknown): ConversationStatus | undefined {
  return typeof value === 'string' && CONVERSATION_STATUSES.includes(value) ? (value as ConversationStatus) : undefined;
}

export function readConversation(value: unknown): Conversation | undefined {
  if (!isRecord(value) || !isId(value.id)) return undefined;
  const status = readStatus(value.status);
  if (!status) return undefined;
  return {
    id: value.id,
    uuid: optionalString(value.uuid),
    inbox_id: Number.isSafeInteger(value.inbox_id) ? (value.inbox_id as number) : 0,
    status,
    contact_last_seen_at: isTime(value.contact_last_seen_at) ? value.contact_last_seen_at : 0,
    agent_last_seen_at: isTime(value.agent_last_seen_at) ? value.agent_last_seen_at : 0,
  };
}

function readConversationPush(value: unknown): ConversationPush | undefined {
  const conversation = readConversation(value);
  if (!conversation || !isRecord(value)) return undefined;
  const push: ConversationPush = { ...conversation };
  if (isRecord(value.meta)) push.meta = { assignee: readSender(value.meta.assignee) ?? null };
  return push;
}

function readTyping(value: unknown): TypingPush | undefined {
  if (!isRecord(value)) return undefined;
  const conversation = readConversationPush(value.conversation);
  if (!conversation) return undefined;
  return { conversation, user: readSender(value.user), is_private: value.is_private === true || value.is_private === 'true' };
}

function readPresence(value: unknown): PresencePush | undefined {
  if (!isRecord(value) || !isRecord(value.users)) return undefined;
  const users: Record<string, string> = {};
  for (const [id, status] of Object.entries(value.users)) if (typeof status === 'string' && /^\d+$/.test(id)) users[id] = status;
  return { users };
}

/** A broadcast's `message` part (`{event, data}`) as a typed event, or undefined when unknown or malformed. */
export function readCableEvent(value: unknown): CableEvent | undefined {
  if (!isRecord(value) || typeof value.event !== 'string') return undefined;
  const { event, data } = value;
  switch (event) {
    case 'message.created':
    case 'message.updated': {
      const message = readMessage(data);
      if (!message) return undefined;
      return event === 'message.created' ? { event, data: message } : { event, data: message };
    }
    case 'conversation.created':
    case 'conversation.status_changed':
    case 'conversation.updated': {
      const conversation = readConversationPush(data);
      return conversation ? { event, data: conversation } : undefined;
    }
    case 'conversation.typing_on':
    case 'conversation.typing_off': {
      const typing = readTyping(data);
      return typing ? { event, data: typing } : undefined;
    }
    case 'presence.update': {
      const presence = readPresence(data);
      return presence ? { event, data: presence } : undefined;
    }
    default:
      return undefined;
  }
}
