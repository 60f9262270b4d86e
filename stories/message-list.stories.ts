// Storybook (CSF 3) stories of <cw-message-list>, under a story session (with-session.ts) whose store is filled
// by hand: empty, loading, error, every content type, long text, a failed send, typing, notices, RTL, dark.
import { html } from 'lit';
import '../components/message-list/message-list.js';
import { AGENT, everyContentType, failedSend, message, mine, states, storyStyles, withSession } from './with-session.js';

const list = () => html`${storyStyles}<cw-message-list></cw-message-list>`;

export default {
  title: 'Elements/cw-message-list',
  component: 'cw-message-list',
  render: list,
};

export const Empty = { decorators: [withSession(states.empty)] };
export const Loading = { decorators: [withSession(states.loading)] };
export const LoadFailed = { decorators: [withSession(states.error)] };
export const EveryContentType = { decorators: [withSession(states.conversation(everyContentType()))] };
export const LongText = {
  decorators: [withSession(states.conversation([
    mine(`${'A long question that keeps going and going. '.repeat(12)}`, 5),
    message(`${'An even longer answer, with a link that must wrap: '.repeat(10)}https://example.com/${'very-long-path/'.repeat(12)}`, {}, 4),
    message('Supercalifragilisticexpialidocious'.repeat(6), {}, 3),
  ]))],
};
export const FailedSend = {
  decorators: [withSession(states.conversation([message('Hello! How can I help?', {}, 3)], (session) => failedSend(session, 'Is this still available?')))],
};
export const AgentTyping = {
  decorators: [withSession(states.conversation([mine('Is anyone there?', 1)], (session) => session.store.patch({ typing: AGENT })))],
};
export const LoadingOlder = {
  decorators: [withSession(states.conversation(everyContentType(), (session) => session.store.patch({ hasOlder: true, loadingOlder: true })))],
};
export const Notices = {
  decorators: [withSession(states.conversation([message('Welcome back!', {}, 2)], (session) => session.store.patch({ notices: ['history-gap', 'outbox-expired'] })))],
};
export const RightToLeft = {
  render: () => html`${storyStyles}<div dir="rtl" lang="ar" class="story-box"><cw-message-list></cw-message-list></div>`,
  decorators: [withSession(states.conversation([
    message('مرحبا! كيف يمكنني مساعدتك اليوم؟', {}, 5), mine('هل تشحنون إلى كندا؟', 4),
    message('نعم، الشحن مجاني للطلبات فوق ٥٠ دولارًا.', {}, 3),
  ]), '')],
};
export const Dark = {
  render: () => html`${storyStyles}<div class="story-dark"><div class="story-box"><cw-message-list></cw-message-list></div></div>`,
  decorators: [withSession(states.conversation(everyContentType()), '')],
};
