// `node bench/size-shares.mjs [--areas]`: what each source module (or, with --areas, each folder) adds to the
// drop-in's gzipped size. `--without a,b --without c` instead measures the groups named (each a comma-separated
// list of path prefixes) and, last, all of them at once: what leaving those parts out would save together.
// Gzip absorbs repetition, so a module's size alone says little about what removing it would save: this builds
// the drop-in, blanks the module's bytes in the built files (found through their source maps), compresses
// everything as one stream again and prints the difference. Locale chunks are left out.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';
import { ROOT, buildDropIn, everything } from './lib/build.mjs';

const LOCALE = /(^|\/)(ar|de|es|fr|he|it|ja|nl|pl|pt|ru|tr|zh)-[\w-]+\.js$/;
const byArea = process.argv.includes('--areas');
/** The `--without` groups, each a list of path prefixes. */
const chosen = process.argv.flatMap((arg, index) => (process.argv[index - 1] === '--without' ? [arg.split(',')] : []));

/**
 * Each byte's source module (relative to the project), from the file's source map, whose sources are relative
 * to the file; a mapping owns the bytes up to the next one.
 */
function owners(text, mapText, fileDir) {
  const lineStarts = [0];
  for (const line of text.split('\n')) lineStarts.push(lineStarts.at(-1) + line.length + 1);
  const marks = [];
  eachMapping(new TraceMap(mapText), (mapping) => marks.push([lineStarts[mapping.generatedLine - 1] + mapping.generatedColumn,
    relative(ROOT, resolve(fileDir, mapping.source))]));
  marks.sort((a, b) => a[0] - b[0]);
  const owner = new Array(text.length).fill(null);
  marks.forEach(([start, source], index) => owner.fill(source, start, marks[index + 1]?.[0] ?? text.length));
  return owner;
}

/** `node_modules/lit-html/lit-html.js` as it is, or by area `lit-html` (and `services`, `components/chat`). */
function keyOf(path) {
  if (!byArea) return path;
  return path.replace(/^node_modules\/((@[^/]+\/)?[^/]+)\/.*$/, '$1').replace(/^(components\/[^/]+|services)\/.*$/, '$1');
}

const dir = mkdtempSync(join(tmpdir(), 'cw-shares-'));
try {
  const build = await buildDropIn(dir);
  const files = everything(build).filter((file) => !LOCALE.test(file.fileName)).map((file) => {
    const text = file.code.toString('utf8');
    const path = join(dir, file.fileName);
    return { text, owner: owners(text, readFileSync(`${path}.map`, 'utf8'), dirname(path)) };
  });
  const gzip = (text) => gzipSync(text, { level: 9 }).length;
  const whole = gzip(files.map((file) => file.text).join('\n'));
  const sources = new Set(files.flatMap(({ owner }) => [...new Set(owner)].filter(Boolean)));
  const groups = new Map();
  if (chosen.length) {
    const matching = (prefixes) => new Set([...sources].filter((source) => prefixes.some((prefix) => source.startsWith(prefix))));
    for (const prefixes of chosen) {
      if (!matching(prefixes).size) throw new Error(`--without ${prefixes}: no module of the drop-in starts so`);
      groups.set(prefixes.join(','), matching(prefixes));
    }
    if (chosen.length > 1) groups.set('all of the above together', matching(chosen.flat()));
  } else {
    for (const source of sources) groups.set(keyOf(source), (groups.get(keyOf(source)) ?? new Set()).add(source));
  }
  const rows = [...groups].map(([key, blanked]) => {
    const without = files.map(({ text, owner }) => {
      let kept = '';
      for (let index = 0; index < text.length; index++) if (!blanked.has(owner[index])) kept += text[index];
      return kept;
    }).join('\n');
    return { key, share: whole - gzip(without) };
  });
  if (!chosen.length) rows.sort((a, b) => b.share - a.share);
  console.log(`the drop-in without locales, as one gzip -9 stream: ${whole.toLocaleString('en-US')} B; each row is what it adds`);
  for (const { key, share } of rows) if (share >= 50 || chosen.length) console.log(`${share.toLocaleString('en-US').padStart(7)} B  ${key}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
