// The files waiting to go with the visitor's next message: UI state shared by the composer (which shows them,
// checks them and sends them) and the message list (where files may be dropped). One draft per session.

/** Why a file was not added. `limit` is the size limit (bytes) or the most files per message. */
export interface FileRefusal {
  name: string;
  reason: 'type' | 'size' | 'count';
  limit?: number;
}

/** Decides about one file, given how many the draft holds already: a refusal, or undefined to accept it. */
export type FileCheck = (file: File, held: number) => FileRefusal | undefined;

export interface DraftFile {
  readonly id: number;
  readonly file: File;
}

/** The raster types Chatwoot shows as images (CLIENT_API.md §5.10); only these get a preview. */
export const IMAGE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/gif', 'image/bmp', 'image/webp'];

/**
 * Files chosen, pasted or dropped, not yet sent. A receiver (the composer) registers the check that decides
 * what may be added; with no receiver nothing can be added, so the message list only takes drops when a
 * composer is there to send them. Image previews are object URLs, revoked when the file leaves the draft.
 */
export class AttachmentDraft {
  #files: DraftFile[] = [];
  #refusals: FileRefusal[] = [];
  #added = 0;
  #nextId = 1;
  readonly #receivers: { owner: object; check: FileCheck }[] = [];
  readonly #previews = new Map<number, string>();
  readonly #listeners = new Set<() => void>();

  get files(): readonly DraftFile[] {
    return this.#files;
  }

  /** The files the last addition refused, for the composer to say why. */
  get refusals(): readonly FileRefusal[] {
    return this.#refusals;
  }

  /** How many files the last addition accepted. */
  get added(): number {
    return this.#added;
  }

  /** Someone can take files now. */
  get receiving(): boolean {
    return this.#receivers.length > 0;
  }

  /** Registers `owner` as a receiver (the newest one's check applies); returns the unregistration. */
  receive(owner: object, check: FileCheck): () => void {
    const entry = { owner, check };
    this.#receivers.push(entry);
    return () => {
      const index = this.#receivers.indexOf(entry);
      if (index >= 0) this.#receivers.splice(index, 1);
    };
  }

  /** Adds what the receiver's check accepts and records the refusals. Returns how many were added. */
  add(files: Iterable<File>): number {
    const check = this.#receivers.at(-1)?.check;
    if (!check) return 0;
    const refusals: FileRefusal[] = [];
    const accepted: DraftFile[] = [];
    for (const file of files) {
      const refusal = check(file, this.#files.length + accepted.length);
      if (refusal) refusals.push(refusal);
      else accepted.push({ id: this.#nextId++, file });
    }
    this.#files = [...this.#files, ...accepted];
    this.#refusals = refusals;
    this.#added = accepted.length;
    this.#notify();
    return accepted.length;
  }

  remove(id: number): void {
    this.#revoke(id);
    this.#files = this.#files.filter((item) => item.id !== id);
    this.#refusals = [];
    this.#added = 0;
    this.#notify();
  }

  /** Empties the draft for sending: its files, previews revoked. */
  take(): File[] {
    const files = this.#files.map((item) => item.file);
    for (const item of this.#files) this.#revoke(item.id);
    this.#files = [];
    this.#refusals = [];
    this.#added = 0;
    this.#notify();
    return files;
  }

  /** Puts files back unchecked (a send that could not be queued). */
  restore(files: readonly File[]): void {
    this.#files = [...files.map((file) => ({ id: this.#nextId++, file })), ...this.#files];
    this.#notify();
  }

  /** An object URL for an image's thumbnail (made on first use), undefined for other files. */
  previewUrl(item: DraftFile): string | undefined {
    if (!IMAGE_TYPES.includes(item.file.type)) return undefined;
    let url = this.#previews.get(item.id);
    if (!url) {
      url = URL.createObjectURL(item.file);
      this.#previews.set(item.id, url);
    }
    return url;
  }

  /** Revokes every preview (the composer left the page); they are made again when shown again. */
  releasePreviews(): void {
    for (const id of [...this.#previews.keys()]) this.#revoke(id);
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #revoke(id: number): void {
    const url = this.#previews.get(id);
    if (url) URL.revokeObjectURL(url);
    this.#previews.delete(id);
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

const drafts = new WeakMap<object, AttachmentDraft>();

/** The draft of `key`: the session, so every element of one chat shares it (or an element without one). */
export function draftFor(key: object): AttachmentDraft {
  let draft = drafts.get(key);
  if (!draft) {
    draft = new AttachmentDraft();
    drafts.set(key, draft);
  }
  return draft;
}
