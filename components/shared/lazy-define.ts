// Defines elements only when a page first needs them, so the one script tag stays small: a loader runs when
// its tag appears in the document (now or later) or in a shadow root that holds a `<cw-chat>`.

/** Imports the module that defines a tag; resolves once it is defined. */
export type ElementLoader = () => Promise<unknown>;

/** Events every `<cw-chat>` fires (bubbling, composed); they reveal a chat that sits inside a shadow root. */
const CHAT_EVENTS = ['cw-open-change', 'cw-ready', 'cw-error'] as const;

/**
 * Loads each tag's module the first time that tag is used. The document is watched from the start; a shadow
 * root is watched once a `<cw-chat>` inside it fires an event, which is when its parts are about to be needed
 * (elements that put parts in their own shadow root, such as `<cw-widget>`, import them themselves). Once
 * every tag is defined, nothing is watched any more.
 */
export class LazyElements {
  readonly #pending = new Map<string, ElementLoader>();
  readonly #observer = new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach((node) => this.#scan(node));
  });

  readonly #handleChatEvent = (event: Event): void => this.#watch((event.composedPath()[0] as Node).getRootNode());

  constructor(loaders: Record<string, ElementLoader>) {
    for (const [tag, loader] of Object.entries(loaders)) {
      if (!customElements.get(tag)) this.#pending.set(tag, loader);
    }
    this.#watch(document);
  }

  /** Defines the tags used anywhere under `root` now, and those added to it later. */
  #watch(root: Node): void {
    if (this.#pending.size === 0) return;
    this.#observe(root);
    this.#scan(root);
  }

  /** Loads every element still waiting, e.g. before putting parts into a shadow root. */
  async loadAll(): Promise<void> {
    await Promise.all([...this.#pending.keys()].map((tag) => this.#load(tag)));
  }

  #scan(node: Node): void {
    const selector = [...this.#pending.keys()].join();
    if (!selector || !('querySelectorAll' in node)) return; // text and comment nodes hold no tags
    const found = [...(node as ParentNode).querySelectorAll(selector)];
    if ((node as Element).matches?.(selector)) found.push(node as Element);
    for (const tag of new Set(found.map((element) => element.localName))) this.#load(tag).catch(reportError);
  }

  /** Called only for a tag still waiting (both callers take the tags from `#pending`). */
  async #load(tag: string): Promise<void> {
    const loader = this.#pending.get(tag)!;
    this.#pending.delete(tag);
    if (this.#pending.size === 0) this.#stop();
    try {
      await loader();
    } catch (error) {
      // A failed download (offline, a deploy in between): tried again when the tag is added again or a chat
      // fires an event, not at once, which would retry in a loop while the server is unreachable.
      this.#pending.set(tag, loader);
      this.#observe(document);
      throw error;
    }
  }

  /** Adding the same listener or observing the same root twice changes nothing: no bookkeeping needed. */
  #observe(root: Node): void {
    for (const type of CHAT_EVENTS) document.addEventListener(type, this.#handleChatEvent);
    this.#observer.observe(root, { childList: true, subtree: true });
  }

  /** Everything is defined: the page's changes and the chats' events no longer cost anything. */
  #stop(): void {
    this.#observer.disconnect();
    for (const type of CHAT_EVENTS) document.removeEventListener(type, this.#handleChatEvent);
  }
}
