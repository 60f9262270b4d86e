// What `<cw-chat>` loads to start a session, in one import: the session and the page events it listens to.
// The build puts this module, and everything it brings, in the `session` chunk.
export { ChatSession } from '../../services/chat-session.js';
export { PageLifecycle } from './page-lifecycle.js';
