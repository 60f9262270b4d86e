import { LitElement, html, nothing, svg } from 'lit';
import { ContextConsumer } from '@lit/context';
import { stringsContext } from '../shared/context.js';
import { SessionController } from '../shared/session-controller.js';
import { en } from '../shared/english.js';
import type { Strings } from '../shared/strings.js';
import { tokens } from '../shared/tokens.styles.js';
import { kebabAttributes } from '../shared/attributes.js';
import { draftFor, type AttachmentDraft, type DraftFile, type FileRefusal } from '../shared/attachment-draft.js';
import { dropZoneStyles, FileDropController, renderDropZone } from '../shared/file-drop.js';
import { fileIcon, icon } from '../shared/icons.js';
import { formatSize } from '../message/message-parts.js';
import { DEFAULT_MAX_FILES, fileCheck } from './file-rules.js';
import styles from './composer.styles.js';

/** Keeps focus (and so the on-screen keyboard) in the text box when the send button is pressed. */
const keepFocus = (event: MouseEvent) => event.preventDefault();
const sendIcon = svg`<path d="M3.4 20.4 21 12 3.4 3.6 3.4 10.2 15 12 3.4 13.8z" fill="currentColor"/>`;
const clipIcon = svg`<path d="M16.5 6.5 8.6 14.4a1.9 1.9 0 0 0 2.7 2.7l8-8a3.8 3.8 0 0 0-5.4-5.4l-8 8a5.7 5.7 0 0 0 8 8l7.2-7.2"
  fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`;
const removeIcon = svg`<path d="M6 6l12 12M18 6 6 18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`;

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

  // the manifest takes the attributes from the fields' JSDoc (`@attr`); kebabAttributes names them the same way
  static override properties = kebabAttributes({
    placeholder: {},
    disabled: { type: Boolean, reflect: true },
    accept: {},
    maxFileSize: {},
    maxFiles: { type: Number },
    draft: { state: true },
    failed: { state: true },
  });

  /**
   * Hint in the empty box; the locale's default when empty.
   * @attr
   */
  placeholder = '';
  /**
   * Stops typing and sending. Reflected to the `disabled` attribute.
   * @attr
   * @reflect
   */
  disabled = false;
  /**
   * The file types taken, as the `accept` of `<input type=file>` (`image/*,.pdf`); any when empty.
   * @attr
   */
  accept = '';
  /**
   * Largest file taken: bytes, or a size such as `10MB` or `500kB` (default 40MB, Chatwoot's widget limit).
   * @attr max-file-size
   */
  maxFileSize: string | number = '40MB';
  /**
   * Most files in one message (default 15, Chatwoot's limit).
   * @attr max-files
   */
  maxFiles = DEFAULT_MAX_FILES;

  readonly #stringsConsumer = new ContextConsumer(this, { context: stringsContext, subscribe: true });
  get #strings(): Strings {
    return this.#stringsConsumer.value ?? en;
  }
  private draft = '';
  private failed = false;
  readonly #chat = new SessionController(this);
  readonly #drop = new FileDropController(this, () => this.#files);
  /** The files to send: the chat's shared draft, so the message list can take drops too. */
  #files?: AttachmentDraft;
  #unsubscribe?: () => void;
  #unreceive?: () => void;

  /** Adds files to the message being written, as choosing them would (the same rules apply). */
  addFiles(files: Iterable<File>): void {
    this.#sync().add(files);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#sync();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#release();
  }

  protected override willUpdate(): void {
    this.#sync();
  }

  override render() {
    const reason = this.#blockedReason();
    const inactive = this.#inactive();
    const describedBy = reason ? 'reason' : this.failed ? 'error' : nothing;
    const { files, refusals, added } = this.#files!; // willUpdate has synced it
    // rows: for browsers without `field-sizing: content` (where rows are ignored), one row per line
    return html`
      <form part="form" @submit=${this.#handleSubmit}>
        ${reason ? html`<p id="reason" part="reason" class="reason">${reason}</p>` : nothing}
        <label class="visually-hidden" for="input">${this.#strings.messageLabel}</label>
        <textarea id="input" part="input" rows=${this.draft.split('\n').length} .value=${this.draft} ?disabled=${inactive}
          placeholder=${this.placeholder || this.#strings.messagePlaceholder} aria-describedby=${describedBy}
          @input=${this.#handleInput} @keydown=${this.#handleKeydown} @blur=${this.#handleBlur}
          @paste=${this.#handlePaste}></textarea>
        <button part="attach-button" class="attach" type="button" ?disabled=${inactive} @click=${this.#handleAttachClick}>
          <span class="visually-hidden">${this.#strings.attachFiles}</span>${icon(clipIcon, 'icon')}
        </button>
        <input class="file-input" type="file" multiple hidden tabindex="-1" accept=${this.accept || nothing}
          @change=${this.#handleInputChange}>
        <slot name="actions"></slot>
        <button part="send-button" class="send" type="submit" ?disabled=${!this.#canSend()} @mousedown=${keepFocus}>
          <span class="visually-hidden">${this.#strings.send}</span>${icon(sendIcon, 'icon')}
        </button>
        ${files.length ? html`<ul part="files" class="files" aria-label=${this.#strings.filesToSend}>
          ${files.map((item) => this.#renderFile(item))}</ul>` : nothing}
        ${refusals.length ? html`<div part="file-error" class="error file-error" role="alert">${refusals.map((refusal) =>
          html`<p>${refusalText(refusal, this.#strings)}</p>`)}</div>` : nothing}
        <p class="visually-hidden" role="status">${added ? this.#strings.filesAttached(added) : ''}</p>
        ${this.failed ? html`<p id="error" part="error" class="error" role="alert">${this.#strings.sendFailed}</p>` : nothing}
      </form>
      ${renderDropZone(this.#drop.active, this.#strings.dropFiles)}`;
  }

  #renderFile(item: DraftFile) {
    const preview = this.#files!.previewUrl(item);
    const { name, size } = item.file;
    return html`<li part="file" class="file">
      ${preview ? html`<img class="thumb" src=${preview} alt="">` : icon(fileIcon, 'thumb icon')}
      <span class="file-text"><bdi class="file-name">${name}</bdi>
        <bdi class="file-size">${formatSize(size, this.#strings.$locale)}</bdi></span>
      <button part="remove-button" class="remove" type="button" value=${item.id} aria-label=${this.#strings.removeFile(name)}
        @click=${this.#handleRemove}>${icon(removeIcon, 'icon')}</button>
    </li>`;
  }

  #blockedReason(): string {
    return this.#chat.state?.sendBlockedBy === 'contact-form' ? this.#strings.contactFormFirst : '';
  }

  /** Disabled, or blocked: nothing is typed, sent or taken. */
  #inactive(): boolean {
    return this.disabled || !!this.#blockedReason();
  }

  #canSend(): boolean {
    return !this.#inactive() && !!this.#chat.session
      && (this.draft.trim() !== '' || !!this.#files?.files.length);
  }

  /**
   * Follows the chat's draft (the session's; the composer's own until the session is known) and receives
   * files only while the composer can send. Returns the draft.
   */
  #sync(): AttachmentDraft {
    const draft = draftFor(this.#chat.session ?? this);
    if (draft !== this.#files) {
      // files added before the session was known (its context arrives after connecting) move with the composer
      const carried = this.#files?.take() ?? [];
      this.#release();
      this.#files = draft;
      if (carried.length) draft.restore(carried);
      this.#unsubscribe = draft.subscribe(() => this.requestUpdate());
    }
    if (this.#inactive()) {
      this.#unreceive?.();
      this.#unreceive = undefined;
    } else {
      this.#unreceive ??= draft.receive(fileCheck(this));
    }
    return draft;
  }

  #release(): void {
    this.#unreceive?.();
    this.#unsubscribe?.();
    this.#files?.releasePreviews();
    this.#unreceive = this.#unsubscribe = this.#files = undefined;
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

  /** Files pasted into the text box; rich text copied with a picture (a document, a page) pastes its words. */
  #handlePaste(event: ClipboardEvent) {
    const data = event.clipboardData;
    const files = [...(data?.files ?? [])];
    if (!data || !files.length || this.#inactive()) return;
    if (data.types.includes('text/html') && data.getData('text/plain').trim() !== '') return;
    event.preventDefault();
    this.addFiles(files);
  }

  #handleAttachClick() {
    this.renderRoot.querySelector<HTMLInputElement>('.file-input')?.click();
  }

  #handleInputChange(event: Event) {
    const input = event.target as HTMLInputElement;
    this.addFiles(input.files!);
    input.value = ''; // choosing the same file again fires change again
  }

  async #handleRemove(event: Event) {
    const id = Number((event.currentTarget as HTMLButtonElement).value);
    const files = this.#sync();
    const index = files.files.findIndex((item) => item.id === id);
    files.remove(id);
    await this.updateComplete;
    const buttons = this.renderRoot.querySelectorAll<HTMLElement>('.remove, textarea');
    // the next file's remove button, else the previous one's, else the text box
    buttons[Math.min(index + 1, buttons.length - 1)]?.focus();
  }

  async #handleSubmit(event: Event) {
    event.preventDefault();
    const session = this.#chat.session;
    const draft = this.draft;
    if (!this.#canSend()) return;
    this.draft = '';
    const files = this.#sync().take();
    try {
      await session!.send(draft, files);
      this.failed = false;
    } catch {
      this.draft = draft;
      this.#sync().restore(files);
      this.failed = true;
    }
    this.renderRoot.querySelector('textarea')?.focus();
  }
}

function refusalText(refusal: FileRefusal, strings: Strings): string {
  switch (refusal.reason) {
    case 'type': return strings.fileTypeRefused(refusal.name);
    case 'size': return strings.fileTooLarge(refusal.name, formatSize(refusal.limit, strings.$locale));
    case 'count': return strings.tooManyFiles(refusal.name, refusal.limit ?? 0);
  }
}

if (!customElements.get('cw-composer')) customElements.define('cw-composer', CwComposer);
declare global {
  interface HTMLElementTagNameMap {
    'cw-composer': CwComposer;
  }
}
