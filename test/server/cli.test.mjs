// `node server/main.js`: the JSON first line, seeded tokens, --hmac-mandatory, and stopping on SIGTERM.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../../server/main.js', import.meta.url));
/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();

after(() => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts the CLI and resolves with the process and its parsed first stdout line. @param {string[]} args */
async function launch(args) {
  const child = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  const line = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('\n')) resolve(output.slice(0, output.indexOf('\n')));
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing`)));
  });
  return { child, line: /** @type {string} */ (line), info: JSON.parse(/** @type {string} */ (line)) };
}

/** @param {import('node:child_process').ChildProcess} child */
async function stop(child) {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code, signal] = await exited;
  return { code, signal };
}

test('prints one JSON object as its first line, and the same seed gives the same tokens', async () => {
  const first = await launch(['--port', '0', '--seed', '7']);
  assert.deepEqual(Object.keys(first.info).sort(), ['accountId', 'agentToken', 'hmacToken', 'inboxIdentifier', 'url']);
  assert.equal(first.line.trim().startsWith('{') && first.line.trim().endsWith('}'), true);
  assert.match(first.info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(first.info.accountId, 1);
  assert.match(first.info.inboxIdentifier, /^[1-9A-HJ-NP-Za-km-z]{24}$/);
  const inbox = await (await fetch(`${first.info.url}/public/api/v1/inboxes/${first.info.inboxIdentifier}`)).json();
  assert.equal(inbox.identity_validation_enabled, false);
  const second = await launch(['--port', '0', '--seed', '7']);
  for (const key of ['inboxIdentifier', 'agentToken', 'hmacToken']) assert.equal(second.info[key], first.info[key], key);
  const other = await launch(['--port=0', '--seed=8']);
  assert.notEqual(other.info.inboxIdentifier, first.info.inboxIdentifier);
  for (const { child } of [first, second, other]) assert.deepEqual(await stop(child), { code: 0, signal: null });
});

test('--hmac-mandatory turns on identity validation for the default inbox', async () => {
  const { child, info } = await launch(['--port', '0', '--hmac-mandatory']);
  const inbox = await (await fetch(`${info.url}/public/api/v1/inboxes/${info.inboxIdentifier}`)).json();
  assert.equal(inbox.identity_validation_enabled, true);
  const anonymous = await fetch(`${info.url}/public/api/v1/inboxes/${info.inboxIdentifier}/contacts`, { method: 'POST' });
  assert.equal(anonymous.status, 500, 'a contact without a valid identifier_hash fails');
  assert.deepEqual(await stop(child), { code: 0, signal: null });
});

test('stops on SIGTERM and refuses a non-loopback host', async () => {
  const { child, info } = await launch(['--port', '0']);
  assert.deepEqual(await stop(child), { code: 0, signal: null });
  await assert.rejects(fetch(`${info.url}/__standin/info`));
  const refused = spawn(process.execPath, [main, '--port', '0', '--host', '0.0.0.0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(refused);
  const [code] = await once(refused, 'exit');
  assert.notEqual(code, 0);
});
