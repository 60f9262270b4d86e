// The widget's panel: header (title, availability, reply time, close button) and the chat's parts. The widget
// loads this module the first time it opens: with it come the parts and the panel's styles.
import { html, nothing } from 'lit';
import '../message-list/message-list.js';
import '../composer/composer.js';
import '../contact-form/contact-form.js';
import { availability } from '../../services/availability.js';
import type { ChatState } from '../../services/conversation-store.js';
import { closeIcon } from '../launcher/icons.js';
import type { Strings } from '../shared/strings.js';
import { backText } from './availability-text.js';
import { renderEndButton, renderEndState, type EndView } from './conversation-end.js';
import { EXPORTED_PARTS, PANEL_ID } from './panel-names.js';
import type { CwWidget } from './widget.js';
export { default as panelStyles } from './panel.styles.js';

/** What the panel reads from the widget: its attributes, and `close()`. */
export type PanelHost = Pick<CwWidget, 'isOpen' | 'headerTitle' | 'replyTime' | 'preChatFields' | 'preChatRequired' | 'locale' | 'close'>;

/** The panel, from the widget's attributes and the session's state and strings (in `end`). */
export function renderPanel(widget: PanelHost, end: EndView) {
  const { strings, state } = end;
  // A locale the page fixed gives the panel that language's direction.
  return html`
    <section id=${PANEL_ID} part="panel" role="dialog" aria-labelledby="cw-title" ?hidden=${!widget.isOpen}
      dir=${widget.locale ? strings.$dir : nothing} @keydown=${(event: KeyboardEvent) => handleKeydown(event, widget)}>
      <header part="header">
        <div class="heading">
          <h2 id="cw-title" part="title">${widget.headerTitle || state?.inbox?.name || strings.widgetTitle}</h2>
          ${renderStatus(state, strings)}
          ${widget.replyTime ? html`<p part="reply-time">${widget.replyTime}</p>` : nothing}
        </div>
        ${renderEndButton(end)}
        <button part="close-button" aria-label=${strings.closePanel} @click=${() => widget.close()}>
          ${closeIcon}
        </button>
      </header>
      ${renderEndState(end)}
      <div part="body">
        ${showsContactForm(widget.preChatFields, state) ? html`<cw-contact-form exportparts=${EXPORTED_PARTS.contactForm}
          fields=${widget.preChatFields} ?required=${widget.preChatRequired}></cw-contact-form>` : nothing}
        <cw-message-list exportparts=${EXPORTED_PARTS.messageList}></cw-message-list>
        <cw-composer exportparts=${EXPORTED_PARTS.composer}></cw-composer>
      </div>
    </section>`;
}

/**
 * The pre-chat form asks before the conversation starts; once it has, the form would only take room from the
 * messages, unless sending still waits for it (a required form the contact has not filled in).
 */
function showsContactForm(fields: string, state?: ChatState): boolean {
  return !!fields && (!state?.conversation || state.sendBlockedBy === 'contact-form');
}

/** Escape closes the panel, unless an element inside it has used the key. */
function handleKeydown(event: KeyboardEvent, widget: PanelHost): void {
  if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
  event.preventDefault();
  widget.close();
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
      ${available ? strings.online : strings.away}
      ${back ? html`<span class="back">${back}</span>` : nothing}
    </p>`;
}
