/** The part of the Web Storage API the kit uses; `localStorage`, `sessionStorage` or a MemoryStorage. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Storage that lives as long as the page (`storage="none"`), and the fallback when Web Storage throws. */
export class MemoryStorage implements KeyValueStorage {
  readonly #items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, value);
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  get size(): number {
    return this.#items.size;
  }
}

/** What identifies the contact's session with one inbox. Nothing else about the visitor is stored. */
export interface Credentials {
  source_id: string;
  pubsub_token: string;
  contact_id?: number;
  /** The site's user id these credentials belong to, when the site identified the visitor. */
  identifier?: string;
  conversation_id?: number;
}

type Key = 'contact' | 'outbox';

/**
 * The kit's stored data for one (Chatwoot origin, inbox) pair, so two inboxes or two Chatwoot servers on one
 * page never see each other's credentials. Storage failures (quota, privacy mode) fall back to memory.
 */
export class SessionStorage {
  readonly #prefix: string;
  #storage: KeyValueStorage;

  constructor(storage: KeyValueStorage, baseUrl: string, inbox: string) {
    this.#storage = storage;
    this.#prefix = `cw:${originOf(baseUrl)}:${inbox}:`;
  }

  /** `cw:<Chatwoot origin>:<inbox>:`, the prefix of every key; also names the Web Locks of this pair. */
  get scope(): string {
    return this.#prefix;
  }

  readCredentials(): Credentials | undefined {
    const value = this.#read('contact') as Partial<Credentials> | null;
    return typeof value?.source_id === 'string' && typeof value.pubsub_token === 'string' ? (value as Credentials) : undefined;
  }

  writeCredentials(credentials: Credentials): void {
    this.#write('contact', credentials);
  }

  readOutbox<T>(): T[] {
    const value = this.#read('outbox');
    return Array.isArray(value) ? (value as T[]) : [];
  }

  writeOutbox(entries: readonly unknown[]): void {
    if (entries.length === 0) this.#remove('outbox');
    else this.#write('outbox', entries);
  }

  /** Removes every key the kit wrote for this origin and inbox. */
  clear(): void {
    this.#remove('contact');
    this.#remove('outbox');
  }

  #read(key: Key): unknown {
    try {
      // nothing stored reads as null
      return JSON.parse(this.#storage.getItem(this.#prefix + key)!);
    } catch {
      return undefined;
    }
  }

  #write(key: Key, value: unknown): void {
    const text = JSON.stringify(value);
    try {
      this.#storage.setItem(this.#prefix + key, text);
    } catch {
      this.#storage = new MemoryStorage();
      this.#storage.setItem(this.#prefix + key, text);
    }
  }

  #remove(key: Key): void {
    try {
      this.#storage.removeItem(this.#prefix + key);
    } catch {
      // nothing stored that could be removed
    }
  }
}

function originOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return baseUrl;
  }
}
