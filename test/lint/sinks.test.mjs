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
  [/\bsetAttribute\s*\(\s*['"`]on|\bsetAttributeNS\s*\([^,]*,\s*['"`]on/i, "setAttribute('on…') (an event handler from a string)"],
  [/\bsrcdoc\b/i, 'srcdoc'],
  [/['"`]\s*(java|vb)script:/i, 'a javascript: or vbscript: URL'],
  [/\b(parseFromString|setHTMLUnsafe|parseHTMLUnsafe)\b/, 'HTML parsing from a string'],
  [/\b(unsafeStatic|unsafeCSS)\b/, 'unsafeStatic / unsafeCSS'],
  [/\bcreateElement\s*\(\s*['"`](script|iframe|frame|object|embed)['"`]/i, 'createElement of a script, frame or plug-in'],
  [/<(script|iframe|frame|object|embed|base|meta)[\s>]/i, 'a script, frame, plug-in, base or meta element in a template'],
  [/\sstyle=["'$]/, 'a static style= attribute (blocked by a strict style-src)'],
  [/\b(setTimeout|setInterval)\s*\(\s*['"`]/, 'setTimeout/setInterval with code in a string'],
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
      if (/^\s*(\/\/|\/?\*)/.test(line)) return;
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

test('the sink check catches each string-to-code or string-to-markup shape (negative control)', () => {
  const samples = [
    "link.setAttribute('onclick', code)", "svg.setAttributeNS(null, 'onload', code)", 'frame.srcdoc = page', "const href = 'javascript:void 0'",
    'new DOMParser().parseFromString(text, "text/html")', 'host.setHTMLUnsafe(text)', 'css`${unsafeCSS(colour)}`',
    "document.createElement('script')", 'html`<iframe src=${url}></iframe>`', 'html`<p style="color: red">`',
    "setTimeout('tick()', 10)",
  ];
  const missed = samples.filter((sample) => !SINKS.some(([pattern]) => pattern.test(sample)));
  assert.deepEqual(missed, []);
  const harmless = ["element.setAttribute('aria-label', label)", "element.setAttribute('title', 'one')", 'setTimeout(() => tick(), 10)', 'html`<p class="note">`', "const onClick = () => {}"];
  assert.deepEqual(harmless.filter((sample) => SINKS.some(([pattern]) => pattern.test(sample))), []);
});
