// `npm test`: installs what is missing, then runs the typecheck, the browser tests and the Node tests,
// and ends with one line "N passed, N failed" that counts every suite.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './ensure-deps.mjs';
import { ensureBrowser } from './ensure-browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(command, args, env = {}) {
  process.stdout.write(`\n$ ${[command, ...args].join(' ')}\n`);
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
}

function add(name, counts, exitCode) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped ?? 0;
  // a runner that failed without reporting a failed test (crash, config error, unmet threshold) still fails
  if (exitCode !== 0 && counts.failed === 0) totals.failed++;
  process.stdout.write(`${name}: ${counts.passed} passed, ${counts.failed} failed\n`);
}

function readCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  return JSON.parse(lines.at(-1) || '{"passed":0,"failed":0}');
}

ensureDeps();
const chrome = ensureBrowser();
const scratch = mkdtempSync(join(tmpdir(), 'cw-test-'));

const typecheck = run(bin('tsc'), ['-p', 'tsconfig.json']);
add('typecheck', typecheck === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 }, typecheck);

const browserFile = join(scratch, 'browser.json');
const browser = run(bin('web-test-runner'), [], { CHROME_PATH: chrome, CW_SUMMARY_FILE: browserFile });
add('browser tests', readCounts(browserFile), browser);

const nodeFile = join(scratch, 'node.json');
const node = run(process.execPath, [
  '--test',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  `--test-reporter=${join(root, 'scripts/node-test-counter.mjs')}`, `--test-reporter-destination=${nodeFile}`,
  'test/server/', 'test/lint/', 'test/security/', 'test/size/', 'test/package/', 'test/examples/',
], { CHROME_PATH: chrome });
add('node tests', readCounts(nodeFile), node);

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${skipped}\n`);
process.exit(totals.failed > 0 ? 1 : 0);
