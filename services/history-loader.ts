import type { ClientApi } from './client-api.js';
import type { ConversationStore } from './conversation-store.js';
import { fetchPage, fetchSince, withRecoveryRetries } from './history.js';
import { addNotice, removeNotice } from './notices.js';
import type { Outbox } from './outbox.js';
import type { Message } from './types.js';
import { readConversation } from './validate.js';

/**
 * Fills in the active conversation's history: older pages on demand, and what the socket missed (catch-up).
 * A catch-up that stops at its page cap leaves a gap below the oldest message it fetched; paging back fills
 * the newest gap first, and the `history-gap` notice shows while any gap is open.
 *
 * The session hands it what only the session can do: apply server messages (which settles the outbox),
 * report an error that leaves the chat usable, and say which visitor is current (`generation`, bumped when
 * the visitor changes: what was fetched for an earlier one is dropped) and whether it was disposed.
 */
export class HistoryLoader {
  readonly store: ConversationStore;
  readonly api: Pick<ClientApi, 'listMessages' | 'getConversation'>;
  readonly #outbox: Pick<Outbox, 'pump'>;
  readonly #applyServerMessages: (messages: readonly Message[]) => void;
  readonly #fail: (error: unknown) => void;
  readonly #generation: () => number;
  readonly #disposed: () => boolean;
  #catchingUp?: Promise<void>;
  #catchUpAgain = false;
  /** Where a catch-up stopped at its page cap: the oldest id it fetched; `loadOlder` fills below it first. */
  #gaps: number[] = [];

  constructor(
    store: ConversationStore, api: Pick<ClientApi, 'listMessages' | 'getConversation'>, outbox: Pick<Outbox, 'pump'>,
    applyServerMessages: (messages: readonly Message[]) => void, fail: (error: unknown) => void,
    generation: () => number, disposed: () => boolean,
  ) {
    this.store = store;
    this.api = api;
    this.#outbox = outbox;
    this.#applyServerMessages = applyServerMessages;
    this.#fail = fail;
    this.#generation = generation;
    this.#disposed = disposed;
  }

  /** Forgets the gaps: the visitor or the conversation changed, or the messages were cleared. */
  clearGaps(): void {
    this.#gaps = [];
  }

  /** The page before the oldest message held, or the page below the newest gap while there is one. */
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
      this.#fail(error);
    }
  }

  /** One catch-up at a time: a call made while one runs shares it, and it runs once more after it. */
  catchUp(): Promise<void> {
    if (this.#catchingUp) {
      this.#catchUpAgain = true;
      return this.#catchingUp;
    }
    this.#catchingUp = (async () => {
      do {
        this.#catchUpAgain = false;
        await this.#catchUpOnce();
      } while (this.#catchUpAgain && !this.#disposed());
    })().finally(() => (this.#catchingUp = undefined));
    return this.#catchingUp;
  }

  async #catchUpOnce(): Promise<void> {
    const { conversation, contact } = this.store.state;
    if (!conversation || !contact) return;
    const generation = this.#generation();
    const newestHeld = this.store.newestId;
    try {
      const [result, fresh] = await withRecoveryRetries(() => Promise.all([
        fetchSince(this.api, contact.source_id, conversation.id, newestHeld),
        this.api.getConversation(contact.source_id, conversation.id),
      ]), () => generation === this.#generation());
      if (generation !== this.#generation() || this.store.state.conversation?.id !== conversation.id) return;
      this.store.batch(() => {
        this.#applyServerMessages(result.messages);
        const current = readConversation(fresh);
        if (current) this.store.patch({ conversation: { ...this.store.state.conversation, ...current } });
        removeNotice(this.store, 'catch-up-failed');
        if (newestHeld === undefined) this.store.patch({ hasOlder: !result.complete });
        else if (!result.overlapped) this.#markGap(result.messages[0].id);
      });
    } catch (error) {
      if (generation !== this.#generation()) return;
      addNotice(this.store, 'catch-up-failed');
      this.#fail(error);
      return;
    }
    void this.#outbox.pump();
  }

  #markGap(oldestFetched: number): void {
    this.#gaps.push(oldestFetched);
    addNotice(this.store, 'history-gap');
    this.store.patch({ hasOlder: true });
  }

  #narrowGap(oldestFetched: number | undefined, bridged: boolean): void {
    this.#gaps.pop();
    if (!bridged && oldestFetched !== undefined) this.#gaps.push(oldestFetched);
    else if (this.#gaps.length === 0) removeNotice(this.store, 'history-gap');
  }
}
