// The short-lived state of answering one interactive message: sending, the last failure, field errors and
// the chosen rating. The answer itself lives on the server and comes back through the store.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../../../services/api-error.js';
import type { Strings } from '../../shared/strings.js';

export class AnswerController implements ReactiveController {
  /** An answer is on its way: the controls are disabled. */
  pending = false;
  /** Why the last answer failed, readable; empty when it did not. */
  error = '';
  /** Field index → its validation message (forms and the e-mail request). */
  fieldErrors = new Map<number, string>();
  /** The option (index) or rating being sent, shown as chosen meanwhile. */
  chosen?: number;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #report: (message: string) => void;
  #messageId?: number;
  #hadFocus = false;

  constructor(host: ReactiveControllerHost & HTMLElement, report: (message: string) => void) {
    (this.#host = host).addController(this);
    this.#report = report;
  }

  hostUpdate(): void {
    this.#hadFocus = !!this.#host.shadowRoot?.activeElement;
  }

  /**
   * When an answer replaced the control that had focus, focuses what replaced it (`[data-answer-focus]`), so a
   * keyboard user keeps their place instead of starting again from the top of the page.
   */
  hostUpdated(): void {
    const root = this.#host.shadowRoot;
    if (!this.#hadFocus || !root || root.activeElement) return;
    root.querySelector<HTMLElement>('[data-answer-focus]')?.focus();
  }

  /** Forgets everything when the element is given another message. */
  follow(messageId: number | undefined): void {
    if (messageId === this.#messageId) return;
    this.#messageId = messageId;
    this.pending = false;
    this.error = '';
    this.fieldErrors = new Map();
    this.chosen = undefined;
  }

  /** Sends an answer once at a time, with the option or rating `chosen` shown as chosen meanwhile. */
  async run(send: () => Promise<void>, strings: Strings, chosen?: number): Promise<void> {
    if (this.pending) return;
    const messageId = this.#messageId;
    this.pending = true;
    this.error = '';
    this.chosen = chosen;
    this.#host.requestUpdate();
    try {
      await send();
    } catch (error) {
      if (messageId !== this.#messageId) return;
      // a refusal the server explains (a 4xx with a message) is shown as is; anything else gets our own words
      this.error = error instanceof ApiError && error.status >= 400 && error.status < 500 && error.serverMessage
        ? error.serverMessage : strings.answerFailed;
      this.#report(this.error);
    } finally {
      if (messageId === this.#messageId) {
        this.pending = false;
        this.chosen = undefined;
        this.#host.requestUpdate();
      }
    }
  }

  /** Replaces the field errors (after a validation pass). */
  setFieldErrors(errors: Map<number, string>): void {
    this.fieldErrors = errors;
    this.#host.requestUpdate();
  }

  clearFieldError(index: number): void {
    if (this.fieldErrors.delete(index)) this.#host.requestUpdate();
  }
}
