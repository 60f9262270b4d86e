import { LitElement, html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { ChatSession } from '../../services/chat-session.js';
import type { ChatMessage } from '../../services/conversation-store.js';
import { sessionContext, stringsContext } from '../shared/context.js';
import { emit } from '../shared/events.js';
import { en } from '../shared/english.js';
import type { Strings } from '../shared/strings.js';
import { tokens } from '../shared/tokens.styles.js';
import { AnswerController, renderInteractive, type Postback } from './message-content.js';
import { renderMarkdown } from '../shared/markdown-view.js';
import { formatTime } from '../shared/format.js';
import { authorName, renderAvatar } from './message-parts.js';
import { AttachmentView } from './attachments.js';
import styles from './message.styles.js';

/**
 * One message of a conversation: the author, the text (plain, line breaks kept), attachments, the
 * interactive content types (options, cards, forms, articles, e-mail request, satisfaction survey) answered in place
 * through the session (shown disabled without one), agent and bot text as Markdown (contact text stays plain), the time, and for the contact's own messages the delivery
 * state with Retry and Delete once a send failed. Works on its own; inside `<cw-chat>` the Retry and
 * Delete buttons reach the session (without a session they are not shown).
 *
 * @csspart bubble - The box around the text, attachments and interactive content.
 * @csspart author - The author's name (visually hidden for own and grouped messages, still read out).
 * @csspart avatar - The author's picture or initials, on the first message of a group from an agent or bot.
 * @csspart time - The `<time>` the message was sent.
 * @csspart status - The delivery state of an own message (sending, queued, sent, delivered, read, not sent).
 * @csspart attachment - Each attachment: an image thumbnail (opening the image viewer), a `<video>` or `<audio>`, a link to
 *   a file (name and size), a map link for a location, or the name of a file still uploading.
 * @csspart upload - While an own message's files upload: the labelled `<progress>` and the Cancel button.
 * @csspart cancel-button - Stops the upload and drops the message.
 * @csspart viewer - The image viewer, a modal `<dialog>` (Escape closes; arrow keys go between the message's images).
 * @csspart retry-button - Sends a failed message again.
 * @csspart discard-button - Deletes a failed message.
 * @csspart activity - The centred line of an activity (system) message.
 * @cssprop --cw-message-max-width - Widest a bubble grows, relative to the row (default `80%`).
 * @cssprop --cw-message-avatar-size - Size of the avatar (default `2rem`).
 * @cssprop --cw-message-radius - Corner radius of a bubble (default the `--cw-radius` token).
 * @cssprop --cw-message-rating-color - Colour of the chosen stars or emoji of a satisfaction survey (default the primary colour).
 * @event {CustomEvent<{ payload: string; title?: string; messageId?: number }>} cw-postback - A postback button of a `cards` message was pressed.
 * @event {CustomEvent<{ code: string; message: string }>} cw-error - An answer to an interactive message failed (`code` `answer`); `message` is readable and also shown in the message.
 */
export class CwMessage extends LitElement {
  static override styles = [tokens, styles];

  // `as`: the manifest takes the attributes from the fields' JSDoc (`@attr`), not from this object.
  static override properties = {
    message: { attribute: false },
    grouped: { type: Boolean, reflect: true },
  } as PropertyDeclarations;

  /** The message to show (a Chatwoot message plus its local delivery state). */
  message?: ChatMessage;
  /**
   * Follows a message of the same author: the author line and avatar are hidden.
   * @attr
   * @reflect
   */
  grouped = false;

  readonly #stringsConsumer = new ContextConsumer(this, { context: stringsContext, subscribe: true });
  get #strings(): Strings {
    return this.#stringsConsumer.value ?? en;
  }
  // Only the session's methods are needed, not its state: consuming it (rather than a SessionController)
  // keeps a message from re-rendering on every store change, which matters with thousands of them.
  readonly #sessionConsumer = new ContextConsumer(this, { context: sessionContext, subscribe: true });
  get #session(): ChatSession | undefined {
    return this.#sessionConsumer.value;
  }

  /** The contact's own message (`message_type` 0). Reflected as the `mine` attribute. */
  get mine(): boolean {
    return this.message?.message_type === 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('message')) {
      this.toggleAttribute('mine', this.mine);
      this.#answers.follow(this.message?.id);
    }
  }

  override render() {
    const message = this.message;
    if (!message) return nothing;
    if (message.message_type === 2) return this.#renderActivity(message);
    const mine = this.mine;
    const name = authorName(message, this.#strings);
    return html`<div class="row ${mine ? 'mine' : 'theirs'}">
      ${mine ? nothing : this.grouped ? html`<span class="avatar-space"></span>` : renderAvatar(message.sender?.type === 'contact' ? undefined : message.sender, name)}
      <div class="body">
        <span part="author" class="author ${mine || this.grouped ? 'visually-hidden' : ''}" .textContent=${name}></span>
        <div part="bubble" class="bubble">${this.#renderContent(message)}</div>
        <div class="meta">${this.#renderTime(message)}${mine ? this.#renderDelivery(message) : nothing}</div>
      </div>
    </div>`;
  }

  #renderActivity(message: ChatMessage) {
    return html`<p part="activity" class="activity"><span>${message.content ?? ''}</span> ${this.#renderTime(message)}</p>`;
  }

  #renderContent(message: ChatMessage) {
    if (message.content_attributes?.deleted) return html`<p class="text deleted">${this.#strings.deleted}</p>`;
    // the pieces side by side: a space between them would be one more text node per message
    return html`${message.content ? this.#renderText(message.content) : nothing}${
      this.#attachments.render(message, this.#strings, this.#session ? () => this.#handleDiscard() : undefined)}${
      renderInteractive(message, { strings: this.#strings, session: this.#session, answer: this.#answers, onPostback: this.#handlePostback })}`;
  }

  /** The contact's own words stay plain text; agents and bots write Markdown. */
  #renderText(content: string) {
    if (this.mine) return html`<p class="text" .textContent=${content}></p>`;
    return html`<div class="markdown">${renderMarkdown(content)}</div>`;
  }

  #renderTime(message: ChatMessage) {
    const date = new Date(message.created_at * 1000);
    if (Number.isNaN(date.getTime())) return nothing;
    return html`<time part="time" datetime=${date.toISOString()} .textContent=${formatTime(date, this.#strings)}></time>`;
  }

  #renderDelivery(message: ChatMessage) {
    const delivery = message.delivery;
    if (!delivery) return nothing;
    const failed = delivery === 'failed';
    const canAct = failed && !!this.#session && !!message.echo_id;
    return html`<span part="status" class="status ${delivery}">${this.#strings.delivery[delivery]}</span>
      ${failed && message.error ? html`<span class="error">${message.error}</span>` : nothing}
      ${canAct ? html`<span class="actions">
        <button part="retry-button" @click=${this.#handleRetry}>${this.#strings.retrySend}</button>
        <button part="discard-button" @click=${this.#handleDiscard}>${this.#strings.discard}</button>
      </span>` : nothing}`;
  }

  #handleRetry(): void {
    if (this.message?.echo_id) this.#session?.retry(this.message.echo_id);
  }

  #handleDiscard(): void {
    if (this.message?.echo_id) this.#session?.discard(this.message.echo_id);
  }

  // the state of answering an interactive message (sending, failure, field errors); the answer itself comes from the store
  readonly #answers = new AnswerController(this, (message) => emit(this, 'cw-error', { code: 'answer', message }));

  // the attachments' media that failed to load, and the image viewer
  readonly #attachments = new AttachmentView(this);

  #handlePostback = (postback: Postback): void => {
    emit(this, 'cw-postback', { ...postback, messageId: this.message?.id });
  };
}

if (!customElements.get('cw-message')) customElements.define('cw-message', CwMessage);
declare global {
  interface HTMLElementTagNameMap {
    'cw-message': CwMessage;
  }
}
