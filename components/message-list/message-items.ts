// What the message list shows, in order: date separators and messages, each with a stable key.
import type { ChatMessage } from '../../services/conversation-store.js';
import { dayKey } from '../shared/format.js';

export type ListItem =
  | { kind: 'day'; key: string; time: number }
  | { kind: 'message'; key: string; message: ChatMessage; grouped: boolean };

/**
 * A message's key for keyed rendering. The `echo_id` comes first: a message being sent has only that, and
 * keeps it once the server confirms it, so its `<li>` stays the same node (and is not announced twice).
 */
export function messageKey(message: ChatMessage): string {
  return message.echo_id ?? `id-${message.id}`;
}

/** Who wrote a message, for grouping; activity lines never group. */
function authorKey(message: ChatMessage): string | undefined {
  if (message.message_type === 0) return 'contact';
  if (message.message_type === 2) return undefined;
  const sender = message.sender;
  return sender ? `${sender.type}:${sender.id}` : `type:${message.message_type}`;
}

/** Messages with a date separator before each new day; a message by the previous one's author is `grouped`. */
export function listItems(messages: readonly ChatMessage[]): ListItem[] {
  const items: ListItem[] = [];
  let previousDay: number | undefined;
  let previousAuthor: string | undefined;
  for (const message of messages) {
    const day = dayKey(message.created_at);
    if (day !== previousDay) {
      items.push({ kind: 'day', key: `day-${day}`, time: message.created_at });
      previousDay = day;
      previousAuthor = undefined;
    }
    const author = authorKey(message);
    items.push({ kind: 'message', key: messageKey(message), message, grouped: author !== undefined && author === previousAuthor });
    previousAuthor = author;
  }
  return items;
}

/**
 * Counts messages from others newer than `newestSeen` (ids only grow; a new message can sort before older
 * ones by `created_at`, so the whole list is scanned) and returns the new newest id. Messages still being
 * sent have no id and are skipped.
 */
export function countArrivals(messages: readonly ChatMessage[], newestSeen: number | undefined): { count: number; newest?: number } {
  let count = 0;
  let newest = newestSeen;
  for (const { id, message_type: type } of messages) {
    if (id === undefined || (newestSeen !== undefined && id <= newestSeen)) continue;
    if (newest === undefined || id > newest) newest = id;
    if (newestSeen !== undefined && type !== 0) count++;
  }
  return { count, newest };
}
