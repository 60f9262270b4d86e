// Server rendering must not break pages: the package imported in Node (as Next.js or Nuxt import it while
// rendering on the server) throws nothing and touches no browser global, and with @lit-labs/ssr the elements
// render to declarative shadow DOM. Each check runs in a child process, as a fresh server would.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { installScratchPackage, runScript as runIn } from './helpers.mjs';

const ELEMENT_ENTRIES = ['chat', 'launcher', 'message-list', 'message', 'composer', 'contact-form', 'widget'];
/** What a browser page has and Node has not; the package may use them only once an element is in a page. */
const BROWSER_GLOBALS = [
  'window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'matchMedia', 'MutationObserver',
  'ResizeObserver', 'IntersectionObserver', 'requestAnimationFrame', 'getComputedStyle', 'HTMLElement', 'CSSStyleSheet',
];

/** @type {Awaited<ReturnType<typeof installScratchPackage>>} */
let scratch;

before(async () => {
  scratch = await installScratchPackage();
});

after(() => scratch?.remove());

const runScript = (name, source) => runIn(scratch.folder, name, source);

/** The last line a script printed, as JSON. */
function output(result) {
  assert.equal(result.status, 0, `the script failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.split('\n').at(-1));
}

describe('importing the package in Node', () => {
  test('the main entry, every element entry and the services import without an error', () => {
    const specifiers = ['chatwoot-elements', ...ELEMENT_ENTRIES.map((name) => `chatwoot-elements/${name}`), 'chatwoot-elements/services'];
    const result = runScript('import-all.mjs', `
      const loaded = [];
      for (const specifier of ${JSON.stringify(specifiers)}) loaded.push([specifier, Object.keys(await import(specifier)).length]);
      await new Promise((resolve) => setTimeout(resolve, 200)); // let anything started at import settle
      console.log(JSON.stringify(loaded));`);
    assert.equal(result.stderr, '');
    const loaded = output(result);
    assert.deepEqual(loaded.map(([specifier]) => specifier), specifiers);
    for (const [specifier, exports] of loaded) assert.ok(exports > 0, `${specifier} exports nothing`);
  });

  test('the main entry registers every element', () => {
    const tags = ['cw-chat', 'cw-launcher', 'cw-message-list', 'cw-message', 'cw-composer', 'cw-contact-form', 'cw-widget'];
    const result = runScript('registers.mjs', `
      await import('chatwoot-elements');
      console.log(JSON.stringify(${JSON.stringify(tags)}.filter((tag) => !customElements.get(tag))));`);
    assert.deepEqual(output(result), [], 'tags left undefined');
  });

  test('no module of the package touches a browser global while it loads', () => {
    // each global becomes a getter that notes who read it: reads from the package's files are the failures
    const result = runScript('globals.mjs', `
      const reads = [];
      for (const name of ${JSON.stringify(BROWSER_GLOBALS)}) {
        Object.defineProperty(globalThis, name, { configurable: true, get() {
          const stack = new Error().stack.split('\\n').slice(2).join('\\n');
          if (stack.includes('/chatwoot-elements/')) reads.push(name + '\\n' + stack);
          return undefined;
        } });
      }
      await import('chatwoot-elements');
      await import('chatwoot-elements/services');
      await new Promise((resolve) => setTimeout(resolve, 200));
      console.log(JSON.stringify(reads));`);
    assert.deepEqual(output(result), []);
  });

  test('the services entry loads no Lit and registers no element', () => {
    const result = runScript('services.mjs', `
      const services = await import('chatwoot-elements/services');
      console.log(JSON.stringify({ chatSession: typeof services.ChatSession, registry: typeof globalThis.customElements }));`);
    assert.deepEqual(output(result), { chatSession: 'function', registry: 'undefined' });
  });
});

describe('rendering on the server with @lit-labs/ssr', () => {
  /** Renders `markup` (a template literal's body) after importing the package; the HTML string. */
  function renderToString(name, markup) {
    const result = runScript(name, `
      import { render } from '@lit-labs/ssr';
      import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
      import { html } from 'lit';
      await import('chatwoot-elements');
      const markup = await collectResult(render(html\`${markup}\`));
      await new Promise((resolve) => setTimeout(resolve, 200));
      console.log(JSON.stringify(markup));`);
    return output(result);
  }

  test('the launcher renders to declarative shadow DOM with its button', () => {
    const markup = renderToString('launcher.mjs', '<cw-launcher label="Chat with us"></cw-launcher>');
    assert.match(markup, /<cw-launcher[^>]*><template shadowroot="open" shadowrootmode="open"/);
    assert.match(markup, /<button part="button" aria-expanded="false"/);
    assert.match(markup, /aria-label="Chat with us"/);
    assert.match(markup, /<style>[^<]*--cw-launcher-size/, 'the styles are rendered into the shadow root');
  });

  for (const tag of ['cw-message-list', 'cw-composer', 'cw-contact-form', 'cw-message']) {
    test(`${tag} renders to declarative shadow DOM on its own`, () => {
      const markup = renderToString(`${tag}.mjs`, `<${tag}></${tag}>`);
      assert.match(markup, new RegExp(`<${tag}[^>]*><template shadowroot="open" shadowrootmode="open"`));
    });
  }

  test('a chat with its parts renders on the server', () => {
    const markup = renderToString('chat.mjs', `<cw-chat base-url="https://chat.example" inbox="abc" storage="none">
      <cw-message-list></cw-message-list><cw-composer></cw-composer><cw-launcher></cw-launcher></cw-chat>`);
    for (const tag of ['cw-chat', 'cw-message-list', 'cw-composer', 'cw-launcher']) {
      assert.match(markup, new RegExp(`<${tag}[^>]*><template shadowroot="open" shadowrootmode="open"`), tag);
    }
  });

  test('the drop-in widget renders on the server', () => {
    const markup = renderToString('widget.mjs', '<cw-widget base-url="https://chat.example" inbox="abc" storage="none"></cw-widget>');
    assert.match(markup, /<cw-widget[^>]*><template shadowroot="open" shadowrootmode="open"/);
  });
});
