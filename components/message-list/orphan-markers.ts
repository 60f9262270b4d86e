// lit-html 3.3.1 to 3.3.3 leave the end marker of every item `repeat` removes in the DOM (lit/lit#5298, fix
// pending in lit/lit#5299). A list whose window moves as the reader scrolls removes items all the time, so
// the orphans would pile up without bound. Every live item renders exactly one <li> between its own two
// markers; a comment that touches no <li> belongs to no item and can go.

/** Removes the comments among `list`'s children that are not next to an item, except Lit's marker before the first. */
export function removeOrphanMarkers(list: Element): void {
  const isItem = (node: Node | null) => node?.nodeType === Node.ELEMENT_NODE && (node as Element).localName === 'li';
  let node = list.firstChild?.nextSibling ?? null;
  while (node) {
    const next = node.nextSibling;
    if (node.nodeType === Node.COMMENT_NODE && !isItem(node.previousSibling) && !isItem(next)) node.remove();
    node = next;
  }
}
