import ReconnectingWebSocket from 'reconnecting-websocket';
import { reconnectDelay, type ReconnectCause } from './backoff.js';
import { Emitter } from './emitter.js';
import { isRecord, readCableEvent } from './validate.js';
import type { CableEvent } from './types.js';

export const CABLE_PROTOCOL = 'actioncable-v1-json';

export type CableStatus = 'connecting' | 'open' | 'closed';

export interface CableProblem {
  /** `ended`: the server said not to reconnect; `subscription-failed`: no confirmation came;
   *  `rejected`: the server refused the subscription; `subprotocol`: the server does not speak ActionCable;
   *  `unreachable`: several handshakes in a row failed (server down, a proxy without websockets, or a server
   *  that selects no subprotocol: browsers report all three alike). */
  code: 'ended' | 'subscription-failed' | 'rejected' | 'subprotocol' | 'unreachable';
  message: string;
}

export interface CableEvents {
  status: CableStatus;
  /** The subscription was confirmed; `reconnected` when it was confirmed before on an earlier socket. */
  subscribed: { reconnected: boolean };
  event: CableEvent;
  problem: CableProblem;
}

export interface CableConnectionOptions {
  /** `ws(s)://host/cable`. */
  url: string;
  /** The subscription identifier, e.g. `{ channel: 'RoomChannel', pubsub_token }`; key order is kept. */
  identifier: Record<string, unknown>;
  /** Injected for tests; defaults to the global WebSocket. */
  WebSocket?: typeof WebSocket;
  /** Monotonic clock in ms; injected for tests. */
  now?: () => number;
  random?: () => number;
  staleAfterMs?: number;
  presenceEveryMs?: number;
  subscribeRetryMs?: number;
  subscribeGiveUpMs?: number;
  connectTimeoutMs?: number;
}

type Phase = 'idle' | 'connecting' | 'welcomed' | 'subscribed' | 'ended';

/** Failed handshakes in a row after which the visitor is told live updates cannot connect. */
const UNREACHABLE_AFTER_FAILURES = 3;

/** A page event may open a socket at once instead of waiting out the backoff, but not more often than this. */
const FORCED_ATTEMPT_EVERY_MS = 1000;

/**
 * The ActionCable protocol over reconnecting-websocket, for one subscription: subscribes after each
 * `welcome`, declares the socket stale after 5.5 s without a frame, retries with jittered backoff, performs
 * `update_presence` every 20 s, and ignores (and counts) frames it cannot use.
 */
export class CableConnection {
  readonly #options: Required<Omit<CableConnectionOptions, 'WebSocket'>> & Pick<CableConnectionOptions, 'WebSocket'>;
  readonly #identifier: string;
  readonly #emitter = new Emitter<CableEvents>();
  #socket?: ReconnectingWebSocket;
  #phase: Phase = 'idle';
  #status: CableStatus = 'closed';
  #lastFrameAt = 0;
  #subscribesOnSocket = 0;
  #everSubscribed = false;
  /** Attempts since the last confirmed subscription: the backoff grows with it, whatever RWS counts. */
  #retries = 0;
  #cause: ReconnectCause = 'drop';
  #lastForcedAt = -Infinity;
  #malformed = 0;
  /** Handshakes failed in a row; -1 while the socket that opened last has not closed. */
  #failedHandshakes = 0;
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #staleTimer?: ReturnType<typeof setTimeout>;
  #reopenTimer?: ReturnType<typeof setTimeout>;

  constructor(options: CableConnectionOptions) {
    this.#options = {
      now: () => performance.now(),
      random: Math.random,
      // Chatwoot pings every 3 s: one ping missed and 2.5 s more, so a silent server is noticed within 6 s
      staleAfterMs: 5500,
      presenceEveryMs: 20_000,
      subscribeRetryMs: 5000,
      subscribeGiveUpMs: 10_000,
      connectTimeoutMs: 10_000,
      ...options,
    };
    this.#identifier = JSON.stringify(options.identifier);
  }

  get status(): CableStatus {
    return this.#status;
  }

  /** Frames that could not be used: not JSON, not a known shape, or for another subscription. */
  get malformedCount(): number {
    return this.#malformed;
  }

  on<K extends keyof CableEvents>(type: K, listener: (detail: CableEvents[K]) => void): () => void {
    return this.#emitter.on(type, listener);
  }

  connect(): void {
    if (!this.#stopped) return;
    this.#connecting();
    this.#openSocket();
    if (this.#staleTimer === undefined) this.#armStaleCheck();
  }

  /** Sends an action on the confirmed subscription; false (and nothing sent) when not confirmed. */
  perform(action: string, data: Record<string, unknown> = {}): boolean {
    if (this.#phase !== 'subscribed') return false;
    return this.#send({ command: 'message', identifier: this.#identifier, data: JSON.stringify({ ...data, action }) });
  }

  /**
   * Called on resume, online and pageshow: reopens a socket that went stale, and opens one at once when the
   * last attempt failed and the backoff is still waiting (but not during a deliberate pause, and at most
   * once a second).
   */
  checkLiveness(): void {
    if (this.#stopped) return;
    const state = this.#socket?.readyState;
    if (state === ReconnectingWebSocket.OPEN) return this.#checkStale();
    const waiting = state === ReconnectingWebSocket.CLOSED && this.#reopenTimer === undefined;
    if (waiting && this.#options.now() - this.#lastForcedAt >= FORCED_ATTEMPT_EVERY_MS) {
      this.#lastForcedAt = this.#options.now();
      this.#openSocket();
    }
  }

  /** An open socket that heard nothing for `staleAfterMs` is replaced. */
  #checkStale(): void {
    if (this.#stopped || this.#socket?.readyState !== ReconnectingWebSocket.OPEN) return;
    if (this.#options.now() - this.#lastFrameAt >= this.#options.staleAfterMs) this.#reopen();
  }

  /** Checks when the socket would turn stale if no frame came meanwhile: one timer, not a poll. */
  #armStaleCheck(): void {
    const due = this.#lastFrameAt + this.#options.staleAfterMs - this.#options.now();
    this.#staleTimer = setTimeout(() => {
      this.#checkStale();
      this.#armStaleCheck();
    }, due > 0 ? due + 1 : this.#options.staleAfterMs);
  }

  disconnect(): void {
    this.#phase = 'idle';
    this.#stopTimers();
    this.#clearReopen();
    clearTimeout(this.#staleTimer);
    this.#staleTimer = undefined;
    this.#socket?.close();
    this.#setStatus('closed');
  }

  dispose(): void {
    this.disconnect();
    this.#emitter.clear();
    this.#socket = undefined;
  }

  /** A fresh socket after `delayMs` (a stale one at once), the current one closed now. */
  #reopen(delayMs = 0): void {
    this.#stopTimers();
    this.#connecting();
    this.#socket?.close();
    // kept apart from #timers: the close event that follows clears those
    this.#clearReopen();
    this.#reopenTimer = setTimeout(() => {
      this.#reopenTimer = undefined;
      this.#openSocket();
    }, delayMs);
  }

  #clearReopen(): void {
    clearTimeout(this.#reopenTimer);
    this.#reopenTimer = undefined;
  }

  /**
   * A new reconnecting socket, connecting now. The previous one is detached and closed first: closing RWS
   * while it waits out a delay can leave its connect lock held (RWS #141), so it is never reused.
   */
  #openSocket(): void {
    const previous = this.#socket;
    if (previous) {
      previous.onopen = previous.onmessage = previous.onclose = null;
      previous.close();
    }
    const cable = this;
    const socket = new ReconnectingWebSocket(this.#options.url, [CABLE_PROTOCOL, 'actioncable-unsupported'], {
      WebSocket: this.#options.WebSocket,
      // never replay frames on a new socket before its subscribe (RELIABILITY.md §1.4)
      maxEnqueuedMessages: 0,
      connectionTimeout: this.#options.connectTimeoutMs,
      maxReconnectionDelay: 30_000,
      reconnectionDelayGrowFactor: 1,
      startClosed: true,
      // RWS reads this before every attempt and uses it only when it counts the attempt as a retry
      get minReconnectionDelay() {
        return socket.retryCount && reconnectDelay(++cable.#retries, cable.#options.random, cable.#cause);
      },
    });
    socket.onopen = () => this.#handleOpen();
    socket.onmessage = (event) => this.#handleFrame(event.data);
    socket.onclose = () => this.#handleClose();
    this.#socket = socket;
    socket.reconnect();
  }

  #handleOpen(): void {
    this.#failedHandshakes = -1;
    this.#lastFrameAt = this.#options.now();
    this.#subscribesOnSocket = 0;
    if (this.#socket?.protocol !== CABLE_PROTOCOL) {
      this.#problem('subprotocol', `${this.#options.url} did not accept ${CABLE_PROTOCOL}`);
      this.#reopen(30_000);
    }
  }

  #handleClose(): void {
    if (this.#stopped) return;
    if (++this.#failedHandshakes === UNREACHABLE_AFTER_FAILURES) {
      this.#problem('unreachable', `${this.#options.url} failed ${UNREACHABLE_AFTER_FAILURES} handshakes in a row`);
    }
    this.#stopTimers();
    this.#connecting();
  }

  #connecting(): void {
    this.#phase = 'connecting';
    this.#setStatus('connecting');
  }

  #handleFrame(raw: unknown): void {
    this.#lastFrameAt = this.#options.now();
    // a frame that is not a JSON object, or of an unknown type, ends up counted below
    const frame = parseFrame(raw);
    const ours = frame?.identifier === this.#identifier;
    switch (frame?.type) {
      case 'welcome':
        return this.#subscribe();
      case 'ping':
        return;
      case 'confirm_subscription':
        if (ours) return this.#handleConfirm();
        break;
      case 'reject_subscription':
        if (ours) return this.#handleReject();
        break;
      case 'disconnect':
        return this.#handleDisconnect(frame.reconnect !== false, String(frame.reason ?? ''));
      case undefined: {
        const event = ours && this.#phase === 'subscribed' ? readCableEvent(frame.message) : undefined;
        if (event) return this.#emitter.emit('event', event);
      }
    }
    this.#malformed++;
  }

  get #stopped(): boolean {
    return this.#phase === 'idle' || this.#phase === 'ended';
  }

  #problem(code: CableProblem['code'], message: string): void {
    this.#emitter.emit('problem', { code, message });
  }

  #subscribe(): void {
    if (this.#phase === 'subscribed' || this.#subscribesOnSocket >= 2) return;
    this.#phase = 'welcomed';
    this.#subscribesOnSocket++;
    this.#send({ command: 'subscribe', identifier: this.#identifier });
    if (this.#subscribesOnSocket > 1) return;
    // Rails ignores a repeated subscribe on one socket, so one retry, then a fresh socket
    this.#later(this.#options.subscribeRetryMs, () => {
      if (this.#phase === 'welcomed') this.#subscribe();
    });
    this.#later(this.#options.subscribeGiveUpMs, () => {
      if (this.#phase === 'welcomed') this.#giveUp('subscription-failed', 'The subscription was not confirmed', 0);
    });
  }

  #handleConfirm(): void {
    if (this.#phase === 'subscribed') return;
    this.#phase = 'subscribed';
    this.#retries = 0;
    this.#cause = 'drop';
    const reconnected = this.#everSubscribed;
    this.#everSubscribed = true;
    this.#setStatus('open');
    const presence = () => {
      this.perform('update_presence');
      this.#later(this.#options.presenceEveryMs, presence);
    };
    presence();
    this.#emitter.emit('subscribed', { reconnected });
  }

  #handleReject(): void {
    this.#giveUp('rejected', 'The subscription was rejected', 1);
  }

  /** A fresh socket later, on the same backoff as failed handshakes (a refusal one step further). */
  #giveUp(code: CableProblem['code'], message: string, extraStep: number): void {
    this.#problem(code, message);
    this.#reopen(reconnectDelay(++this.#retries + extraStep, this.#options.random));
  }

  #handleDisconnect(reconnect: boolean, reason: string): void {
    if (reconnect) {
      // the server closes the socket next and the reconnect loop takes over, spread wider: every visitor
      // of this server heard the same frame at the same instant
      this.#cause = 'restart';
      return;
    }
    this.disconnect();
    this.#phase = 'ended';
    this.#problem('ended', `The server ended the connection (${reason || 'no reason'})`);
  }

  #send(frame: Record<string, unknown>): boolean {
    if (this.#socket?.readyState !== ReconnectingWebSocket.OPEN) return false;
    this.#socket.send(JSON.stringify(frame));
    return true;
  }

  #setStatus(status: CableStatus): void {
    if (this.#status === status) return;
    this.#status = status;
    this.#emitter.emit('status', status);
  }

  #later(ms: number, callback: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      callback();
    }, ms);
    this.#timers.add(timer);
  }

  #stopTimers(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}

/** A frame as a JSON object; undefined for anything else. */
function parseFrame(raw: unknown): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw as string);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `https://chat.example.com` → `wss://chat.example.com/cable`. */
export function cableUrlFor(baseUrl: string): string {
  const url = new URL('/cable', baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
