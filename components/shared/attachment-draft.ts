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
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/bmp', 'image/webp'];

/**
 * Files chosen, pasted or dropped, not yet sent. A receiver (the composer) registers the check that decides
 * what may be added; with no receiver nothing can be added, so the message list only takes drops when a
 * composer is there to send them. Image previews are object URLs, revoked when the file leaves the draft.
 */
export class AttachmentDraft {
  #files: DraftFile[] = [];
  /** The files the last addition refused, for the composer to say why. */
  refusals: readonly FileRefusal[] = [];
  /** How many files the last addition accepted. */
  added = 0;
  #nextId = 1;
  /** The receivers' checks, newest last: the newest one applies. */
  readonly #checks = new Set<FileCheck>();
  readonly #previews = new Map<number, string>();
  readonly #listeners = new Set<() => void>();

  get files(): readonly DraftFile[] {
    return this.#files;
  }

  /** Someone can take files now. */
  get receiving(): boolean {
    return this.#checks.size > 0;
  }

  /** Registers a receiver's check; returns the unregistration. */
  receive(check: FileCheck): () => void {
    this.#checks.add(check);
    return () => this.#checks.delete(check);
  }

  /** Adds what the receiver's check accepts and records the refusals. */
  add(files: Iterable<File>): void {
    const check = [...this.#checks].at(-1);
    if (!check) return;
    const refusals: FileRefusal[] = [];
    const accepted: File[] = [];
    for (const file of files) {
      const refusal = check(file, this.#files.length + accepted.length);
      if (refusal) refusals.push(refusal);
      else accepted.push(file);
    }
    this.#set([...this.#files, ...this.#entries(accepted)], refusals, accepted.length);
  }

  remove(id: number): void {
    this.#set(this.#files.filter((item) => item.id !== id));
  }

  /** Empties the draft for sending: its files, previews revoked. */
  take(): File[] {
    const files = this.#files.map((item) => item.file);
    this.#set([]);
    return files;
  }

  /** Puts files back unchecked (a send that could not be queued). */
  restore(files: readonly File[]): void {
    this.#set([...this.#entries(files), ...this.#files], this.refusals, this.added);
  }

  /** An object URL for an image's thumbnail (made on first use), undefined for other files. */
  previewUrl({ id, file }: DraftFile): string | undefined {
    if (!IMAGE_TYPES.includes(file.type)) return undefined;
    if (!this.#previews.has(id)) this.#previews.set(id, URL.createObjectURL(file));
    return this.#previews.get(id);
  }

  /** Revokes the previews of files not in `kept`: all of them when the composer left the page (they are made again when shown again). */
  releasePreviews(kept: readonly DraftFile[] = []): void {
    for (const [id, url] of this.#previews) {
      if (kept.some((item) => item.id === id)) continue;
      URL.revokeObjectURL(url);
      this.#previews.delete(id);
    }
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #entries(files: readonly File[]): DraftFile[] {
    return files.map((file) => ({ id: this.#nextId++, file }));
  }

  #set(files: DraftFile[], refusals: readonly FileRefusal[] = [], added = 0): void {
    this.releasePreviews(files);
    this.#files = files;
    this.refusals = refusals;
    this.added = added;
    for (const listener of [...this.#listeners]) listener();
  }
}

const drafts = new WeakMap<object, AttachmentDraft>();

/** The draft of `key`: the session, so every element of one chat shares it (or an element without one). */
export function draftFor(key: object): AttachmentDraft {
  if (!drafts.has(key)) drafts.set(key, new AttachmentDraft());
  return drafts.get(key)!;
}
