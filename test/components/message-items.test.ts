// The message list's items worked out incrementally (ListItems) are the items worked out from scratch, and the
// window's index follows them, whatever the changes: appends, replacements, prepends, removals.
import { expect } from '@open-wc/testing';
import { ListItems, type ListItem } from '../../components/message-list/message-items.js';
import { MessageWindow } from '../../components/message-list/message-window.js';
import type { ChatMessage } from '../../services/conversation-store.js';

const DAY = 24 * 60 * 60;

/** A seeded PRNG (mulberry32), so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

let nextId = 1;
function message(createdAt: number, random: () => number): ChatMessage {
  const type = random() < 0.3 ? 0 : random() < 0.9 ? 1 : 2;
  return {
    id: nextId++, content: 'text', message_type: type, content_type: 'text', content_attributes: {}, created_at: createdAt,
    conversation_id: 1, sender: type === 1 ? { id: random() < 0.5 ? 1 : 2, name: 'Agent', type: 'user' } : undefined,
  };
}

const shape = (items: readonly ListItem[]) => items.map((item) => (item.kind === 'day'
  ? `${item.key}@${item.time}` : `${item.key}${item.grouped ? '+' : ''}`));

describe('ListItems', () => {
  for (const seed of [1, 2, 3]) {
    it(`gives the same items as a fresh computation through 200 random changes [seed ${seed}]`, () => {
      const random = seeded(seed);
      const start = Math.floor(Date.now() / 1000) - 30 * DAY;
      let messages: ChatMessage[] = Array.from({ length: 50 }, (_, index) => message(start + index * 3600, random));
      const incremental = new ListItems();
      const window = new MessageWindow();
      for (let change = 0; change < 200; change++) {
        const pick = random();
        const last = messages.at(-1)!.created_at;
        if (pick < 0.4) messages = [...messages, message(last + Math.floor(random() * DAY), random)];
        else if (pick < 0.6 && messages.length) {
          const at = Math.floor(random() * messages.length);
          messages = messages.map((item, index) => (index === at ? { ...item, content: 'edited' } : item));
        } else if (pick < 0.75) {
          messages = [...Array.from({ length: 5 }, (_, index) => message(messages[0].created_at - (5 - index) * 7200, random)), ...messages];
        } else if (pick < 0.9 && messages.length > 10) {
          messages = messages.slice(0, -1 - Math.floor(random() * 3));
        } else messages = [...messages];
        const items = incremental.update(messages).items;
        const kept = incremental.kept;
        window.setItems(items, kept);
        window.toNewest();
        expect(shape(items), `[seed ${seed}] change ${change}`).to.deep.equal(shape(new ListItems().update(messages).items));
        expect(items.filter((item) => item.kind === 'message').map((item) => item.kind === 'message' && item.message))
          .to.deep.equal(messages);
        // the window, following the newest, ends at the last item: its index knows every key where it is
        expect(window.range().end, `[seed ${seed}] change ${change}`).to.equal(items.length);
        expect(window.moveUp(), 'the window moves up when older items are held').to.equal(items.length > 40);
        const { start: windowStart } = window.range();
        const startKey = items[windowStart].key;
        window.setItems(items, items.length);
        expect(items[window.range().start].key).to.equal(startKey);
      }
    });
  }
});
