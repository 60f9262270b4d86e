// The agent's typing indicator for the visitor: on with the first keystroke, off after 4 s idle or on send.
import type { AgentApi } from './agent-api.js';

const IDLE_MS = 4000;

export class AgentTyping {
  readonly #api: AgentApi;
  readonly #onError: (error: unknown) => void;
  #current?: { conversationId: number; isPrivate: boolean };
  #timer?: ReturnType<typeof setTimeout>;

  constructor(api: AgentApi, onError: (error: unknown) => void) {
    this.#api = api;
    this.#onError = onError;
  }

  /** A keystroke in `conversationId`: typing on (once), and off again after a pause. */
  note(conversationId: number, isPrivate: boolean): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.stop(), IDLE_MS);
    if (this.#current?.conversationId === conversationId && this.#current.isPrivate === isPrivate) return;
    this.stop();
    this.#current = { conversationId, isPrivate };
    this.#api.typing(conversationId, true, isPrivate).catch(this.#onError);
  }

  stop(): void {
    clearTimeout(this.#timer);
    const current = this.#current;
    this.#current = undefined;
    if (current) this.#api.typing(current.conversationId, false, current.isPrivate).catch(this.#onError);
  }
}
