/**
 * Shows the unread count in front of the page's title ("(2) Shop") and takes it away again. Only the prefix
 * it added is ever removed, so a title the page changes meanwhile is kept.
 */
export class TitleBadge {
  #prefix = '';

  show(prefix: string): void {
    const base = this.#base();
    this.#prefix = prefix ? `${prefix} ` : '';
    document.title = `${this.#prefix}${base}`;
  }

  /** Leaves the title alone when it carries no prefix of ours. */
  clear(): void {
    if (this.#prefix) this.show('');
  }

  #base(): string {
    return this.#prefix && document.title.startsWith(this.#prefix) ? document.title.slice(this.#prefix.length) : document.title;
  }
}
