// A tiny router with Rails-like parameter parsing (JSON, urlencoded, multipart, query), CORS for the API
// paths, Rails' error bodies, per-route HTTP faults and request counting.
import { STATUS_CODES } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const CORS_PREFIXES = ['/public/api/', '/api/', '/__standin/'];
const MAX_BODY_BYTES = 100 * 1024 * 1024;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.ico': 'image/x-icon',
  '.map': 'application/json', '.txt': 'text/plain; charset=utf-8', '.woff2': 'font/woff2',
};

/**
 * @typedef {{ status: number, body?: any, headers?: Record<string, string> }} Reply
 * @typedef {{ method: string, path: string, params: Record<string, any>, headers: import('node:http').IncomingHttpHeaders }} Request
 * @typedef {(request: Request) => Reply | Promise<Reply>} Handler
 */

/** An exception that becomes this reply. */
export class HttpError extends Error {
  /** @param {number} status @param {any} [body] defaults to Rails' `{status, error}` */
  constructor(status, body) {
    super(`HTTP ${status}`);
    this.reply = { status, body: body ?? railsBody(status) };
  }
}

/** What Rails' public exceptions app (or Rack::Attack for 429) answers. @param {number} status */
export function railsBody(status) {
  if (status === 429) return 'Retry later';
  if (status === 204 || status === 304) return undefined;
  return { status, error: STATUS_CODES[status] ?? 'Error' };
}

export function createStats() {
  return { requests: /** @type {Record<string, number>} */ ({}), sockets: { open: 0, opened: 0, subscribes: 0, commands: 0 }, broadcasts: 0 };
}
/** @typedef {ReturnType<typeof createStats>} Stats */

/** Counters back to zero; `sockets.open` is a gauge and stays. @param {Stats} stats */
export function resetStats(stats) {
  stats.requests = {};
  Object.assign(stats.sockets, { opened: 0, subscribes: 0, commands: 0 });
  stats.broadcasts = 0;
}

/**
 * Rails' nested parameter names: `a[b]`, `a[]`, `a[][b]`.
 * @param {Record<string, any>} params @param {string} name @param {any} value
 */
export function assignParam(params, name, value) {
  const match = /^([^[\]]+)((?:\[[^\]]*\])*)$/.exec(name);
  const keys = match ? [match[1], ...[...match[2].matchAll(/\[([^\]]*)\]/g)].map((part) => part[1])] : [name];
  if (keys.some((key) => UNSAFE_KEYS.has(key))) return;
  /** @type {any} */
  let target = params;
  keys.forEach((key, index) => {
    const last = index === keys.length - 1;
    if (key === '' && Array.isArray(target)) {
      if (last) return void target.push(value);
      let element = target.at(-1);
      const nextIsLast = index + 2 === keys.length;
      if (!element || typeof element !== 'object' || (nextIsLast && keys[index + 1] in element)) target.push(element = {});
      target = element;
      return;
    }
    if (last) return void (target[key] = value);
    const wantArray = keys[index + 1] === '';
    if (target[key] === null || typeof target[key] !== 'object' || Array.isArray(target[key]) !== wantArray) {
      target[key] = wantArray ? [] : {};
    }
    target = target[key];
  });
}

/** @param {URLSearchParams} search */
function parseSearch(search) {
  /** @type {Record<string, any>} */
  const params = {};
  for (const [name, value] of search) assignParam(params, name, value);
  return params;
}

/** @param {Buffer} body @param {string} boundary */
function parseMultipart(body, boundary) {
  /** @type {Record<string, any>} */
  const params = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after the delimiter and before the next
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1) {
      const head = part.subarray(0, split).toString('utf8');
      const data = part.subarray(split + 4);
      const name = /name="([^"]*)"/i.exec(head)?.[1];
      const filename = /filename="([^"]*)"/i.exec(head)?.[1];
      const type = /content-type:\s*([^\r\n;]+)/i.exec(head)?.[1]?.trim() ?? 'application/octet-stream';
      if (name !== undefined) assignParam(params, name, filename !== undefined ? { filename, type, data: Buffer.from(data) } : data.toString('utf8'));
    }
    start = next;
  }
  return params;
}

/** @param {import('node:http').IncomingMessage} request */
async function readBody(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** @param {import('node:http').IncomingMessage} request */
async function parseBody(request) {
  const body = await readBody(request);
  const type = request.headers['content-type'] ?? '';
  if (body.length === 0) return {};
  if (type.includes('application/json')) {
    let value;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      throw new HttpError(400);
    }
    return value && typeof value === 'object' && !Array.isArray(value) ? value : { _json: value };
  }
  if (type.includes('application/x-www-form-urlencoded')) return parseSearch(new URLSearchParams(body.toString('utf8')));
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
  if (type.includes('multipart/form-data') && boundary) return parseMultipart(body, boundary[1] ?? boundary[2]);
  return {};
}

/**
 * @param {{ faults: import('./faults.js').Faults, stats: Stats, staticDirs?: string[] }} options
 */
export function createRouter({ faults, stats, staticDirs = [] }) {
  /** @type {{ methods: string[], segments: string[], key: string | undefined, handler: Handler }[]} */
  const routes = [];
  const sleepers = new Set();

  /** @param {number} ms */
  const sleep = (ms) => new Promise((done) => {
    const sleeper = { timer: setTimeout(() => finish(), ms), done };
    const finish = () => {
      sleepers.delete(sleeper);
      done(undefined);
    };
    sleepers.add(sleeper);
  });

  /** @param {string} method @param {string} path */
  function match(method, path) {
    const parts = path.split('/').filter(Boolean);
    for (const route of routes) {
      if (!route.methods.includes(method) || route.segments.length !== parts.length) continue;
      /** @type {Record<string, string>} */
      const params = {};
      const fits = route.segments.every((segment, index) => {
        if (segment.startsWith(':')) return (params[segment.slice(1)] = decodeURIComponent(parts[index])), true;
        return segment === parts[index];
      });
      if (fits) return { route, params };
    }
    return undefined;
  }

  /** @param {import('./faults.js').Fault} fault @param {() => Promise<Reply>} perform */
  async function withFault(fault, perform) {
    const hasStatus = fault.status !== undefined && fault.status !== null;
    const performed = !hasStatus || fault.commit ? await perform() : undefined;
    if (Number(fault.delay_ms) > 0) await sleep(Number(fault.delay_ms));
    if (!hasStatus) return { ...performed, headers: { ...performed?.headers, ...fault.headers } };
    const status = Number(fault.status);
    return { status, body: fault.body ?? railsBody(status), headers: fault.headers };
  }

  /** @param {string} path */
  async function serveStatic(path) {
    for (const dir of staticDirs) {
      const root = resolve(dir);
      let file = resolve(root, `.${decodeURIComponent(path)}`);
      if (file !== root && !file.startsWith(root + sep)) continue;
      try {
        if ((await stat(file)).isDirectory()) file = resolve(file, 'index.html');
        const body = await readFile(file);
        return { status: 200, body, headers: { 'content-type': MIME[/** @type {keyof MIME} */ (extname(file))] ?? 'application/octet-stream' } };
      } catch {
        // not in this directory; try the next
      }
    }
    return undefined;
  }

  /** @param {import('node:http').IncomingMessage} request @param {URL} url */
  async function dispatch(request, url) {
    const method = request.method === 'HEAD' ? 'GET' : request.method ?? 'GET';
    const found = match(method, url.pathname);
    if (!found) {
      const file = method === 'GET' && staticDirs.length ? await serveStatic(url.pathname) : undefined;
      return file ?? { status: 404, body: railsBody(404) };
    }
    const { route, params: pathParams } = found;
    if (route.key) stats.requests[route.key] = (stats.requests[route.key] ?? 0) + 1;
    const fault = route.key ? faults.takeHttp(route.key) : undefined;
    const perform = async () => {
      try {
        const params = { ...parseSearch(url.searchParams), ...(await parseBody(request)), ...pathParams };
        return await route.handler({ method, path: url.pathname, params, headers: request.headers });
      } catch (error) {
        if (error instanceof HttpError) return error.reply;
        process.stderr.write(`stand-in: ${request.method} ${url.pathname}: ${/** @type {Error} */ (error)?.stack ?? error}\n`);
        return { status: 500, body: railsBody(500) };
      }
    };
    return fault ? withFault(fault, perform) : perform();
  }

  /** @param {import('node:http').IncomingMessage} request @param {import('node:http').ServerResponse} response */
  async function handle(request, response) {
    const url = new URL(request.url ?? '/', 'http://standin');
    const cors = CORS_PREFIXES.some((prefix) => url.pathname.startsWith(prefix));
    /** @type {Record<string, string>} */
    const corsHeaders = cors ? { 'access-control-allow-origin': '*' } : {};
    let reply;
    if (cors && request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      reply = { status: 200, body: '', headers: preflightHeaders(request) };
    } else {
      reply = await dispatch(request, url);
    }
    try {
      write(response, reply, corsHeaders, request.method === 'HEAD');
    } catch (error) {
      // e.g. a fault's header that Node refuses: never let one request take the server down
      process.stderr.write(`stand-in: cannot answer ${request.method} ${url.pathname}: ${/** @type {Error} */ (error).message}\n`);
      response.destroy();
    }
  }

  return {
    handle,
    /** @param {string | string[]} methods @param {string} pattern @param {string | undefined} key @param {Handler} handler */
    add(methods, pattern, key, handler) {
      routes.push({ methods: [methods].flat(), segments: pattern.split('/').filter(Boolean), key, handler });
    },
    close() {
      for (const sleeper of sleepers) {
        clearTimeout(sleeper.timer);
        sleeper.done(undefined);
      }
      sleepers.clear();
    },
  };
}

/** rack-cors preflight for `origins '*'`, any method, any header. @param {import('node:http').IncomingMessage} request */
function preflightHeaders(request) {
  return {
    'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': String(request.headers['access-control-request-headers'] ?? ''),
    'access-control-max-age': '7200',
    'content-type': 'text/plain',
  };
}

/**
 * @param {import('node:http').ServerResponse} response @param {Reply} reply
 * @param {Record<string, string>} corsHeaders @param {boolean} headOnly
 */
function write(response, reply, corsHeaders, headOnly) {
  if (response.destroyed) return;
  let { body } = reply;
  /** @type {Record<string, string>} */
  const headers = { ...corsHeaders };
  if (body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body)) {
    body = JSON.stringify(body);
    headers['content-type'] = 'application/json; charset=utf-8';
  } else if (typeof body === 'string' && body !== '') headers['content-type'] = 'text/plain; charset=utf-8';
  Object.assign(headers, reply.headers);
  headers['content-length'] = String(Buffer.byteLength(body ?? ''));
  response.writeHead(reply.status, headers);
  response.end(headOnly ? undefined : body);
}
