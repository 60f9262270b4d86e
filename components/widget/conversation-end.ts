// Ending a conversation from the widget: a button in the header, a confirmation, and once the conversation
// is resolved a line that says so with a button to start a new one.
import { html, nothing } from 'lit';
import type { ChatState } from '../../services/conversation-store.js';
import type { Strings } from '../shared/strings.js';

export interface EndView {
  state?: ChatState;
  strings: Strings;
  confirming: boolean;
  busy: boolean;
  onAsk: () => void;
  onConfirm: () => void;
  onCancel: () => void;
  onStartNew: () => void;
}

const canEnd = (state?: ChatState) => !!state?.conversation && state.conversation.status !== 'resolved';

/** The header's "End conversation" button, while there is an open conversation. */
export function renderEndButton(view: EndView) {
  if (!canEnd(view.state) || view.confirming) return nothing;
  return html`<button part="end-button" @click=${view.onAsk}>${view.strings.endConversation}</button>`;
}

/** The confirmation, or the "ended" line with "Start a new conversation". */
export function renderEndState(view: EndView) {
  const { strings } = view;
  if (view.confirming && canEnd(view.state)) {
    return html`<div part="end-confirm" role="group" aria-labelledby="cw-end-question">
      <p id="cw-end-question">${strings.endConversationConfirm}</p>
      <div class="end-actions">
        <button class="danger" ?disabled=${view.busy} @click=${view.onConfirm}>${strings.endConversationYes}</button>
        <button ?disabled=${view.busy} @click=${view.onCancel}>${strings.cancel}</button>
      </div>
    </div>`;
  }
  if (view.state?.conversation?.status !== 'resolved') return nothing;
  return html`<div part="ended" role="status">
    <p>${strings.conversationEnded}</p>
    <button ?disabled=${view.busy} @click=${view.onStartNew}>${strings.startNewConversation}</button>
  </div>`;
}
