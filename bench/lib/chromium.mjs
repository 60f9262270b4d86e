// Headless Chromium for the bench (playwright-core, the system browser: nothing is downloaded). Each
// measurement gets a fresh context: an empty cache and empty storage, unless storage is given.
import { chromium } from 'playwright-core';
import { ensureBrowser } from '../../scripts/ensure-browser.mjs';

const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export const VIEWPORT = { width: 1280, height: 900 };

export async function launchChromium() {
  const executablePath = ensureBrowser();
  const browser = await chromium.launch({ executablePath, headless: true, args: FLAGS });
  return { browser, version: browser.version(), executablePath };
}

/**
 * Keeps the body of every response a page receives, by address, to weigh what it downloaded; which requests
 * fall in an interval comes from the page's own Resource Timing (`requestsBetween`), on the page's clock.
 * @param {import('playwright-core').Page} page
 */
export function recordBodies(page) {
  /** @type {Map<string, Buffer>} */
  const bodies = new Map();
  const pending = new Set();
  page.on('requestfinished', (request) => {
    const read = request.response()
      .then((response) => response?.body())
      .then((body) => bodies.set(request.url(), body ?? Buffer.alloc(0)), () => bodies.set(request.url(), Buffer.alloc(0)));
    pending.add(read);
    void read.finally(() => pending.delete(read));
  });
  return {
    /** The bodies, once those being read are in. */
    async all() {
      await Promise.all(pending);
      return bodies;
    },
  };
}

/**
 * The requests that started at or after `from` and ended by `to` (page clock, ms since navigation), the page
 * itself included when `from` is 0. WebSocket connections are not requests here.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string[]>} their addresses
 */
export function requestsBetween(page, from, to = Number.MAX_VALUE) {
  return page.evaluate(([start, end]) => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    return entries.filter((entry) => entry.startTime >= start && entry.responseEnd <= end).map((entry) => entry.name);
  }, [from, to]);
}
