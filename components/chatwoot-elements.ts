// The one-script-tag entry. It defines at once only what shows before the chat is opened (`cw-chat`,
// `cw-launcher`, `cw-widget`); the other elements load the first time a page uses their tag, and the session
// code loads when a chat opens (or at once for a returning visitor). Pages that drive a session themselves
// import `chatwoot-elements/services`.
import './chat/chat.js';
import './launcher/launcher.js';
import './widget/widget.js';
import { LazyElements } from './shared/lazy-define.js';

const lazyElements = new LazyElements({
  'cw-message-list': () => import('./message-list/message-list.js'),
  'cw-composer': () => import('./composer/composer.js'),
  'cw-contact-form': () => import('./contact-form/contact-form.js'),
  'cw-message': () => import('./message/message.js'),
});

/**
 * Defines every element at once. Only needed when parts go into a shadow root the kit cannot see before
 * its `<cw-chat>` fires an event; parts in the page itself are defined as soon as they appear.
 */
export function defineAll(): Promise<void> {
  return lazyElements.loadAll();
}

export { CwChat } from './chat/chat.js';
export { CwLauncher } from './launcher/launcher.js';
export { CwWidget } from './widget/widget.js';
