// The composer's attachments: the file button, paste and drop, the row of chosen files, and why a file
// was refused. The files live in the chat's shared AttachmentDraft, so the message list can take drops too.
import { html, nothing, svg, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { draftFor, type AttachmentDraft, type DraftFile, type FileRefusal } from '../shared/attachment-draft.js';
import { FileDropController } from '../shared/file-drop.js';
import type { Strings } from '../shared/strings.js';
import { formatSize } from '../message/message-parts.js';
import { fileCheck, type FileRules } from './file-rules.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface PickerOptions {
  /** What the draft is shared by: the session, else the composer itself. */
  key: () => object;
  strings: () => Strings;
  rules: () => FileRules;
  /** The composer cannot send now: no files are taken. */
  inactive: () => boolean;
}

const clipIcon = svg`<path d="M16.5 6.5 8.6 14.4a1.9 1.9 0 0 0 2.7 2.7l8-8a3.8 3.8 0 0 0-5.4-5.4l-8 8a5.7 5.7 0 0 0 8 8l7.2-7.2"
  fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`;
const fileIcon = svg`<path d="M6 2h8l5 5v15H6z M14 2v5h5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/>`;

/**
 * Keeps the composer registered as the draft's receiver while it can send, re-renders it when the draft
 * changes, and renders the attachment parts of its form.
 */
export class AttachmentPicker implements ReactiveController {
  readonly #host: Host;
  readonly #options: PickerOptions;
  readonly drop: FileDropController;
  #draft?: AttachmentDraft;
  #unsubscribe?: () => void;
  #unreceive?: () => void;

  constructor(host: Host, options: PickerOptions) {
    (this.#host = host).addController(this);
    this.#options = options;
    this.drop = new FileDropController(host, () => this.#draft);
  }

  get files(): readonly DraftFile[] {
    return this.#draft?.files ?? [];
  }

  hostConnected(): void {
    this.#sync();
  }

  hostUpdate(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#unreceive?.();
    this.#unsubscribe?.();
    this.#draft?.releasePreviews();
    this.#unreceive = this.#unsubscribe = this.#draft = undefined;
  }

  /** The shared draft (the session's once it is known): add, take and restore files through it. */
  get draft(): AttachmentDraft {
    return this.#sync();
  }

  /** Follows the session (the draft's key) and receives files only while the composer can send. */
  #sync(): AttachmentDraft {
    const draft = draftFor(this.#options.key());
    if (draft !== this.#draft) {
      // files added before the session was known (its context arrives after connecting) move with the composer
      const carried = this.#draft?.take() ?? [];
      this.hostDisconnected();
      this.#draft = draft;
      if (carried.length) draft.restore(carried);
      this.#unsubscribe = draft.subscribe(() => this.#host.requestUpdate());
    }
    const receiving = !this.#options.inactive();
    if (receiving && !this.#unreceive) this.#unreceive = draft.receive(fileCheck(this.#options.rules));
    if (!receiving && this.#unreceive) {
      this.#unreceive();
      this.#unreceive = undefined;
    }
    return draft;
  }

  renderButton() {
    const { accept } = this.#options.rules();
    return html`<button part="attach-button" class="attach" type="button" ?disabled=${this.#options.inactive()}
        @click=${this.#handleAttachClick}>
        <span class="visually-hidden">${this.#options.strings().attachFiles}</span>
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${clipIcon}</svg>
      </button>
      <input class="file-input" type="file" multiple hidden tabindex="-1" accept=${accept || nothing}
        @change=${this.#handleInputChange}>`;
  }

  renderFiles() {
    const strings = this.#options.strings();
    const files = this.files;
    const status = this.#draft?.added ? strings.filesAttached(this.#draft.added) : '';
    return html`${files.length ? html`<ul part="files" class="files" aria-label=${strings.filesToSend}>
        ${files.map((item) => this.#renderFile(item, strings))}</ul>` : nothing}
      ${this.#renderRefusals(strings)}
      <p class="visually-hidden" role="status">${status}</p>`;
  }

  #renderFile(item: DraftFile, strings: Strings) {
    const preview = this.#draft?.previewUrl(item);
    return html`<li part="file" class="file">
      ${preview ? html`<img class="thumb" src=${preview} alt="">`
        : html`<svg class="thumb icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${fileIcon}</svg>`}
      <span class="file-text"><bdi class="file-name">${item.file.name}</bdi>
        <bdi class="file-size">${formatSize(item.file.size, strings.$locale)}</bdi></span>
      <button part="remove-button" class="remove" type="button" value=${item.id} aria-label=${strings.removeFile(item.file.name)}
        @click=${this.#handleRemove}><svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M6 6l12 12M18 6 6 18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg></button>
    </li>`;
  }

  #renderRefusals(strings: Strings) {
    const refusals = this.#draft?.refusals ?? [];
    if (!refusals.length) return nothing;
    return html`<div part="file-error" class="error file-error" role="alert">${refusals.map((refusal) =>
      html`<p>${refusalText(refusal, strings)}</p>`)}</div>`;
  }

  /** Files pasted into the text box; rich text copied with a picture (a document, a page) pastes its words. */
  handlePaste = (event: ClipboardEvent): void => {
    const data = event.clipboardData;
    const files = [...(data?.files ?? [])];
    if (!data || !files.length || this.#options.inactive()) return;
    const types = [...data.types];
    if (types.includes('text/html') && data.getData('text/plain').trim() !== '') return;
    event.preventDefault();
    this.draft.add(files);
  };

  #handleAttachClick = (): void => {
    this.#host.renderRoot.querySelector<HTMLInputElement>('.file-input')?.click();
  };

  #handleInputChange = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.draft.add([...(input.files ?? [])]);
    input.value = ''; // choosing the same file again fires change again
  };

  #handleRemove = async (event: Event): Promise<void> => {
    const id = Number((event.currentTarget as HTMLButtonElement).value);
    const index = this.files.findIndex((item) => item.id === id);
    this.#draft?.remove(id);
    await this.#host.updateComplete;
    const buttons = this.#host.renderRoot.querySelectorAll<HTMLButtonElement>('.remove');
    const next = buttons[Math.min(index, buttons.length - 1)] ?? this.#host.renderRoot.querySelector<HTMLElement>('textarea');
    next?.focus();
  };
}

function refusalText(refusal: FileRefusal, strings: Strings): string {
  switch (refusal.reason) {
    case 'type': return strings.fileTypeRefused(refusal.name);
    case 'size': return strings.fileTooLarge(refusal.name, formatSize(refusal.limit, strings.$locale));
    case 'count': return strings.tooManyFiles(refusal.name, refusal.limit ?? 0);
  }
}
