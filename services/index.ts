// chatwoot-elements/services: the service layer alone, with no DOM and no element registration.
export { ApiError, describeError, parseRetryAfter, type ApiErrorKind } from './api-error.js';
export { CableConnection, CABLE_PROTOCOL, cableUrlFor, type CableStatus, type CableProblem, type CableConnectionOptions } from './cable-connection.js';
export { ChatSession, type ChatSessionOptions, type Lifecycle, type SessionEvents } from './chat-session.js';
export { ClientApi, CLIENT_API_ROUTES, type ClientApiOptions, type NewMessage } from './client-api.js';
export { ContactManager } from './contact-manager.js';
export {
  ConversationStore, type ChatError, type ChatMessage, type ChatNotice, type ChatState, type Delivery,
} from './conversation-store.js';
export { Outbox, OutboxFullError, OUTBOX_LIMIT, type OutboxEntry, type OutboxState } from './outbox.js';
export { MemoryStorage, SessionStorage, type Credentials, type KeyValueStorage } from './session-storage.js';
export { reconnectDelay } from './backoff.js';
export type * from './types.js';
