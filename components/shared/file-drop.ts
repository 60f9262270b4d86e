// Dragging files onto an element hands them to the chat's attachment draft, with a visible drop target.
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { AttachmentDraft } from './attachment-draft.js';

type Host = ReactiveControllerHost & HTMLElement;

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
    this.#listen('addEventListener');
  }

  hostDisconnected(): void {
    this.#listen('removeEventListener');
    this.#set(0, false);
  }

  #listen(method: 'addEventListener' | 'removeEventListener'): void {
    for (const type of ['dragenter', 'dragover', 'dragleave', 'drop']) this.#host[method](type, this);
    // a drag that ends anywhere (dropped, or cancelled with Escape) is over here too
    for (const type of ['dragend', 'drop']) window[method](type, this);
  }

  handleEvent(event: DragEvent): void {
    const files = !!event.dataTransfer?.types.includes('Files');
    const takes = files && !!this.#draft()?.receiving;
    if (event.currentTarget === window || event.type === 'drop') {
      this.#set(0, false);
      if (event.currentTarget === window || event.defaultPrevented || !takes) return;
      event.preventDefault();
      this.#draft()!.add([...event.dataTransfer!.files]);
    } else if (event.type === 'dragleave') {
      if (this.active && files) this.#set(Math.max(0, this.#depth - 1), this.#depth > 1);
    } else if (takes) {
      // dragenter, dragover
      if (event.type === 'dragover') {
        event.preventDefault();
        event.dataTransfer!.dropEffect = 'copy';
      }
      this.#set(this.#depth + Number(event.type === 'dragenter'), true);
    }
  }

  #set(depth: number, active: boolean): void {
    this.#depth = depth;
    if (this.active === active) return;
    this.active = active;
    this.#host.requestUpdate();
  }
}

/** The drop target shown over the host while files are dragged onto it. */
export function renderDropZone(active: boolean, text: string) {
  return active ? html`<div part="drop-zone" class="drop-zone"><p>${text}</p></div>` : nothing;
}

/** Styles of the drop target; the host must be positioned (`position: relative`); the tokens set `p { margin: 0 }`. */
export const dropZoneStyles = css`
  .drop-zone {
    position: absolute; inset: 0; z-index: 1; display: grid; place-items: center; pointer-events: none;
    padding: calc(var(--_space) * 2); text-align: center; font-weight: 600;
    border: 2px dashed var(--_color-primary); border-radius: calc(var(--_radius) / 2);
    background: color-mix(in srgb, var(--_color-surface) 88%, transparent); color: var(--_color-primary);
  }
`;
