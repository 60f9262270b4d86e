// `/cable`: the ActionCable wire protocol (CLIENT_API.md §9.1–9.2) and delivery of broadcasts to the
// sockets streaming a pubsub token. What a subscription means (RoomChannel) is decided by `channel`.
import { WebSocketServer } from 'ws';

const PROTOCOL = 'actioncable-v1-json';

/**
 * @typedef {object} Connection
 * @property {import('ws').WebSocket} socket
 * @property {Map<string, Subscription>} subscriptions by identifier string
 * @property {boolean} silenced receives nothing until faults are cleared
 * @property {boolean} halfOpen receives nothing and ignores what arrives, for good
 *
 * @typedef {object} Subscription
 * @property {Connection} connection
 * @property {string} identifier exactly as the client sent it
 * @property {string[]} streams
 * @property {string | undefined} token the pubsub_token in the identifier
 * @property {any} [subscriber] what the channel resolved the identifier to
 *
 * @typedef {object} Channel
 * @property {(params: Record<string, any>) => { streams: string[], subscriber: any } | null} subscribe
 * @property {(subscription: Subscription) => void} subscribed
 * @property {(subscription: Subscription, data: Record<string, any>) => void} perform
 */

/**
 * @param {{ channel: Channel, faults: import('./faults.js').Faults, stats: import('./http.js').Stats,
 *   pingIntervalMs?: number }} options
 */
export function createCable({ channel, faults, stats, pingIntervalMs = 3000 }) {
  const server = new WebSocketServer({ noServer: true, handleProtocols: selectProtocol });
  /** @type {Set<Connection>} */
  const connections = new Set();
  /** @type {Map<string, Set<Subscription>>} */
  const streams = new Map();
  let closed = false;
  const pinger = setInterval(ping, pingIntervalMs);
  pinger.unref();

  /** @param {Set<string>} offered */
  function selectProtocol(offered) {
    if (faults.selectsNoSubprotocol()) return false;
    return offered.has(PROTOCOL) ? PROTOCOL : false;
  }

  /** @param {import('node:http').IncomingMessage} request @param {import('node:stream').Duplex} socket @param {Buffer} head */
  function handleUpgrade(request, socket, head) {
    const path = new URL(request.url ?? '/', 'http://standin').pathname;
    if (closed || path !== '/cable' || faults.refusesConnections()) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroy();
      return;
    }
    server.handleUpgrade(request, socket, head, accept);
  }

  /** @param {import('ws').WebSocket} socket */
  function accept(socket) {
    /** @type {Connection} */
    const connection = { socket, subscriptions: new Map(), silenced: false, halfOpen: false };
    connections.add(connection);
    stats.sockets.open += 1;
    stats.sockets.opened += 1;
    socket.on('message', (data, isBinary) => receive(connection, isBinary ? '' : data.toString()));
    socket.on('close', () => forget(connection));
    socket.on('error', () => forget(connection));
    send(connection, { type: 'welcome' });
  }

  /** @param {Connection} connection */
  function forget(connection) {
    if (!connections.delete(connection)) return;
    stats.sockets.open -= 1;
    for (const subscription of connection.subscriptions.values()) unstream(subscription);
  }

  /** @param {Connection} connection @param {string} text */
  function receive(connection, text) {
    if (connection.halfOpen) return;
    let frame;
    try {
      frame = JSON.parse(text);
    } catch {
      return; // Rails logs and drops a frame it cannot decode
    }
    if (!frame || typeof frame !== 'object' || typeof frame.identifier !== 'string') return;
    stats.sockets.commands += 1;
    if (frame.command === 'subscribe') subscribe(connection, frame.identifier);
    else if (frame.command === 'unsubscribe') unsubscribe(connection, frame.identifier);
    else if (frame.command === 'message') perform(connection, frame.identifier, frame.data);
  }

  /** @param {Connection} connection @param {string} identifier */
  function subscribe(connection, identifier) {
    stats.sockets.subscribes += 1;
    if (connection.subscriptions.has(identifier)) return; // Rails ignores a repeated identifier
    let params;
    try {
      params = JSON.parse(identifier);
    } catch {
      return;
    }
    const token = typeof params?.pubsub_token === 'string' ? params.pubsub_token : undefined;
    /** @type {Subscription} */
    const subscription = { connection, identifier, streams: [], token };
    // registered even when it fails, so a retry on the same connection is ignored as in Rails
    connection.subscriptions.set(identifier, subscription);
    if (token && faults.refusesToken(token)) {
      connection.socket.close(1000);
      return;
    }
    const resolved = params?.channel === 'RoomChannel' ? channel.subscribe(params) : null;
    if (!resolved) return; // an unknown token or channel raises in Rails: no confirm, no reject
    subscription.subscriber = resolved.subscriber;
    subscription.streams = resolved.streams;
    for (const stream of resolved.streams) {
      if (!streams.has(stream)) streams.set(stream, new Set());
      streams.get(stream)?.add(subscription);
    }
    send(connection, { identifier, type: 'confirm_subscription' });
    channel.subscribed(subscription);
  }

  /** @param {Subscription} subscription */
  function unstream(subscription) {
    for (const stream of subscription.streams) {
      const subscribers = streams.get(stream);
      subscribers?.delete(subscription);
      if (subscribers?.size === 0) streams.delete(stream);
    }
  }

  /** @param {Connection} connection @param {string} identifier */
  function unsubscribe(connection, identifier) {
    const subscription = connection.subscriptions.get(identifier);
    if (!subscription) return;
    connection.subscriptions.delete(identifier);
    unstream(subscription);
  }

  /** @param {Connection} connection @param {string} identifier @param {unknown} data */
  function perform(connection, identifier, data) {
    const subscription = connection.subscriptions.get(identifier);
    // a `message` before this socket confirmed the subscription: Rails drops it ("Unable to find subscription")
    if (!subscription?.subscriber) stats.sockets.unconfirmed = (stats.sockets.unconfirmed ?? 0) + 1;
    if (!subscription?.subscriber || typeof data !== 'string') return;
    try {
      const parsed = JSON.parse(data);
      if (parsed && typeof parsed === 'object') channel.perform(subscription, parsed);
    } catch {
      // an unparsable `data` is logged and dropped by Rails
    }
  }

  /** @param {Connection} connection @param {object | string | Buffer} frame */
  function send(connection, frame) {
    if (connection.silenced || connection.halfOpen || connection.socket.readyState !== 1) return;
    const payload = typeof frame === 'string' || Buffer.isBuffer(frame) ? frame : JSON.stringify(frame);
    connection.socket.send(payload, { binary: Buffer.isBuffer(frame) });
  }

  function ping() {
    const frame = JSON.stringify({ type: 'ping', message: Math.floor(Date.now() / 1000) });
    for (const connection of connections) send(connection, frame);
  }

  /** Delivers `{event, data}` to every subscription streaming `stream`, through the delivery faults. */
  function broadcast(/** @type {string} */ stream, /** @type {{ event: string, data: object }} */ message) {
    if (closed) return;
    stats.broadcasts += 1;
    faults.deliver(() => {
      for (const subscription of streams.get(stream) ?? []) {
        send(subscription.connection, { identifier: subscription.identifier, message });
      }
    });
  }

  /** Open connections, or those with a subscription for `token`. @param {string} [token] */
  function connectionsFor(token) {
    return [...connections].filter((connection) => !token
      || [...connection.subscriptions.values()].some((subscription) => subscription.token === token));
  }

  /** @param {Connection} connection @param {string} mode */
  function drop(connection, mode) {
    const { socket } = connection;
    if (mode === 'half-open') connection.halfOpen = true;
    else if (mode === 'terminate') terminate(socket);
    else if (mode === 'disconnect' || mode === 'disconnect-final') {
      const final = mode === 'disconnect-final';
      send(connection, { type: 'disconnect', reason: final ? 'unauthorized' : 'server_restart', reconnect: !final });
      socket.close(1000);
    } else socket.close(1000);
  }

  /** A TCP reset where Node offers it, else an abrupt destroy. @param {import('ws').WebSocket} socket */
  function terminate(socket) {
    const raw = /** @type {any} */ (socket)._socket;
    if (raw && typeof raw.resetAndDestroy === 'function') raw.resetAndDestroy();
    else socket.terminate();
  }

  async function close() {
    closed = true;
    clearInterval(pinger);
    for (const connection of connections) connection.socket.terminate();
    connections.clear();
    streams.clear();
    await new Promise((resolve) => server.close(() => resolve(undefined)));
  }

  return {
    handleUpgrade, broadcast, connectionsFor, drop, close,
    /** @param {Connection} connection @param {string | Buffer} frame sent as is */
    sendRaw: (connection, frame) => send(connection, frame),
    /** @param {string} [token] */
    silence(token) {
      for (const connection of connectionsFor(token)) connection.silenced = true;
    },
    releaseSilence() {
      for (const connection of connections) connection.silenced = false;
    },
  };
}

/** @typedef {ReturnType<typeof createCable>} Cable */
