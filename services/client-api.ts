import { ApiError, parseRetryAfter } from './api-error.js';
import type {
  ContactAttributes, ContactModel, Conversation, CsatResponse, CsatSurvey, Identity, Message, PublicContact,
  PublicInbox, SubmittedValues,
} from './types.js';

const INBOX = '/public/api/v1/inboxes/{inbox_identifier}';
const CONTACT = `${INBOX}/contacts/{contact_identifier}`;
const CONVERSATION = `${CONTACT}/conversations/{conversation_id}`;
const CSAT = '/public/api/v1/csat_survey/{conversation_uuid}';

/** Every Client API route, by the ClientApi method that calls it (CLIENT_API.md §3, §11). */
export const CLIENT_API_ROUTES = {
  getInbox: ['GET', INBOX],
  createContact: ['POST', `${INBOX}/contacts`],
  getContact: ['GET', CONTACT],
  updateContact: ['PATCH', CONTACT],
  listConversations: ['GET', `${CONTACT}/conversations`],
  createConversation: ['POST', `${CONTACT}/conversations`],
  getConversation: ['GET', CONVERSATION],
  resolveConversation: ['POST', `${CONVERSATION}/toggle_status`],
  toggleTyping: ['POST', `${CONVERSATION}/toggle_typing`],
  updateLastSeen: ['POST', `${CONVERSATION}/update_last_seen`],
  listMessages: ['GET', `${CONVERSATION}/messages`],
  createMessage: ['POST', `${CONVERSATION}/messages`],
  updateMessage: ['PATCH', `${CONVERSATION}/messages/{message_id}`],
  getCsatSurvey: ['GET', CSAT],
  updateCsatSurvey: ['PATCH', CSAT],
} as const satisfies Record<string, readonly [string, string]>;

type RouteName = keyof typeof CLIENT_API_ROUTES;

/** How long to hold back after a 429 whose Retry-After the browser does not let us read. */
export const DEFAULT_RETRY_AFTER_MS = 2000;

export interface ClientApiOptions {
  /** Chatwoot's origin, e.g. `https://chat.example.com` (a trailing slash is ignored). */
  baseUrl: string;
  /** The API inbox's identifier. */
  inbox: string;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Injected for tests; defaults to `new XMLHttpRequest()` (used only for uploads, for their progress). */
  createXhr?: () => XMLHttpRequest;
  /** A request with no answer after this long fails with kind `timeout`. */
  timeoutMs?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface NewMessage {
  content: string;
  echoId: string;
  files?: readonly File[];
}

export interface UploadOptions extends RequestOptions {
  onProgress?: (loaded: number, total: number) => void;
}

/** The route's placeholders after the inbox, in order. */
type Params = readonly (string | number)[];
type Query = Record<string, string | number | undefined>;

interface Call extends RequestOptions {
  query?: Query;
}

/** One typed method per Client API route. Stateless apart from the `Retry-After` gate. */
export class ClientApi {
  readonly #options: Required<Pick<ClientApiOptions, 'timeoutMs'>> & ClientApiOptions;
  readonly #fetch: typeof fetch;
  #notBefore = 0;

  constructor(options: ClientApiOptions) {
    this.#options = { timeoutMs: 15_000, ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') };
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  get baseUrl(): string {
    return this.#options.baseUrl;
  }

  get inbox(): string {
    return this.#options.inbox;
  }

  getInbox(options?: RequestOptions): Promise<PublicInbox> {
    return this.#call('getInbox', [], undefined, options);
  }

  createContact(attributes: ContactAttributes & Partial<Identity> & { source_id?: string }): Promise<PublicContact> {
    return this.#call('createContact', [], attributes);
  }

  /** With an identity, a valid hash marks this contact session verified (CLIENT_API.md §7). */
  getContact(contact: string, identity?: Identity): Promise<PublicContact> {
    return this.#call('getContact', [contact], undefined, { query: { ...identity } });
  }

  updateContact(contact: string, attributes: ContactAttributes & Partial<Identity>): Promise<ContactModel> {
    return this.#call('updateContact', [contact], attributes);
  }

  listConversations(contact: string): Promise<Conversation[]> {
    return this.#call('listConversations', [contact]);
  }

  createConversation(contact: string, customAttributes?: Record<string, unknown>): Promise<Conversation> {
    return this.#call('createConversation', [contact], customAttributes ? { custom_attributes: customAttributes } : {});
  }

  getConversation(contact: string, conversation: number): Promise<Conversation> {
    return this.#call('getConversation', [contact, conversation]);
  }

  /** `toggle_status`: despite its name it only ever resolves. */
  resolveConversation(contact: string, conversation: number): Promise<Conversation> {
    return this.#call('resolveConversation', [contact, conversation]);
  }

  async toggleTyping(contact: string, conversation: number, status: 'on' | 'off'): Promise<void> {
    await this.#call('toggleTyping', [contact, conversation], { typing_status: status });
  }

  async updateLastSeen(contact: string, conversation: number): Promise<void> {
    await this.#call('updateLastSeen', [contact, conversation]);
  }

  /** The latest 20 messages, or the 20 before `before` (a message id); oldest first. */
  listMessages(contact: string, conversation: number, before?: number, options?: RequestOptions): Promise<Message[]> {
    return this.#call('listMessages', [contact, conversation], undefined, { query: { before }, ...options });
  }

  createMessage(contact: string, conversation: number, message: NewMessage, options: UploadOptions = {}): Promise<Message> {
    const params = [contact, conversation];
    if (message.files?.length) return this.#upload(this.#url('createMessage', params), message, options);
    return this.#call('createMessage', params, { content: message.content, echo_id: message.echoId }, options);
  }

  /** Answers an interactive message (select, form, CSAT: CLIENT_API.md §5.11). */
  updateMessage(contact: string, conversation: number, message: number, values: SubmittedValues): Promise<Message> {
    return this.#call('updateMessage', [contact, conversation, message], { submitted_values: values });
  }

  getCsatSurvey(conversationUuid: string): Promise<CsatSurvey> {
    return this.#call('getCsatSurvey', [conversationUuid]);
  }

  updateCsatSurvey(conversationUuid: string, response: CsatResponse): Promise<CsatSurvey> {
    return this.#call('updateCsatSurvey', [conversationUuid], { message: { submitted_values: { csat_survey_response: response } } });
  }

  #url(route: RouteName, params: Params, query: Query = {}): string {
    let next = 0;
    const path = CLIENT_API_ROUTES[route][1].replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(name === 'inbox_identifier' ? this.#options.inbox : params[next++]));
    const search = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined) as string[][]);
    return `${this.#options.baseUrl}${path}${search.size ? `?${search}` : ''}`;
  }

  async #call<T>(route: RouteName, params: Params = [], body?: unknown, { query, signal }: Call = {}): Promise<T> {
    const [method] = CLIENT_API_ROUTES[route];
    const url = this.#url(route, params, query);
    const send = () => this.#send(method, url, JSON.stringify(body), signal) as Promise<T>;
    try {
      return await send();
    } catch (error) {
      // reads are safe to repeat once the server's Retry-After has passed
      if (method === 'GET' && error instanceof ApiError && error.status === 429) return send();
      throw error;
    }
  }

  async #send(method: string, url: string, body: string | undefined, signal: AbortSignal | undefined): Promise<unknown> {
    const what = `${method} ${url}`;
    await this.#waitForRetryAfter(signal, what);
    // an abort's reason is the kind of failure it is (none until aborted)
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort('timeout'), this.#options.timeoutMs);
    const cancel = () => controller.abort('aborted');
    if (signal?.aborted) cancel();
    signal?.addEventListener('abort', cancel);
    const headers: HeadersInit = body ? { ...ACCEPT_JSON, 'content-type': 'application/json' } : ACCEPT_JSON;
    try {
      const response = await this.#fetch(url, { method, signal: controller.signal, headers, body });
      return this.#read(response.status, await response.text(), response.headers.get('retry-after'), what);
    } catch (error) {
      throw error instanceof ApiError ? error : noAnswer(controller.signal.reason ?? 'network', what, error);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
    }
  }

  #read<T = unknown>(status: number, text: string, retryAfter: string | null, what: string): T {
    // Chatwoot's CORS rule exposes no headers, so cross-origin a 429's Retry-After is usually unreadable
    const retryAfterMs = parseRetryAfter(retryAfter) ?? (status === 429 ? DEFAULT_RETRY_AFTER_MS : undefined);
    if (retryAfterMs !== undefined && (status === 429 || status === 503)) {
      // a monotonic clock: a wall-clock jump must not turn a 3 s pause into an hour
      this.#notBefore = Math.max(this.#notBefore, performance.now() + retryAfterMs);
    }
    if (status < 200 || status >= 300) {
      throw new ApiError('http', status, text, `${what} answered ${status}`, retryAfterMs);
    }
    if (!text.trim()) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError('invalid-response', status, text, `${what} answered ${status} with a body that is not JSON`);
    }
  }

  async #waitForRetryAfter(signal: AbortSignal | undefined, what: string): Promise<void> {
    const wait = this.#notBefore - performance.now();
    if (wait <= 0) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, wait);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(noAnswer('aborted', what));
      }, { once: true });
    });
  }

  #upload(url: string, message: NewMessage, options: UploadOptions): Promise<Message> {
    const form = new FormData();
    form.append('content', message.content);
    form.append('echo_id', message.echoId);
    for (const file of message.files ?? []) form.append('attachments[]', file, file.name);
    const what = `POST ${url}`;
    return this.#waitForRetryAfter(options.signal, what).then(() => new Promise<Message>((resolve, reject) => {
      const request = this.#options.createXhr?.() ?? new XMLHttpRequest();
      request.open('POST', url);
      request.timeout = this.#options.timeoutMs * 4;
      request.setRequestHeader('accept', 'application/json');
      request.upload.addEventListener('progress', (event) => options.onProgress?.(event.loaded, event.total));
      request.addEventListener('load', () => {
        try {
          resolve(this.#read<Message>(request.status, request.responseText, exposedRetryAfter(request), what));
        } catch (error) {
          reject(error);
        }
      });
      for (const [type, kind] of XHR_FAILURES) request.addEventListener(type, () => reject(noAnswer(kind, what, 'network error')));
      options.signal?.addEventListener('abort', () => request.abort(), { once: true });
      // cancelled while the contact or conversation was still being created: never send it
      if (options.signal?.aborted) reject(noAnswer('aborted', what));
      else request.send(form);
    }));
  }
}

const ACCEPT_JSON = { accept: 'application/json' };

/** The XHR events that end an upload without an answer, and the kind of failure each one is. */
const XHR_FAILURES = [['error', 'network'], ['timeout', 'timeout'], ['abort', 'aborted']] as const;

/** No usable HTTP answer: the network failed, the time ran out, or the caller cancelled. */
function noAnswer(kind: 'network' | 'timeout' | 'aborted', what: string, cause?: unknown): ApiError {
  return new ApiError(kind, 0, '', `${what} failed (${kind === 'network' ? String(cause) : kind})`);
}

/**
 * The upload's Retry-After, when the browser lets the page read it. `getResponseHeader` logs an error for a
 * header the server did not expose cross-origin (Chatwoot exposes none); the list of all readable ones does not.
 */
function exposedRetryAfter(request: XMLHttpRequest): string | null {
  return /^retry-after:(.*)/im.exec(request.getAllResponseHeaders())?.[1].trim() ?? null;
}
