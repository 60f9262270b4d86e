// Which stretch of a long conversation the list renders: at most a few dozen items, so ten thousand
// messages cost the page no more DOM than forty. The window is held by item keys, so it stays on the
// same messages when older pages are prepended or new messages arrive.
import type { ListItem } from './message-items.js';

/** Items rendered at most by default; the window moves by half its size when its top or bottom edge comes into view. */
export const WINDOW_SIZE = 40;

export interface WindowRange {
  start: number;
  end: number;
}

export class MessageWindow {
  #items: readonly ListItem[] = [];
  #index = new Map<string, number>();
  /** The first rendered item; undefined: as many as fit above the end. */
  #startKey?: string;
  /** The last rendered item; undefined while the window follows the newest message. */
  #endKey?: string;
  #size = WINDOW_SIZE;

  /** Items rendered at most (at least 2); 0 renders them all. */
  set size(size: number) {
    const next = size > 0 ? Math.max(2, Math.floor(size)) : Infinity;
    if (next === this.#size) return;
    this.#size = next;
    // a window at the newest is as large as the new size allows
    if (this.following) this.#startKey = undefined;
  }

  /** How far the window moves: half its size. */
  get #step(): number {
    return Math.ceil(this.#size / 2);
  }

  /** The window's end is the newest item: new messages appear as they arrive. */
  get following(): boolean {
    return this.#endKey === undefined;
  }

  /** The list's items; the first `kept` are the same as in the previous call, so their index entries stay. */
  setItems(items: readonly ListItem[], kept = 0): void {
    for (let position = kept; position < this.#items.length; position++) this.#index.delete(this.#items[position].key);
    for (let position = kept; position < items.length; position++) this.#index.set(items[position].key, position);
    this.#items = items;
  }

  range(): WindowRange {
    const endAt = this.#index.get(this.#endKey!);
    const end = endAt === undefined ? this.#items.length : endAt + 1;
    const startAt = this.#index.get(this.#startKey!);
    const start = startAt === undefined || startAt >= end ? Math.max(0, end - this.#size) : startAt;
    return { start, end };
  }

  /**
   * While following, new items push the oldest rendered ones out, as long as the reader is at the bottom;
   * a reader looking further up keeps their items, and the window stops following once it is full.
   */
  follow(atBottom: boolean): void {
    if (!this.following) return;
    const { start, end } = this.range();
    if (atBottom) this.#show(Math.max(0, end - this.#size), end);
    else this.#show(start, end - start > this.#size + this.#step ? start + this.#size : end);
  }

  /** Moves the window towards older items; false when it is already at the oldest held. */
  moveUp(): boolean {
    const { start, end } = this.range();
    if (start === 0) return false;
    const newStart = Math.max(0, start - this.#step);
    this.#show(newStart, Math.min(end, newStart + this.#size));
    return true;
  }

  /** Moves the window towards newer items, following again once it reaches the newest. */
  moveDown(): boolean {
    const { start, end } = this.range();
    const length = this.#items.length;
    if (end >= length) return false;
    const newEnd = Math.min(length, end + this.#step);
    this.#show(Math.max(start, newEnd - this.#size), newEnd);
    return true;
  }

  /** Widens the window to take in items just prepended above its start (an older page arrived). */
  takePrepended(previousFirstKey: string): void {
    if (this.range().start === this.#index.get(previousFirstKey)) this.moveUp();
  }

  /** Back to the newest items (the jump button, or the contact sent a message). */
  toNewest(): void {
    this.#startKey = this.#endKey = undefined;
  }

  /** Renders items `start` to `end` (exclusive), following when `end` is the newest. */
  #show(start: number, end: number): void {
    this.#startKey = this.#items[start]?.key;
    this.#endKey = end < this.#items.length ? this.#items[end - 1].key : undefined;
  }
}
