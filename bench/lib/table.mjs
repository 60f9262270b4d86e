// Markdown tables, printed by `npm run bench` and pasted into BENCHMARKS.md as they are.

/** @param {string[]} columns @param {(string|number)[][]} rows @param {('l'|'r')[]} [align] */
export function markdownTable(columns, rows, align = columns.map((_, index) => (index === 0 ? 'l' : 'r'))) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const rule = align.map((side) => (side === 'r' ? '---:' : '---'));
  return [line(columns), line(rule), ...rows.map((row) => line(row.map(String)))].join('\n');
}
