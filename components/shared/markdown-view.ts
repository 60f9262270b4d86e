import { html, nothing, type TemplateResult } from 'lit';
import { parseMarkdown, type Block, type Inline } from './markdown.js';

/**
 * Renders Markdown as Lit templates: every piece of text goes through interpolation (never innerHTML),
 * and links, already restricted to http(s), mailto and tel, open in a new tab without an opener.
 */
export function renderMarkdown(source: string): (TemplateResult | typeof nothing)[] {
  return parseMarkdown(source).map(renderBlock);
}

function renderBlock(block: Block): TemplateResult | typeof nothing {
  switch (block.type) {
    case 'paragraph': {
      // plain text, the most common message, as the paragraph's text: no marker comments in a long history
      const [only] = block.children;
      if (block.children.length === 1 && only.type === 'text') return html`<p .textContent=${only.text}></p>`;
      return html`<p>${block.children.map(renderInline)}</p>`;
    }
    case 'heading':
      return html`<p class="heading"><strong>${block.children.map(renderInline)}</strong></p>`;
    case 'code':
      return html`<pre><code>${block.text}</code></pre>`;
    case 'quote':
      return html`<blockquote>${block.children.map(renderBlock)}</blockquote>`;
    case 'rule':
      return html`<hr>`;
    case 'list': {
      const items = block.items.map((item) => html`<li>${renderItem(item)}</li>`);
      return block.ordered ? html`<ol start=${block.start}>${items}</ol>` : html`<ul>${items}</ul>`;
    }
  }
}

/** A list item of one paragraph renders without the <p>, as tight lists do. */
function renderItem(blocks: Block[]) {
  if (blocks.length === 1 && blocks[0].type === 'paragraph') return blocks[0].children.map(renderInline);
  return blocks.map(renderBlock);
}

function renderInline(node: Inline): TemplateResult | string {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'break':
      return html`<br>`;
    case 'code':
      return html`<code>${node.text}</code>`;
    case 'strong':
      return html`<strong>${node.children.map(renderInline)}</strong>`;
    case 'emphasis':
      return html`<em>${node.children.map(renderInline)}</em>`;
    case 'strike':
      return html`<s>${node.children.map(renderInline)}</s>`;
    case 'link':
      return html`<a href=${node.href} target="_blank" rel="noopener noreferrer">${node.children.map(renderInline)}</a>`;
  }
}
