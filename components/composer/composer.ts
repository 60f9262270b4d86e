import { LitElement, html, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { consume } from '@lit/context';
import { stringsContext } from '../shared/context.js';
import { SessionController } from '../shared/session-controller.js';
import { en } from '../shared/english.js';
import type { Strings } from '../shared/strings.js';
import { tokens } from '../shared/tokens.styles.js';
import { dropZoneStyles, renderDropZone } from '../shared/file-drop.js';
import { AttachmentPicker } from './attachment-picker.js';
import { DEFAULT_MAX_FILES, parseFileSize } from './file-rules.js';
import styles from './composer.styles.js';

/** Keeps focus (and so the on-screen keyboard) in the text box when the send button is pressed. */
const keepFocus = (event: MouseEvent) => event.preventDefault();
const sendIcon = svg`<path d="M3.4 20.4 21 12 3.4 3.6 3.4 10.2 15 12 3.4 13.8z" fill="currentColor"/>`;

/**
 * Text box that sends the visitor's message. Enter sends, Shift+Enter breaks the line, and nothing is sent
 * while an input method (IME) is composing. The box grows with its text up to `--cw-composer-max-height`,
 * then scrolls. Typing tells the agent the visitor is typing.
 *
 * Files go with the message: chosen with the attach button, pasted into the box, or dropped on the composer
 * or on a `<cw-message-list>` of the same chat. They show in a row under the box (images as thumbnails) until
 * sent, and the text becomes their caption; a message may carry files and no text. A file that the `accept`,
 * `max-file-size` or `max-files` rules refuse is not added, and an alert names it and says why. The upload's
 * progress and its Cancel button show on the sent message in the list.
 *
 * The box is disabled, with the reason shown, while a required `<cw-contact-form>` waits to be filled in.
 * A resolved conversation does not disable it: Chatwoot reopens the conversation on the next message.
 * If the message cannot be queued (too many unsent messages), the text stays in the box and an alert says so.
 *
 * @slot actions - Extra buttons placed before the send button (e.g. attach a file).
 * @csspart form - The `<form>` around everything.
 * @csspart input - The `<textarea>`.
 * @csspart send-button - The send `<button>`.
 * @csspart reason - The line that says why the box is disabled.
 * @csspart error - The alert shown when the message could not be queued.
 * @csspart attach-button - The `<button>` that opens the file chooser.
 * @csspart files - The list of files to send.
 * @csspart file - One file to send: thumbnail or icon, name, size and remove button.
 * @csspart remove-button - Takes a file out of the message.
 * @csspart file-error - The alert naming the files that were refused and why.
 * @csspart drop-zone - The target shown while files are dragged over the composer.
 * @cssprop --cw-composer-min-height - Height of the empty text box (default 44px).
 * @cssprop --cw-composer-max-height - Height the text box grows to before it scrolls (default 10rem).
 * @cssprop --cw-composer-thumb-size - Size of an image's thumbnail in the row of files (default 3rem).
 */
export class CwComposer extends LitElement {
  static override styles = [tokens, styles, dropZoneStyles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** Hint in the empty box; the locale's default when empty. */
  @property() placeholder = '';
  /** Stops typing and sending. Reflected to the `disabled` attribute. */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** The file types taken, as the `accept` of `<input type=file>` (`image/*,.pdf`); any when empty. */
  @property() accept = '';
  /** Largest file taken: bytes, or a size such as `10MB` or `500kB` (default 40MB, Chatwoot's widget limit). */
  @property({ attribute: 'max-file-size' }) maxFileSize: string | number = '40MB';
  /** Most files in one message (default 15, Chatwoot's limit). */
  @property({ type: Number, attribute: 'max-files' }) maxFiles = DEFAULT_MAX_FILES;

  @consume({ context: stringsContext, subscribe: true }) @state() private strings: Strings = en;
  @state() private draft = '';
  @state() private failed = false;
  readonly #chat = new SessionController(this);
  readonly #picker = new AttachmentPicker(this, {
    key: () => this.#chat.session ?? this,
    strings: () => this.strings,
    rules: () => ({ accept: this.accept, maxFileSize: parseFileSize(this.maxFileSize), maxFiles: this.maxFiles }),
    inactive: () => this.disabled || !!this.#blockedReason(),
  });

  /** Adds files to the message being written, as choosing them would (the same rules apply). */
  addFiles(files: Iterable<File>): void {
    this.#picker.draft.add(files);
  }

  override render() {
    const reason = this.#blockedReason();
    const describedBy = reason ? 'reason' : this.failed ? 'error' : undefined;
    // rows: for browsers without `field-sizing: content` (where rows are ignored), one row per line
    return html`
      <form part="form" @submit=${this.#handleSubmit}>
        ${reason ? html`<p id="reason" part="reason" class="reason">${reason}</p>` : nothing}
        <label class="visually-hidden" for="input">${this.strings.messageLabel}</label>
        <textarea id="input" part="input" rows=${this.draft.split('\n').length} .value=${this.draft}
          ?disabled=${this.disabled || !!reason} placeholder=${this.placeholder || this.strings.messagePlaceholder}
          aria-describedby=${ifDefined(describedBy)} @input=${this.#handleInput} @keydown=${this.#handleKeydown}
          @blur=${this.#handleBlur} @paste=${this.#picker.handlePaste}></textarea>
        ${this.#picker.renderButton()}
        <slot name="actions"></slot>
        <button part="send-button" class="send" type="submit" ?disabled=${!this.#canSend()} @mousedown=${keepFocus}>
          <span class="visually-hidden">${this.strings.send}</span>
          <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${sendIcon}</svg>
        </button>
        ${this.#picker.renderFiles()}
        ${this.failed ? html`<p id="error" part="error" class="error" role="alert">${this.strings.sendFailed}</p>` : nothing}
      </form>
      ${renderDropZone(this.#picker.drop.active, this.strings.dropFiles)}`;
  }

  #blockedReason(): string {
    return this.#chat.state?.sendBlockedBy === 'contact-form' ? this.strings.contactFormFirst : '';
  }

  #canSend(): boolean {
    return !this.disabled && !this.#blockedReason() && !!this.#chat.session
      && (this.draft.trim() !== '' || this.#picker.files.length > 0);
  }

  #handleInput(event: InputEvent) {
    this.draft = (event.target as HTMLTextAreaElement).value;
    this.failed = false;
    this.#chat.session?.noteTyping();
  }

  #handleKeydown(event: KeyboardEvent) {
    // keyCode 229: the Enter that ends an IME composition, in browsers that report isComposing false for it
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) this.#handleSubmit(event);
  }

  #handleBlur() {
    this.#chat.session?.stopTyping();
  }

  async #handleSubmit(event: Event) {
    event.preventDefault();
    const session = this.#chat.session;
    const draft = this.draft;
    if (!this.#canSend()) return;
    this.draft = '';
    const files = this.#picker.draft.take();
    try {
      await session!.send(draft, files);
      this.failed = false;
    } catch {
      this.draft = draft;
      this.#picker.draft.restore(files);
      this.failed = true;
    }
    this.renderRoot.querySelector('textarea')?.focus();
  }
}

if (!customElements.get('cw-composer')) customElements.define('cw-composer', CwComposer);
declare global {
  interface HTMLElementTagNameMap {
    'cw-composer': CwComposer;
  }
}
