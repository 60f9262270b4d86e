// Storybook (CSF 3) stories of <cw-chat> with its parts. The chat creates its own session: with
// `contact="on-send"` opening it sends no request, and fillWhenStarted fills that session's store by hand.
// Its address is one where nothing listens, so sending fails (and shows so).
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../components/chat/chat.js';
import '../components/launcher/launcher.js';
import '../components/message-list/message-list.js';
import '../components/composer/composer.js';
import '../components/contact-form/contact-form.js';
import { everyContentType, fillWhenStarted, message, mine, NOWHERE, states, storyStyles, type Fill } from './with-session.js';

interface Options { fill?: Fill; theme?: '' | 'light' | 'dark'; locale?: string; disabled?: boolean; form?: boolean }

/** An open chat on a session filled by `fill`, with a list, a composer and a launcher. */
function openChat({ fill = states.empty, theme = '', locale = '', disabled = false, form = false }: Options = {}) {
  return html`${storyStyles}<style>cw-launcher { position: static; margin-block-start: 8px; }</style>
    <cw-chat base-url=${NOWHERE} inbox="story" storage="none" contact="on-send" open theme=${theme} locale=${locale} ${ref(fillWhenStarted(fill))}>
      <div class="story-box">
        ${form ? html`<cw-contact-form required></cw-contact-form>` : ''}
        <cw-message-list></cw-message-list>
        <cw-composer ?disabled=${disabled}></cw-composer>
      </div>
      <cw-launcher></cw-launcher>
    </cw-chat>`;
}

export default {
  title: 'Elements/cw-chat',
  component: 'cw-chat',
  render: () => openChat({ fill: states.conversation(everyContentType()) }),
};

export const EveryContentType = {};
export const Empty = { render: () => openChat() };
export const Loading = { render: () => openChat({ fill: states.loading }) };
export const SessionError = { render: () => openChat({ fill: states.error }) };
/** A real failure: the default contact mode starts the session on opening, and the server is unreachable. */
export const Unreachable = {
  render: () => html`${storyStyles}<cw-chat base-url=${NOWHERE} inbox="story" storage="none" open>
    <div class="story-box"><cw-message-list></cw-message-list><cw-composer></cw-composer></div></cw-chat>`,
};
export const ConfigurationMissing = { render: () => html`${storyStyles}<cw-chat><cw-launcher></cw-launcher></cw-chat>` };
export const ComposerDisabled = { render: () => openChat({ fill: states.conversation([message('The conversation was resolved.')]), disabled: true }) };
export const PreChatFormRequired = { render: () => openChat({ form: true, fill: (session) => session.store.patch({ phase: 'ready' }) }) };
export const LongText = {
  render: () => openChat({ fill: states.conversation([
    mine('Hello'.repeat(60), 3), message(`${'A long answer with many words in it. '.repeat(25)}`, {}, 2),
  ]) }),
};
export const RightToLeft = {
  render: () => html`<div dir="rtl" lang="ar">${openChat({ locale: 'ar', fill: states.conversation([
    message('مرحبا! كيف يمكنني مساعدتك اليوم؟', {}, 5), mine('هل تشحنون إلى كندا؟', 4)]) })}</div>`,
};
export const Dark = {
  render: () => html`<div class="story-dark">${openChat({ theme: 'dark', fill: states.conversation(everyContentType()) })}</div>`,
};
