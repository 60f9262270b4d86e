// Browser tests: test/**/*.test.ts in headless Chrome/Chromium, against the stand-in server started here.
import { readFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { startStandIn } from './server/index.js';
import { reconnectingWebSocketSource } from './scripts/reconnecting-websocket-source.mjs';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const SHARED = resolve(process.env.CW_SHARED_DIR ?? '../shared');

/** Starts the stand-in Chatwoot for the run; tests read its details from /__standin.json (same origin). */
function standInPlugin() {
  let standIn;
  return {
    name: 'chatwoot-stand-in',
    async serverStart() {
      standIn = await startStandIn({ host: '127.0.0.1', port: 0 });
    },
    async serverStop() {
      await standIn?.close();
    },
    async serve(context) {
      if (context.path === '/__standin.json') return { body: JSON.stringify(standIn.info), type: 'application/json' };
      if (context.path.startsWith('/__shared/')) {
        const file = resolve(SHARED, context.path.slice('/__shared/'.length));
        if (!file.startsWith(SHARED)) return undefined;
        return { body: await readFile(file, 'utf8'), type: file.endsWith('.json') ? 'application/json' : 'text/plain' };
      }
      return undefined;
    },
  };
}

/** Counts every test (a file that failed to load counts as failed) for scripts/test.mjs. */
function summaryReporter() {
  return {
    stop({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) counts.skipped++;
          else if (test.passed) counts.passed++;
          else counts.failed++;
        }
        suite.suites.forEach(walk);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        if (session.errors?.length || (!session.passed && !session.testResults)) counts.failed++;
      }
      const line = `${counts.passed} passed, ${counts.failed} failed`;
      if (process.env.CW_SUMMARY_FILE) writeFileSync(process.env.CW_SUMMARY_FILE, `${JSON.stringify(counts)}\n`);
      else process.once('exit', () => process.stdout.write(`wtr: ${line}\n`));
    },
  };
}

export default {
  files: 'test/**/*.test.ts',
  nodeResolve: true,
  rootDir: '.',
  concurrency: 1,
  testFramework: { config: { timeout: 30000 } },
  testsFinishTimeout: 15 * 60 * 1000,
  reporters: [defaultReporter(), summaryReporter()],
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].includes('Lit is in dev mode')),
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  plugins: [fromRollup(reconnectingWebSocketSource)(), esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), standInPlugin()],
};
