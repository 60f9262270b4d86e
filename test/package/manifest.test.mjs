// The Custom Elements Manifest (`cem analyze --litelement`, custom-elements-manifest.config.mjs) must carry every
// public thing of every element, each described: the JSDoc is the source. What the sources use is found by
// reading them (`part="…"`, `<slot name="…">`, `emit(this, '…')`, `var(--cw-<element>-…)`, `@property`), and
// each must appear in the manifest.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bin, root, run } from './helpers.mjs';

const ELEMENTS = ['chat', 'launcher', 'message-list', 'message', 'composer', 'contact-form', 'widget'];

/** @type {Map<string, any>} the manifest's declaration of each element, by folder name */
const declarations = new Map();

before(() => {
  const folder = mkdtempSync(join(root, 'node_modules', '.cache', 'cw-manifest-'));
  try {
    run(bin('cem'), ['analyze', '--quiet', '--outdir', relative(root, folder)]);
    const manifest = JSON.parse(readFileSync(join(folder, 'custom-elements.json'), 'utf8'));
    for (const module of manifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.customElement) declarations.set(declaration.tagName.replace(/^cw-/, ''), declaration);
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

/** The text of every .ts file in an element's folder (its helpers included), styles apart. */
function sources(element) {
  const folder = join(root, 'components', element);
  const files = readdirSync(folder, { recursive: true }).map(String).filter((file) => file.endsWith('.ts'));
  const read = (file) => readFileSync(join(folder, file), 'utf8');
  return {
    code: files.filter((file) => !file.endsWith('.styles.ts')).map(read).join('\n'),
    styles: files.filter((file) => file.endsWith('.styles.ts')).map(read).join('\n'),
    main: read(`${element}.ts`),
  };
}

const all = (text, pattern) => [...new Set([...text.matchAll(pattern)].map((match) => match[1]))];
const names = (items) => (items ?? []).map((item) => item.name);
const undescribed = (items) => (items ?? []).filter((item) => !item.description?.trim()).map((item) => item.name || '(default)');

describe('custom-elements.json', () => {
  test('describes all seven elements', () => {
    assert.deepEqual([...declarations.keys()].sort(), [...ELEMENTS].sort());
  });

  for (const element of ELEMENTS) {
    describe(`cw-${element}`, () => {
      test('lists every part its templates use', () => {
        const used = all(sources(element).code, /\bpart="([\w-]+)"/g);
        assert.deepEqual(used.filter((part) => !names(declarations.get(element).cssParts).includes(part)), []);
      });

      test('lists every slot its templates render', () => {
        const code = sources(element).code;
        const used = [...all(code, /<slot\s+name="([\w-]+)"/g), ...(/<slot>|<slot\s+(?!name)/.test(code) ? [''] : [])];
        assert.deepEqual(used.filter((slot) => !names(declarations.get(element).slots).includes(slot)), []);
      });

      test('lists every event it emits', () => {
        const used = all(sources(element).code, /\bemit\(\s*this,\s*'([\w-]+)'/g);
        const events = declarations.get(element).events ?? [];
        assert.deepEqual(used.filter((event) => !names(events).includes(event)), []);
        assert.deepEqual(events.filter((event) => !event.type?.text).map((event) => event.name), [], 'events without a detail type');
      });

      test('lists every CSS custom property of its own that its styles read', () => {
        const used = all(sources(element).styles, new RegExp(`var\\((--cw-${element}-[\\w-]+)`, 'g'));
        assert.deepEqual(used.filter((property) => !names(declarations.get(element).cssProperties).includes(property)), []);
      });

      test('lists every reactive property, with its attribute unless it has none', () => {
        const main = sources(element).main;
        const declaration = declarations.get(element);
        const members = new Map((declaration.members ?? []).map((member) => [member.name, member]));
        const attributes = names(declaration.attributes);
        for (const [, options, field] of main.matchAll(/@property\(([^)]*)\)\s*(?:@\w+\([^)]*\)\s*)*(?:override\s+)?(\w+)[?!]?\s*[:=;]/g)) {
          assert.ok(members.has(field), `property ${field} is missing`);
          if (/attribute:\s*false/.test(options)) continue;
          const attribute = /attribute:\s*'([\w-]+)'/.exec(options)?.[1] ?? field.toLowerCase();
          assert.ok(attributes.includes(attribute), `attribute ${attribute} (${field}) is missing`);
        }
      });

      test('describes every attribute, property, event, slot, part and custom property', () => {
        const declaration = declarations.get(element);
        const fields = (declaration.members ?? []).filter((member) => member.kind === 'field');
        assert.deepEqual({
          attributes: undescribed(declaration.attributes), properties: undescribed(fields), events: undescribed(declaration.events),
          slots: undescribed(declaration.slots), parts: undescribed(declaration.cssParts), cssProperties: undescribed(declaration.cssProperties),
        }, { attributes: [], properties: [], events: [], slots: [], parts: [], cssProperties: [] });
      });
    });
  }

  test('the message list and the widget pass on every part of the elements inside them', () => {
    const parts = (element) => names(declarations.get(element).cssParts);
    for (const part of parts('message')) assert.ok(parts('message-list').includes(part), `message-list: ${part}`);
    for (const inner of ['launcher', 'message-list', 'composer', 'contact-form']) {
      for (const part of parts(inner)) assert.ok(parts('widget').includes(`${inner}-${part}`), `widget: ${inner}-${part}`);
    }
  });
});
