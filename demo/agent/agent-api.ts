// The agent side of Chatwoot (shared/chatwoot/AGENT_API.md): one method per route the console uses.
import { isRecord, readMessage } from '../../services/validate.js';
import type { ConversationStatus, Message } from '../../services/types.js';

/** What `GET /__standin/info` answers (the stand-in's details). */
export interface StandInInfo {
  url: string;
  inboxIdentifier: string;
  accountId: number;
  agentToken: string;
  hmacToken?: string;
}

export interface AgentProfile {
  id: number;
  pubsubToken: string;
  name: string;
}

/** The parts of a conversation (A§3.2) the list shows. */
export interface ConversationSummary {
  id: number;
  status: ConversationStatus;
  contactName: string;
  lastMessage?: Message;
  unreadCount: number;
}

/** The body of `POST …/messages` (A§4.1). */
export interface OutgoingMessage {
  content: string;
  message_type?: 'outgoing' | 'template';
  private?: boolean;
  content_type?: string;
  content_attributes?: Record<string, unknown>;
}

export class AgentApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'AgentApiError';
  }
}

const STATUSES: readonly string[] = ['open', 'resolved', 'pending', 'snoozed'];
const readStatus = (value: unknown): ConversationStatus => (STATUSES.includes(String(value)) ? value : 'open') as ConversationStatus;

function readSummary(value: unknown): ConversationSummary | undefined {
  if (!isRecord(value) || !Number.isSafeInteger(value.id)) return undefined;
  const sender = isRecord(value.meta) && isRecord(value.meta.sender) ? value.meta.sender : {};
  const latest = value.last_non_activity_message ?? (Array.isArray(value.messages) ? value.messages.at(-1) : undefined);
  return {
    id: value.id as number,
    status: readStatus(value.status),
    contactName: typeof sender.name === 'string' ? sender.name : '',
    lastMessage: readMessage(latest),
    unreadCount: Number.isSafeInteger(value.unread_count) ? (value.unread_count as number) : 0,
  };
}

const defined = <T>(value: T | undefined): value is T => value !== undefined;

function multipart(message: OutgoingMessage, files: readonly File[]): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(message)) {
    if (value !== undefined) form.append(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  for (const file of files) form.append('attachments[]', file, file.name);
  return form;
}

export class AgentApi {
  readonly #info: StandInInfo;

  constructor(info: StandInInfo) {
    this.#info = info;
  }

  async profile(): Promise<AgentProfile> {
    const profile = await this.#request<Record<string, unknown>>('GET', '/api/v1/profile');
    if (!Number.isSafeInteger(profile.id) || typeof profile.pubsub_token !== 'string') {
      throw new AgentApiError(0, 'The profile has no id or pubsub_token');
    }
    const name = profile.available_name ?? profile.name;
    return { id: profile.id as number, pubsubToken: profile.pubsub_token, name: typeof name === 'string' ? name : '' };
  }

  /** Every conversation of the account, latest activity first (the first page of 25). */
  async conversations(): Promise<ConversationSummary[]> {
    const answer = await this.#request<{ data?: { payload?: unknown[] } }>('GET', this.#account('/conversations?status=all'));
    return (answer.data?.payload ?? []).map(readSummary).filter(defined);
  }

  /** The latest 20 messages, oldest first, private notes and activity included. */
  async messages(conversationId: number): Promise<Message[]> {
    const answer = await this.#request<{ payload?: unknown[] }>('GET', this.#account(`/conversations/${conversationId}/messages`));
    return (answer.payload ?? []).map(readMessage).filter(defined);
  }

  /** With files, the body is multipart: the fields next to one `attachments[]` part per file (A§4.1). */
  async send(conversationId: number, message: OutgoingMessage, files: readonly File[] = []): Promise<Message | undefined> {
    const path = this.#account(`/conversations/${conversationId}/messages`);
    const answer = await this.#request('POST', path, files.length ? multipart(message, files) : message);
    return readMessage(answer);
  }

  async setStatus(conversationId: number, status: ConversationStatus): Promise<ConversationStatus> {
    const path = this.#account(`/conversations/${conversationId}/toggle_status`);
    const answer = await this.#request<{ payload?: { current_status?: unknown } }>('POST', path, { status });
    return readStatus(answer.payload?.current_status ?? status);
  }

  async typing(conversationId: number, on: boolean, isPrivate: boolean): Promise<void> {
    const path = this.#account(`/conversations/${conversationId}/toggle_typing_status`);
    await this.#request('POST', path, { typing_status: on ? 'on' : 'off', is_private: isPrivate });
  }

  async markSeen(conversationId: number): Promise<void> {
    await this.#request('POST', this.#account(`/conversations/${conversationId}/update_last_seen`));
  }

  #account(path: string): string {
    return `/api/v1/accounts/${this.#info.accountId}${path}`;
  }

  async #request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const form = body instanceof FormData;
    const response = await fetch(new URL(path, this.#info.url), {
      method,
      // a FormData body sets its own multipart content type
      headers: form ? { api_access_token: this.#info.agentToken } : { 'content-type': 'application/json', api_access_token: this.#info.agentToken },
      body: form ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new AgentApiError(response.status, `${method} ${path} answered ${response.status}: ${text.slice(0, 200)}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
}
