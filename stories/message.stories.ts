// Storybook (CSF 3) stories of <cw-message>: one per content type and state. No Storybook import is needed.
import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { ContextProvider } from '@lit/context';
import { ApiError } from '../services/api-error.js';
import type { ChatSession } from '../services/chat-session.js';
import type { ChatMessage } from '../services/conversation-store.js';
import type { SubmittedValues } from '../services/types.js';
import { sessionContext } from '../components/shared/context.js';
import type { CwMessage } from '../components/message/message.js';
import '../components/message/message.js';

const NOW = Math.floor(Date.now() / 1000);
const AGENT = { id: 7, name: 'Alice Agent', available_name: 'Alice', type: 'user', thumbnail: '' };
let nextId = 100;

function message(overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: nextId++, content: 'Hello! How can I help you today?', message_type: 1, content_type: 'text', content_attributes: {},
    created_at: NOW, conversation_id: 1, sender: AGENT, ...overrides,
  };
}

const mine = (overrides: Partial<ChatMessage>) => message({ message_type: 0, sender: undefined, content: 'Do you ship to Canada?', ...overrides });

/**
 * A stand-in for the session, so the interactive stories can be answered: it waits a moment, then stores the
 * answer on the message (or refuses it with `refusal`, as Chatwoot does after 14 days).
 */
function fakeSession(element: () => CwMessage | undefined, refusal?: string) {
  const answer = async (_id: number, values: SubmittedValues) => {
    await new Promise((resolve) => setTimeout(resolve, 700));
    if (refusal) throw new ApiError('http', 422, JSON.stringify({ error: refusal }), 'Unprocessable');
    const target = element();
    if (!target?.message) return;
    target.message = { ...target.message, content_attributes: { ...target.message.content_attributes, submitted_values: values } };
  };
  return {
    store: { state: { contact: { email: '' } } },
    answer,
    submitEmail: (id: number, email: string) => answer(id, [{ name: 'email', value: email }]),
    rate: (id: number, rating: number, feedback?: string) => answer(id, { csat_survey_response: { rating, feedback_message: feedback } }),
    retry: () => undefined,
    discard: () => undefined,
  } as unknown as ChatSession;
}

const provided = new WeakSet<Element>();

/** Renders `value` inside a provider of a fake session, as <cw-chat> would provide the real one. */
function answerable(value: ChatMessage, refusal?: string): TemplateResult {
  let element: CwMessage | undefined;
  const provide = (node?: Element) => {
    if (!node || provided.has(node)) return;
    provided.add(node);
    new ContextProvider(node as HTMLElement, { context: sessionContext, initialValue: fakeSession(() => element, refusal) });
  };
  return html`<div ${ref(provide)}><cw-message .message=${value} ${ref((node) => { element = node as CwMessage | undefined; })}></cw-message></div>`;
}

const show = (value: ChatMessage) => html`<cw-message .message=${value}></cw-message>`;

const OPTIONS = { items: [{ title: 'Sales', value: 'sales' }, { title: 'Support', value: 'support' }, { title: 'Billing', value: 'billing' }] };
const CARDS = {
  items: [
    { title: 'Basic', description: 'Everything one person needs.', media_url: 'https://picsum.photos/seed/basic/480/270', actions: [
      { type: 'link', text: 'See details', uri: 'https://example.com/basic' }, { type: 'postback', text: 'Choose Basic', payload: 'PLAN_BASIC' }] },
    { title: 'Team', description: 'Shared inboxes for up to ten people.', media_url: 'https://picsum.photos/seed/team/480/270', actions: [
      { type: 'postback', text: 'Choose Team', payload: 'PLAN_TEAM' }] },
    { title: 'Enterprise', description: 'Single sign-on, audit logs and a named contact.', actions: [
      { type: 'link', text: 'Talk to sales', uri: 'https://example.com/sales' }] },
  ],
};
const FORM = {
  button_label: 'Send details',
  items: [
    { name: 'name', label: 'Your name', type: 'text', required: true, placeholder: 'Ada Lovelace' },
    { name: 'email', label: 'Work email', type: 'email', required: true, placeholder: 'you@company.example' },
    { name: 'zip', label: 'ZIP code', type: 'text', pattern: '[0-9]{5}', pattern_error: 'Five digits, please.' },
    { name: 'plan', label: 'Plan', type: 'select', options: [{ label: 'Basic', value: 'basic' }, { label: 'Team', value: 'team' }] },
    { name: 'notes', label: 'Anything else?', type: 'text_area' },
    { name: 'newsletter', label: 'Send me product news', type: 'checkbox' },
  ],
};
const ARTICLES = {
  items: [
    { title: 'Getting started', description: 'Set up your account in five minutes.', link: 'https://help.example/start' },
    { title: 'Billing and invoices', description: 'Change your plan, download invoices.', link: 'https://help.example/billing' },
  ],
};
const csat = (attributes: Record<string, unknown> = {}) =>
  message({ message_type: 3, sender: undefined, content_type: 'input_csat', content: 'Please rate the conversation', content_attributes: attributes });

export default {
  title: 'Elements/cw-message',
  component: 'cw-message',
  render: (args: { message: ChatMessage }) => show(args.message),
};

export const Text = { args: { message: message() }, render: (args: { message: ChatMessage }) => show(args.message) };
export const Markdown = {
  render: () => show(message({ content: '**Good news:** we ship to Canada.\n\n- Free over $50\n- `3–5` business days\n\nSee https://example.com/shipping' })),
};
export const OwnSending = { render: () => show(mine({ id: undefined, echo_id: 'e1', delivery: 'sending' })) };
export const OwnQueued = { render: () => show(mine({ id: undefined, echo_id: 'e2', delivery: 'queued' })) };
export const OwnSent = { render: () => show(mine({ delivery: 'sent' })) };
export const OwnDelivered = { render: () => show(mine({ delivery: 'delivered' })) };
export const OwnRead = { render: () => show(mine({ delivery: 'read' })) };
export const OwnFailedWithRetry = {
  render: () => answerable(mine({ id: undefined, echo_id: 'e3', delivery: 'failed', error: 'The network is unreachable' })),
};

export const SelectUnanswered = { render: () => answerable(message({ content_type: 'input_select', content: 'Which team do you need?', content_attributes: OPTIONS })) };
export const SelectAnswered = {
  render: () => show(message({ content_type: 'input_select', content: 'Which team do you need?', content_attributes: { ...OPTIONS, submitted_values: [{ title: 'Support', value: 'support' }] } })),
};
export const SelectWithoutSession = { render: () => show(message({ content_type: 'input_select', content: 'Which team do you need?', content_attributes: OPTIONS })) };
export const Cards = { render: () => answerable(message({ content_type: 'cards', content: 'Our plans', content_attributes: CARDS })) };
export const SingleCard = { render: () => answerable(message({ content_type: 'cards', content: null, content_attributes: { items: [CARDS.items[0]] } })) };
export const FormUnanswered = { render: () => answerable(message({ content_type: 'form', content: 'A few details, please', content_attributes: FORM })) };
export const FormAnswered = {
  render: () => show(message({ content_type: 'form', content: 'A few details, please', content_attributes: { ...FORM, submitted_values: [
    { name: 'name', value: 'Ada Lovelace' }, { name: 'email', value: 'ada@company.example' }, { name: 'zip', value: '10115' },
    { name: 'plan', value: 'team' }, { name: 'notes', value: '' }, { name: 'newsletter', value: true }] } })),
};
export const Articles = { render: () => show(message({ content_type: 'article', content: 'These may help:', content_attributes: ARTICLES })) };
export const EmailUnanswered = {
  render: () => answerable(message({ message_type: 3, sender: undefined, content_type: 'input_email', content: 'Get notified by email' })),
};
export const EmailAnswered = {
  render: () => show(message({ message_type: 3, sender: undefined, content_type: 'input_email', content: 'Get notified by email', content_attributes: { submitted_email: 'ada@company.example' } })),
};
export const CsatEmoji = { render: () => answerable(csat()) };
export const CsatStar = { render: () => answerable(csat({ display_type: 'star' })) };
export const CsatRefusedAfter14Days = { render: () => answerable(csat(), 'You cannot update the CSAT survey after 14 days') };
export const CsatEmojiAnswered = { render: () => show(csat({ submitted_values: { csat_survey_response: { rating: 5, feedback_message: 'Quick and kind, thank you!' } } })) };
export const CsatStarAnswered = { render: () => show(csat({ display_type: 'star', submitted_values: { csat_survey_response: { rating: 4 } } })) };

export const Deleted = { render: () => show(message({ content: 'This message was deleted', content_attributes: { deleted: true } })) };
export const Activity = { render: () => show(message({ message_type: 2, sender: undefined, content: 'Conversation was resolved by Alice' })) };
export const LongText = {
  render: () => show(message({ content: `${'This is a long answer that keeps going. '.repeat(30)}https://example.com/a/very/long/link/that/should/wrap/${'x'.repeat(80)}` })),
};
export const RightToLeft = {
  render: () => html`<div dir="rtl" lang="ar">
    ${show(message({ content: 'مرحبا! كيف يمكنني مساعدتك اليوم؟' }))}
    ${show(mine({ content: 'هل تشحنون إلى كندا؟', delivery: 'read' }))}
    ${answerable(message({ content_type: 'input_select', content: 'اختر قسمًا', content_attributes: { items: [{ title: 'المبيعات', value: 'sales' }, { title: 'الدعم', value: 'support' }] } }))}
    ${answerable(csat({ display_type: 'star' }))}
  </div>`,
};
export const Dark = {
  render: () => html`<style>.story-dark { --cw-color-scheme: dark; color-scheme: dark; background: #0d1117; padding: 16px; }</style>
    <div class="story-dark">
      ${show(message())}
      ${show(mine({ delivery: 'read' }))}
      ${answerable(message({ content_type: 'input_select', content: 'Which team do you need?', content_attributes: OPTIONS }))}
      ${answerable(message({ content_type: 'cards', content: 'Our plans', content_attributes: CARDS }))}
      ${answerable(message({ content_type: 'form', content: 'A few details, please', content_attributes: FORM }))}
      ${answerable(csat())}
    </div>`,
};
