// The bench's pages: the drop-in page the sections open, and functions that run in it (passed as source text
// to page.evaluate / waitForFunction) looking through open shadow roots, where the elements keep their content.

/** The element matching `selector` anywhere, shadow roots included. */
export function deepFind(selector, root = document) {
  const found = root.querySelector(selector);
  if (found) return found;
  for (const element of root.querySelectorAll('*')) {
    const inner = element.shadowRoot && deepFind(selector, element.shadowRoot);
    if (inner) return inner;
  }
  return null;
}

/** Every text in the document and its shadow roots. */
export function deepText(root = document.body) {
  let text = '';
  for (const node of [root, ...root.querySelectorAll('*')]) {
    if (node.shadowRoot) text += deepText(node.shadowRoot);
    for (const child of node.childNodes) if (child.nodeType === Node.TEXT_NODE) text += child.data;
  }
  return text;
}

/** Both, as source text to put in front of an expression evaluated in the page. */
export const DEEP_HELPERS = `${deepFind}\n${deepText}`;

/**
 * A page with the drop-in and one `<cw-widget>` on `inbox` (built, not run, in Node: it is written to the
 * directory the stand-in serves). `open` opens the chat at once.
 */
export function widgetPage(url, inbox, { title = 'cw-widget', open = false } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="icon" href="data:,"><script type="module" src="/chatwoot-elements.js"></script></head>
<body><cw-widget base-url="${url}" inbox="${inbox}"${open ? ' open' : ''}></cw-widget></body></html>\n`;
}
