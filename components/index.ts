// The npm package's main entry (`import 'chatwoot-elements'`): registers every element at once, for apps
// that bundle the kit themselves. The one-script-tag drop-in is components/chatwoot-elements.ts, which
// defines the parts lazily instead. Importing this module touches no `window` or `document`, so it is safe
// in server rendering (Lit's Node build shims `customElements`).
export { CwChat } from './chat/chat.js';
export { CwLauncher } from './launcher/launcher.js';
export { CwMessageList } from './message-list/message-list.js';
export { CwMessage } from './message/message.js';
export { CwComposer } from './composer/composer.js';
export { CwContactForm } from './contact-form/contact-form.js';
export { CwWidget } from './widget/widget.js';
export { sessionContext, chatContext, stringsContext, type ChatHost } from './shared/context.js';
export type { CwEventDetail } from './shared/events.js';
export type { Strings } from './shared/strings.js';
