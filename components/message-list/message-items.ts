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

/**
 * Messages with a date separator before each new day; a message by the previous one's author is `grouped`.
 * The items are kept from one version of the messages to the next: only the messages after the longest
 * unchanged beginning are worked out again (a new message at the end costs one item, not ten thousand).
 */
export class ListItems {
  #messages: readonly ChatMessage[] = [];
  #items: ListItem[] = [];
  /** For each message, the position of its item. */
  #positions: number[] = [];
  /** How many items were kept from the previous version by the last update. */
  #kept = 0;

  get items(): readonly ListItem[] {
    return this.#items;
  }

  /** Items before this position are the same objects as before the last update. */
  get kept(): number {
    return this.#kept;
  }

  update(messages: readonly ChatMessage[]): this {
    const previous = this.#messages;
    let same = 0;
    while (same < messages.length && same < previous.length && messages[same] === previous[same]) same++;
    const kept = same === 0 ? 0 : this.#positions[same - 1] + 1;
    const items = this.#items.slice(0, kept);
    const positions = this.#positions.slice(0, same);
    let previousDay = same === 0 ? undefined : dayKey(messages[same - 1].created_at * 1000);
    let previousAuthor = same === 0 ? undefined : authorKey(messages[same - 1]);
    for (let index = same; index < messages.length; index++) {
      const message = messages[index];
      const day = dayKey(message.created_at * 1000);
      if (day !== previousDay) {
        items.push({ kind: 'day', key: `day-${day}`, time: message.created_at });
        previousDay = day;
        previousAuthor = undefined;
      }
      const author = authorKey(message);
      positions.push(items.length);
      items.push({ kind: 'message', key: messageKey(message), message, grouped: author !== undefined && author === previousAuthor });
      previousAuthor = author;
    }
    this.#messages = messages;
    this.#items = items;
    this.#positions = positions;
    this.#kept = kept;
    return this;
  }
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
