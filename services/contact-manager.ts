import { ApiError } from './api-error.js';
import type { ClientApi } from './client-api.js';
import type { Credentials, SessionStorage } from './session-storage.js';
import type { ContactAttributes, Identity, PublicContact } from './types.js';

export type ContactApi = Pick<ClientApi, 'createContact' | 'getContact' | 'updateContact'>;

export interface ContactManagerOptions {
  api: ContactApi;
  storage: SessionStorage;
  /** The site's identification of the visitor (HMAC-verified when `identifier_hash` is given). */
  identity?: Identity;
  /** Attributes the page knows (name, e-mail, …), sent when the contact is created. */
  attributes?: ContactAttributes;
  /** A monotonic clock in ms (default `performance.now()`), so a wall-clock jump changes no pause. */
  now?: () => number;
}

const RECREATE_AT_MOST_EVERY_MS = 60_000;
/** After the inbox answered 404 to a contact creation, no new contact is asked for during this long. */
export const INBOX_GONE_PAUSE_MS = 5 * 60_000;

/**
 * The contact's session with the inbox: restored from storage, created when there is none, recreated once
 * (at most once a minute) when the server no longer knows it, and verified when the site gave an HMAC.
 */
export class ContactManager {
  #options: ContactManagerOptions;
  #contact?: PublicContact;
  #createdEmpty?: PublicContact;
  #pending?: Promise<PublicContact>;
  #lastRecreatedAt = -Infinity;
  #inboxGoneUntil = -Infinity;
  #generation = 0;

  constructor(options: ContactManagerOptions) {
    this.#options = options;
  }

  get contact(): PublicContact | undefined {
    return this.#contact;
  }

  get identity(): Identity | undefined {
    return this.#options.identity;
  }

  /** Whether credentials for this visitor are stored (so starting costs no new contact). */
  get hasStoredContact(): boolean {
    return !!this.#usableCredentials();
  }

  /** The contact, restoring or creating it on first use; concurrent callers share one request. */
  ensure(): Promise<PublicContact> {
    if (this.#contact) return Promise.resolve(this.#contact);
    const generation = this.#generation;
    this.#pending ??= this.#restoreOrCreate(generation).then((contact) => {
      // the visitor changed (setUser, reset) while this was in flight: its result belongs to nobody
      if (generation !== this.#generation) return this.ensure();
      return contact;
    }).finally(() => {
      if (generation === this.#generation) this.#pending = undefined;
    });
    return this.#pending;
  }

  /** The server answered 404 for the contact: make a new one, unless that was already done within a minute. */
  async recreate(): Promise<PublicContact> {
    const now = this.#now();
    if (now - this.#lastRecreatedAt < RECREATE_AT_MOST_EVERY_MS) {
      throw new ApiError('http', 404, '', 'Contact not found again just after recreating it');
    }
    this.#lastRecreatedAt = now;
    this.#contact = undefined;
    return this.#create();
  }

  /** Remembers the active conversation next to the credentials. */
  rememberConversation(conversationId: number | undefined): void {
    const credentials = this.#options.storage.readCredentials();
    if (!credentials) return;
    this.#options.storage.writeCredentials({ ...credentials, conversation_id: conversationId });
  }

  storedConversation(): number | undefined {
    return this.#usableCredentials()?.conversation_id;
  }

  async update(attributes: ContactAttributes): Promise<void> {
    const contact = await this.ensure();
    const updated = await this.#options.api.updateContact(contact.source_id, { ...attributes, ...this.#options.identity });
    this.#contact = { ...contact, name: updated.name, email: updated.email, phone_number: updated.phone_number };
  }

  /** Drops the contact held in memory (and any request for it in flight); the next ensure() asks again. */
  forget(): void {
    this.#contact = undefined;
    this.#pending = undefined;
    this.#generation++;
  }

  switchIdentity(identity: Identity | undefined, attributes?: ContactAttributes): void {
    this.#options = { ...this.#options, identity, attributes: attributes ?? this.#options.attributes };
    this.forget();
  }

  #usableCredentials(): Credentials | undefined {
    const stored = this.#options.storage.readCredentials();
    if (!stored) return undefined;
    // credentials of another signed-in user (or of an anonymous visitor, once one signs in) are not reused
    if ((stored.identifier ?? undefined) !== this.#options.identity?.identifier) return undefined;
    return stored;
  }

  async #restoreOrCreate(generation: number): Promise<PublicContact> {
    const stored = this.#usableCredentials();
    if (stored) return this.#restore(stored, generation);
    // two tabs opening at once must not create two contacts: one creates, the other then finds it stored
    return this.#exclusively(() => {
      const created = this.#usableCredentials();
      return created ? this.#restore(created, generation) : this.#create(generation);
    });
  }

  async #restore(stored: Credentials, generation: number): Promise<PublicContact> {
    try {
      const { identity } = this.#options;
      const contact = await this.#options.api.getContact(stored.source_id, identity?.identifier_hash ? identity : undefined);
      return this.#keep(contact, stored.conversation_id, generation);
    } catch (error) {
      if (error instanceof ApiError && error.notFound) return this.recreate();
      throw error;
    }
  }

  async #create(generation = this.#generation): Promise<PublicContact> {
    const identity = this.#options.identity;
    const created = await this.#createContact({ ...this.#options.attributes, ...identity });
    // a valid hash on create does not mark the session verified: one GET with the pair does (CLIENT_API.md §7)
    const contact = identity?.identifier_hash
      ? await this.#options.api.getContact(created.source_id, identity)
      : created;
    // with an identifier Chatwoot may hand back a contact that already has conversations; without, it is new
    if (!identity?.identifier && generation === this.#generation) this.#createdEmpty = contact;
    return this.#keep(contact, undefined, generation);
  }

  /**
   * A 404 on contact creation means the inbox is gone (or misconfigured): that is not retried for five
   * minutes, whoever asks (a resume, a send, a retry button), so a broken page cannot flood the server.
   */
  async #createContact(attributes: Parameters<ContactApi['createContact']>[0]): Promise<PublicContact> {
    if (this.#now() < this.#inboxGoneUntil) {
      throw new ApiError('http', 404, '', 'Inbox not found a moment ago: not asking again yet');
    }
    try {
      return await this.#options.api.createContact(attributes);
    } catch (error) {
      if (error instanceof ApiError && error.notFound) this.#inboxGoneUntil = this.#now() + INBOX_GONE_PAUSE_MS;
      throw error;
    }
  }

  /** Runs `task` while holding a Web Lock for this origin and inbox, where the browser has Web Locks. */
  #exclusively<T>(task: () => Promise<T>): Promise<T> {
    const locks = globalThis.navigator?.locks;
    if (!locks) return task();
    return locks.request(`cw-contact:${this.#options.storage.scope}`, task) as Promise<T>;
  }

  /**
   * True once for a contact this manager has just created without an identifier: it has no conversation
   * yet, so there is nothing to list.
   */
  takeNewlyCreated(contact: PublicContact): boolean {
    const created = this.#createdEmpty === contact;
    this.#createdEmpty = undefined;
    return created;
  }

  #keep(contact: PublicContact, conversationId: number | undefined, generation: number): PublicContact {
    if (generation !== this.#generation) return contact;
    this.#contact = contact;
    this.#options.storage.writeCredentials({
      source_id: contact.source_id,
      pubsub_token: contact.pubsub_token,
      contact_id: contact.id,
      identifier: this.#options.identity?.identifier,
      conversation_id: conversationId,
    });
    return contact;
  }

  #now(): number {
    return this.#options.now?.() ?? performance.now();
  }
}
