import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { parseMarkdown, safeUrl } from '../../components/shared/markdown.js';
import { renderMarkdown } from '../../components/shared/markdown-view.js';

interface Vector { id: string; content?: string; generate?: { repeat: string; times: number; suffix?: string }; expect: string }

const DANGEROUS = 'script, iframe, object, embed, base, meta, form, link, style, frame, img, svg, math, input, video, source';
const ALLOWED_HREF = /^(https?:|mailto:|tel:)/;

function renderInto(text: string): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(renderMarkdown(text), container);
  return container;
}

function problems(container: HTMLElement): string[] {
  const found: string[] = [];
  for (const element of container.querySelectorAll('*')) {
    if (element.matches(DANGEROUS)) found.push(`<${element.localName}>`);
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name) || attribute.name === 'style' || attribute.name === 'id' || attribute.name === 'name') found.push(`${element.localName}[${attribute.name}]`);
    }
    if (element instanceof HTMLAnchorElement && !ALLOWED_HREF.test(element.href)) found.push(`a[href=${element.href}]`);
  }
  return found;
}

async function vectors(): Promise<Vector[]> {
  const data = await (await fetch('/__shared/security/markdown-url-vectors.json')).json() as { content: Vector[] };
  return data.content;
}

const textOf = (vector: Vector) => vector.content ?? `${vector.generate!.repeat.repeat(vector.generate!.times)}${vector.generate!.suffix ?? ''}`;

describe('Markdown', () => {
  const executed: string[] = [];
  const originalAlert = window.alert;
  before(() => { window.alert = (message?: unknown) => executed.push(String(message)); });
  after(() => { window.alert = originalAlert; });
  afterEach(() => document.querySelectorAll('body > div').forEach((element) => element.remove()));

  it('renders formatting: paragraphs, breaks, bold, italic, strike, code, lists, quotes and links', () => {
    const container = renderInto('**bold** _it_ ~~gone~~ `code`\nnext line\n\n- a\n- b\n\n1. one\n2. two\n\n> quoted\n\n```\nblock <b>\n```\n\nsee https://example.com/x.');
    expect(container.querySelector('strong')!.textContent).to.equal('bold');
    expect(container.querySelector('em')!.textContent).to.equal('it');
    expect(container.querySelector('s')!.textContent).to.equal('gone');
    expect(container.querySelector('p code')!.textContent).to.equal('code');
    expect(container.querySelector('p br')).to.not.equal(null);
    expect([...container.querySelectorAll('ul li')].map((item) => item.textContent)).to.deep.equal(['a', 'b']);
    expect([...container.querySelectorAll('ol li')].map((item) => item.textContent)).to.deep.equal(['one', 'two']);
    expect(container.querySelector('blockquote')!.textContent!.trim()).to.equal('quoted');
    expect(container.querySelector('pre code')!.textContent).to.equal('block <b>');
    const link = container.querySelector('a')!;
    expect(link.href).to.equal('https://example.com/x');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
  });

  it('keeps underscores inside words and lone delimiters as text', () => {
    expect(renderInto('snake_case_name and 2 * 3 * 4').textContent).to.equal('snake_case_name and 2 * 3 * 4');
  });

  it('allows links only to http, https, mailto and tel', () => {
    expect(safeUrl('https://example.com')).to.equal('https://example.com/');
    expect(safeUrl('mailto:a@example.com')).to.equal('mailto:a@example.com');
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:x', 'data:text/html,x', 'vbscript:x', '/relative', 'file:///etc', 'mention://user/1']) {
      expect(safeUrl(bad), bad).to.equal(undefined);
    }
  });

  it('neutralizes every content vector of the security corpus and keeps the positive controls', async () => {
    for (const vector of await vectors()) {
      const container = renderInto(textOf(vector));
      expect(problems(container), vector.id).to.deep.equal([]);
      const [kind, value] = [vector.expect.split(':')[0], vector.expect.slice(vector.expect.indexOf(':') + 1)];
      if (kind === 'link' || kind === 'link-if-linkify') expect([...container.querySelectorAll('a')].map((a) => a.href), vector.id).to.include(value);
      if (kind === 'literal-text' && vector.expect.includes(':')) expect(container.textContent, vector.id).to.equal(value);
      if (kind === 'text') expect(container.textContent, vector.id).to.equal(value);
      if (vector.id === 'p06') expect(container.querySelectorAll('strong, em, code, li').length, vector.id).to.equal(5);
      container.remove();
    }
    expect(executed).to.deep.equal([]);
  });

  it('parses hostile input of a megabyte without running away', () => {
    for (const text of ['['.repeat(50_000), '*a '.repeat(300_000), '<'.repeat(200_000), 'h'.repeat(1 << 20), '`'.repeat(100_000), '> '.repeat(5000)]) {
      expect(parseMarkdown(text).length).to.be.greaterThan(0);
    }
  });
});
