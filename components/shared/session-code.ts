// What `<cw-chat>` loads to start a session, in one import: the session and the page events it listens to;
// also how the widget words an error, so that no other module of the chunk needs a namespace of its own.
// The build puts this module, and everything it brings, in the `session` chunk.
export { ChatSession } from '../../services/chat-session.js';
export { describeError } from '../../services/api-error.js';
export { PageLifecycle } from './page-lifecycle.js';
