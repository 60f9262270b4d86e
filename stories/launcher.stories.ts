// Storybook (CSF 3) stories of <cw-launcher>, under a story session (with-session.ts). No Storybook import.
import { html } from 'lit';
import type { Message } from '../services/types.js';
import '../components/launcher/launcher.js';
import { CONVERSATION, message, states, storyStyles, withSession, type Fill } from './with-session.js';

/** Agent messages the contact has not seen: the badge counts them. */
function unread(count: number): Fill {
  const messages: Message[] = Array.from({ length: count }, (_, index) => message(`Unread answer ${index + 1}`, {}, count - index));
  return (session) => {
    states.conversation(messages)(session);
    session.store.patch({ conversation: { ...CONVERSATION, contact_last_seen_at: 0 } });
  };
}

const inFlow = html`<style>cw-launcher { position: static; }</style>`;
const launcher = (attributes = html``) => html`${storyStyles}${inFlow}${attributes}`;

export default {
  title: 'Elements/cw-launcher',
  component: 'cw-launcher',
  args: { label: '', position: '', hideWhenOpen: false },
  render: (args: { label: string; position: '' | 'left' | 'right'; hideWhenOpen: boolean }) => html`${storyStyles}${inFlow}
    <cw-launcher label=${args.label} position=${args.position} ?hide-when-open=${args.hideWhenOpen}></cw-launcher>`,
  decorators: [withSession(states.empty, '')],
};

export const Closed = {};
export const Open = { decorators: [withSession((session) => session.store.patch({ phase: 'ready', open: true }), '')] };
export const Unread = { decorators: [withSession(unread(3), '')] };
export const ManyUnread = { decorators: [withSession(unread(12), '')] };
export const Expanded = { args: { label: 'Chat with us' }, decorators: [withSession(unread(1), '')] };
export const LongLabel = { args: { label: 'Questions about your order? Our team answers in a few minutes' } };
export const CustomIcon = {
  render: () => launcher(html`<cw-launcher><svg slot="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
    <circle cx="12" cy="12" r="9" fill="currentColor"></circle></svg></cw-launcher>`),
};
export const FixedLeft = {
  render: () => html`${storyStyles}<p>Fixed to the bottom left of the viewport.</p><cw-launcher position="left" label="Help"></cw-launcher>`,
};
export const RightToLeft = {
  render: () => html`${storyStyles}${inFlow}<div dir="rtl" lang="ar"><cw-launcher label="تحدث معنا"></cw-launcher></div>`,
  decorators: [withSession(unread(2), '')],
};
export const Dark = {
  render: () => html`${storyStyles}${inFlow}<div class="story-dark"><cw-launcher label="Chat with us"></cw-launcher></div>`,
  decorators: [withSession(unread(2), '')],
};
