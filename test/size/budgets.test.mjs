// Size budgets: builds the drop-in as `npm run build` does (into a scratch directory) and fails with the
// figure and the budget when it grows past one. `npm run bench` prints the same figures beside deep-chat's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDropIn, everything, staticClosure } from '../../bench/lib/build.mjs';
import { BUDGETS, heaviestModules, measureDropIn } from '../../bench/lib/drop-in.mjs';
import { formatBytes, formatKB } from '../../bench/lib/sizes.mjs';

const dir = mkdtempSync(join(tmpdir(), 'cw-size-'));
const build = await buildDropIn(dir);
const sizes = await measureDropIn(build);
rmSync(dir, { recursive: true, force: true });

function overBudget(name, gzip, files) {
  const { limit, aim, what } = BUDGETS[name];
  return `${what}: ${formatBytes(gzip)} B gzipped (${formatKB(gzip)}), over the budget of ${formatKB(limit)} `
    + `by ${formatBytes(gzip - limit)} B (aim: ${formatKB(aim)}). Heaviest modules before minification: `
    + `${heaviestModules(build, files).join(', ')}. What each module adds to the gzip: node bench/size-shares.mjs`;
}

test(`the drop-in with everything in it (one locale) stays within its ratchet of ${formatKB(BUDGETS.allIn.limit)} gzipped (goal ${formatKB(BUDGETS.allIn.goal)})`, () => {
  assert.ok(sizes.allIn.gzip <= BUDGETS.allIn.limit, overBudget('allIn', sizes.allIn.gzip, everything(build)));
});

test(`what a page downloads before the launcher shows stays within ${formatKB(BUDGETS.firstLoad.limit)} gzipped`, () => {
  assert.ok(sizes.firstLoad.gzip <= BUDGETS.firstLoad.limit, overBudget('firstLoad', sizes.firstLoad.gzip, staticClosure(build)));
});

test('the launcher needs one file: the panel and the session load later', () => {
  assert.deepEqual(sizes.firstLoadFiles, ['chatwoot-elements.js'], 'the entry imports other files statically');
  const modules = staticClosure(build).flatMap((file) => file.modules.map((module) => module.id));
  const eager = modules.filter((id) => /chat-session|message-list|composer|contact-form|markdown|panel\.ts/.test(id));
  assert.deepEqual(eager, [], 'code that should load when the chat opens is in the first load');
});
