// Helpers of the package tests: the library build (rollup.lib.config.mjs) run through rollup's API, and a
// scratch install of the package, laid out as an app's node_modules would hold it, so imports go through
// package.json's `exports` as they would in an app. The scratch folder sits under node_modules/.cache, so
// the package's own dependencies (lit, …) resolve from the repository's node_modules.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Runs the library build of rollup.lib.config.mjs into `dir` (default: its own `dist/lib`). */
export async function buildLibrary(dir) {
  const { rollup } = await import('rollup');
  const config = (await import(pathToFileURL(join(root, 'rollup.lib.config.mjs')).href)).default;
  const cwd = process.cwd();
  process.chdir(root); // the config names its inputs and tsconfig relative to the repository
  try {
    const bundle = await rollup({ ...config, onwarn: (warning, warn) => (warning.code === 'UNRESOLVED_IMPORT' ? undefined : warn(warning)) });
    await bundle.write({ ...config.output, ...(dir ? { dir } : {}) });
    await bundle.close();
  } finally {
    process.chdir(cwd);
  }
}

/** Runs a command in the repository; throws with its output when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/**
 * The package installed in a scratch folder: `<folder>/node_modules/chatwoot-elements/` with the repository's
 * package.json and a fresh library build. Returns the folder (scripts placed in it import the package by
 * name), the package's folder, and `remove()`.
 */
export async function installScratchPackage() {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const folder = mkdtempSync(join(cache, 'cw-package-'));
  const packageDir = join(folder, 'node_modules', 'chatwoot-elements');
  mkdirSync(packageDir, { recursive: true });
  // the folder is an app of its own: without this, a bundler inside the repository would resolve the
  // package's name to the repository itself (package self-reference) instead of the scratch install
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify({ name: 'scratch-app', private: true, type: 'module' })}\n`);
  copyFileSync(join(root, 'package.json'), join(packageDir, 'package.json'));
  await buildLibrary(join(packageDir, 'dist', 'lib'));
  return { folder, packageDir, nodeModules: join(folder, 'node_modules'), remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Runs `source` as an ES module in a fresh Node inside `folder`; an unhandled rejection fails it. */
export function runScript(folder, name, source) {
  const file = join(folder, name);
  writeFileSync(file, source);
  const result = spawnSync(process.execPath, ['--unhandled-rejections=strict', file], { cwd: folder, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

/** Headless Chromium through playwright-core (the browser the other tests use). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page that records its console errors and uncaught exceptions in `problems`. */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(url);
  return { page, problems };
}

/** Calls the stand-in's control or agent API (JSON in and out). */
export async function standInRequest(standIn, method, path, body) {
  const response = await fetch(`${standIn.info.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', api_access_token: standIn.info.agentToken },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png',
};

/** Serves the files of `folder` on 127.0.0.1 (a folder's index.html for its path); `close()` stops it. */
export function serveFolder(folder) {
  const server = createServer((request, response) => {
    let file = normalize(join(folder, decodeURIComponent(new URL(request.url ?? '/', 'http://folder').pathname)));
    if (file.startsWith(folder) && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(folder) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
    resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) });
  }));
}
