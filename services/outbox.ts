import { ApiError } from './api-error.js';
import { sleep } from './backoff.js';
import type { SessionStorage } from './session-storage.js';
import type { Message } from './types.js';

/**
 * - `queued`: waiting its turn, or for the network;
 * - `sending`: the POST is in flight;
 * - `unsure`: the POST may have been stored (timeout, 502–504, network error): checked before any re-send;
 * - `failed`: definitely not stored; waits for the contact's Retry.
 */
export type OutboxState = 'queued' | 'sending' | 'unsure' | 'failed';

export interface OutboxEntry {
  echo_id: string;
  content: string;
  /** When the contact sent it (ms, local clock): only used to expire entries after 24 h. */
  queued_at: number;
  state: OutboxState;
  error?: string;
  /** The newest message id held when it was first posted: reconciliation looks only above it. */
  after_id?: number;
  /** Files go with the message but are not persisted (a reload keeps the text only). */
  files?: File[];
}

export interface OutboxDelegate {
  /** POSTs the entry (creating the contact or conversation first if needed). */
  deliver(entry: OutboxEntry, signal: AbortSignal): Promise<Message>;
  /** Looks for the entry on the server after an ambiguous failure: the message, null if absent. */
  reconcile(entry: OutboxEntry): Promise<Message | null>;
  /** The newest message id the session holds now. */
  newestId(): number | undefined;
  changed(entry: OutboxEntry): void;
  sent(entry: OutboxEntry, message: Message): void;
  expired(count: number): void;
}

export const OUTBOX_LIMIT = 50;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

export class OutboxFullError extends Error {
  constructor() {
    super(`Over ${OUTBOX_LIMIT} unsent messages: wait for the connection`);
    this.name = 'OutboxFullError';
  }
}

/**
 * Unsent messages, persisted, sent one at a time in the order typed, retried with the same `echo_id`,
 * never re-posted after an ambiguous failure until the server shows it does not have the message.
 */
export class Outbox {
  readonly #storage: SessionStorage;
  readonly #delegate: OutboxDelegate;
  #entries: OutboxEntry[] = [];
  #running = false;
  #online = true;
  #inFlight?: AbortController;
  #disposed = false;

  constructor(storage: SessionStorage, delegate: OutboxDelegate) {
    this.#storage = storage;
    this.#delegate = delegate;
  }

  get entries(): readonly OutboxEntry[] {
    return this.#entries;
  }

  /** Loads what an earlier page left unsent. Requests that were in flight become `unsure`. */
  restore(now = Date.now()): OutboxEntry[] {
    const stored = this.#storage.readOutbox<OutboxEntry>().filter(isEntry);
    const fresh = stored.filter((entry) => now - entry.queued_at < MAX_AGE_MS);
    if (fresh.length < stored.length) this.#delegate.expired(stored.length - fresh.length);
    this.#entries = fresh.map((entry) => (entry.state === 'sending' ? { ...entry, state: 'unsure' } : entry));
    this.#persist();
    return this.#entries;
  }

  add(entry: Omit<OutboxEntry, 'state' | 'queued_at'>): OutboxEntry {
    if (this.#entries.length >= OUTBOX_LIMIT) throw new OutboxFullError();
    const added: OutboxEntry = { ...entry, state: 'queued', queued_at: Date.now() };
    this.#entries.push(added);
    this.#persist();
    void this.pump();
    return added;
  }

  /** The contact asked to send a failed entry again: the same echo_id and content. */
  retry(echoId: string): void {
    const entry = this.#find(echoId);
    if (!entry || entry.state !== 'failed') return;
    this.#set(entry, { state: 'queued', error: undefined });
    void this.pump();
  }

  /** Removes an entry that is not in flight; an upload in flight is cancelled first. */
  discard(echoId: string): void {
    const entry = this.#find(echoId);
    if (!entry) return;
    this.#remove(entry);
    if (entry.state === 'sending') this.#inFlight?.abort();
  }

  /** The server confirmed the message some other way (the cable echo). */
  settle(echoId: string, message: Message): void {
    const entry = this.#find(echoId);
    // while the POST is in flight, it settles the entry itself with the same message
    if (entry && entry.state !== 'sending') this.#sent(entry, message);
  }

  /** While offline nothing is posted; going online sends what waits. */
  setOnline(online: boolean): void {
    this.#online = online;
    if (online) void this.pump();
  }

  /** Posts nothing more. A POST in flight finishes, so its outcome is stored for the next page. */
  dispose(): void {
    this.#disposed = true;
  }

  /** Sends waiting entries one at a time, in order. */
  async pump(): Promise<void> {
    if (this.#running || this.#disposed) return;
    this.#running = true;
    try {
      for (;;) {
        const entry = this.#entries.find((item) => item.state === 'queued' || item.state === 'unsure');
        if (!entry || !this.#online || this.#disposed) return;
        const proceed = entry.state === 'unsure' ? await this.#resolveUnsure(entry) : await this.#post(entry);
        if (!proceed) return;
      }
    } finally {
      this.#running = false;
    }
  }

  /** Returns false when the outbox should wait for the network before going on. */
  async #post(entry: OutboxEntry): Promise<boolean> {
    this.#set(entry, { state: 'sending', after_id: entry.after_id ?? this.#delegate.newestId() });
    this.#inFlight = new AbortController();
    try {
      this.#sent(entry, await this.#delegate.deliver(entry, this.#inFlight.signal));
      return true;
    } catch (error) {
      return this.#handleFailure(entry, error);
    }
  }

  async #handleFailure(entry: OutboxEntry, error: unknown): Promise<boolean> {
    if (this.#disposed) return false;
    if (!this.#find(entry.echo_id)) return true; // discarded while in flight: go on with the next
    const apiError = error instanceof ApiError ? error : undefined;
    if (apiError?.status === 429) {
      this.#set(entry, { state: 'queued' });
      await sleep(apiError.retryAfterMs ?? 1000);
      return true;
    }
    if (apiError?.ambiguous) {
      this.#set(entry, { state: 'unsure' });
      return this.#resolveUnsure(entry);
    }
    this.#set(entry, { state: 'failed', error: apiError?.serverMessage ?? (error instanceof Error ? error.message : String(error)) });
    return true;
  }

  /** After an ambiguous failure: found on the server → sent; absent → failed (no automatic re-POST). */
  async #resolveUnsure(entry: OutboxEntry): Promise<boolean> {
    let found: Message | null;
    try {
      found = await this.#delegate.reconcile(entry);
    } catch {
      return false; // the server cannot be asked now: wait for the next resume or reconnect
    }
    if (!this.#find(entry.echo_id)) return true;
    if (found) this.#sent(entry, found);
    else this.#set(entry, { state: 'failed', error: 'The message could not be sent' });
    return true;
  }

  #find(echoId: string): OutboxEntry | undefined {
    return this.#entries.find((entry) => entry.echo_id === echoId);
  }

  #set(entry: OutboxEntry, patch: Partial<OutboxEntry>): void {
    Object.assign(entry, patch);
    this.#persist();
    this.#delegate.changed(entry);
  }

  #remove(entry: OutboxEntry): void {
    this.#entries = this.#entries.filter((item) => item !== entry);
    this.#persist();
  }

  #sent(entry: OutboxEntry, message: Message): void {
    this.#remove(entry);
    this.#delegate.sent(entry, message);
  }

  #persist(): void {
    this.#storage.writeOutbox(this.#entries.map(({ files: _files, ...rest }) => rest));
  }
}

function isEntry(value: unknown): value is OutboxEntry {
  const entry = value as Partial<OutboxEntry> | null;
  return typeof entry?.echo_id === 'string' && typeof entry.content === 'string'
    && typeof entry.queued_at === 'number' && ['queued', 'sending', 'unsure', 'failed'].includes(entry.state!);
}
