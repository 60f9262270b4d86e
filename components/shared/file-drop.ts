// Dragging files onto an element hands them to the chat's attachment draft, with a visible drop target.
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { AttachmentDraft } from './attachment-draft.js';

type Host = ReactiveControllerHost & HTMLElement;

const carriesFiles = (event: DragEvent) => !!event.dataTransfer && [...event.dataTransfer.types].includes('Files');

/**
 * Takes file drops on the host while the draft has a receiver (a composer); otherwise the drag is left to
 * the browser. `active` is true while files are dragged over the host. A drop already taken by an element
 * inside (its default prevented) is not taken twice.
 */
export class FileDropController implements ReactiveController {
  readonly #host: Host;
  readonly #draft: () => AttachmentDraft | undefined;
  /** dragenter and dragleave come in pairs for every element crossed: at zero the drag has left the host. */
  #depth = 0;
  active = false;

  constructor(host: Host, draft: () => AttachmentDraft | undefined) {
    (this.#host = host).addController(this);
    this.#draft = draft;
  }

  hostConnected(): void {
    this.#host.addEventListener('dragenter', this.#handleEnter);
    this.#host.addEventListener('dragover', this.#handleOver);
    this.#host.addEventListener('dragleave', this.#handleLeave);
    this.#host.addEventListener('drop', this.#handleDrop);
    window.addEventListener('dragend', this.#reset);
    window.addEventListener('drop', this.#reset);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('dragenter', this.#handleEnter);
    this.#host.removeEventListener('dragover', this.#handleOver);
    this.#host.removeEventListener('dragleave', this.#handleLeave);
    this.#host.removeEventListener('drop', this.#handleDrop);
    window.removeEventListener('dragend', this.#reset);
    window.removeEventListener('drop', this.#reset);
    this.#reset();
  }

  #takes(event: DragEvent): boolean {
    return carriesFiles(event) && !!this.#draft()?.receiving;
  }

  #handleEnter = (event: DragEvent): void => {
    if (!this.#takes(event)) return;
    this.#depth++;
    this.#setActive(true);
  };

  #handleOver = (event: DragEvent): void => {
    if (!this.#takes(event)) return;
    event.preventDefault();
    event.dataTransfer!.dropEffect = 'copy';
    this.#setActive(true);
  };

  #handleLeave = (event: DragEvent): void => {
    if (!this.active || !carriesFiles(event)) return;
    this.#depth = Math.max(0, this.#depth - 1);
    if (this.#depth === 0) this.#setActive(false);
  };

  #handleDrop = (event: DragEvent): void => {
    const taken = event.defaultPrevented;
    this.#reset();
    if (taken || !this.#takes(event)) return;
    event.preventDefault();
    this.#draft()?.add([...event.dataTransfer!.files]);
  };

  #reset = (): void => {
    this.#depth = 0;
    this.#setActive(false);
  };

  #setActive(active: boolean): void {
    if (this.active === active) return;
    this.active = active;
    this.#host.requestUpdate();
  }
}

/** The drop target shown over the host while files are dragged onto it. */
export function renderDropZone(active: boolean, text: string) {
  return active ? html`<div part="drop-zone" class="drop-zone"><p>${text}</p></div>` : nothing;
}

/** Styles of the drop target; the host must be positioned (`position: relative`). */
export const dropZoneStyles = css`
  .drop-zone {
    position: absolute; inset: 0; z-index: 1; display: grid; place-items: center; pointer-events: none;
    padding: calc(var(--_space) * 2); text-align: center; font-weight: 600;
    border: 2px dashed var(--_color-primary); border-radius: calc(var(--_radius) / 2);
    background: color-mix(in srgb, var(--_color-surface) 88%, transparent); color: var(--_color-primary);
  }
  .drop-zone p { margin: 0; }
`;
