// The kit never hands strings to an HTML or script sink: agent content must have no way to become markup
// or code. This reads every source file of the kit (components/, services/) and fails on any such sink.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SINKS = [
  [/\.innerHTML\s*=/, 'innerHTML='],
  [/\bouterHTML\b/, 'outerHTML'],
  [/\binsertAdjacentHTML\b/, 'insertAdjacentHTML'],
  [/\bcreateContextualFragment\b/, 'createContextualFragment'],
  [/\bdocument\.write(ln)?\s*\(/, 'document.write'],
  [/(^|[^.\w])eval\s*\(/, 'eval'],
  [/\bnew\s+Function\s*\(/, 'new Function'],
  [/\bunsafeHTML\b/, 'unsafeHTML'],
  [/\bunsafeSVG\b/, 'unsafeSVG'],
  [/\bstyleMap\b/, 'styleMap (blocked by a strict style-src)'],
];

function sourceFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(name) ? [path] : [];
  });
}

test('no HTML or script sinks in components/ and services/', () => {
  const found = [];
  for (const file of [...sourceFiles(join(root, 'components')), ...sourceFiles(join(root, 'services'))]) {
    readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
      if (/^\s*(\/\/|\*)/.test(line)) return;
      for (const [pattern, name] of SINKS) if (pattern.test(line)) found.push(`${relative(root, file)}:${index + 1} ${name}`);
    });
  }
  assert.deepEqual(found, []);
});

test('the sink check catches a sink (negative control)', () => {
  const sample = 'element.innerHTML = agentText; eval(code); const f = new Function("x");';
  const hits = SINKS.filter(([pattern]) => pattern.test(sample)).map(([, name]) => name);
  assert.deepEqual(hits, ['innerHTML=', 'eval', 'new Function']);
});
