import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Closer to the bottom than this counts as "at the bottom" (px). */
const BOTTOM_SLACK = 32;

export interface ScrollElements {
  /** The scrolling box. */
  scroller(): HTMLElement | null;
  /** Everything inside it, whose size changes as messages come and go. */
  content(): HTMLElement | null;
  /** An element at the top of the content, present while older messages can be loaded. */
  sentinel(): HTMLElement | null;
  /** The sentinel came into view, or left it. */
  topChanged(visible: boolean): void;
  /** The user scrolled away from the bottom, or back to it. */
  awayChanged(away: boolean): void;
}

/**
 * The message list's scrolling: sticks to the bottom as content grows unless the user scrolled up, keeps
 * the visible messages in place when older ones are prepended, and reports when the top comes into view.
 * Adjustments happen in a ResizeObserver callback: after the new messages are laid out, before paint.
 */
export class ScrollController implements ReactiveController {
  readonly #elements: ScrollElements;
  #stuck = true;
  #away = false;
  #anchor?: { top: number; height: number };
  /** Where the list itself last scrolled to: a scroll event that finds it there is not the user's. */
  #ownTop?: number;
  #resizeObserver?: ResizeObserver;
  #topObserver?: IntersectionObserver;
  #scroller?: HTMLElement;
  #sentinel?: HTMLElement;

  constructor(host: ReactiveControllerHost, elements: ScrollElements) {
    host.addController(this);
    this.#elements = elements;
  }

  /** The user is reading the latest messages (or there is nothing to scroll). */
  get atBottom(): boolean {
    return this.#stuck;
  }

  hostConnected(): void {
    if (this.#elements.scroller()) this.hostUpdated();
  }

  hostUpdated(): void {
    const scroller = this.#elements.scroller();
    if (scroller && scroller !== this.#scroller) this.#attach(scroller);
    const sentinel = this.#elements.sentinel() ?? undefined;
    if (sentinel !== this.#sentinel) {
      if (this.#sentinel) this.#topObserver?.unobserve(this.#sentinel);
      this.#sentinel = sentinel;
      if (sentinel) this.#topObserver?.observe(sentinel);
    }
  }

  hostDisconnected(): void {
    this.#resizeObserver?.disconnect();
    this.#topObserver?.disconnect();
    this.#scroller?.removeEventListener('scroll', this.#handleScroll);
    this.#scroller = undefined;
    this.#sentinel = undefined;
  }

  /** Call before older messages are added above: the next layout keeps what is visible in place. */
  keepPosition(): void {
    const scroller = this.#elements.scroller();
    if (scroller) this.#anchor = { top: scroller.scrollTop, height: scroller.scrollHeight };
  }

  /** Follow the bottom again from the next layout on (e.g. the contact just sent a message). */
  stick(): void {
    this.#stuck = true;
  }

  scrollToBottom(): void {
    this.#stuck = true;
    const scroller = this.#elements.scroller();
    if (scroller) this.#scrollTo(scroller, scroller.scrollHeight);
    this.#setAway(false);
  }

  /** Asks again whether the top is in view (after a load that may have left it visible). */
  recheckTop(): void {
    if (!this.#sentinel || !this.#topObserver) return;
    this.#topObserver.unobserve(this.#sentinel);
    this.#topObserver.observe(this.#sentinel);
  }

  #attach(scroller: HTMLElement): void {
    this.hostDisconnected();
    this.#scroller = scroller;
    scroller.addEventListener('scroll', this.#handleScroll, { passive: true });
    this.#resizeObserver = new ResizeObserver(this.#handleResize);
    this.#resizeObserver.observe(scroller);
    const content = this.#elements.content();
    if (content) this.#resizeObserver.observe(content);
    this.#topObserver = new IntersectionObserver(this.#handleTop, { root: scroller, rootMargin: '64px 0px 0px 0px' });
  }

  readonly #handleResize = (): void => {
    const scroller = this.#scroller;
    if (!scroller) return;
    if (this.#anchor) {
      this.#scrollTo(scroller, this.#anchor.top + (scroller.scrollHeight - this.#anchor.height));
      this.#anchor = undefined;
    } else if (this.#stuck) {
      this.#scrollTo(scroller, scroller.scrollHeight);
    }
  };

  #scrollTo(scroller: HTMLElement, top: number): void {
    scroller.scrollTop = top;
    this.#ownTop = scroller.scrollTop;
  }

  readonly #handleScroll = (): void => {
    const scroller = this.#scroller;
    // content that grew before the next resize callback must not read as the user scrolling up
    if (!scroller || scroller.scrollTop === this.#ownTop) return;
    this.#ownTop = undefined;
    const distance = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
    this.#stuck = distance <= BOTTOM_SLACK;
    this.#setAway(!this.#stuck);
  };

  readonly #handleTop = (entries: IntersectionObserverEntry[]): void => {
    const entry = entries.at(-1);
    if (entry) this.#elements.topChanged(entry.isIntersecting);
  };

  #setAway(away: boolean): void {
    if (away === this.#away) return;
    this.#away = away;
    this.#elements.awayChanged(away);
  }
}
