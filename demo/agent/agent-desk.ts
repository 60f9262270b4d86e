// The console's data: the agent's profile, conversations and the open conversation's messages, kept live
// through the agent's RoomChannel subscription. The element renders it and calls its actions.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CableConnection, type CableStatus } from '../../services/cable-connection.js';
import { cableUrlFor } from '../../services/chat-session.js';
import type { CableEvent, Message } from '../../services/types.js';
import { AgentApi, type AgentProfile, type ConversationSummary, type OutgoingMessage, type StandInInfo } from './agent-api.js';
import { withChange, withMessage } from './conversation-list.js';
import { mergeMessages } from './message-view.js';
import { AgentTyping } from './typing.js';

export interface DeskState {
  profile?: AgentProfile;
  conversations: readonly ConversationSummary[];
  openId?: number;
  messages: readonly Message[];
  loadingMessages: boolean;
  connection: CableStatus;
  /** Conversations whose visitor is typing now. */
  typingIn: ReadonlySet<number>;
  error: string;
}

const INITIAL: DeskState = { conversations: [], messages: [], loadingMessages: false, connection: 'closed', typingIn: new Set(), error: '' };

export class AgentDesk implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #state: DeskState = INITIAL;
  #api?: AgentApi;
  #cable?: CableConnection;
  #typing?: AgentTyping;
  #refreshTimer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost) {
    (this.#host = host).addController(this);
  }

  get state(): DeskState {
    return this.#state;
  }

  get open(): ConversationSummary | undefined {
    return this.#state.conversations.find((summary) => summary.id === this.#state.openId);
  }

  hostDisconnected(): void {
    this.stop();
  }

  async start(info: StandInInfo): Promise<void> {
    this.stop();
    const api = (this.#api = new AgentApi(info));
    this.#typing = new AgentTyping(api, (error) => this.report(error));
    try {
      const profile = await api.profile();
      if (this.#api !== api) return;
      this.#set({ profile, error: '' });
      this.#connect(info, profile);
      await this.#refresh();
    } catch (error) {
      this.report(error);
    }
  }

  stop(): void {
    this.#typing?.stop();
    this.#cable?.dispose();
    clearTimeout(this.#refreshTimer);
    this.#typing = this.#cable = this.#api = undefined;
    this.#set({ connection: 'closed' });
  }

  async openConversation(id: number): Promise<void> {
    const api = this.#api;
    if (id === this.#state.openId || !api) return;
    this.#typing?.stop();
    this.#set({ openId: id, messages: [], loadingMessages: true, conversations: withChange(this.#state.conversations, id, { unreadCount: 0 }) });
    try {
      const messages = await api.messages(id);
      if (this.#state.openId !== id) return;
      this.#set({ messages: mergeMessages(this.#state.messages, messages), loadingMessages: false });
      await api.markSeen(id);
    } catch (error) {
      this.report(error);
    }
  }

  closeConversation(): void {
    this.#typing?.stop();
    this.#set({ openId: undefined, messages: [] });
  }

  /** Posts to the open conversation; false (and the error shown) when it failed. */
  async post(message: OutgoingMessage, files: readonly File[] = []): Promise<boolean> {
    const id = this.#state.openId;
    if (id === undefined || !this.#api) return false;
    this.#typing?.stop();
    try {
      const sent = await this.#api.send(id, message, files);
      if (sent) this.#receive(sent, true);
      this.#set({ error: '' });
      return true;
    } catch (error) {
      this.report(error);
      return false;
    }
  }

  /** Resolves the open conversation, or reopens it when it is resolved. */
  async toggleStatus(): Promise<void> {
    const open = this.open;
    if (!open || !this.#api) return;
    try {
      const status = await this.#api.setStatus(open.id, open.status === 'resolved' ? 'open' : 'resolved');
      this.#set({ conversations: withChange(this.#state.conversations, open.id, { status }) });
    } catch (error) {
      this.report(error);
    }
  }

  noteTyping(isPrivate: boolean): void {
    if (this.#state.openId !== undefined) this.#typing?.note(this.#state.openId, isPrivate);
  }

  stopTyping(): void {
    this.#typing?.stop();
  }

  #connect(info: StandInInfo, profile: AgentProfile): void {
    const cable = new CableConnection({
      url: cableUrlFor(info.url),
      identifier: { channel: 'RoomChannel', pubsub_token: profile.pubsubToken, account_id: info.accountId, user_id: profile.id },
    });
    cable.on('status', (connection) => this.#set({ connection }));
    cable.on('problem', (problem) => this.#set({ error: problem.message }));
    // after every confirmation, the first one too: what happened while not subscribed is fetched
    cable.on('subscribed', () => void this.#catchUp());
    cable.on('event', (event) => this.#handleEvent(event));
    this.#cable = cable;
    cable.connect();
  }

  async #catchUp(): Promise<void> {
    await this.#refresh();
    const id = this.#state.openId;
    if (id === undefined || !this.#api) return;
    try {
      const messages = await this.#api.messages(id);
      if (this.#state.openId === id) this.#set({ messages: mergeMessages(this.#state.messages, messages) });
    } catch (error) {
      this.report(error);
    }
  }

  async #refresh(): Promise<void> {
    try {
      if (this.#api) this.#set({ conversations: await this.#api.conversations() });
    } catch (error) {
      this.report(error);
    }
  }

  /** Several events often come together (a new conversation and its first message): one refetch. */
  #scheduleRefresh(): void {
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = setTimeout(() => void this.#refresh(), 100);
  }

  #handleEvent(event: CableEvent): void {
    switch (event.event) {
      case 'message.created':
      case 'message.updated':
        return this.#receive(event.data, event.event === 'message.created');
      case 'conversation.created':
        return this.#scheduleRefresh();
      case 'conversation.status_changed':
      case 'conversation.updated':
        if (!this.#state.conversations.some((summary) => summary.id === event.data.id)) return this.#scheduleRefresh();
        return this.#set({ conversations: withChange(this.#state.conversations, event.data.id, { status: event.data.status }) });
      case 'conversation.typing_on':
      case 'conversation.typing_off':
        if (event.data.user?.type !== 'contact') return;
        return this.#setVisitorTyping(event.data.conversation.id, event.event === 'conversation.typing_on');
      default:
    }
  }

  #receive(message: Message, created: boolean): void {
    const { openId, messages, conversations } = this.#state;
    const id = message.conversation_id;
    if (id === openId && (created || messages.some((held) => held.id === message.id))) {
      this.#set({ messages: mergeMessages(messages, [message]) });
    }
    const fromVisitor = created && message.message_type === 0;
    if (fromVisitor) this.#setVisitorTyping(id, false);
    if (fromVisitor && id === openId) this.#api?.markSeen(id).catch(() => undefined);
    const list = withMessage(conversations, message, created, openId);
    if (list) this.#set({ conversations: list });
    else if (created) this.#scheduleRefresh();
  }

  #setVisitorTyping(id: number, typing: boolean): void {
    if (this.#state.typingIn.has(id) === typing) return;
    const typingIn = new Set(this.#state.typingIn);
    if (typing) typingIn.add(id);
    else typingIn.delete(id);
    this.#set({ typingIn });
  }

  /** Shows what went wrong, in the console's alert. */
  report(error: unknown): void {
    this.#set({ error: error instanceof Error ? error.message : String(error), loadingMessages: false });
  }

  #set(patch: Partial<DeskState>): void {
    this.#state = { ...this.#state, ...patch };
    this.#host.requestUpdate();
  }
}
