import { ApiError, describeError, unreadableAnswer } from './api-error.js';
import { CableConnection, cableUrlFor, type CableProblem, type CableStatus } from './cable-connection.js';

export { cableUrlFor } from './cable-connection.js';
import { CableEventHandler } from './cable-events.js';
import { ClientApi } from './client-api.js';
import { ContactManager } from './contact-manager.js';
import { ConversationStore, type ChatError, type ChatMessage } from './conversation-store.js';
import { createConversation, pickConversation } from './conversations.js';
import { Emitter } from './emitter.js';
import { fetchSince, PAGE_SIZE } from './history.js';
import { HistoryLoader } from './history-loader.js';
import { addNotice, removeNotice } from './notices.js';
import { Outbox, OutboxFullError, type OutboxEntry } from './outbox.js';
import { claims, showEntry, withEchoIds } from './pending-messages.js';
import { markConversationSeen, watchUnread } from './read-state.js';
import { MemoryStorage, SessionStorage, type KeyValueStorage } from './session-storage.js';
import { SharedCable, type LiveConnection } from './shared-cable.js';
import { TypingNotifier } from './typing-notifier.js';
import type {
  ContactAttributes, Conversation, Identity, Message, PublicContact, PublicInbox, SubmittedValues,
} from './types.js';
import { isRecord, readConversation, readMessage, readMessagePage } from './validate.js';

/** Page events the session reacts to; the elements feed them in (services never touch the DOM). */
export interface Lifecycle {
  readonly online: boolean;
  subscribe(listener: (event: 'resume' | 'online' | 'offline') => void): () => void;
}

export interface ChatSessionOptions {
  baseUrl: string;
  inbox: string;
  identity?: Identity;
  attributes?: ContactAttributes;
  storage?: KeyValueStorage;
  api?: ClientApi;
  fetch?: typeof fetch;
  WebSocket?: typeof WebSocket;
  /** Defaults to the base URL's `/cable` over ws(s). */
  cableUrl?: string;
  /** When a new visitor's contact is created: when the chat opens (default) or with the first message. */
  createContact?: 'on-open' | 'on-send';
  /** Share one socket among the tabs of this visitor (default: where Web Locks and BroadcastChannel exist). */
  shareConnection?: boolean;
  lifecycle?: Lifecycle;
  /** A monotonic clock in ms for rate limits (contact recreation, inbox-gone pause); injected for tests. */
  now?: () => number;
}

export interface SessionEvents {
  ready: { contact: PublicContact; conversation?: Conversation };
  message: { message: ChatMessage };
  error: ChatError;
  connection: { status: CableStatus };
  unread: { count: number };
}

/**
 * One visitor's chat with one inbox: contact, conversation, history, live events, sending, typing and
 * read state. Elements read `store` and call these methods; nothing here touches the DOM.
 */
export class ChatSession {
  readonly store = new ConversationStore();
  readonly api: ClientApi;
  readonly #options: ChatSessionOptions;
  readonly #storage: SessionStorage;
  readonly #contacts: ContactManager;
  readonly #outbox: Outbox;
  readonly #emitter = new Emitter<SessionEvents>();
  readonly #typing: TypingNotifier;
  readonly #history: HistoryLoader;
  readonly #cableEvents: CableEventHandler;
  #cable?: LiveConnection;
  #starting?: Promise<void>;
  /** Bumped when the visitor changes (setUser, reset): work started for the previous one is dropped. */
  #generation = 0;
  #inboxPending?: Promise<void>;
  #unsubscribeLifecycle?: () => void;
  #disposed = false;

  constructor(options: ChatSessionOptions) {
    this.#options = options;
    this.api = options.api ?? new ClientApi(options);
    this.#storage = new SessionStorage(options.storage ?? new MemoryStorage(), options.baseUrl, options.inbox);
    // identity, attributes and the clock come from the options as they are
    this.#contacts = new ContactManager({ ...options, api: this.api, storage: this.#storage });
    this.#outbox = new Outbox(this.#storage, {
      deliver: (entry, signal) => this.#deliver(entry, signal),
      reconcile: (entry) => this.#findSent(entry),
      newestId: () => this.store.newestId,
      changed: (entry) => this.#showEntry(entry),
      sent: (entry, message) => this.#applyServerMessages([{ ...message, echo_id: entry.echo_id }]),
      expired: () => addNotice(this.store, 'outbox-expired'),
    });
    this.#history = new HistoryLoader(this.store, this.api, this.#outbox, (messages) => this.#applyServerMessages(messages),
      (error) => this.#fail(error), () => this.#generation, () => this.#disposed);
    this.#cableEvents = new CableEventHandler(this.store, (messages) => this.#applyServerMessages(messages),
      (conversation) => this.#adoptConversation(conversation));
    this.#typing = new TypingNotifier((status) => this.#toggleTyping(status));
    watchUnread(this.store, (count) => this.#emitter.emit('unread', { count }));
  }

  on<K extends keyof SessionEvents>(type: K, listener: (detail: SessionEvents[K]) => void): () => void {
    return this.#emitter.on(type, listener);
  }

  /** Frames from the cable that could not be used. */
  get malformedFrames(): number {
    return this.#cable?.malformedCount ?? 0;
  }

  /** Whether this tab holds the socket (false while another tab of the visitor shares its own). */
  get ownsConnection(): boolean {
    const cable = this.#cable;
    return !!cable && (!(cable instanceof SharedCable) || cable.leading);
  }

  get outbox(): readonly OutboxEntry[] {
    return this.#outbox.entries;
  }

  /** Restores or creates the contact, picks the conversation, loads its latest page, goes live. */
  start(): Promise<void> {
    this.#starting ??= this.#start().catch((error: unknown) => {
      this.#starting = undefined;
      this.#fail(error, true);
    });
    return this.#starting;
  }

  async #start(): Promise<void> {
    const generation = this.#generation;
    this.store.patch({ phase: 'loading', error: undefined });
    this.#watchLifecycle();
    for (const entry of this.#outbox.restore()) this.#showEntry(entry);
    const contact = await this.#contacts.ensure();
    if (generation !== this.#generation) return;
    this.store.patch({ contact });
    const picked = await pickConversation(this.api, this.#contacts, contact);
    if (picked) this.#adoptConversation(picked.conversation, picked.raw.messages);
    if (generation !== this.#generation) return;
    // live updates are needed while the chat is open or a conversation is going on
    if (this.store.state.open || (picked && picked.conversation.status !== 'resolved')) this.#connect(contact);
    this.store.patch({ phase: 'ready' });
    this.#emitter.emit('ready', { contact, conversation: picked?.conversation });
    void this.#outbox.pump();
  }

  /**
   * Starts only if this visitor already has a contact stored (a returning visitor): a new visitor who never
   * opens the chat costs the Chatwoot server nothing.
   */
  async resume(): Promise<void> {
    if (this.#contacts.storedConversation() !== undefined) await this.start();
  }

  /**
   * The chat panel opened or closed. Opening starts the session and goes live, except that with
   * `createContact: 'on-send'` a visitor without a contact gets one only when sending.
   */
  setOpen(open: boolean): void {
    this.store.patch({ open });
    if (!open) return;
    if (this.#options.createContact === 'on-send' && !this.#contacts.hasStoredContact && !this.store.state.contact) {
      if (this.store.state.phase === 'idle') this.store.patch({ phase: 'ready' });
      return;
    }
    void this.start().then(() => this.#goLive());
  }

  /**
   * The inbox's public details (name, working hours, time zone), fetched once and kept in `state.inbox`.
   * Needs no contact, so showing a header costs no contact session. Undefined when it cannot be loaded.
   */
  async loadInbox(): Promise<PublicInbox | undefined> {
    if (!this.store.state.inbox) {
      await (this.#inboxPending ??= this.api.getInbox().then((inbox) => {
        if (isRecord(inbox) && typeof inbox.name === 'string') this.store.patch({ inbox });
      }, (error: unknown) => this.#fail(error)).finally(() => (this.#inboxPending = undefined)));
    }
    return this.store.state.inbox;
  }

  /** Holds sending until the visitor has done something first (a required contact form), or releases it. */
  blockSending(reason: 'contact-form' | undefined): void {
    this.store.patch({ sendBlockedBy: reason });
  }

  /** Sends a message through the outbox; it shows at once as `sending` (or `queued` while offline). */
  async send(content: string, files: readonly File[] = []): Promise<void> {
    const text = content.trim();
    if (!text && files.length === 0) return;
    this.#typing.stop();
    try {
      // shown as sending at once (adding may already have started posting it) or queued while offline
      this.#showEntry(this.#outbox.add({ echo_id: crypto.randomUUID(), content: text, files: files.length ? [...files] : undefined }));
    } catch (error) {
      if (error instanceof OutboxFullError) this.#emitter.emit('error', { code: 'outbox-full', message: error.message });
      throw error;
    }
  }

  /** Sends a failed message again with the same `echo_id`. */
  retry(echoId: string): void {
    this.#outbox.retry(echoId);
  }

  /** Drops a failed message the contact no longer wants to send. */
  discard(echoId: string): void {
    this.#outbox.discard(echoId);
    this.store.removePending(echoId);
  }

  /**
   * Answers an interactive message: the chosen option or form values as `[{title|name, value}]`, or a CSAT
   * rating as `{csat_survey_response}`. Rejects with the ApiError (e.g. the 14-day CSAT lock) for the UI to show.
   */
  async answer(messageId: number, values: SubmittedValues): Promise<void> {
    const { conversation, contact } = this.store.state;
    if (!conversation || !contact) throw new Error('No conversation to answer in');
    const updated = readMessage(await this.api.updateMessage(contact.source_id, conversation.id, messageId, values));
    if (updated) this.store.applyUpdate(updated);
  }

  /** Answers an `input_email` message: stored as the answer, and set as the contact's e-mail. */
  async submitEmail(messageId: number, email: string): Promise<void> {
    await this.updateContact({ email });
    await this.answer(messageId, [{ name: 'email', value: email }]);
  }

  /** Answers a CSAT survey message with a rating (1–5) and optional feedback. */
  rate(messageId: number, rating: number, feedback?: string): Promise<void> {
    return this.answer(messageId, { csat_survey_response: { rating, feedback_message: feedback } });
  }

  /** Leaves a resolved conversation behind and starts a new, empty one. */
  async startNewConversation(): Promise<void> {
    const created = await createConversation(this.api, this.#contacts);
    this.#replaceConversation(() => {
      this.store.patch({ typing: undefined });
      this.#adoptConversation(created);
    });
    this.#goLive();
  }

  /**
   * Loads the 20 messages before the oldest one held; after a catch-up that hit its page cap, first the
   * 20 before the missing stretch, until it reaches messages held (then the `history-gap` notice goes).
   */
  loadOlder(): Promise<void> {
    return this.#history.loadOlder();
  }

  /**
   * Fetches what was missed while the socket was down: the latest page, then older pages until they reach
   * messages already held (at most 10 pages; beyond that a `history-gap` notice). Also refreshes the
   * conversation's status. Retried twice; on failure a `catch-up-failed` notice until the next success.
   * Calls made while one runs share it, and it runs once more after it.
   */
  catchUp(): Promise<void> {
    return this.#history.catchUp();
  }

  /** Call on each keystroke in the composer: `on` once, `off` after 4 s idle. */
  noteTyping(): void {
    if (this.store.state.conversation) this.#typing.keystroke();
  }

  stopTyping(): void {
    this.#typing.stop();
  }

  /** The contact has seen the conversation (call while it is visible and the page focused). */
  async markSeen(): Promise<void> {
    try {
      await markConversationSeen(this.store, this.api);
    } catch (error) {
      this.#fail(error);
    }
  }

  /** Resolves (ends) the conversation. */
  async resolve(): Promise<void> {
    const { conversation, contact } = this.store.state;
    if (!conversation || !contact) return;
    const resolved = readConversation(await this.api.resolveConversation(contact.source_id, conversation.id));
    if (resolved) this.store.patch({ conversation: { ...conversation, status: resolved.status } });
  }

  /**
   * Identifies the visitor as the site's user `identity.identifier`. A different user than before starts a new
   * contact session (the Client API cannot attach an identifier to an existing one); the same user just has
   * `attributes` updated.
   */
  async setUser(identity: Identity, attributes?: ContactAttributes): Promise<void> {
    if (identity.identifier === this.#contacts.identity?.identifier) {
      if (attributes) await this.updateContact(attributes);
      return;
    }
    this.#teardown();
    this.store.reset();
    this.#contacts.switchIdentity(identity, attributes);
    await this.start();
  }

  setCustomAttributes(customAttributes: Record<string, unknown>): Promise<void> {
    return this.updateContact({ custom_attributes: customAttributes });
  }

  /** Updates the contact (name, e-mail, phone, custom attributes). A 422 rejects with the ApiError. */
  async updateContact(attributes: ContactAttributes): Promise<void> {
    await this.#contacts.update(attributes);
    this.store.patch({ contact: this.#contacts.contact });
  }

  /** Forgets the contact, its conversation and unsent messages on this device; the next start begins anew. */
  reset(): void {
    this.#teardown();
    this.#contacts.forget();
    this.#storage.clear();
    this.#outbox.restore();
    const { open } = this.store.state;
    this.store.reset();
    this.store.patch({ open });
  }

  dispose(): void {
    this.#disposed = true;
    this.#outbox.dispose();
    this.#teardown();
    this.#emitter.clear();
  }

  #teardown(): void {
    this.#generation++;
    this.#starting = undefined;
    this.#history.clearGaps();
    this.#cable?.dispose();
    this.#cable = undefined;
    this.#typing.dispose();
    this.#cableEvents.dispose();
    this.#unsubscribeLifecycle?.();
    this.#unsubscribeLifecycle = undefined;
  }

  /** Forgets the conversation's messages and gaps, makes `change`, and shows the unsent messages again. */
  #replaceConversation(change: () => void): void {
    this.#history.clearGaps();
    this.store.batch(() => {
      this.store.clearMessages();
      change();
      for (const entry of this.#outbox.entries) this.#showEntry(entry);
    });
  }

  /** Makes `conversation` the active one; its embedded messages give the first page without another request. */
  #adoptConversation(conversation: Conversation, embedded?: unknown): void {
    this.#contacts.rememberConversation(conversation.id);
    const page = readMessagePage(embedded) ?? [];
    this.store.batch(() => {
      this.store.patch({ conversation, hasOlder: page.length > PAGE_SIZE });
      this.#applyServerMessages(page.slice(-PAGE_SIZE));
    });
  }

  async #deliver(entry: OutboxEntry, signal: AbortSignal): Promise<Message> {
    await this.start();
    try {
      return await this.#post(entry, signal);
    } catch (error) {
      if (!(error instanceof ApiError && error.notFound)) throw error;
      // the server no longer knows this contact or conversation: recreate once, then send again
      const contact = await this.#contacts.recreate();
      this.#cable?.dispose();
      this.#cable = undefined;
      this.#replaceConversation(() => this.store.patch({ contact, conversation: undefined }));
      this.#connect(contact);
      return this.#post(entry, signal);
    }
  }

  async #post(entry: OutboxEntry, signal: AbortSignal): Promise<Message> {
    const contact = await this.#contacts.ensure();
    // the outbox posts one entry at a time, so one conversation is created however many wait
    let conversation = this.store.state.conversation;
    if (!conversation) {
      conversation = await createConversation(this.api, this.#contacts);
      this.#adoptConversation(conversation);
      this.#goLive();
    }
    this.store.updatePending(entry.echo_id, { conversation_id: conversation.id });
    const onProgress = entry.files ? (loaded: number, total: number) =>
      this.store.updatePending(entry.echo_id, { progress: total ? loaded / total : 0 }) : undefined;
    const message = readMessage(await this.api.createMessage(contact.source_id, conversation.id,
      { content: entry.content, echoId: entry.echo_id, files: entry.files }, { signal, onProgress }));
    // a success whose message cannot be read: stored or not, the outbox asks the server (as after a timeout)
    if (!message) throw unreadableAnswer('Unexpected message shape');
    return message;
  }

  /** After an ambiguous failure: the contact's message with this content, newer than `after_id`, if stored. */
  async #findSent(entry: OutboxEntry): Promise<Message | null> {
    const { conversation, contact } = this.store.state;
    if (!conversation || !contact) return null;
    const { messages } = await fetchSince(this.api, contact.source_id, conversation.id, entry.after_id, 5);
    this.#applyServerMessages(messages);
    return messages.find((message) => claims(entry, message)) ?? null;
  }

  /** Applies server messages to the store, settling the outbox entries they confirm, and announces the new ones. */
  #applyServerMessages(messages: readonly Message[]): void {
    const matched = withEchoIds(this.store, this.#outbox.entries, messages);
    const added = this.store.applyMessages(matched);
    for (const message of matched) if (message.echo_id) this.#outbox.settle(message.echo_id, message);
    for (const message of added) this.#emitter.emit('message', { message });
  }

  #goLive(): void {
    const contact = this.store.state.contact ?? this.#contacts.contact;
    if (contact && this.store.state.phase !== 'error') this.#connect(contact);
  }

  #connect(contact: PublicContact): void {
    if (this.#cable || this.#disposed) return;
    const options = {
      url: this.#options.cableUrl ?? cableUrlFor(this.api.baseUrl),
      identifier: { channel: 'RoomChannel', pubsub_token: contact.pubsub_token },
      WebSocket: this.#options.WebSocket,
    };
    // tabs of one visitor share one socket where the browser allows it
    const shared = this.#options.shareConnection ?? SharedCable.supported();
    const cable: LiveConnection = shared
      ? new SharedCable({ ...options, name: `${new URL(options.url).host}:${this.#options.inbox}:${contact.pubsub_token}` })
      : new CableConnection(options);
    // 'open' waits for the catch-up after each subscription: open means live and caught up
    cable.on('status', (status) => {
      if (status !== 'open') this.#setConnection(status);
    });
    cable.on('subscribed', () => void this.#caughtUpAndLive(cable));
    cable.on('event', (event) => this.#cableEvents.handle(event));
    cable.on('problem', (problem) => this.#handleCableProblem(problem));
    this.#cable = cable;
    cable.connect();
  }

  /**
   * After every confirmed subscription (the first one too: a message may have come between loading the
   * conversation and subscribing), fetch what the socket missed, then report the connection open.
   */
  async #caughtUpAndLive(cable: LiveConnection): Promise<void> {
    if (this.store.state.conversation) await this.catchUp();
    else void this.#outbox.pump();
    if (this.#cable === cable && cable.status === 'open') this.#setConnection('open');
  }

  #setConnection(status: CableStatus): void {
    const previous = this.store.state.connection;
    if (previous === status) return;
    this.store.batch(() => {
      this.store.patch({ connection: status });
      if (previous === 'open' && status === 'connecting') addNotice(this.store, 'reconnecting');
      if (status !== 'connecting') removeNotice(this.store, 'reconnecting', 'live-unavailable');
    });
    this.#emitter.emit('connection', { status });
  }

  #handleCableProblem(problem: CableProblem): void {
    if (problem.code === 'unreachable' || problem.code === 'subprotocol') {
      addNotice(this.store, 'live-unavailable');
    } else {
      // ended, rejected or unconfirmed: the token may be gone, so check the contact; a 404 recreates it
      this.#contacts.forget();
      void this.#contacts.ensure().catch((error: unknown) => this.#fail(error));
    }
    this.#emitter.emit('error', { code: `cable-${problem.code}`, message: problem.message });
  }

  async #toggleTyping(status: 'on' | 'off'): Promise<void> {
    const { conversation, contact } = this.store.state;
    if (conversation && contact) await this.api.toggleTyping(contact.source_id, conversation.id, status);
  }

  #showEntry(entry: OutboxEntry): void {
    showEntry(this.store, entry, this.#options.lifecycle?.online ?? true);
  }

  #watchLifecycle(): void {
    const lifecycle = this.#options.lifecycle;
    if (!lifecycle || this.#unsubscribeLifecycle) return;
    this.#outbox.setOnline(lifecycle.online);
    this.#unsubscribeLifecycle = lifecycle.subscribe((event) => {
      if (event === 'offline') {
        this.#outbox.setOnline(false);
        for (const entry of this.#outbox.entries) this.#showEntry(entry);
        return;
      }
      this.#outbox.setOnline(true);
      this.#cable?.checkLiveness();
      if (this.store.state.phase === 'error') void this.start();
      else void this.catchUp();
    });
  }

  /** Reports `error`; a fatal one (the session could not start) also puts the chat in its error phase. */
  #fail(error: unknown, fatal = false): void {
    const chatError = describeError(error, this.api.baseUrl);
    if (fatal) this.store.patch({ phase: 'error', error: chatError });
    this.#emitter.emit('error', chatError);
  }
}
