// Shared tools for the delivery-contract tests (RELIABILITY.md §2–§3): a real ChatSession against the
// stand-in, with the browser's own WebSocket and fetch wrapped only to record what went over the wire.
import { ChatSession, type ChatSessionOptions, type Lifecycle } from '../../services/chat-session.js';
import type { ChatMessage } from '../../services/conversation-store.js';
import type { KeyValueStorage } from '../../services/session-storage.js';
import { freshInbox, standIn, stats, waitFor, type Stats } from '../helpers/stand-in.js';
import { mode, type ReliabilityMode } from './mode.js';

/** One WebSocket the kit created: when, and every frame it sent and the confirmations it heard. */
export interface SocketRecord {
  socket: WebSocket;
  createdAt: number;
  openedAt?: number;
  closedAt?: number;
  confirmedAt?: number;
  /** When the last frame from the server arrived. */
  lastFrameAt?: number;
  /** Sockets of the same recorder still CONNECTING or OPEN when this one was created. */
  liveAtCreation: number;
  sent: { at: number; command: string; identifier: string }[];
}

/** A WebSocket class for the kit that records each socket it creates in `records` (the network stays real). */
export function recordingWebSocket(records: SocketRecord[]): typeof WebSocket {
  return class RecordingWebSocket extends WebSocket {
    readonly #record: SocketRecord;
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      const live = records.filter((item) => item.socket.readyState <= WebSocket.OPEN).length;
      this.#record = { socket: this, createdAt: performance.now(), liveAtCreation: live, sent: [] };
      const record = this.#record;
      records.push(record);
      // registered before the kit's own listeners, so a confirmation is stamped before the kit reacts to it
      this.addEventListener('open', () => (record.openedAt = performance.now()));
      this.addEventListener('close', () => (record.closedAt = performance.now()));
      this.addEventListener('message', (event: MessageEvent) => {
        record.lastFrameAt = performance.now();
        if (typeof event.data === 'string' && event.data.includes('"confirm_subscription"')) record.confirmedAt ??= performance.now();
      });
    }

    override send(data: Parameters<WebSocket["send"]>[0]): void {
      if (typeof data === 'string') {
        const frame = JSON.parse(data) as { command: string; identifier: string };
        this.#record.sent.push({ at: performance.now(), command: frame.command, identifier: frame.identifier });
      }
      super.send(data);
    }
  };
}

/** A fetch for the kit that records each request's method and URL. */
export function recordingFetch(log: { method: string; url: string; at: number }[]): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    log.push({ method: init?.method ?? 'GET', url, at: performance.now() });
    return fetch(input, init);
  };
}

/** A lifecycle the test drives by hand. */
export class ManualLifecycle implements Lifecycle {
  online = true;
  readonly #listeners = new Set<(event: 'resume' | 'online' | 'offline') => void>();
  subscribe(listener: (event: 'resume' | 'online' | 'offline') => void) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  fire(event: 'resume' | 'online' | 'offline') {
    this.online = event !== 'offline';
    for (const listener of [...this.#listeners]) listener(event);
  }
}

/** Web Storage in a Map whose keys can be listed (a storage diff without touching the page's localStorage). */
export class ListedStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

export interface Subject {
  session: ChatSession;
  inbox: string;
  sockets: SocketRecord[];
  requests: { method: string; url: string; at: number }[];
}

const created: ChatSession[] = [];

/** A started session on a fresh inbox (or `options.inbox`), recording its sockets and requests. */
export async function startSubject(options: Partial<ChatSessionOptions> = {}): Promise<Subject> {
  const { url } = await standIn();
  const inbox = options.inbox ?? (await freshInbox()).inboxIdentifier;
  const sockets: SocketRecord[] = [];
  const requests: Subject['requests'] = [];
  const session = new ChatSession({
    baseUrl: url, storage: new ListedStorage(), WebSocket: recordingWebSocket(sockets), fetch: recordingFetch(requests),
    ...options, inbox,
  });
  created.push(session);
  await session.start();
  return { session, inbox, sockets, requests };
}

/** Disposes every session made by startSubject (call in afterEach). */
export function disposeSubjects(): void {
  for (const session of created.splice(0)) session.dispose();
}

/** Sends a first message and waits for it to be stored and for the connection to be live; the conversation id. */
export async function liveConversation(session: ChatSession, text = 'start'): Promise<number> {
  await session.send(text);
  const mine = await waitFor(() => session.store.state.messages.find((message) => message.id && message.content === text), 'the first message');
  await waitFor(() => session.store.state.connection === 'open', 'the live connection');
  return mine.conversation_id;
}

export const agentMessages = (session: ChatSession): ChatMessage[] =>
  session.store.state.messages.filter((message) => message.message_type === 1);

/** Messages out of server order `(created_at, id)`, as index pairs; empty when in order. */
export function outOfOrder(messages: readonly ChatMessage[]): number[] {
  const held = messages.filter((message) => message.id !== undefined);
  return held.flatMap((message, index) => {
    const next = held[index + 1];
    if (!next) return [];
    const before = message.created_at < next.created_at || (message.created_at === next.created_at && message.id! < next.id!);
    return before ? [] : [index];
  });
}

export function duplicateIds(messages: readonly ChatMessage[]): number[] {
  const seen = new Set<number>();
  return messages.flatMap((message) => {
    if (message.id === undefined) return [];
    if (seen.has(message.id)) return [message.id];
    seen.add(message.id);
    return [];
  });
}

/** Window errors and unhandled rejections while the test runs. */
export function watchErrors(): { errors: string[]; stop: () => void } {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Runs a randomized check; a failure names its seed so the run can be repeated. */
export async function withSeed<T>(seed: number, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error) error.message = `[seed ${seed}] ${error.message}`;
    throw error;
  }
}

/** mulberry32: a small seeded PRNG in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Long-run settings from `npm run test:soak` (scripts/soak.mjs serves mode.ts); the quick set otherwise. */
export function reliabilityMode(): Promise<ReliabilityMode> {
  return Promise.resolve(mode);
}

/** A route's request count in the stand-in's counters. */
export const requestsOf = (counts: Stats, route: string) => counts.requests[route] ?? 0;

/** Runs `action` with `Date.now` shifted by `offsetMs` (performance.now is left alone), then restores it. */
export async function withClockOffset<T>(offsetMs: number | (() => number), action: () => Promise<T>): Promise<T> {
  const realNow = Date.now;
  const offset = typeof offsetMs === 'number' ? () => offsetMs : offsetMs;
  Date.now = () => realNow.call(Date) + offset();
  try {
    return await action();
  } finally {
    Date.now = realNow;
  }
}

export { stats, waitFor };
