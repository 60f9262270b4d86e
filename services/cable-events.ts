import type { ChatMessage, ConversationStore } from './conversation-store.js';
import type { CableEvent, Conversation, Message } from './types.js';

const AGENT_TYPING_TIMEOUT_MS = 30_000;

/**
 * Turns the cable's events into changes to the chat's state: new and updated messages, the conversation's
 * status, a conversation started elsewhere, the agent typing (cleared after 30 s without news) and the agents
 * online. New messages and conversations go through the session, which also settles the outbox.
 */
export class CableEventHandler {
  readonly store: ConversationStore;
  readonly #applyServerMessages: (messages: readonly Message[]) => void;
  readonly #adoptConversation: (conversation: Conversation) => void;
  #agentTypingTimer?: ReturnType<typeof setTimeout>;

  constructor(
    store: ConversationStore, applyServerMessages: (messages: readonly Message[]) => void,
    adoptConversation: (conversation: Conversation) => void,
  ) {
    this.store = store;
    this.#applyServerMessages = applyServerMessages;
    this.#adoptConversation = adoptConversation;
  }

  /** Applies one event from the cable. */
  handle(cableEvent: CableEvent): void {
    const active = this.store.state.conversation;
    switch (cableEvent.event) {
      case 'message.created':
        if (cableEvent.data.conversation_id !== active?.id) return;
        if (cableEvent.data.message_type !== 0) this.#setAgentTyping(undefined);
        return this.#applyServerMessages([cableEvent.data]);
      case 'message.updated':
        this.store.applyUpdate(cableEvent.data);
        return;
      case 'conversation.created':
        // a conversation started elsewhere (another tab or device) becomes the active one if there is none
        if (!active) this.#adoptConversation(cableEvent.data);
        return;
      case 'conversation.status_changed':
      case 'conversation.updated':
        if (active?.id === cableEvent.data.id) {
          this.store.patch({ conversation: { ...active, status: cableEvent.data.status } });
        }
        return;
      case 'conversation.typing_on':
      case 'conversation.typing_off': {
        // private-note typing is for agents only
        if (cableEvent.data.is_private || active?.id !== cableEvent.data.conversation.id) return;
        this.#setAgentTyping(cableEvent.event === 'conversation.typing_on' ? cableEvent.data.user : undefined);
        return;
      }
      case 'presence.update': {
        const online = Object.entries(cableEvent.data.users).filter(([, status]) => status === 'online').map(([id]) => Number(id));
        this.store.patch({ agentsOnline: online });
      }
    }
  }

  /** Stops the agent's typing timeout. */
  dispose(): void {
    clearTimeout(this.#agentTypingTimer);
  }

  #setAgentTyping(user: ChatMessage['sender']): void {
    clearTimeout(this.#agentTypingTimer);
    this.store.patch({ typing: user });
    if (user) this.#agentTypingTimer = setTimeout(() => this.store.patch({ typing: undefined }), AGENT_TYPING_TIMEOUT_MS);
  }
}
