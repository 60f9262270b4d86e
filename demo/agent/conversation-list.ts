// The conversation list: how a live message or status change updates it, and how one entry looks.
import { html, nothing } from 'lit';
import type { ConversationStatus, Message } from '../../services/types.js';
import type { ConversationSummary } from './agent-api.js';
import { previewOf } from './describe.js';

export const nameOf = (summary: ConversationSummary) => summary.contactName || `Visitor #${summary.id}`;

/**
 * The list after `message` was created or updated; undefined when its conversation is not in the list.
 * A new message moves its conversation to the top; one from the visitor counts as unread unless it is open.
 */
export function withMessage(list: readonly ConversationSummary[], message: Message, created: boolean, openId?: number) {
  const summary = list.find((held) => held.id === message.conversation_id);
  if (!summary) return undefined;
  const unread = created && message.message_type === 0 && message.conversation_id !== openId ? 1 : 0;
  const latest = created ? message.message_type !== 2 : summary.lastMessage?.id === message.id;
  const changed = { ...summary, lastMessage: latest ? message : summary.lastMessage, unreadCount: summary.unreadCount + unread };
  if (!created) return list.map((held) => (held === summary ? changed : held));
  return [changed, ...list.filter((held) => held !== summary)];
}

export function withChange(list: readonly ConversationSummary[], id: number, change: { status?: ConversationStatus; unreadCount?: number }) {
  return list.map((summary) => (summary.id === id ? { ...summary, ...change } : summary));
}

export function renderSummary(summary: ConversationSummary, current: boolean, handleSelect: (event: Event) => void) {
  return html`
    <li>
      <button type="button" class="summary" value=${summary.id} aria-current=${current ? 'true' : 'false'} @click=${handleSelect}>
        <span class="summary-top">
          <span class="name">${nameOf(summary)}</span>
          <span class="status ${summary.status}">${summary.status}</span>
        </span>
        <span class="preview">${previewOf(summary.lastMessage)}</span>
        ${summary.unreadCount ? html`<span class="unread">${summary.unreadCount} unread</span>` : nothing}
      </button>
    </li>`;
}
