import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatSession } from '../../services/chat-session.js';
import type { ChatState } from '../../services/conversation-store.js';
import { sessionContext } from './context.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Finds the session of the nearest `<cw-chat>` and re-renders the host whenever its state changes. */
export class SessionController implements ReactiveController {
  readonly #host: Host;
  readonly #consumer: ContextConsumer<typeof sessionContext, Host>;
  #watched?: ChatSession;
  #unsubscribe?: () => void;

  constructor(host: Host) {
    (this.#host = host).addController(this);
    this.#consumer = new ContextConsumer(host, {
      context: sessionContext,
      subscribe: true,
      callback: (session) => this.#watch(session),
    });
  }

  get session(): ChatSession | undefined {
    return this.#consumer.value;
  }

  get state(): ChatState | undefined {
    return this.session?.store.state;
  }

  hostConnected(): void {
    this.#watch(this.#consumer.value);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** `session` is undefined while the provider has none yet (a `<cw-chat>` before its first update). */
  #watch(session: ChatSession | undefined): void {
    if (!session || (session === this.#watched && this.#unsubscribe)) return;
    this.#unsubscribe?.();
    this.#watched = session;
    this.#unsubscribe = session.store.subscribe(() => this.#host.requestUpdate());
    this.#host.requestUpdate();
  }
}
