import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionController } from '../shared/session-controller.js';

const THROTTLE_MS = 1000;

/**
 * Tells the chat's session the contact has seen the conversation, when it has unread messages, while the host
 * is on screen, the tab is visible and the page has focus: checked on each host update, on visibility and focus
 * changes, at most once a second.
 */
export class SeenController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #chat: SessionController;
  #visible = false;
  #lastMarked = -Infinity;
  #timer?: ReturnType<typeof setTimeout>;
  #observer?: IntersectionObserver;

  constructor(host: ReactiveControllerHost & HTMLElement, chat: SessionController) {
    (this.#host = host).addController(this);
    this.#chat = chat;
  }

  hostConnected(): void {
    this.#observer = new IntersectionObserver((entries) => {
      this.#visible = entries.at(-1)?.isIntersecting ?? false;
      this.#check();
    });
    this.#observer.observe(this.#host);
    document.addEventListener('visibilitychange', this.#check);
    window.addEventListener('focus', this.#check);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#visible = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    document.removeEventListener('visibilitychange', this.#check);
    window.removeEventListener('focus', this.#check);
  }

  hostUpdated(): void {
    queueMicrotask(this.#check); // markSeen changes the store at once: not within this update
  }

  readonly #check = (): void => {
    if (!this.#visible || document.visibilityState !== 'visible' || !document.hasFocus() || !this.#chat.state?.unreadCount) return;
    // the intersection report lags a panel that was just hidden (display: none): ask layout now
    if (this.#host.checkVisibility && !this.#host.checkVisibility()) return;
    const wait = this.#lastMarked + THROTTLE_MS - performance.now();
    if (wait > 0) {
      this.#timer ??= setTimeout(() => {
        this.#timer = undefined;
        this.#check();
      }, wait);
      return;
    }
    this.#lastMarked = performance.now();
    void this.#chat.session?.markSeen();
  };
}
