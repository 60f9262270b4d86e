import { ApiError, describeError } from './api-error.js';
import { CableConnection, cableUrlFor, type CableProblem, type CableStatus } from './cable-connection.js';

export { cableUrlFor } from './cable-connection.js';
export { describeError } from './api-error.js';
import { ClientApi } from './client-api.js';
import { ContactManager } from './contact-manager.js';
import { ConversationStore, type ChatError, type ChatMessage, type ChatNotice } from './conversation-store.js';
import { Emitter } from './emitter.js';
import { fetchPage, fetchSince, PAGE_SIZE, withRecoveryRetries } from './history.js';
import { Outbox, OutboxFullError, type OutboxEntry } from './outbox.js';
import { SharedCable, type LiveConnection } from './shared-cable.js';
import { MemoryStorage, SessionStorage, type KeyValueStorage } from './session-storage.js';
import { TypingNotifier } from './typing-notifier.js';
import type {
  CableEvent, ContactAttributes, Conversation, Identity, Message, PublicContact, PublicInbox, SubmittedValues,
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

const AGENT_TYPING_TIMEOUT_MS = 30_000;

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
  #cable?: LiveConnection;
  #starting?: Promise<void>;
  /** Bumped when the visitor changes (setUser, reset): work started for the previous one is dropped. */
  #generation = 0;
  #conversationPending?: Promise<Conversation>;
  #inboxPending?: Promise<PublicInbox | undefined>;
  #agentTypingTimer?: ReturnType<typeof setTimeout>;
  #unsubscribeLifecycle?: () => void;
  #lastUnread = 0;
  #disposed = false;
  #catchingUp?: Promise<void>;
  #catchUpAgain = false;
  /** Where a catch-up stopped at its page cap: the oldest id it fetched; `loadOlder` fills below it first. */
  #gaps: number[] = [];

  constructor(options: ChatSessionOptions) {
    this.#options = options;
    this.api = options.api ?? new ClientApi({ baseUrl: options.baseUrl, inbox: options.inbox, fetch: options.fetch });
    this.#storage = new SessionStorage(options.storage ?? new MemoryStorage(), options.baseUrl, options.inbox);
    this.#contacts = new ContactManager({
      api: this.api, storage: this.#storage, identity: options.identity, attributes: options.attributes,
      now: options.now ?? (() => performance.now()),
    });
    this.#outbox = new Outbox(this.#storage, {
      deliver: (entry, signal) => this.#deliver(entry, signal),
      reconcile: (entry) => this.#findSent(entry),
      newestId: () => this.store.newestId,
      changed: (entry) => this.#showEntry(entry),
      sent: (entry, message) => this.#applyServerMessages([{ ...message, echo_id: entry.echo_id }]),
      expired: () => this.#addNotice('outbox-expired'),
    });
    this.#typing = new TypingNotifier((status) => this.#toggleTyping(status));
    this.store.subscribe((state) => this.#emitUnread(state.unreadCount));
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
      this.#fail(error);
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
    const conversation = await this.#pickConversation(contact);
    if (generation !== this.#generation) return;
    if (this.#shouldBeLive()) this.#connect(contact);
    this.store.patch({ phase: 'ready' });
    this.#emitter.emit('ready', { contact, conversation });
    void this.#outbox.pump();
  }

  /**
   * Starts only if this visitor already has a contact stored (a returning visitor): a new visitor who never
   * opens the chat costs the Chatwoot server nothing.
   */
  resume(): Promise<void> {
    return this.#contacts.storedConversation() !== undefined ? this.start() : Promise.resolve();
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
  loadInbox(): Promise<PublicInbox | undefined> {
    if (this.store.state.inbox) return Promise.resolve(this.store.state.inbox);
    this.#inboxPending ??= this.api.getInbox().then((inbox) => {
      if (isRecord(inbox) && typeof inbox.name === 'string') this.store.patch({ inbox });
      return this.store.state.inbox;
    }).catch((error: unknown) => {
      this.#fail(error, false);
      return undefined;
    }).finally(() => (this.#inboxPending = undefined));
    return this.#inboxPending;
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
    const echoId = crypto.randomUUID();
    const online = this.#online();
    this.store.addPending({
      echo_id: echoId, content: text, message_type: 0, content_type: 'text', content_attributes: {},
      created_at: Date.now() / 1000, conversation_id: this.store.state.conversation?.id ?? 0,
      delivery: online ? 'sending' : 'queued', ...pendingFiles(files),
    });
    try {
      this.#outbox.add({ echo_id: echoId, content: text, files: files.length ? [...files] : undefined });
    } catch (error) {
      this.store.removePending(echoId);
      if (error instanceof OutboxFullError) this.#report('outbox-full', error.message);
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
    if (!conversation || !contact) throw new Error('There is no conversation to answer in');
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
    const contact = await this.#contacts.ensure();
    const created = readConversation(await this.api.createConversation(contact.source_id));
    if (!created) throw new ApiError('invalid-response', 200, '', 'The new conversation has an unexpected shape');
    this.#gaps = [];
    this.store.batch(() => {
      this.store.clearMessages();
      this.store.patch({ hasOlder: false, typing: undefined });
      this.#adoptConversation(created);
    });
    this.#goLive();
    for (const entry of this.#outbox.entries) this.#showEntry(entry);
  }

  /**
   * Loads the 20 messages before the oldest one held; after a catch-up that hit its page cap, first the
   * 20 before the missing stretch, until it reaches messages held (then the `history-gap` notice goes).
   */
  async loadOlder(): Promise<void> {
    const { conversation, contact, hasOlder, loadingOlder } = this.store.state;
    const gap = this.#gaps.at(-1);
    const before = gap ?? this.store.oldestId;
    if (!conversation || !contact || !hasOlder || loadingOlder || before === undefined) return;
    this.store.patch({ loadingOlder: true });
    try {
      const page = await fetchPage(this.api, contact.source_id, conversation.id, before);
      this.store.batch(() => {
        const bridged = page.complete || page.messages.some((message) => this.store.hasMessage(message.id));
        this.#applyServerMessages(page.messages);
        if (gap !== undefined) this.#narrowGap(page.messages[0]?.id, bridged);
        this.store.patch({ hasOlder: !page.complete || (gap !== undefined && !bridged), loadingOlder: false });
      });
    } catch (error) {
      this.store.patch({ loadingOlder: false });
      this.#fail(error, false);
    }
  }

  #narrowGap(oldestFetched: number | undefined, bridged: boolean): void {
    if (!bridged && oldestFetched !== undefined) {
      this.#gaps[this.#gaps.length - 1] = oldestFetched;
      return;
    }
    this.#gaps.pop();
    if (this.#gaps.length === 0) this.#removeNotice('history-gap');
  }

  /**
   * Fetches what was missed while the socket was down: the latest page, then older pages until they reach
   * messages already held (at most 10 pages; beyond that a `history-gap` notice). Also refreshes the
   * conversation's status. Retried twice; on failure a `catch-up-failed` notice until the next success.
   * Calls made while one runs share it, and it runs once more after it.
   */
  catchUp(): Promise<void> {
    if (this.#catchingUp) {
      this.#catchUpAgain = true;
      return this.#catchingUp;
    }
    this.#catchingUp = (async () => {
      do {
        this.#catchUpAgain = false;
        await this.#catchUpOnce();
      } while (this.#catchUpAgain && !this.#disposed);
    })().finally(() => (this.#catchingUp = undefined));
    return this.#catchingUp;
  }

  async #catchUpOnce(): Promise<void> {
    const { conversation, contact } = this.store.state;
    if (!conversation || !contact) return;
    const generation = this.#generation;
    const newestHeld = this.store.newestId;
    try {
      const [result, fresh] = await withRecoveryRetries(() => Promise.all([
        fetchSince(this.api, contact.source_id, conversation.id, newestHeld),
        this.api.getConversation(contact.source_id, conversation.id),
      ]), () => generation === this.#generation);
      if (generation !== this.#generation || this.store.state.conversation?.id !== conversation.id) return;
      this.store.batch(() => {
        this.#applyServerMessages(result.messages);
        const current = readConversation(fresh);
        const held = this.store.state.conversation;
        if (current && held) this.store.patch({ conversation: { ...held, ...current } });
        this.#removeNotice('catch-up-failed');
        if (newestHeld === undefined) this.store.patch({ hasOlder: !result.complete });
        else if (!result.overlapped) this.#markGap(result.messages[0].id);
      });
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#addNotice('catch-up-failed');
      this.#fail(error, false);
      return;
    }
    void this.#outbox.pump();
  }

  #markGap(oldestFetched: number): void {
    this.#gaps.push(oldestFetched);
    this.#addNotice('history-gap');
    this.store.patch({ hasOlder: true });
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
    const { conversation, contact, messages } = this.store.state;
    if (!conversation || !contact || this.store.state.unreadCount === 0) return;
    const newest = messages.reduce((latest, message) => Math.max(latest, message.created_at), 0);
    this.store.patch({
      conversation: { ...conversation, contact_last_seen_at: Math.max(newest, conversation.contact_last_seen_at) },
      seenThroughId: this.store.newestId,
    });
    try {
      await this.api.updateLastSeen(contact.source_id, conversation.id);
    } catch (error) {
      this.#fail(error, false);
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
    this.#starting = undefined;
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
    this.#starting = undefined;
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
    this.#gaps = [];
    this.#cable?.dispose();
    this.#cable = undefined;
    this.#typing.dispose();
    clearTimeout(this.#agentTypingTimer);
    this.#unsubscribeLifecycle?.();
    this.#unsubscribeLifecycle = undefined;
  }

  async #pickConversation(contact: PublicContact): Promise<Conversation | undefined> {
    if (this.#contacts.takeNewlyCreated(contact)) return undefined;
    const stored = this.#contacts.storedConversation();
    let candidates: Conversation[] = [];
    if (stored !== undefined) {
      try {
        candidates = [await this.api.getConversation(contact.source_id, stored)];
      } catch (error) {
        if (!(error instanceof ApiError && error.notFound)) throw error;
      }
    }
    if (candidates.length === 0) candidates = await this.api.listConversations(contact.source_id);
    const conversations = candidates.map((raw) => ({ raw, conversation: readConversation(raw) }))
      .filter((item): item is { raw: Conversation; conversation: Conversation } => !!item.conversation)
      .sort((a, b) => b.conversation.id - a.conversation.id);
    const chosen = conversations.find((item) => item.conversation.status !== 'resolved') ?? conversations[0];
    if (!chosen) return undefined;
    this.#adoptConversation(chosen.conversation, chosen.raw.messages);
    return chosen.conversation;
  }

  /** Makes `conversation` the active one; its embedded messages give the first page without another request. */
  #adoptConversation(conversation: Conversation, embedded?: unknown): void {
    this.#contacts.rememberConversation(conversation.id);
    const page = readPageTail(embedded ?? []);
    this.store.batch(() => {
      this.store.patch({ conversation, hasOlder: page.hasOlder });
      this.#applyServerMessages(page.messages);
    });
  }

  async #ensureConversation(): Promise<Conversation> {
    const current = this.store.state.conversation;
    if (current) return current;
    this.#conversationPending ??= (async () => {
      const contact = await this.#contacts.ensure();
      const created = readConversation(await this.api.createConversation(contact.source_id));
      if (!created) throw new ApiError('invalid-response', 200, '', 'The new conversation has an unexpected shape');
      this.#adoptConversation(created);
      this.#goLive();
      return created;
    })().finally(() => (this.#conversationPending = undefined));
    return this.#conversationPending;
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
      this.#gaps = [];
      this.store.batch(() => {
        this.store.clearMessages();
        this.store.patch({ contact, conversation: undefined });
        for (const waiting of this.#outbox.entries) this.#showEntry(waiting);
      });
      this.#connect(contact);
      return this.#post(entry, signal);
    }
  }

  async #post(entry: OutboxEntry, signal: AbortSignal): Promise<Message> {
    const contact = await this.#contacts.ensure();
    const conversation = await this.#ensureConversation();
    this.store.updatePending(entry.echo_id, { conversation_id: conversation.id });
    const onProgress = entry.files ? (loaded: number, total: number) =>
      this.store.updatePending(entry.echo_id, { progress: total ? loaded / total : 0 }) : undefined;
    const message = await this.api.createMessage(contact.source_id, conversation.id,
      { content: entry.content, echoId: entry.echo_id, files: entry.files }, { signal, onProgress });
    return { ...message, conversation_id: message.conversation_id ?? conversation.id };
  }

  /** After an ambiguous failure: the contact's message with this content, newer than `after_id`, if stored. */
  async #findSent(entry: OutboxEntry): Promise<Message | null> {
    const { conversation, contact } = this.store.state;
    if (!conversation || !contact) return null;
    const { messages } = await fetchSince(this.api, contact.source_id, conversation.id, entry.after_id, 5);
    this.#applyServerMessages(messages);
    return messages.find((message) => this.#claims(entry, message)) ?? null;
  }

  #claims(entry: OutboxEntry, message: Message): boolean {
    return message.message_type === 0 && (message.content ?? '') === entry.content
      && message.id > (entry.after_id ?? 0) && (entry.state === 'sending' || entry.state === 'unsure');
  }

  /**
   * Applies server messages to the store. A REST message has no echo_id, so the contact's own message
   * that was posted but not yet confirmed is matched by content among ids above its `after_id`.
   */
  #applyServerMessages(messages: readonly Message[]): void {
    const active = this.store.state.conversation?.id;
    const relevant = messages.filter((message) => message.conversation_id === active);
    const matched = relevant.map((message) => {
      if (message.echo_id || message.message_type !== 0 || this.store.hasMessage(message.id)) return message;
      const claimant = this.#outbox.entries.find((entry) => this.#claims(entry, message)
        && !relevant.some((other) => other.echo_id === entry.echo_id));
      return claimant ? { ...message, echo_id: claimant.echo_id } : message;
    });
    const added = this.store.applyMessages(matched);
    for (const message of matched) if (message.echo_id) this.#outbox.settle(message.echo_id, message);
    for (const message of added) this.#emitter.emit('message', { message });
  }

  /** Live updates are needed while the chat is open or a conversation is going on. */
  #shouldBeLive(): boolean {
    const { open, conversation } = this.store.state;
    return open || (!!conversation && conversation.status !== 'resolved');
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
    cable.on('event', (event) => this.#handleCableEvent(event));
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
      if (previous === 'open' && status === 'connecting') this.#addNotice('reconnecting');
      if (status !== 'connecting') this.#removeNotice('reconnecting');
      if (status !== 'connecting') this.#removeNotice('live-unavailable');
    });
    this.#emitter.emit('connection', { status });
  }

  #handleCableEvent(cableEvent: CableEvent): void {
    const active = this.store.state.conversation;
    switch (cableEvent.event) {
      case 'message.created':
        if (cableEvent.data.conversation_id !== active?.id) return;
        if (cableEvent.data.message_type !== 0) this.#setAgentTyping(undefined);
        return this.#applyServerMessages([cableEvent.data]);
      case 'message.updated':
        this.store.applyUpdate(cableEvent.data);
        return;
      case 'conversation.created':
        // a conversation started elsewhere (another tab or device) becomes the active one if there is none
        if (!active) this.#adoptConversation(cableEvent.data);
        return;
      case 'conversation.status_changed':
      case 'conversation.updated':
        if (active?.id === cableEvent.data.id) {
          this.store.patch({ conversation: { ...active, status: cableEvent.data.status } });
        }
        return;
      case 'conversation.typing_on':
      case 'conversation.typing_off': {
        // private-note typing is for agents only
        if (cableEvent.data.is_private || active?.id !== cableEvent.data.conversation.id) return;
        this.#setAgentTyping(cableEvent.event === 'conversation.typing_on' ? cableEvent.data.user : undefined);
        return;
      }
      case 'presence.update': {
        const online = Object.entries(cableEvent.data.users).filter(([, status]) => status === 'online').map(([id]) => Number(id));
        this.store.patch({ agentsOnline: online });
      }
    }
  }

  #handleCableProblem(problem: CableProblem): void {
    if (problem.code === 'ended' || problem.code === 'subscription-failed' || problem.code === 'rejected') {
      // the token may be gone: check the contact; a 404 recreates it
      this.#contacts.forget();
      void this.#contacts.ensure().catch((error: unknown) => this.#fail(error, false));
    }
    if (problem.code === 'unreachable' || problem.code === 'subprotocol') this.#addNotice('live-unavailable');
    this.#report(`cable-${problem.code}`, problem.message);
  }

  #setAgentTyping(user: ChatMessage['sender']): void {
    clearTimeout(this.#agentTypingTimer);
    this.store.patch({ typing: user });
    if (user) this.#agentTypingTimer = setTimeout(() => this.store.patch({ typing: undefined }), AGENT_TYPING_TIMEOUT_MS);
  }

  async #toggleTyping(status: 'on' | 'off'): Promise<void> {
    const { conversation, contact } = this.store.state;
    if (conversation && contact) await this.api.toggleTyping(contact.source_id, conversation.id, status);
  }

  #showEntry(entry: OutboxEntry): void {
    const online = this.#online();
    const delivery = entry.state === 'failed' ? 'failed' : !online ? 'queued' : 'sending';
    if (!this.store.pending(entry.echo_id)) {
      this.store.addPending({
        echo_id: entry.echo_id, content: entry.content, message_type: 0, content_type: 'text', content_attributes: {},
        created_at: entry.queued_at / 1000, conversation_id: this.store.state.conversation?.id ?? 0, delivery,
        ...pendingFiles(entry.files),
      });
    }
    this.store.updatePending(entry.echo_id, { delivery, error: entry.error });
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

  #online(): boolean {
    return this.#options.lifecycle?.online ?? true;
  }

  #addNotice(notice: ChatNotice): void {
    if (!this.store.state.notices.includes(notice)) this.store.patch({ notices: [...this.store.state.notices, notice] });
  }

  #removeNotice(notice: ChatNotice): void {
    if (this.store.state.notices.includes(notice)) {
      this.store.patch({ notices: this.store.state.notices.filter((item) => item !== notice) });
    }
  }

  #emitUnread(count: number): void {
    if (count === this.#lastUnread) return;
    this.#lastUnread = count;
    this.#emitter.emit('unread', { count });
  }

  #fail(error: unknown, fatal = true): void {
    const chatError = describeError(error, this.api.baseUrl);
    if (fatal) this.store.patch({ phase: 'error', error: chatError });
    this.#emitter.emit('error', chatError);
  }

  #report(code: string, message: string): void {
    this.#emitter.emit('error', { code, message });
  }
}

/** The files of a message being sent, as its pending message shows them (nothing when it has none). */
function pendingFiles(files: readonly File[] = []): Pick<ChatMessage, 'pending_files'> {
  return files.length ? { pending_files: files.map(({ name, size, type }) => ({ name, size, type })) } : {};
}

function readPageTail(embedded: unknown): { messages: Message[]; hasOlder: boolean } {
  const all = readMessagePage(embedded)?.messages ?? [];
  return { messages: all.slice(-PAGE_SIZE), hasOlder: all.length > PAGE_SIZE };
}
