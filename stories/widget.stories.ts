// Storybook (CSF 3) stories of <cw-widget>, the drop-in. It creates its own session: opened with
// `contact="on-send"` it sends no request, and fillWhenStarted fills that session's store by hand. Its address
// is one where nothing listens, so sending fails (and shows so).
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../components/widget/widget.js';
import { everyContentType, fillWhenStarted, INBOX, message, mine, NOWHERE, states, type Fill } from './with-session.js';

interface Options { fill?: Fill; open?: boolean; theme?: '' | 'light' | 'dark'; locale?: string; preChat?: boolean; label?: string }

function widget({ fill = states.empty, open = true, theme = '', locale = '', preChat = false, label = '' }: Options = {}) {
  const withInbox: Fill = (session) => {
    session.store.patch({ inbox: INBOX });
    fill(session);
  };
  return html`<cw-widget base-url=${NOWHERE} inbox="story" storage="none" contact="on-send" ?open=${open} theme=${theme}
    locale=${locale} launcher-label=${label} reply-time="Typically replies in a few minutes"
    pre-chat-fields=${preChat ? 'name email' : ''} ?pre-chat-required=${preChat} ${ref(fillWhenStarted(withInbox))}></cw-widget>`;
}

export default {
  title: 'Elements/cw-widget',
  component: 'cw-widget',
  render: () => widget({ fill: states.conversation(everyContentType()) }),
  // the launcher and panel are fixed to the viewport: the docs page's story frame must be as tall as the panel
  parameters: { docs: { story: { inline: false, iframeHeight: 820 } } },
};

export const EveryContentType = {};
export const Closed = { render: () => widget({ open: false }) };
export const ExpandedLauncher = { render: () => widget({ open: false, label: 'Chat with us' }) };
export const Empty = { render: () => widget() };
export const Loading = { render: () => widget({ fill: states.loading }) };
export const SessionError = { render: () => widget({ fill: states.error }) };
export const PreChatForm = { render: () => widget({ preChat: true, fill: (session) => session.store.patch({ phase: 'ready' }) }) };
export const LongText = {
  render: () => widget({ fill: states.conversation([mine('Why? '.repeat(80), 2), message('Because '.repeat(120), {}, 1)]) }),
};
export const RightToLeft = {
  render: () => html`<div dir="rtl" lang="ar">${widget({ locale: 'ar', fill: states.conversation([
    message('مرحبا! كيف يمكنني مساعدتك اليوم؟', {}, 5), mine('هل تشحنون إلى كندا؟', 4)]) })}</div>`,
};
export const Dark = { render: () => widget({ theme: 'dark', fill: states.conversation(everyContentType()) }) };
