import type { CableStatus } from './cable-connection.js';
import type { Conversation, Message, PublicContact, PublicInbox, Sender } from './types.js';

/** Where one of the contact's own messages stands: not yet on the server, or as the server reports it. */
export type Delivery = 'sending' | 'queued' | 'failed' | 'sent' | 'delivered' | 'read';

/** A message as the kit holds it: Chatwoot's message plus local delivery state. No `id` until the server has it. */
export interface ChatMessage extends Omit<Message, 'id'> {
  id?: number;
  /** The contact's own messages: sending → sent → read, or queued / failed. */
  delivery?: Delivery;
  /** Why a send failed, for the contact to read. */
  error?: string;
  /** Upload progress of a message with files, 0..1. */
  progress?: number;
  /** The files a message being sent carries, until the server's attachments replace them. */
  pending_files?: readonly PendingFile[];
}

/** What the contact's own message shows of a file it is uploading. */
export interface PendingFile {
  name: string;
  size: number;
  type: string;
}

export interface ChatError {
  code: string;
  message: string;
}

/** Conditions the contact should be told about that are not errors of one action. `reconnecting`: the live
 *  connection was up and is being restored; `live-unavailable`: it cannot be established (handshakes keep
 *  failing, or the server does not speak ActionCable) and is retried at the backoff's pace. */
export type ChatNotice = 'history-gap' | 'catch-up-failed' | 'outbox-expired' | 'reconnecting' | 'live-unavailable';

export interface ChatState {
  phase: 'idle' | 'loading' | 'ready' | 'error';
  /** The chat panel is open (the visitor is looking at the conversation). */
  open: boolean;
  inbox?: PublicInbox;
  contact?: PublicContact;
  conversation?: Conversation;
  messages: readonly ChatMessage[];
  hasOlder: boolean;
  loadingOlder: boolean;
  connection: CableStatus;
  /** The agent or bot typing now, if any. */
  typing?: Sender;
  /** Ids of agents online, from `presence.update`. */
  agentsOnline: readonly number[];
  unreadCount: number;
  /** The newest message id the contact has seen in this tab: finer than `contact_last_seen_at` (whole seconds). */
  seenThroughId?: number;
  error?: ChatError;
  notices: readonly ChatNotice[];
  /** Sending waits for something the visitor must do first (a required pre-chat form). */
  sendBlockedBy?: 'contact-form';
}

const INITIAL: ChatState = {
  phase: 'idle',
  open: false,
  messages: [],
  hasOlder: false,
  loadingOlder: false,
  connection: 'closed',
  agentsOnline: [],
  unreadCount: 0,
  notices: [],
};

/**
 * The conversation state: messages keyed by id (optimistic ones by `echo_id`), kept in server order
 * `(created_at, id)`. Applying the same page or event twice changes nothing; listeners hear once per batch.
 */
export class ConversationStore {
  #state: ChatState = INITIAL;
  readonly #byId = new Map<number, ChatMessage>();
  readonly #pending = new Map<string, ChatMessage>();
  readonly #listeners = new Set<(state: ChatState) => void>();
  #batchDepth = 0;
  #dirty = false;
  #messagesDirty = false;

  get state(): ChatState {
    return this.#state;
  }

  subscribe(listener: (state: ChatState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Runs several changes and notifies once. */
  batch<T>(change: () => T): T {
    this.#batchDepth++;
    try {
      return change();
    } finally {
      this.#batchDepth--;
      if (this.#batchDepth === 0) this.#flush();
    }
  }

  patch(patch: Partial<Omit<ChatState, 'messages' | 'unreadCount'>>): void {
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).some((key) => this.#state[key] !== patch[key]);
    if (!changed) return;
    this.#state = { ...this.#state, ...patch };
    this.#dirty = true;
    if ('conversation' in patch || 'seenThroughId' in patch) this.#messagesDirty = true;
    this.#flushUnlessBatching();
  }

  hasMessage(id: number): boolean {
    return this.#byId.has(id);
  }

  get newestId(): number | undefined {
    return this.#extremeId(Math.max);
  }

  get oldestId(): number | undefined {
    return this.#extremeId(Math.min);
  }

  /**
   * Adds or merges server messages (a page or a `message.created`). A message carrying the `echo_id` of an
   * optimistic one replaces it. Private notes and activity lines are never held (Chatwoot never shows them to
   * the contact). Returns the messages that were new.
   */
  applyMessages(messages: readonly Message[]): Message[] {
    const added: Message[] = [];
    for (const message of messages) {
      if (!visibleToContact(message)) continue;
      if (message.echo_id && this.#pending.delete(message.echo_id)) this.#messagesDirty = true;
      const known = this.#byId.get(message.id);
      if (!known) added.push(message);
      this.#upsert(message, known);
    }
    this.#flushUnlessBatching();
    return added;
  }

  /** Applies a `message.updated`: only to a message already held, and never with an older version. */
  applyUpdate(message: Message): boolean {
    const known = this.#byId.get(message.id);
    if (!known || !visibleToContact(message)) return false;
    if (olderVersion(message, known)) return false;
    this.#upsert(message, known);
    this.#flushUnlessBatching();
    return true;
  }

  /** Shows a message the contact is sending, before the server has it. */
  addPending(message: ChatMessage & { echo_id: string }): void {
    this.#pending.set(message.echo_id, message);
    this.#messagesChanged();
  }

  updatePending(echoId: string, patch: Partial<ChatMessage>): void {
    const current = this.#pending.get(echoId);
    if (current) {
      this.#pending.set(echoId, { ...current, ...patch });
      this.#messagesChanged();
    }
  }

  removePending(echoId: string): void {
    if (this.#pending.delete(echoId)) this.#messagesChanged();
  }

  pending(echoId: string): ChatMessage | undefined {
    return this.#pending.get(echoId);
  }

  /** The server stored the optimistic message `echoId` as `message`. */
  confirm(echoId: string, message: Message): void {
    this.applyMessages([{ ...message, echo_id: echoId }]);
  }

  /** Forgets the conversation's messages (another conversation, or a reset). */
  clearMessages(): void {
    this.#byId.clear();
    this.#pending.clear();
    this.#messagesChanged();
  }

  reset(): void {
    this.#state = INITIAL;
    this.clearMessages();
  }

  #messagesChanged(): void {
    this.#messagesDirty = true;
    this.#flushUnlessBatching();
  }

  #extremeId(pick: (a: number, b: number) => number): number | undefined {
    const ids = [...this.#byId.keys()];
    return ids.length ? ids.reduce((found, id) => pick(found, id)) : undefined;
  }

  #upsert(message: Message, known?: ChatMessage): void {
    const merged: ChatMessage = known ? { ...known, ...message } : { ...message };
    if (merged.message_type === 0) merged.delivery = merged.status === 'failed' ? 'failed' : (merged.status ?? 'sent');
    delete merged.error;
    delete merged.progress;
    if (known && sameMessage(known, merged)) return;
    this.#byId.set(message.id, merged);
    this.#messagesDirty = true;
  }

  #flushUnlessBatching(): void {
    if (this.#batchDepth === 0) this.#flush();
  }

  #flush(): void {
    if (this.#messagesDirty) {
      const held = [...this.#byId.values()].sort(serverOrder);
      const messages = [...held, ...this.#pending.values()];
      this.#state = { ...this.#state, messages, unreadCount: countUnread(messages, this.#state) };
      this.#messagesDirty = false;
      this.#dirty = true;
    }
    if (!this.#dirty) return;
    this.#dirty = false;
    for (const listener of [...this.#listeners]) listener(this.#state);
  }
}

function visibleToContact(message: Message): boolean {
  return !message.private && message.message_type !== 2;
}

/**
 * `updated_at` is an ISO time; an update carrying an older one than the held message lost a race. A missing
 * or unreadable time parses as NaN, which is older than nothing.
 */
function olderVersion(update: Message, known: ChatMessage): boolean {
  return Date.parse(update.updated_at ?? '') < Date.parse(known.updated_at ?? '');
}

function serverOrder(a: ChatMessage, b: ChatMessage): number {
  return a.created_at - b.created_at || (a.id ?? 0) - (b.id ?? 0);
}

/** Agent, bot and template messages newer than what the contact has seen. */
function countUnread(messages: readonly ChatMessage[], state: ChatState): number {
  const seenAt = state.conversation?.contact_last_seen_at ?? 0;
  const seenId = state.seenThroughId;
  const unseen = (message: ChatMessage) => (seenId !== undefined && message.id !== undefined
    ? message.id > seenId
    : message.created_at > seenAt);
  return messages.filter((message) => (message.message_type === 1 || message.message_type === 3)
    && unseen(message) && !message.content_attributes?.deleted).length;
}

function sameMessage(a: ChatMessage, b: ChatMessage): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
