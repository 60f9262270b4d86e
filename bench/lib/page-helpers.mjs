// Functions that run in the bench's pages (passed as source text to page.evaluate / waitForFunction): they
// look through open shadow roots, where the kit's elements keep their content.

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
