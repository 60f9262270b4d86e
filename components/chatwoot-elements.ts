// The one-script-tag entry: registers every element and exposes the service layer for pages that drive a
// session themselves.
import './chat/chat.js';
import './launcher/launcher.js';
import './message/message.js';
import './message-list/message-list.js';
import './composer/composer.js';
import './contact-form/contact-form.js';
import './widget/widget.js';

export { CwChat } from './chat/chat.js';
export { CwLauncher } from './launcher/launcher.js';
export { CwMessage } from './message/message.js';
export { CwMessageList } from './message-list/message-list.js';
export { CwComposer } from './composer/composer.js';
export { CwContactForm } from './contact-form/contact-form.js';
export { CwWidget } from './widget/widget.js';
export * from '../services/index.js';
export { PageLifecycle } from './shared/page-lifecycle.js';
