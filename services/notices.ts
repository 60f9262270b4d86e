import type { ChatNotice, ConversationStore } from './conversation-store.js';

/** Shows `notice` in the chat's state (once, however often it is added). */
export function addNotice(store: ConversationStore, notice: ChatNotice): void {
  const { notices } = store.state;
  if (!notices.includes(notice)) store.patch({ notices: [...notices, notice] });
}

/** Takes `gone` off the chat's state, those of them that are shown. */
export function removeNotice(store: ConversationStore, ...gone: ChatNotice[]): void {
  const notices = store.state.notices.filter((item) => !gone.includes(item));
  if (notices.length < store.state.notices.length) store.patch({ notices });
}
