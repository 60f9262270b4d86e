import type { ClientApi } from './client-api.js';
import type { ConversationStore } from './conversation-store.js';

/**
 * Marks what the store holds as seen by the contact, at once, then tells the server (rejecting with its
 * error). Does nothing without a conversation or when nothing is unread.
 */
export async function markConversationSeen(
  store: ConversationStore, api: Pick<ClientApi, 'updateLastSeen'>,
): Promise<void> {
  const { conversation, contact, messages, unreadCount } = store.state;
  if (!conversation || !contact || unreadCount === 0) return;
  const seenAt = messages.reduce((latest, message) => Math.max(latest, message.created_at), conversation.contact_last_seen_at);
  store.patch({
    conversation: { ...conversation, contact_last_seen_at: seenAt },
    seenThroughId: store.newestId,
  });
  await api.updateLastSeen(contact.source_id, conversation.id);
}

/** Calls `listener` with the unread count whenever it changes (from 0 at first); returns the unsubscribe. */
export function watchUnread(store: ConversationStore, listener: (count: number) => void): () => void {
  let last = 0;
  return store.subscribe(({ unreadCount }) => {
    if (unreadCount !== last) listener((last = unreadCount));
  });
}
