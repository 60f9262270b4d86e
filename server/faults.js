// Fault injection (README "Faults"), off by default. The router asks `takeHttp(routeKey)`; the cable asks
// about handshakes and hands every broadcast to `deliver()`; socket actions run at once on the cable.
import { createIds } from './ids.js';

const DROP_MODES = ['close', 'terminate', 'disconnect', 'disconnect-final', 'half-open'];
const STORED_KINDS = ['http', 'random-drops', 'refuse-connections', 'cable-delay', 'duplicate', 'reorder', 'no-subprotocol'];
const ACTION_KINDS = ['drop-sockets', 'silence', 'malformed', 'raw-frame'];
const STRANGER = JSON.stringify({ channel: 'RoomChannel', pubsub_token: 'not-your-token-at-all-xyz' });

/** Hostile frames for `malformed` (RELIABILITY.md D1); none of them is a valid event for the kit. */
const HOSTILE = [
  () => 'this is not JSON {',
  (/** @type {string} */ id) => JSON.stringify({ identifier: id, message: { event: 'message.created', data: { id: 1 } } }).slice(0, 30),
  () => '',
  () => Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0xff]),
  () => JSON.stringify('x'.repeat(1 << 20)),
  () => '42',
  () => '[1,2,3]',
  () => 'null',
  () => JSON.stringify({ type: 'surprise', message: 'hello' }),
  () => JSON.stringify({ message: { event: 'message.created', data: { id: 999999901, content: 'no identifier' } } }),
  () => JSON.stringify({ identifier: STRANGER, message: { event: 'message.created', data: { id: 999999902, content: 'not yours' } } }),
  (/** @type {string} */ id) => JSON.stringify({ identifier: id, message: { data: { id: 999999903 } } }),
  (/** @type {string} */ id) => JSON.stringify({ identifier: id, message: { event: 'message.exploded', data: {} } }),
  (/** @type {string} */ id) => JSON.stringify({
    identifier: id,
    message: { event: 'message.created', data: { id: 'x', created_at: 'yesterday', content: {}, attachments: 'x', message_type: 'outgoing', conversation_id: 'x' } },
  }),
  (/** @type {string} */ id) => `{"identifier":${JSON.stringify(id)},"message":{"event":"message.created","data":{"__proto__":{"polluted":"yes"}}}}`,
  (/** @type {string} */ id) => JSON.stringify({ identifier: id, message: { event: 'message.created', data: { constructor: { prototype: { polluted: 'yes' } } } } }),
  () => `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
];
export const HOSTILE_KINDS = HOSTILE.length;

/** @typedef {Record<string, any>} Fault */

/** @param {{ now?: () => number }} [options] */
export function createFaults({ now = Date.now } = {}) {
  /** @type {import('./cable.js').Cable | undefined} */
  let cable;
  /** @type {Fault[]} */
  let active = [];
  let lastId = 0;
  const faultTimers = new Set();
  const deliveryTimers = new Set();

  /** @param {Set<any>} timers @param {() => void} run @param {number} ms */
  function schedule(timers, run, ms) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
    return timer;
  }

  /** @param {string} kind */
  const first = (kind) => active.find((fault) => fault.kind === kind);

  /** @param {Fault} spec @returns {{ id: number }} */
  function add(spec) {
    const kind = spec?.kind;
    if (!STORED_KINDS.includes(kind) && !ACTION_KINDS.includes(kind)) throw new Error(`unknown fault kind: ${kind}`);
    if (kind === 'http' && typeof spec.route !== 'string') throw new Error('an http fault needs a route key');
    if (kind === 'drop-sockets' && spec.mode !== undefined && !DROP_MODES.includes(spec.mode)) {
      throw new Error(`unknown drop mode: ${spec.mode}`);
    }
    lastId += 1;
    const fault = { ...spec, id: lastId, random: createIds(spec.seed ?? lastId) };
    if (kind === 'drop-sockets') dropSockets(fault.mode ?? 'close', fault.token);
    else if (kind === 'silence') cable?.silence(fault.token);
    else if (kind === 'malformed') sendHostile(fault);
    else if (kind === 'raw-frame') sendToToken(fault.token, () => String(fault.frame ?? ''));
    else active.push(prepare(fault));
    return { id: lastId };
  }

  /** @param {Fault} fault */
  function prepare(fault) {
    if (fault.kind === 'http') return { count: 1, delay_ms: 0, commit: false, ...fault };
    if (fault.kind === 'refuse-connections') return { ...fault, until: now() + Number(fault.ms ?? 0) };
    if (fault.kind === 'reorder') return { window_ms: 500, ...fault, buffer: [], timer: null };
    if (fault.kind === 'random-drops') {
      const ready = { count: 1, min_interval_ms: 1000, max_interval_ms: 5000, modes: ['close', 'terminate', 'disconnect', 'half-open'], ...fault, outageUntil: 0 };
      scheduleDrop(ready);
      return ready;
    }
    return fault;
  }

  /** @param {string} mode @param {string} [token] */
  function dropSockets(mode, token) {
    for (const connection of cable?.connectionsFor(token) ?? []) cable?.drop(connection, mode);
  }

  /** @param {Fault} fault */
  function scheduleDrop(fault) {
    if (fault.count <= 0) return;
    const { min_interval_ms: min, max_interval_ms: max } = fault;
    schedule(faultTimers, () => {
      fault.count -= 1;
      dropSockets(fault.modes[fault.random.integer(fault.modes.length)], fault.token);
      if (Array.isArray(fault.outage_ms)) {
        const [shortest, longest] = fault.outage_ms;
        fault.outageUntil = now() + shortest + fault.random.random() * (longest - shortest);
      }
      scheduleDrop(fault);
    }, min + fault.random.random() * (max - min));
  }

  /** @param {string | undefined} token @param {(identifier: string) => string | Buffer} frameFor */
  function sendToToken(token, frameFor) {
    for (const connection of cable?.connectionsFor(token) ?? []) {
      const subscriptions = [...connection.subscriptions.values()];
      const own = subscriptions.find((subscription) => !token || subscription.token === token) ?? subscriptions[0];
      cable?.sendRaw(connection, frameFor(own?.identifier ?? STRANGER));
    }
  }

  /** @param {Fault} fault */
  function sendHostile(fault) {
    const start = fault.random.integer(HOSTILE.length);
    for (let index = 0; index < Number(fault.count ?? 1); index++) {
      sendToToken(fault.token, (identifier) => HOSTILE[(start + index) % HOSTILE.length](identifier));
    }
  }

  /** Runs one broadcast through cable-delay, reorder and duplicate. @param {() => void} run */
  function deliver(run) {
    const delay = first('cable-delay');
    if (delay && Number(delay.ms) > 0) schedule(deliveryTimers, () => hold(run), Number(delay.ms));
    else hold(run);
  }

  /** @param {() => void} run */
  function hold(run) {
    const reorder = first('reorder');
    if (!reorder) return emit(run);
    reorder.buffer.push(run);
    reorder.timer ??= schedule(deliveryTimers, () => flush(reorder), Number(reorder.window_ms));
  }

  /** Delivers a reorder window's broadcasts in a seeded shuffled order. @param {Fault} reorder */
  function flush(reorder) {
    reorder.timer = null;
    const batch = reorder.buffer.splice(0);
    for (let index = batch.length - 1; index > 0; index--) {
      const other = reorder.random.integer(index + 1);
      [batch[index], batch[other]] = [batch[other], batch[index]];
    }
    batch.forEach(emit);
  }

  /** @param {() => void} run */
  function emit(run) {
    run();
    const duplicate = first('duplicate');
    if (duplicate && duplicate.random.random() < Number(duplicate.rate ?? 0)) run();
  }

  /** Every fault off; held broadcasts go out now, delayed ones still arrive; silenced sockets hear again. */
  function clear() {
    for (const timer of faultTimers) clearTimeout(timer);
    faultTimers.clear();
    const reorders = active.filter((fault) => fault.kind === 'reorder');
    active = [];
    for (const reorder of reorders) {
      if (reorder.timer) clearTimeout(reorder.timer);
      deliveryTimers.delete(reorder.timer);
      flush(reorder);
    }
    cable?.releaseSilence();
  }

  const outage = (/** @type {string | undefined} */ token) => active.some((fault) =>
    fault.kind === 'random-drops' && fault.outageUntil > now() && (fault.token ?? undefined) === token);

  return {
    add, clear, deliver,
    /** @param {import('./cable.js').Cable} target */
    attach(target) {
      cable = target;
    },
    /** The next pending http fault of that route, counted down. @param {string} routeKey */
    takeHttp(routeKey) {
      const fault = active.find((candidate) => candidate.kind === 'http' && candidate.route === routeKey);
      if (!fault) return undefined;
      fault.count -= 1;
      if (fault.count <= 0) active = active.filter((candidate) => candidate !== fault);
      return fault;
    },
    selectsNoSubprotocol: () => Boolean(first('no-subprotocol')),
    refusesConnections: () =>
      active.some((fault) => fault.kind === 'refuse-connections' && fault.until > now()) || outage(undefined),
    /** @param {string} token */
    refusesToken: (token) => outage(token),
    close() {
      clear();
      for (const timer of deliveryTimers) clearTimeout(timer);
      deliveryTimers.clear();
    },
  };
}

/** @typedef {ReturnType<typeof createFaults>} Faults */
