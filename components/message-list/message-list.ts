import { LitElement, html, noChange, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ContextConsumer } from '@lit/context';
import type { ChatMessage, ChatNotice, ChatState } from '../../services/conversation-store.js';
import { stringsContext } from '../shared/context.js';
import { formatDay } from '../shared/format.js';
import { SessionController } from '../shared/session-controller.js';
import { en } from '../shared/english.js';
import type { Strings } from '../shared/strings.js';
import { tokens } from '../shared/tokens.styles.js';
import { kebabAttributes } from '../shared/attributes.js';
import { draftFor } from '../shared/attachment-draft.js';
import { dropZoneStyles, FileDropController, renderDropZone } from '../shared/file-drop.js';
import '../message/message.js';
import { countArrivals, ListItems, messageKey, type ListItem } from './message-items.js';
import { MessageWindow, WINDOW_SIZE } from './message-window.js';
import { removeOrphanMarkers } from './orphan-markers.js';
import { ScrollController } from './scroll-controller.js';
import { SeenController } from './seen-controller.js';
import styles from './message-list.styles.js';

const MESSAGE_PARTS = 'bubble,author,avatar,time,status,attachment,upload,cancel-button,viewer,retry-button,discard-button,activity';

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** A notice's text is the string named like the notice in camel case (`history-gap` → `historyGap`). */
const noticeKey = (notice: ChatNotice) => notice.replace(/-./g, (dash) => dash[1].toUpperCase()) as CamelCase<ChatNotice>;

/**
 * The active conversation as a live log: date separators, messages grouped by author, the contact's
 * delivery states, the agent typing, older messages loaded when scrolled to the top, and a button to jump
 * to the latest message after scrolling up. Only a window of items is rendered (`window-size`, 40 by
 * default), moving as the reader scrolls, so a conversation of any length costs the same DOM. Marks the conversation seen while it is on screen and the page
 * has focus. Must be inside `<cw-chat>` (or another provider of the session). Size it from the page: the
 * host is the scrolling box's frame.
 *
 * @csspart log - The scrolling `role="log"` box around the messages.
 * @csspart day-separator - The date line before each new day.
 * @csspart typing - "… is typing" while an agent types.
 * @csspart jump-button - Scrolls to the latest message; shows after scrolling up, with the count of new messages.
 * @csspart notice - A line about the connection or the history (reconnecting, missed messages, dropped sends).
 * @csspart state - The loading, empty or error box.
 * @csspart reload-button - In the error box: starts the chat again.
 * @csspart drop-zone - The target shown while files are dragged over the list; dropped files go to the chat's
 *   `<cw-composer>` (only while there is one that can send).
 * @csspart bubble - Exported from each `cw-message`, as are `author`, `avatar`, `time`, `status`, `attachment`,
 *   `upload`, `cancel-button`, `viewer`, `retry-button`, `discard-button` and `activity`.
 * @cssprop --cw-message-list-gap - Space between messages of different authors (default `calc(var(--cw-space) * 2)`).
 * @cssprop --cw-message-list-padding - Padding inside the scrolling box (default `calc(var(--cw-space) * 2)`).
 */
export class CwMessageList extends LitElement {
  static override styles = [tokens, styles, dropZoneStyles];

  // the manifest takes the attributes from the fields' JSDoc (`@attr`); kebabAttributes names them the same way
  static override properties = kebabAttributes({
    windowSize: { type: Number },
    away: { state: true },
    unseen: { state: true },
  });

  readonly #stringsConsumer = new ContextConsumer(this, { context: stringsContext, subscribe: true });
  get #strings(): Strings {
    return this.#stringsConsumer.value ?? en;
  }
  /**
   * How many items (messages and date lines) stay rendered; the others are rendered as the reader scrolls to
   * them. A larger window lets the browser's find-in-page search further back; 0 renders every message held.
   * @attr window-size
   */
  windowSize = WINDOW_SIZE;
  /** The user scrolled up away from the latest message. */
  private away = false;
  /** Messages from others that arrived while scrolled up. */
  private unseen = 0;

  readonly #chat = new SessionController(this);
  // files dropped on the conversation go to the chat's attachment draft, which the composer shows and sends
  readonly #drop = new FileDropController(this, () => this.#chat.session && draftFor(this.#chat.session));
  readonly #scrolling = new ScrollController(this, {
    showsNewest: () => this.#window.following,
    topChanged: (visible) => this.#handleTopChange(visible),
    bottomReached: () => this.#handleBottomReached(),
    awayChanged: (away) => this.#handleAwayChange(away),
  });

  readonly #listItems = new ListItems();
  readonly #window = new MessageWindow();
  /** The phase, the loading of older messages and the rendered range at the last update, to notice changes. */
  #rendered = '';
  /** What the rendered items were worked out from. */
  #itemsFrom: unknown[] = [];
  #messages?: readonly ChatMessage[];
  #firstKey?: string;
  #lastKey?: string;
  #newestId?: number;
  /** The first message's key when older messages were last asked for: the same again waits for a scroll. */
  #olderAskedAt?: string;

  constructor() {
    super();
    new SeenController(this, this.#chat);
  }

  protected override willUpdate(): void {
    this.#window.size = this.windowSize;
    const messages = this.#chat.state?.messages ?? [];
    if (messages !== this.#messages) this.#takeMessages(messages);
  }

  protected override updated(): void {
    const current = this.#chat.state;
    const { start, end } = this.#window.range();
    const rendered = `${current?.phase}:${!!current?.loadingOlder}:${start}:${end}:${this.#listItems.items.length}`;
    // a finished load, a newly ready chat or a moved window may leave an edge in view: ask again
    if (rendered !== this.#rendered) {
      this.#scrolling.recheckEdges();
      removeOrphanMarkers(this.renderRoot.querySelector('.messages')!);
    }
    this.#rendered = rendered;
  }

  override render() {
    const current = this.#chat.state;
    const busy = current?.phase === 'loading' || !!current?.loadingOlder;
    const { start, end } = this.#window.range();
    const following = this.#window.following;
    return html`
      <div class="notices" role="status">${current?.notices.map((notice) =>
        html`<p part="notice" class="notice">${this.#strings[noticeKey(notice)]}</p>`)}</div>
      <div part="log" class="log" role="log" tabindex="0" aria-label=${this.#strings.conversationLabel} aria-busy=${busy}>
        <div class="content">
          ${current?.hasOlder || start > 0 ? html`<div class="older">${current?.loadingOlder ? this.#strings.loadingOlder : nothing}</div>` : nothing}
          <ol class="messages">${this.#itemsChanged(start, end)
            ? repeat(this.#listItems.items.slice(start, end), (item) => item.key, (item) => this.#renderItem(item)) : noChange}</ol>
          ${following ? nothing : html`<div class="newer"></div>`}
          ${current ? this.#renderPhase(current) : nothing}
          ${current?.typing && following ? html`<p part="typing" class="typing">${this.#strings.typing(
            current.typing.available_name || current.typing.name || this.#strings.someone)}</p>` : nothing}
        </div>
      </div>
      ${this.away || !following ? html`<button part="jump-button" class="jump" @click=${this.#handleJump}>${
        this.unseen ? this.#strings.newMessages(this.unseen) : this.#strings.jumpToLatest}</button>` : nothing}
      ${renderDropZone(this.#drop.active, this.#strings.dropFiles)}`;
  }

  /** Whether the items to render changed since the last render (a typing line or a notice changes none). */
  #itemsChanged(start: number, end: number): boolean {
    const from = [this.#listItems.items, this.#strings, start, end];
    const changed = from.some((value, index) => value !== this.#itemsFrom[index]);
    this.#itemsFrom = from;
    return changed;
  }

  #renderItem(item: ListItem) {
    if (item.kind === 'day') return html`<li part="day-separator" class="day"><span>${formatDay(item.time, this.#strings)}</span></li>`;
    return html`<li class="item ${item.grouped ? 'grouped' : ''}"><cw-message .message=${item.message}
      ?grouped=${item.grouped} exportparts=${MESSAGE_PARTS}></cw-message></li>`;
  }

  #renderPhase(current: ChatState) {
    switch (current.phase) {
      case 'loading':
        return html`<p part="state" class="state">${this.#strings.loadingMessages}</p>`;
      case 'error':
        return html`<div part="state" class="state error">
          <p class="state-title">${this.#strings.loadFailed}</p>
          ${current.error ? html`<p>${current.error.message}</p>` : nothing}
          <button part="reload-button" @click=${this.#handleReload}>${this.#strings.retry}</button>
        </div>`;
      case 'ready':
        if (current.messages.length) return nothing;
        return html`<div part="state" class="state empty">
          <p class="state-title">${this.#strings.emptyTitle}</p>
          <p>${this.#strings.emptyBody}</p>
        </div>`;
      default:
        return nothing;
    }
  }

  /** Works out what changed in the messages before they are rendered (scrolling depends on it). */
  #takeMessages(messages: readonly ChatMessage[]): void {
    const first = messages[0] ? messageKey(messages[0]) : undefined;
    const last = messages.at(-1);
    const lastKey = last ? messageKey(last) : undefined;
    const prepended = this.#firstKey !== undefined && first !== this.#firstKey
      && messages.some((message) => messageKey(message) === this.#firstKey);
    const arrivals = countArrivals(messages, this.#newestId);
    this.#window.setItems(this.#listItems.update(messages).items, this.#listItems.kept);
    // older messages the reader scrolled up for join the window; ones loaded by the page wait above it
    if (prepended && this.#olderAskedAt !== undefined) {
      this.#scrolling.keepPosition(this.#renderedItems()[0]);
      this.#window.takePrepended(this.#firstKey!);
    }
    if (!messages.length) {
      this.unseen = 0;
      this.#scrolling.stick();
    } else if (last?.id === undefined && lastKey !== this.#lastKey) {
      // the contact just sent this: show it
      this.#window.toNewest();
      this.#scrolling.stick();
    } else if (arrivals.count && (!this.#scrolling.atBottom || !this.#window.following)) {
      this.unseen += arrivals.count;
    }
    this.#window.follow(this.#scrolling.atBottom);
    this.#newestId = messages.length ? arrivals.newest : undefined;
    this.#firstKey = first;
    this.#lastKey = lastKey;
    this.#messages = messages;
  }

  /** The messages' items on screen; not the date lines, which move up when older messages of their day arrive. */
  #renderedItems(): Element[] {
    return [...this.renderRoot.querySelectorAll('.messages > .item')];
  }

  #handleTopChange(visible: boolean): void {
    if (!visible) {
      this.#olderAskedAt = undefined;
      return;
    }
    const anchor = this.#renderedItems()[0];
    if (this.#window.moveUp()) {
      this.#scrolling.keepPosition(anchor);
      this.requestUpdate();
      return;
    }
    const current = this.#chat.state;
    if (!current || current.phase !== 'ready' || !current.hasOlder || current.loadingOlder) return;
    const first = current.messages[0] ? messageKey(current.messages[0]) : undefined;
    if (first === undefined || first === this.#olderAskedAt) return;
    this.#olderAskedAt = first;
    void this.#chat.session?.loadOlder();
  }

  #handleBottomReached(): void {
    const anchor = this.#renderedItems().at(-1);
    if (!this.#window.moveDown()) return;
    this.#scrolling.keepPosition(anchor);
    if (this.#window.following && this.#scrolling.atBottom) this.unseen = 0;
    this.requestUpdate();
  }

  #handleAwayChange(away: boolean): void {
    this.away = away;
    if (!away && this.#window.following) this.unseen = 0;
  }

  async #handleJump(): Promise<void> {
    this.renderRoot.querySelector<HTMLElement>('.log')?.focus();
    this.#window.toNewest();
    this.unseen = 0;
    this.requestUpdate();
    await this.updateComplete;
    this.#scrolling.scrollToBottom();
  }

  #handleReload(): void {
    void this.#chat.session?.start();
  }
}

if (!customElements.get('cw-message-list')) customElements.define('cw-message-list', CwMessageList);
declare global {
  interface HTMLElementTagNameMap {
    'cw-message-list': CwMessageList;
  }
}
