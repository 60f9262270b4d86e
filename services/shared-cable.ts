import { CableConnection, type CableConnectionOptions, type CableEvents, type CableStatus } from './cable-connection.js';
import { Emitter } from './emitter.js';

/** What the session needs from a live connection, whether it owns the socket or shares another tab's. */
export interface LiveConnection {
  readonly status: CableStatus;
  readonly malformedCount: number;
  on<K extends keyof CableEvents>(type: K, listener: (detail: CableEvents[K]) => void): () => void;
  connect(): void;
  checkLiveness(): void;
  dispose(): void;
}

type Note =
  | { type: 'hello' }
  | { type: 'check' }
  | { type: 'state'; status: CableStatus; malformed: number }
  | { type: 'event'; event: CableEvents['event'] }
  | { type: 'problem'; problem: CableEvents['problem'] };

export interface SharedCableOptions extends CableConnectionOptions {
  /** Tabs with the same name share one socket: the origin, inbox and pubsub token. */
  name: string;
}

/**
 * One cable connection for every tab of the same visitor: the tab holding a Web Lock owns the socket and
 * relays what it hears over a BroadcastChannel; the others listen. When the owner closes, the lock passes
 * to another tab, which connects; every tab then catches up as after any reconnect.
 */
export class SharedCable implements LiveConnection {
  readonly #options: SharedCableOptions;
  readonly #emitter = new Emitter<CableEvents>();
  readonly #channel: BroadcastChannel;
  #cable?: CableConnection;
  #status: CableStatus = 'closed';
  #malformed = 0;
  #everSubscribed = false;
  #release?: () => void;
  #disposed = false;

  constructor(options: SharedCableOptions) {
    this.#options = options;
    this.#channel = new BroadcastChannel(options.name);
    this.#channel.onmessage = (message: MessageEvent<Note>) => this.#hear(message.data);
  }

  /** Shares when the browser has Web Locks and BroadcastChannel; otherwise each tab keeps its own socket. */
  static supported(): boolean {
    return typeof BroadcastChannel === 'function' && typeof navigator !== 'undefined' && !!navigator.locks;
  }

  /** The owning tab's cable status: the owner hears it through the notes it sends, as every tab does. */
  get status(): CableStatus {
    return this.#status;
  }

  get malformedCount(): number {
    return this.#cable?.malformedCount ?? this.#malformed;
  }

  /** Whether this tab owns the socket. */
  get leading(): boolean {
    return !!this.#cable;
  }

  on<K extends keyof CableEvents>(type: K, listener: (detail: CableEvents[K]) => void): () => void {
    return this.#emitter.on(type, listener);
  }

  connect(): void {
    this.#setStatus('connecting');
    this.#tell({ type: 'hello' });
    void navigator.locks.request(`cw-cable:${this.#options.name}`, () => {
      if (this.#disposed) return undefined;
      this.#lead();
      return new Promise<void>((resolve) => (this.#release = resolve));
    }).catch(() => undefined);
  }

  checkLiveness(): void {
    if (this.#cable) this.#cable.checkLiveness();
    else this.#tell({ type: 'check' });
  }

  dispose(): void {
    this.#disposed = true;
    this.#cable?.dispose();
    this.#cable = undefined;
    this.#release?.();
    this.#channel.close();
    this.#emitter.clear();
  }

  #lead(): void {
    const cable = new CableConnection(this.#options);
    this.#cable = cable;
    // the owner hears its own cable as the other tabs do, through the notes it sends them; the cable turns
    // open exactly when its subscription is confirmed
    cable.on('status', () => this.#tellState());
    cable.on('event', (event) => this.#tell({ type: 'event', event }));
    cable.on('problem', (problem) => this.#tell({ type: 'problem', problem }));
    cable.connect();
  }

  #hear(note: Note): void {
    if (this.#disposed) return;
    if (!this.#cable) return this.#apply(note);
    if (note.type === 'hello') this.#tellState();
    if (note.type === 'check') this.#cable.checkLiveness();
  }

  /** What the owning tab's cable did, in this tab. */
  #apply(note: Note): void {
    if (note.type === 'event') this.#emitter.emit('event', note.event);
    if (note.type === 'problem') this.#emitter.emit('problem', note.problem);
    if (note.type !== 'state') return;
    const wasOpen = this.#status === 'open';
    this.#malformed = note.malformed;
    this.#setStatus(note.status);
    if (note.status !== 'open' || wasOpen) return;
    // a confirmed subscription reached this tab: after the first, every one means "catch up"
    const reconnected = this.#everSubscribed;
    this.#everSubscribed = true;
    this.#emitter.emit('subscribed', { reconnected });
  }

  #setStatus(status: CableStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    this.#emitter.emit('status', status);
  }

  #tellState(): void {
    const cable = this.#cable!;
    this.#tell({ type: 'state', status: cable.status, malformed: cable.malformedCount });
  }

  #tell(note: Note): void {
    this.#apply(note);
    try {
      this.#channel.postMessage(note);
    } catch {
      // a closed channel: this tab is going away
    }
  }
}
