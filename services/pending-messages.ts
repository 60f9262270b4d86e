import type { ConversationStore } from './conversation-store.js';
import type { OutboxEntry } from './outbox.js';
import type { Message } from './types.js';

/**
 * Shows an outbox entry in the store as it stands now: failed, queued while offline, or sending. The first
 * time, it adds the contact's message as the store shows it until the server's copy replaces it.
 */
export function showEntry(store: ConversationStore, { echo_id, content, files, queued_at, state, error }: OutboxEntry, online: boolean): void {
  const delivery = state === 'failed' ? 'failed' : !online ? 'queued' : 'sending';
  if (store.pending(echo_id)) return store.updatePending(echo_id, { delivery, error });
  store.addPending({
    echo_id, content, message_type: 0, content_type: 'text', content_attributes: {}, created_at: queued_at / 1000,
    conversation_id: store.state.conversation?.id ?? 0, delivery, error,
    // an entry has files only when some were chosen (and none after a reload)
    pending_files: files?.map(({ name, size, type }) => ({ name, size, type })),
  });
}

/**
 * Whether `message` may be the server's copy of `entry`: the contact's own, with the same text and newer than
 * `after_id`, while the entry is still unconfirmed.
 */
export function claims(entry: OutboxEntry, message: Message): boolean {
  return message.message_type === 0 && (message.content ?? '') === entry.content
    && message.id > (entry.after_id ?? 0) && (entry.state === 'sending' || entry.state === 'unsure');
}

/**
 * The server's messages for the active conversation, each of the contact's own carrying the `echo_id` of the
 * entry it settles. A REST message has no echo_id, so a message that was posted but not yet confirmed is
 * matched by content among ids above its `after_id`.
 */
export function withEchoIds(
  store: ConversationStore, entries: readonly OutboxEntry[], messages: readonly Message[],
): Message[] {
  const active = store.state.conversation?.id;
  const relevant = messages.filter((message) => message.conversation_id === active);
  return relevant.map((message) => {
    if (message.echo_id || message.message_type !== 0 || store.hasMessage(message.id)) return message;
    const claimant = entries.find((entry) => claims(entry, message) && !relevant.some((other) => other.echo_id === entry.echo_id));
    return claimant ? { ...message, echo_id: claimant.echo_id } : message;
  });
}
