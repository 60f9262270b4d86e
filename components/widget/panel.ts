// The widget's panel: header (title, availability, reply time, close button) and the chat's parts. The widget
// loads this module the first time it opens: with it come the parts and the panel's styles.
import { html, nothing } from 'lit';
import '../message-list/message-list.js';
import '../composer/composer.js';
import '../contact-form/contact-form.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { availability } from '../../services/availability.js';
import type { ChatState } from '../../services/conversation-store.js';
import { closeIcon } from '../launcher/icons.js';
import type { Strings } from '../shared/strings.js';
import { backText } from './availability-text.js';
import { renderEndButton, renderEndState, type EndView } from './conversation-end.js';
import { EXPORTED_PARTS, PANEL_ID } from './panel-names.js';
export { default as panelStyles } from './panel.styles.js';

export interface PanelView {
  open: boolean;
  strings: Strings;
  state?: ChatState;
  /** The widget's `header-title`, `reply-time`, `pre-chat-fields`, `pre-chat-required`. */
  title: string;
  replyTime: string;
  fields: string;
  required: boolean;
  /** Set when the page fixed the locale: the panel takes that language's direction. */
  dir?: 'ltr' | 'rtl';
  onKeydown: (event: KeyboardEvent) => void;
  onClose: () => void;
  end: EndView;
}

export function renderPanel(view: PanelView) {
  const { strings, state } = view;
  return html`
    <section id=${PANEL_ID} part="panel" role="dialog" aria-labelledby="cw-title" ?hidden=${!view.open}
      dir=${ifDefined(view.dir)} @keydown=${view.onKeydown}>
      <header part="header">
        <div class="heading">
          <h2 id="cw-title" part="title">${view.title || state?.inbox?.name || strings.widgetTitle}</h2>
          ${renderStatus(state, strings)}
          ${view.replyTime ? html`<p part="reply-time">${view.replyTime}</p>` : nothing}
        </div>
        ${renderEndButton(view.end)}
        <button part="close-button" aria-label=${strings.closePanel} @click=${view.onClose}>
          ${closeIcon}
        </button>
      </header>
      ${renderEndState(view.end)}
      <div part="body">
        ${showsContactForm(view) ? html`<cw-contact-form exportparts=${EXPORTED_PARTS.contactForm} fields=${view.fields}
          ?required=${view.required}></cw-contact-form>` : nothing}
        <cw-message-list exportparts=${EXPORTED_PARTS.messageList}></cw-message-list>
        <cw-composer exportparts=${EXPORTED_PARTS.composer}></cw-composer>
      </div>
    </section>`;
}

/**
 * The pre-chat form asks before the conversation starts; once it has, the form would only take room from the
 * messages, unless sending still waits for it (a required form the contact has not filled in).
 */
function showsContactForm({ fields, state }: PanelView): boolean {
  return !!fields && (!state?.conversation || state.sendBlockedBy === 'contact-form');
}

/** "Online", or "Away" and when the team is back; nothing until the inbox is known. */
function renderStatus(state: ChatState | undefined, strings: Strings) {
  if (!state?.inbox) return nothing;
  const now = new Date();
  const { online, nextOpen } = availability(state.inbox, now);
  const available = online || state.agentsOnline.length > 0;
  const back = !available && nextOpen ? backText(nextOpen, now, strings) : '';
  return html`
    <p part="status" class=${available ? 'online' : 'away'}>
      <span>${available ? strings.online : strings.away}</span>
      ${back ? html`<span class="back">${back}</span>` : nothing}
    </p>`;
}
