// Shared by the stories: a real ChatSession pointed at nothing (its fetch refuses every request, so no story
// reaches a network) whose store is filled by hand, provided to the story's elements as <cw-chat> provides
// its own; and the same filling for the session that a <cw-chat> or <cw-widget> creates itself.
import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { ContextProvider } from '@lit/context';
import { ChatSession } from '../services/chat-session.js';
import { MemoryStorage } from '../services/session-storage.js';
import type { ChatMessage } from '../services/conversation-store.js';
import type { Conversation, Message, PublicContact, PublicInbox, Sender } from '../services/types.js';
import { chatContext, sessionContext, type ChatHost } from '../components/shared/context.js';

/** Fills a session's store by hand (`session.store.patch`, `session.store.applyMessages`, …). */
export type Fill = (session: ChatSession) => void;

/** A Chatwoot address where nothing listens: requests fail at once. */
export const NOWHERE = 'http://127.0.0.1:9';
const NOW = Math.floor(Date.now() / 1000);
export const AGENT: Sender = { id: 7, name: 'Alice Agent', available_name: 'Alice', type: 'user' };
export const CONTACT: PublicContact = { id: 1, source_id: 'story-contact', pubsub_token: 'story', name: 'Ada Lovelace', email: 'ada@example.com', phone_number: null };
export const CONVERSATION: Conversation = { id: 1, inbox_id: 1, status: 'open', contact_last_seen_at: NOW, agent_last_seen_at: NOW };
export const INBOX: PublicInbox = {
  identifier: 'story', identity_validation_enabled: false, name: 'Acme Support', timezone: 'UTC', working_hours: [],
  working_hours_enabled: false, csat_survey_enabled: true, greeting_enabled: false,
};

let nextId = 1000;

/** A message from the agent (or, with `message_type: 0`, from the contact), `minutesAgo` minutes old. */
export function message(content: string | null, overrides: Partial<Message> = {}, minutesAgo = 0): Message {
  return {
    id: nextId++, content, message_type: 1, content_type: 'text', content_attributes: {}, created_at: NOW - minutesAgo * 60,
    conversation_id: CONVERSATION.id, sender: AGENT, status: 'sent', ...overrides,
  };
}

export const mine = (content: string, minutesAgo = 0, overrides: Partial<Message> = {}) =>
  message(content, { message_type: 0, sender: { id: CONTACT.id, name: CONTACT.name, type: 'contact' }, ...overrides }, minutesAgo);

const picture = () => `${globalThis.location?.origin ?? ''}/demo/card-image.svg`;

/** One message of every content type Chatwoot sends a contact, oldest first, over two days. */
export function everyContentType(): Message[] {
  return [
    message('Welcome to Acme! Ask us anything.', { message_type: 3, sender: undefined }, 60 * 26),
    mine('Do you ship to Canada?', 60 * 25),
    message('**Yes.** Shipping to Canada:\n\n- free over $50\n- `3–5` business days\n\nDetails: https://example.com/shipping', {}, 60 * 25 - 2),
    message('Here is the parcel label', { attachments: [{ id: 1, message_id: 0, account_id: 1, file_type: 'image', data_url: picture(), thumb_url: picture(), file_size: 2048 }] }, 30),
    message('Which team do you need?', { content_type: 'input_select', content_attributes: { items: [{ title: 'Sales', value: 'sales' }, { title: 'Support', value: 'support' }] } }, 20),
    message('Our plans', { content_type: 'cards', content_attributes: { items: [
      { title: 'Basic', description: 'Everything one person needs.', media_url: picture(), actions: [{ type: 'postback', text: 'Choose Basic', payload: 'PLAN_BASIC' }] },
      { title: 'Team', description: 'Shared inboxes for ten people.', actions: [{ type: 'link', text: 'See details', uri: 'https://example.com/team' }] },
    ] } }, 15),
    message('A few details, please', { content_type: 'form', content_attributes: { items: [
      { name: 'email', label: 'Work email', type: 'email', required: true, placeholder: 'you@company.example' },
      { name: 'notes', label: 'Anything else?', type: 'text_area' },
    ] } }, 12),
    message('These may help:', { content_type: 'article', content_attributes: { items: [
      { title: 'Getting started', description: 'Set up your account in five minutes.', link: 'https://help.example/start' },
    ] } }, 10),
    message('Get notified by email', { message_type: 3, sender: undefined, content_type: 'input_email' }, 8),
    message('Please rate the conversation', { message_type: 3, sender: undefined, content_type: 'input_csat', content_attributes: { display_type: 'emoji' } }, 1),
  ];
}

/** Fills for the states the stories show. */
export const states = {
  /** A conversation not started yet: nothing to show but the invitation. */
  empty: ((session) => session.store.patch({ phase: 'ready', contact: CONTACT })) as Fill,
  loading: ((session) => session.store.patch({ phase: 'loading' })) as Fill,
  error: ((session) => session.store.patch({ phase: 'error', error: { code: 'network', message: 'Chat is unreachable. Check the connection and try again.' } })) as Fill,
  /** A live conversation with the given messages. */
  conversation: (messages: readonly Message[], more: Fill = () => undefined): Fill => (session) => {
    session.store.batch(() => {
      session.store.patch({ phase: 'ready', contact: CONTACT, conversation: CONVERSATION, inbox: INBOX, connection: 'open' });
      session.store.applyMessages(messages);
      more(session);
    });
  },
};

/** A session that never reaches a network: every request fails as if the server were down. */
export function storySession(fill: Fill): ChatSession {
  const session = new ChatSession({
    baseUrl: NOWHERE, inbox: 'story', storage: new MemoryStorage(), createContact: 'on-send',
    fetch: () => Promise.reject(new TypeError('Stories reach no server')),
  });
  fill(session);
  return session;
}

/** Opens and closes the story's session, as `<cw-chat>` does for its parts. */
function hostOf(session: ChatSession): ChatHost {
  return {
    open: () => session.store.patch({ open: true }),
    close: () => session.store.patch({ open: false }),
    toggle: () => session.store.patch({ open: !session.store.state.open }),
  };
}

const provided = new WeakSet<Element>();
let current: ChatSession | undefined;

/**
 * A decorator: renders the story inside a provider of a story session filled by `fill`, as inside `<cw-chat>`.
 * `layout` classes the wrapper (`story-box` gives the parts a chat-sized box).
 */
export function withSession(fill: Fill, layout = 'story-box') {
  return (story: () => unknown): TemplateResult => {
    current?.dispose(); // the previous story's
    const session = (current = storySession(fill));
    const provide = (node?: Element) => {
      if (!node || provided.has(node)) return;
      provided.add(node);
      new ContextProvider(node as HTMLElement, { context: sessionContext, initialValue: session });
      new ContextProvider(node as HTMLElement, { context: chatContext, initialValue: hostOf(session) });
    };
    return html`<div class=${layout} ${ref(provide)}>${story()}</div>`;
  };
}

/**
 * For a `<cw-chat>` or `<cw-widget>` (they create their own session): once its session exists, fills it.
 * Use as `${ref(fillWhenStarted(fill))}` on an element opened with `contact="on-send"`, which sends no request.
 */
export function fillWhenStarted(fill: Fill) {
  const done = new WeakSet<Element>();
  return (node?: Element) => {
    if (!node || done.has(node)) return;
    done.add(node);
    const element = node as Element & { session?: ChatSession };
    const poll = () => (element.session ? fill(element.session) : setTimeout(poll, 20));
    poll();
  };
}

/** A failed send of the contact's, as the outbox leaves it. */
export function failedSend(session: ChatSession, content: string): void {
  const failed: ChatMessage & { echo_id: string } = {
    ...mine(content), id: undefined, echo_id: 'story-failed', delivery: 'failed', error: 'The network is unreachable',
  };
  session.store.addPending(failed);
}

/** The stories' own page styles: a chat-sized box, dark and right-to-left variants. */
export const storyStyles = html`<style>
  .story-box { display: flex; flex-direction: column; block-size: 460px; max-inline-size: 420px; border: 1px solid #d0d7de; border-radius: 12px; overflow: hidden; }
  .story-box cw-message-list { flex: 1; min-block-size: 0; }
  .story-dark { --cw-color-scheme: dark; color-scheme: dark; background: #0d1117; color: #e6edf3; padding: 16px; }
</style>`;
