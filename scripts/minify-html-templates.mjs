// A rollup plugin that drops the line breaks and indentation between tags in the components' Lit `html` and
// `svg` templates. They are formatting, but each one becomes a text node in every rendered copy: a message
// rendered from indented templates carried 11 whitespace-only nodes. Whitespace without a line break is kept,
// and a line break between two bindings or words becomes one space, so inline text reads the same.
import MagicString from 'magic-string';

const TAGS = new Set(['html', 'svg']);
const COMPONENT = /[\\/]components[\\/].*\.ts$/;

/** Whitespace runs that contain a line break: removed next to a tag or at the template's ends, else one space. */
export function collapseTemplateText(raw, isFirst, isLast) {
  return raw.replace(/\s*\n\s*/g, (run, offset) => {
    const end = offset + run.length;
    if ((offset === 0 && isFirst) || (end === raw.length && isLast)) return '';
    if (raw[offset - 1] === '>' || raw[end] === '<') return '';
    return ' ';
  });
}

function visit(node, callback) {
  if (!node || typeof node.type !== 'string') return;
  callback(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) visit(child, callback);
    else if (value && typeof value === 'object' && typeof value.type === 'string') visit(value, callback);
  }
}

export function minifyHtmlTemplates() {
  return {
    name: 'minify-html-templates',
    transform(code, id) {
      if (!COMPONENT.test(id) || !/\b(html|svg)`/.test(code)) return null;
      const magic = new MagicString(code);
      visit(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || !TAGS.has(node.tag.name)) return;
        const { quasis } = node.quasi;
        quasis.forEach((quasi, index) => {
          const raw = code.slice(quasi.start, quasi.end);
          const collapsed = collapseTemplateText(raw, index === 0, index === quasis.length - 1);
          if (collapsed === raw) return;
          if (collapsed) magic.overwrite(quasi.start, quasi.end, collapsed);
          else magic.remove(quasi.start, quasi.end);
        });
      });
      if (!magic.hasChanged()) return null;
      return { code: magic.toString(), map: magic.generateMap({ hires: true }) };
    },
  };
}
