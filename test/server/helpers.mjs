// Shared by the stand-in's tests: a REST client, fresh contacts and conversations, a raw ActionCable socket.
import { WebSocket } from 'ws';

export const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A small fetch wrapper that answers `{status, headers, body, text}`.
 * @param {{ info: { url: string, agentToken: string } }} standIn
 */
export function client(standIn) {
  const { url, agentToken } = standIn.info;
  /** @param {string} method @param {string} path @param {{ json?: any, form?: FormData, headers?: Record<string, string>, agent?: boolean }} [options] */
  async function request(method, path, { json, form, headers = {}, agent = false } = {}) {
    const allHeaders = { ...(agent ? { api_access_token: agentToken } : {}), ...headers };
    if (json !== undefined) allHeaders['content-type'] = 'application/json';
    const response = await fetch(url + path, { method, headers: allHeaders, body: form ?? (json === undefined ? undefined : JSON.stringify(json)) });
    const text = await response.text();
    let body;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { status: response.status, headers: response.headers, body, text };
  }
  return {
    request,
    get: (/** @type {string} */ path, /** @type {any} */ options) => request('GET', path, options),
    post: (/** @type {string} */ path, /** @type {any} */ json, /** @type {any} */ options) => request('POST', path, { json, ...options }),
    patch: (/** @type {string} */ path, /** @type {any} */ json, /** @type {any} */ options) => request('PATCH', path, { json, ...options }),
    delete: (/** @type {string} */ path, /** @type {any} */ options) => request('DELETE', path, options),
    /** Agent API call with the api_access_token header. */
    agent: (/** @type {string} */ method, /** @type {string} */ path, /** @type {any} */ json) => request(method, path, { json, agent: true }),
  };
}

/** A fresh API inbox from the control API. @param {any} standIn @param {Record<string, any>} [options] */
export async function freshInbox(standIn, options = {}) {
  const answer = await client(standIn).request('POST', '/__standin/inboxes', { json: options, agent: true });
  if (answer.status !== 200) throw new Error(`inbox: ${answer.status} ${answer.text}`);
  return /** @type {{ inboxIdentifier: string, inboxId: number, hmacToken: string }} */ (answer.body);
}

/**
 * A contact session plus one conversation, created through the Client API.
 * @param {any} standIn @param {{ inbox?: string, contact?: Record<string, any> }} [options]
 */
export async function freshConversation(standIn, { inbox, contact = {} } = {}) {
  const api = client(standIn);
  const inboxIdentifier = inbox ?? (await freshInbox(standIn)).inboxIdentifier;
  const created = await api.post(`/public/api/v1/inboxes/${inboxIdentifier}/contacts`, contact);
  if (created.status !== 200) throw new Error(`contact: ${created.status} ${created.text}`);
  const base = `/public/api/v1/inboxes/${inboxIdentifier}/contacts/${created.body.source_id}`;
  const conversation = await api.post(`${base}/conversations`, {});
  const id = conversation.body.id;
  return {
    inboxIdentifier, contact: created.body, conversation: conversation.body, base,
    conversationPath: `${base}/conversations/${id}`, agentPath: `/api/v1/accounts/1/conversations/${id}`,
  };
}

/**
 * A raw websocket on /cable that records every frame.
 * @param {any} standIn @param {{ protocols?: string[] }} [options]
 */
export async function openCable(standIn, { protocols = ['actioncable-v1-json', 'actioncable-unsupported'] } = {}) {
  const socket = new WebSocket(`${standIn.info.url.replace(/^http/, 'ws')}/cable`, protocols);
  /** @type {{ text: string | null, json: any, binary: boolean }[]} */
  const frames = [];
  /** @type {Set<() => void>} */
  const listeners = new Set();
  socket.on('message', (data, isBinary) => {
    const text = isBinary ? null : data.toString();
    let json;
    try {
      json = text === null ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    frames.push({ text, json, binary: isBinary });
    for (const listener of listeners) listener();
  });
  const closed = new Promise((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });

  /** Resolves with the first frame (past or future) matching, or rejects after `timeout` ms. @param {(json: any, frame: any) => boolean} test */
  function waitFor(test, timeout = 2000) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = frames.find((frame) => test(frame.json, frame));
        if (!found) return false;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(found.json ?? found);
        return true;
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no matching frame in ${timeout} ms; got ${frames.map((frame) => frame.text?.slice(0, 120)).join('\n')}`));
      }, timeout);
      if (!check()) listeners.add(check);
    });
  }

  const cable = {
    socket, frames, waitFor, closed,
    /** Messages (`{event, data}`) received so far with that event name. @param {string} event */
    events: (event) => frames.filter((frame) => frame.json?.message?.event === event).map((frame) => frame.json.message),
    /** @param {string} event @param {(data: any) => boolean} [test] */
    waitForEvent: (event, test = () => true, timeout = 2000) =>
      waitFor((json) => json?.message?.event === event && test(json.message.data), timeout).then((json) => json.message),
    /** @param {object} frame */
    send: (frame) => socket.send(JSON.stringify(frame)),
    /** Subscribes and waits for the confirmation. @param {Record<string, any>} params */
    async subscribe(params) {
      const identifier = JSON.stringify({ channel: 'RoomChannel', ...params });
      cable.send({ command: 'subscribe', identifier });
      await waitFor((json) => json?.type === 'confirm_subscription' && json.identifier === identifier);
      return identifier;
    },
    close() {
      socket.terminate();
    },
  };
  return cable;
}
