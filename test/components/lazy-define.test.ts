import { expect, fixture, html } from '@open-wc/testing';
import { LazyElements } from '../../components/shared/lazy-define.js';
import { definedOf } from '../helpers/defined.js';

let counter = 0;

/** A tag of its own per test (the registry lives as long as the page) and a loader that defines it. */
function lazyTag(options: { fail?: number } = {}) {
  const tag = `x-lazy-${++counter}`;
  let failures = options.fail ?? 0;
  const loader = { calls: 0, load: async () => {} };
  loader.load = async () => {
    loader.calls++;
    if (failures-- > 0) throw new Error('offline');
    if (!customElements.get(tag)) customElements.define(tag, class extends HTMLElement {});
  };
  return { tag, loader };
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('LazyElements', () => {
  it('defines an element already in the document', async () => {
    const { tag, loader } = lazyTag();
    await fixture(html`<div>${document.createElement(tag)}</div>`);
    new LazyElements({ [tag]: loader.load });
    await customElements.whenDefined(tag);
    expect(loader.calls).to.equal(1);
  });

  it('defines an element when its tag is added to the document later', async () => {
    const { tag, loader } = lazyTag();
    new LazyElements({ [tag]: loader.load });
    await nextFrame();
    expect(loader.calls).to.equal(0);
    const host = await fixture(html`<div></div>`);
    host.append(document.createElement('section'));
    host.firstElementChild!.append(document.createElement(tag));
    await customElements.whenDefined(tag);
    expect(loader.calls).to.equal(1);
  });

  it('loads nothing for a tag the page does not use', async () => {
    const { tag, loader } = lazyTag();
    new LazyElements({ [tag]: loader.load });
    await fixture(html`<p>No parts here</p>`);
    await nextFrame();
    expect(loader.calls).to.equal(0);
    expect(definedOf(tag)).to.deep.equal([]);
  });

  it('defines parts in a shadow root once a chat inside it fires an event', async () => {
    const { tag, loader } = lazyTag();
    new LazyElements({ [tag]: loader.load });
    const host = await fixture(html`<div></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const chat = document.createElement('div');
    chat.append(document.createElement(tag));
    shadow.append(chat);
    await nextFrame();
    expect(loader.calls).to.equal(0);
    chat.dispatchEvent(new CustomEvent('cw-ready', { bubbles: true, composed: true }));
    await customElements.whenDefined(tag);
    expect(loader.calls).to.equal(1);
  });

  it('defines everything on loadAll()', async () => {
    const first = lazyTag();
    const second = lazyTag();
    const lazy = new LazyElements({ [first.tag]: first.loader.load, [second.tag]: second.loader.load });
    await lazy.loadAll();
    expect(definedOf(first.tag, second.tag)).to.deep.equal([first.tag, second.tag]);
  });

  it('tries a failed download again the next time the tag is added, not in a loop', async () => {
    const { tag, loader } = lazyTag({ fail: 1 });
    const lazy = new LazyElements({ [tag]: loader.load });
    let failure: unknown;
    await lazy.loadAll().catch((error: unknown) => (failure = error));
    expect((failure as Error).message).to.equal('offline');
    await nextFrame();
    expect(loader.calls).to.equal(1);
    const host = await fixture(html`<div></div>`);
    host.append(document.createElement(tag));
    await customElements.whenDefined(tag);
    expect(loader.calls).to.equal(2);
  });
});

describe('the one-script-tag entry', () => {
  it('defines the parts a bespoke page uses directly, and only those', async () => {
    await import('../../components/chatwoot-elements.js');
    expect(definedOf('cw-chat', 'cw-message-list')).to.deep.equal(['cw-chat']);
    await fixture(html`<div><cw-message-list></cw-message-list></div>`);
    await customElements.whenDefined('cw-message-list');
    expect(definedOf('cw-contact-form')).to.deep.equal([]);
  });
});
