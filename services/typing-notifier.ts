/**
 * The contact's typing indicator: one `on` when typing starts, `off` after 4 s without a keystroke or when
 * the message is sent. Failures are ignored: typing is a hint, never worth an error.
 */
export class TypingNotifier {
  readonly #send: (status: 'on' | 'off') => Promise<void>;
  #on = false;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(send: (status: 'on' | 'off') => Promise<void>) {
    this.#send = send;
  }

  /** Call on every keystroke. */
  keystroke(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.stop(), 4000);
    if (this.#on) return;
    this.#on = true;
    this.#send('on').catch(() => undefined);
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#on) return;
    this.#on = false;
    this.#send('off').catch(() => undefined);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#on = false;
  }
}
