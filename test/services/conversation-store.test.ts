import { expect } from '@open-wc/testing';
import { ConversationStore } from '../../services/conversation-store.js';
import type { Message } from '../../services/types.js';

const message = (id: number, overrides: Partial<Message> = {}): Message => ({
  id, content: `m${id}`, message_type: 1, content_type: 'text', content_attributes: {}, created_at: 1000 + id,
  conversation_id: 1, ...overrides,
});

describe('ConversationStore', () => {
  it('applying the same page twice changes nothing and notifies once', () => {
    const store = new ConversationStore();
    let notifications = 0;
    store.subscribe(() => notifications++);
    const page = [message(1), message(2), message(3)];
    store.applyMessages(page);
    const first = store.state;
    store.applyMessages(page.map((item) => ({ ...item })));
    expect(notifications).to.equal(1);
    expect(store.state).to.equal(first);
  });

  it('keeps server order by created_at, then id, whatever the arrival order', () => {
    const store = new ConversationStore();
    store.applyMessages([message(5), message(2, { created_at: 2000 }), message(3, { created_at: 2000 })]);
    store.applyMessages([message(1)]);
    expect(store.state.messages.map((item) => item.id)).to.deep.equal([1, 5, 2, 3]);
  });

  it('replaces an optimistic message when the cable echo comes first, then merges the REST answer', () => {
    const store = new ConversationStore();
    store.addPending({ echo_id: 'e1', content: 'hi', message_type: 0, content_type: 'text', content_attributes: {}, created_at: 1, conversation_id: 1, delivery: 'sending' });
    store.applyMessages([message(9, { message_type: 0, content: 'hi', echo_id: 'e1', status: 'sent' })]);
    store.confirm('e1', message(9, { message_type: 0, content: 'hi' }));
    expect(store.state.messages).to.have.length(1);
    expect(store.state.messages[0]).to.include({ id: 9, delivery: 'sent', status: 'sent' });
  });

  it('replaces an optimistic message when the REST answer comes first, then ignores the echo', () => {
    const store = new ConversationStore();
    store.addPending({ echo_id: 'e2', content: 'yo', message_type: 0, content_type: 'text', content_attributes: {}, created_at: 1, conversation_id: 1, delivery: 'sending' });
    store.confirm('e2', message(10, { message_type: 0, content: 'yo' }));
    store.applyMessages([message(10, { message_type: 0, content: 'yo', echo_id: 'e2' })]);
    expect(store.state.messages.map((item) => item.id)).to.deep.equal([10]);
  });

  it('keeps optimistic messages after the server-ordered ones', () => {
    const store = new ConversationStore();
    store.addPending({ echo_id: 'p', content: 'later', message_type: 0, content_type: 'text', content_attributes: {}, created_at: 1, conversation_id: 1 });
    store.applyMessages([message(1), message(2)]);
    expect(store.state.messages.map((item) => item.id ?? item.echo_id)).to.deep.equal([1, 2, 'p']);
  });

  it('applies updates only to held messages and never an older version', () => {
    const store = new ConversationStore();
    store.applyMessages([message(1, { updated_at: '2026-01-01T10:00:00.000Z' })]);
    expect(store.applyUpdate(message(2, { content: 'unknown' }))).to.equal(false);
    expect(store.applyUpdate(message(1, { content: 'old', updated_at: '2026-01-01T09:00:00.000Z' }))).to.equal(false);
    expect(store.applyUpdate(message(1, { content: 'edited', updated_at: '2026-01-01T11:00:00.000Z' }))).to.equal(true);
    expect(store.state.messages.map((item) => item.content)).to.deep.equal(['edited']);
  });

  it('never holds private notes', () => {
    const store = new ConversationStore();
    store.applyMessages([message(1, { private: true })]);
    expect(store.state.messages).to.have.length(0);
  });

  it('counts agent messages newer than the contact last saw as unread', () => {
    const store = new ConversationStore();
    store.patch({ conversation: { id: 1, inbox_id: 1, status: 'open', contact_last_seen_at: 1002, agent_last_seen_at: 0 } });
    store.applyMessages([message(1), message(2), message(3), message(4, { message_type: 0 })]);
    expect(store.state.unreadCount).to.equal(1);
  });

  it('notifies once for a batch of changes', () => {
    const store = new ConversationStore();
    let notifications = 0;
    store.subscribe(() => notifications++);
    store.batch(() => {
      store.patch({ phase: 'ready' });
      store.applyMessages([message(1)]);
      store.applyMessages([message(2)]);
    });
    expect(notifications).to.equal(1);
  });
});
