import type { ChatNotice, ConversationStore } from './conversation-store.js';

/** Shows `notice` in the chat's state (once, however often it is added). */
export function addNotice(store: ConversationStore, notice: ChatNotice): void {
  const { notices } = store.state;
  if (!notices.includes(notice)) store.patch({ notices: [...notices, notice] });
}

/** Takes `notice` off the chat's state, if it is shown. */
export function removeNotice(store: ConversationStore, notice: ChatNotice): void {
  const { notices } = store.state;
  if (notices.includes(notice)) store.patch({ notices: notices.filter((item) => item !== notice) });
}
