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
  readonly #observer = new MutationObserver((records) => this.#handleMutations(records));
  #watched = new WeakSet<Node>();
  #listening = false;

  readonly #handleChatEvent = (event: Event): void => {
    const origin = event.composedPath()[0];
    if (origin instanceof Element) this.watch(origin.getRootNode());
  };

  constructor(loaders: Record<string, ElementLoader>) {
    for (const [tag, loader] of Object.entries(loaders)) {
      if (!customElements.get(tag)) this.#pending.set(tag, loader);
    }
    this.watch(document);
  }

  /** Defines the tags used anywhere under `root` now, and those added to it later. */
  watch(root: Node): void {
    if (this.#pending.size === 0) return;
    this.#listen();
    this.#observe(root);
    this.#scan(root);
  }

  /** Loads every element still waiting, e.g. before putting parts into a shadow root. */
  async loadAll(): Promise<void> {
    await Promise.all([...this.#pending.keys()].map((tag) => this.#load(tag)));
  }

  #handleMutations(records: MutationRecord[]): void {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) this.#scan(node);
      }
    }
  }

  #scan(node: Node): void {
    const selector = [...this.#pending.keys()].join(',');
    if (!selector) return;
    const found = new Set<string>();
    if (node instanceof Element && node.matches(selector)) found.add(node.localName);
    if ('querySelectorAll' in node) {
      for (const element of (node as ParentNode).querySelectorAll(selector)) found.add(element.localName);
    }
    for (const tag of found) this.#load(tag).catch(reportError);
  }

  async #load(tag: string): Promise<void> {
    const loader = this.#pending.get(tag);
    if (!loader) {
      await customElements.whenDefined(tag);
      return;
    }
    this.#pending.delete(tag);
    if (this.#pending.size === 0) this.#stop();
    try {
      await loader();
    } catch (error) {
      // A failed download (offline, a deploy in between): tried again when the tag is added again or a chat
      // fires an event, not at once, which would retry in a loop while the server is unreachable.
      this.#pending.set(tag, loader);
      this.#listen();
      this.#observe(document);
      throw error;
    }
  }

  #listen(): void {
    if (this.#listening) return;
    this.#listening = true;
    for (const type of CHAT_EVENTS) document.addEventListener(type, this.#handleChatEvent);
  }

  #observe(root: Node): void {
    if (this.#watched.has(root)) return;
    this.#watched.add(root);
    this.#observer.observe(root, { childList: true, subtree: true });
  }

  /** Everything is defined: the page's changes and the chats' events no longer cost anything. */
  #stop(): void {
    this.#listening = false;
    this.#observer.disconnect();
    this.#watched = new WeakSet();
    for (const type of CHAT_EVENTS) document.removeEventListener(type, this.#handleChatEvent);
  }
}
