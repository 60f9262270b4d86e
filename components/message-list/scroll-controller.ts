import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Closer to the bottom than this counts as "at the bottom" (px). */
const BOTTOM_SLACK = 32;

export interface ScrollEvents {
  /** The newest message is rendered, so being at the bottom means reading the latest (and staying there). */
  showsNewest(): boolean;
  /** The top sentinel came into view, or left it. */
  topChanged(visible: boolean): void;
  /** The bottom sentinel came into view. */
  bottomReached(): void;
  /** The user scrolled away from the bottom, or back to it. */
  awayChanged(away: boolean): void;
}

type Host = ReactiveControllerHost & { readonly renderRoot: ParentNode };

/**
 * The message list's scrolling: sticks to the bottom as content grows unless the user scrolled up, keeps
 * the visible messages in place when items are added above or removed below, and reports when the top or
 * the bottom edge of the rendered messages comes into view. Adjustments happen after the new messages are
 * laid out, before paint: in a ResizeObserver callback, or the next animation frame when no size changed.
 *
 * In the host it finds `.log`, the scrolling box; `.content`, everything inside it, whose size changes as
 * messages come and go; and two sentinels: `.older` at the top of the content, present while older messages
 * can be shown or loaded, and `.newer` below the messages, present while newer ones are held but not rendered.
 */
export class ScrollController implements ReactiveController {
  readonly #host: Host;
  readonly #events: ScrollEvents;
  #stuck = true;
  #away = false;
  /** An element that stays where it is on screen through the next change, and where that is. */
  #anchor?: { element: Element; offset: number };
  #anchorFrame = 0;
  /** Where the list itself last scrolled to: a scroll event that finds it there is not the user's. */
  #ownTop?: number;
  #resizeObserver?: ResizeObserver;
  #edgeObserver?: IntersectionObserver;
  #scroller?: HTMLElement;
  /** The top and the bottom sentinel, when present. */
  #sentinels: (Element | undefined)[] = [];

  constructor(host: Host, events: ScrollEvents) {
    (this.#host = host).addController(this);
    this.#events = events;
  }

  /** The user is reading the latest messages (or there is nothing to scroll). */
  get atBottom(): boolean {
    return this.#stuck;
  }

  hostConnected(): void {
    if (this.#find('.log')) this.hostUpdated();
  }

  hostUpdated(): void {
    const scroller = this.#find('.log');
    if (scroller && scroller !== this.#scroller) this.#attach(scroller);
    const sentinels = [this.#find('.older'), this.#find('.newer')];
    sentinels.forEach((sentinel, index) => {
      const previous = this.#sentinels[index];
      if (sentinel === previous) return;
      if (previous) this.#edgeObserver?.unobserve(previous);
      if (sentinel) this.#edgeObserver?.observe(sentinel);
    });
    this.#sentinels = sentinels;
    if (this.#anchor && !this.#anchorFrame) {
      // children render after this update: wait for them, but adjust before the frame is painted
      this.#anchorFrame = requestAnimationFrame(() => {
        this.#anchorFrame = 0;
        this.#restoreAnchor();
      });
    }
  }

  hostDisconnected(): void {
    this.#resizeObserver?.disconnect();
    this.#edgeObserver?.disconnect();
    this.#scroller?.removeEventListener('scroll', this.#handleScroll);
    cancelAnimationFrame(this.#anchorFrame);
    this.#anchorFrame = 0;
    this.#scroller = undefined;
    this.#sentinels = [];
  }

  /**
   * Call before items are added above or removed below `anchor`, which stays rendered: the next layout
   * keeps its bottom edge where it is on screen (its own height may change: a message that joins the group
   * of older ones above loses its author line).
   */
  keepPosition(anchor: Element | null | undefined): void {
    const scroller = this.#find('.log');
    if (scroller && anchor && !this.#anchor) this.#anchor = { element: anchor, offset: offsetIn(scroller, anchor) };
  }

  /** Follow the bottom again from the next layout on (e.g. the contact just sent a message). */
  stick(): void {
    this.#stuck = true;
  }

  scrollToBottom(): void {
    this.#stuck = true;
    const scroller = this.#find('.log');
    if (scroller) this.#scrollTo(scroller, scroller.scrollHeight);
    this.#setAway(false);
  }

  /** Asks again whether the edges are in view (after a change that may have left them visible). */
  recheckEdges(): void {
    for (const sentinel of this.#sentinels) {
      if (!sentinel || !this.#edgeObserver) continue;
      this.#edgeObserver.unobserve(sentinel);
      this.#edgeObserver.observe(sentinel);
    }
  }

  #find(selector: string): HTMLElement | undefined {
    return this.#host.renderRoot.querySelector<HTMLElement>(selector) ?? undefined;
  }

  #attach(scroller: HTMLElement): void {
    this.hostDisconnected();
    this.#scroller = scroller;
    scroller.addEventListener('scroll', this.#handleScroll, { passive: true });
    this.#resizeObserver = new ResizeObserver(this.#handleResize);
    this.#resizeObserver.observe(scroller);
    const content = this.#find('.content');
    if (content) this.#resizeObserver.observe(content);
    this.#edgeObserver = new IntersectionObserver(this.#handleEdges, { root: scroller, rootMargin: '64px 0px' });
  }

  readonly #handleResize = (): void => {
    const scroller = this.#scroller;
    if (!scroller) return;
    if (this.#anchor) {
      this.#restoreAnchor();
    } else if (this.#stuck && this.#events.showsNewest()) {
      this.#scrollTo(scroller, scroller.scrollHeight);
    }
  };

  #restoreAnchor(): void {
    const anchor = this.#anchor;
    const scroller = this.#scroller;
    this.#anchor = undefined;
    if (!anchor || !scroller || !anchor.element.isConnected) return;
    const offset = offsetIn(scroller, anchor.element);
    if (offset !== anchor.offset) this.#scrollTo(scroller, scroller.scrollTop + offset - anchor.offset);
    // what was the bottom may be in the middle now (newer items were added below)
    this.#updateStuck(scroller);
  }

  #updateStuck(scroller: HTMLElement): void {
    const distance = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
    this.#stuck = distance <= BOTTOM_SLACK;
    this.#setAway(!this.#stuck);
  }

  #scrollTo(scroller: HTMLElement, top: number): void {
    scroller.scrollTop = top;
    this.#ownTop = scroller.scrollTop;
  }

  readonly #handleScroll = (): void => {
    const scroller = this.#scroller;
    // content that grew before the next resize callback must not read as the user scrolling up
    if (!scroller || scroller.scrollTop === this.#ownTop) return;
    this.#ownTop = undefined;
    this.#updateStuck(scroller);
  };

  readonly #handleEdges = (entries: IntersectionObserverEntry[]): void => {
    const [top, bottom] = this.#sentinels;
    for (const entry of entries) {
      if (entry.target === top) this.#events.topChanged(entry.isIntersecting);
      else if (entry.target === bottom && entry.isIntersecting) this.#events.bottomReached();
    }
  };

  #setAway(away: boolean): void {
    if (away === this.#away) return;
    this.#away = away;
    this.#events.awayChanged(away);
  }
}

/** Where `element`'s bottom edge is, from the top of the scrolling box. */
function offsetIn(scroller: Element, element: Element): number {
  return element.getBoundingClientRect().bottom - scroller.getBoundingClientRect().top;
}
