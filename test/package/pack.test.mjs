// The npm package: builds the library (rollup.lib.config.mjs, the declarations and the manifest), lists what
// `npm pack` would publish, and checks that everything package.json points at is in it, that nothing of the
// repository's tests, server, benchmarks, demo, stories, docs or examples is, that only the files that
// register elements are declared with side effects, and that every import in the published code resolves.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { bin, buildLibrary, root, run } from './helpers.mjs';

const ELEMENT_ENTRIES = ['chat', 'launcher', 'message-list', 'message', 'composer', 'contact-form', 'widget'];
const FORBIDDEN = /^(test|server|bench|demo|stories|docs|examples|components|services|scripts|\.storybook|\.ci|node_modules|dist\/demo)\//;

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** @type {Set<string>} */
let packed;

before(async () => {
  await buildLibrary();
  run(bin('tsc'), ['-p', 'tsconfig.build.json']);
  run(bin('cem'), ['analyze', '--quiet']);
  // the drop-in is rollup.config.mjs's: built only when missing, as other work may be writing dist/ now
  if (!existsSync(join(root, 'dist', 'chatwoot-elements.js'))) run(bin('rollup'), ['-c', 'rollup.config.mjs', '--silent']);
  const [report] = JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=silent']));
  packed = new Set(report.files.map((file) => file.path));
});

/** Every path an `exports` value names, through nested conditions. */
function targets(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(targets);
  return [];
}

const normal = (path) => posix.normalize(path).replace(/^\.\//, '');

/** `sideEffects` as matchers (a `*` stands for any characters but `/`). */
function sideEffectMatchers() {
  assert.ok(Array.isArray(pkg.sideEffects), 'package.json lists the files with side effects');
  return pkg.sideEffects.map((pattern) => new RegExp(`^${normal(pattern).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`));
}

/** Relative and bare import specifiers of an ES module or declaration file. */
function importsOf(source) {
  const found = new Set();
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, ''); // comments may quote imports
  for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)) found.add(match[1]);
  return [...found];
}

describe('npm pack', () => {
  test('every target of the exports map is in the package', () => {
    assert.ok(pkg.exports, 'package.json has an exports map');
    const missing = Object.entries(pkg.exports).flatMap(([key, value]) => targets(value).map((target) => [key, normal(target)]))
      .filter(([, target]) => !packed.has(target));
    assert.deepEqual(missing, []);
  });

  test('the exports map has the main entry, one entry per element, the services and the manifest', () => {
    const keys = Object.keys(pkg.exports);
    for (const key of ['.', ...ELEMENT_ENTRIES.map((name) => `./${name}`), './services', './custom-elements.json']) {
      assert.ok(keys.includes(key), `exports has no "${key}"`);
    }
    for (const name of ELEMENT_ENTRIES) assert.equal(targets(pkg.exports[`./${name}`]).some((target) => target.endsWith(`dist/lib/${name}.js`)), true, name);
  });

  test('main, module, types and customElements point at packed files', () => {
    for (const field of ['main', 'module', 'types', 'customElements']) {
      assert.ok(pkg[field], `package.json has no "${field}"`);
      assert.ok(packed.has(normal(pkg[field])), `"${field}": ${pkg[field]} is not in the package`);
    }
  });

  test('nothing from the tests, server, benchmarks, demo, stories, docs, examples or sources is packed', () => {
    assert.deepEqual([...packed].filter((path) => FORBIDDEN.test(path)), []);
  });

  test('every file that registers an element is declared with side effects, and only those', () => {
    const matchers = sideEffectMatchers();
    const declared = (path) => matchers.some((matcher) => matcher.test(path));
    const registering = [...packed].filter((path) => path.endsWith('.js') && readFileSync(join(root, path), 'utf8').includes('customElements.define('));
    assert.deepEqual(registering.filter((path) => !declared(path)), [], 'registering files not in sideEffects');
    const library = [...packed].filter((path) => path.startsWith('dist/lib/') && path.endsWith('.js'));
    const registeringLibrary = new Set(registering);
    for (const name of ['index', ...ELEMENT_ENTRIES]) registeringLibrary.add(`dist/lib/${name}.js`); // index registers through the others
    assert.deepEqual(library.filter((path) => declared(path) && !registeringLibrary.has(path)), [], 'library files declared with side effects that register nothing');
  });

  test('no shared chunk of the library registers an element', () => {
    const chunks = [...packed].filter((path) => /^dist\/lib\/(shared|locales)\/.*\.js$/.test(path));
    assert.ok(chunks.length > 0);
    assert.deepEqual(chunks.filter((path) => readFileSync(join(root, path), 'utf8').includes('customElements.define(')), []);
  });

  test('every import in the library resolves to a packed file or a declared dependency', () => {
    // tsc writes inferred types as import("lit-html"): that package comes with lit (a dependency of lit)
    // the framework typings import the framework they type: an app that loads them has it
    const dependencies = [...Object.keys(pkg.dependencies ?? {}), 'lit-html', '@lit/reactive-element', 'react', 'vue'];
    const problems = [];
    for (const path of [...packed].filter((file) => /^(dist\/lib|types)\/.*\.(js|d\.ts)$/.test(file))) {
      for (const specifier of importsOf(readFileSync(join(root, path), 'utf8'))) {
        if (specifier.startsWith('.')) {
          const target = posix.join(dirname(path), specifier);
          const candidates = path.endsWith('.d.ts') ? [target.replace(/\.js$/, '.d.ts'), `${target}.d.ts`, target] : [target];
          if (!candidates.some((candidate) => packed.has(candidate))) problems.push(`${path}: ${specifier}`);
        } else if (!dependencies.some((name) => specifier === name || specifier.startsWith(`${name}/`))) {
          problems.push(`${path}: ${specifier} is not a dependency`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  test('the packed manifest describes every element', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
    const tags = manifest.modules.flatMap((module) => module.declarations ?? []).filter((item) => item.customElement).map((item) => item.tagName).sort();
    assert.deepEqual(tags, ['cw-chat', 'cw-composer', 'cw-contact-form', 'cw-launcher', 'cw-message', 'cw-message-list', 'cw-widget']);
    for (const module of manifest.modules) assert.ok(packed.has(module.path), `the manifest names ${module.path}, which is not packed`);
  });

  test('the framework typings are packed', () => {
    for (const file of ['types/jsx.d.ts', 'types/vue.d.ts', 'types/elements.d.ts']) assert.ok(packed.has(file), file);
  });
});
