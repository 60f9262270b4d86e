// The full-size view of a message's images: a modal <dialog> with a close button, Escape to close, arrow keys
// (and buttons) between the images of the same message, and focus back on the thumbnail that opened it.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Strings } from '../shared/strings.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface ViewerImage {
  /** The full-size image (http(s) only). */
  src: string;
  name: string;
}

/** Nothing is rendered while closed, so a long conversation carries no dialogs. */
export class ImageViewer implements ReactiveController {
  readonly #host: Host;
  #images: readonly ViewerImage[] = [];
  #index = 0;
  #opener?: HTMLElement;
  #showing = false;
  #opening = false;

  constructor(host: Host) {
    (this.#host = host).addController(this);
  }

  /** Shows `images[index]`, an index into the list. */
  show(images: readonly ViewerImage[], index: number, opener?: HTMLElement): void {
    this.#images = images;
    this.#index = index;
    this.#opener = opener;
    this.#showing = this.#opening = true;
    this.#host.requestUpdate();
  }

  /** Closes at once; the dialog's own `close` event (Escape) comes a task later and finds it closed. */
  #close = (): void => {
    this.#dialog()?.close();
    this.#handleClose();
  };

  hostUpdated(): void {
    if (!this.#opening) return;
    this.#opening = false;
    const dialog = this.#dialog();
    if (dialog && !dialog.open) dialog.showModal();
  }

  hostDisconnected(): void {
    this.#showing = false;
  }

  render(strings: Strings) {
    if (!this.#showing) return nothing;
    const image = this.#images[this.#index];
    const several = this.#images.length > 1;
    return html`<dialog part="viewer" class="viewer" aria-label=${image.name}
        @close=${this.#handleClose} @click=${this.#handleBackdropClick} @keydown=${this.#handleKeydown}>
      <div class="viewer-bar">
        ${several ? html`<p class="viewer-count">${strings.imageOf(this.#index + 1, this.#images.length)}</p>` : nothing}
        <a class="viewer-original" href=${image.src} target="_blank" rel="noopener noreferrer">${strings.openOriginal}</a>
        <button class="viewer-close" autofocus @click=${this.#close}>${strings.closeImage}</button>
      </div>
      <img class="viewer-image" src=${image.src} alt=${image.name} decoding="async">
      ${several ? html`<div class="viewer-steps">
        <button class="viewer-previous" @click=${() => this.#step(-1)}>${strings.previousImage}</button>
        <button class="viewer-next" @click=${() => this.#step(1)}>${strings.nextImage}</button>
      </div>` : nothing}
    </dialog>`;
  }

  #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector<HTMLDialogElement>('dialog.viewer');
  }

  #step(by: number): void {
    const count = this.#images.length;
    this.#index = (this.#index + by + count) % count;
    this.#host.requestUpdate();
  }

  #handleKeydown = (event: KeyboardEvent): void => {
    if (this.#images.length < 2 || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    const forward = (event.key === 'ArrowRight') === !this.#host.matches(':dir(rtl)');
    event.preventDefault();
    this.#step(forward ? 1 : -1);
  };

  /** A click on the dialog itself (not its content) is a click on the backdrop around it. */
  #handleBackdropClick = (event: MouseEvent): void => {
    if (event.target === event.currentTarget) this.#close();
  };

  #handleClose = (): void => {
    if (!this.#showing) return;
    this.#showing = false;
    this.#host.requestUpdate();
    this.#opener?.focus();
    this.#opener = undefined;
  };
}
