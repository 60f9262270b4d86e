// A small Markdown parser for agent and bot messages. It builds a tree of plain data (no HTML strings at
// all), so rendering it through Lit templates is safe by construction: text is always text, and a link
// exists only for a URL that passed `safeUrl`. It runs in linear time on hostile input (no backtracking
// regular expressions; delimiters are found through precomputed positions; nesting is capped).

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'break' }
  | { type: 'strong' | 'emphasis' | 'strike'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'quote'; children: Block[] }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'rule' };

const MAX_DEPTH = 8;
/** The URL if it is absolute and uses http, https, mailto or tel; undefined otherwise. */
export function safeUrl(raw: string): string | undefined {
  const trimmed = raw.trim();
  // the scheme is checked on the text itself: the parsed URL keeps it (lower-cased)
  if (!/^(https?:\/\/|mailto:|tel:)/i.test(trimmed)) return undefined;
  try {
    return new URL(trimmed).href;
  } catch {
    return undefined;
  }
}

export function parseMarkdown(source: string): Block[] {
  return parseBlocks(source.replace(/\r\n?/g, '\n').split('\n'), 0);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])[ \t]+/;
const HEADING = /^ {0,3}#{1,6}[ \t]+/;
const RULE = /^ {0,3}([-*_])[ \t]*(\1[ \t]*){2,}$/;
const QUOTE = /^ {0,3}> ?/;

function parseBlocks(lines: string[], depth: number): Block[] {
  const blocks: Block[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index];
    if (line.trim() === '') {
      index++;
    } else if (FENCE.test(line)) {
      const fence = FENCE.exec(line)![1];
      const end = lines.findIndex((candidate, at) => at > index && candidate.trim().startsWith(fence));
      const stop = end === -1 ? lines.length : end;
      blocks.push({ type: 'code', text: lines.slice(index + 1, stop).join('\n') });
      index = stop + 1;
    } else if (depth < MAX_DEPTH && QUOTE.test(line)) {
      const start = index;
      while (index < lines.length && QUOTE.test(lines[index])) index++;
      blocks.push({ type: 'quote', children: parseBlocks(lines.slice(start, index).map((item) => item.replace(QUOTE, '')), depth + 1) });
    } else if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      index++;
    } else if (depth < MAX_DEPTH && LIST_ITEM.test(line)) {
      index = parseList(lines, index, depth, blocks);
    } else if (HEADING.test(line)) {
      blocks.push({ type: 'heading', children: parseInline(line.replace(HEADING, '').replace(/[ \t]#+[ \t]*$/, ''), depth) });
      index++;
    } else {
      const start = index;
      while (index < lines.length && lines[index].trim() !== '' && (index === start || !startsBlock(lines[index]))) index++;
      blocks.push({ type: 'paragraph', children: parseInline(lines.slice(start, index).map((item) => item.trim()).join('\n'), depth) });
    }
  }
  return blocks;
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || QUOTE.test(line) || LIST_ITEM.test(line) || HEADING.test(line) || RULE.test(line);
}

function parseList(lines: string[], first: number, depth: number, blocks: Block[]): number {
  const marker = LIST_ITEM.exec(lines[first])!;
  const ordered = /\d/.test(marker[2]);
  const items: Block[][] = [];
  let index = first;
  while (index < lines.length) {
    const match = LIST_ITEM.exec(lines[index]);
    if (!match || /\d/.test(match[2]) !== ordered) break;
    const body = [lines[index].slice(match[0].length)];
    index++;
    // continuation: indented lines, and blank lines followed by indented lines
    while (index < lines.length) {
      const next = lines[index];
      if (/^( {2,}|\t)/.test(next)) body.push(next.replace(/^( {1,4}|\t)/, ''));
      else if (next.trim() === '' && /^( {2,}|\t)\S/.test(lines[index + 1] ?? '')) body.push('');
      else break;
      index++;
    }
    items.push(parseBlocks(body, depth + 1));
  }
  blocks.push({ type: 'list', ordered, start: ordered ? Number.parseInt(marker[2], 10) : 1, items });
  return index;
}

export function parseInline(text: string, depth = 0): Inline[] {
  return new InlineParser(text).parse(0, text.length, depth);
}

/** What a special character starts: its nodes, and the index after it. */
type Special = [nodes: Inline[], next: number];

/**
 * Parses one text's inline Markdown. Where delimiters and brackets are is computed once per text, so nothing is
 * rescanned per opener.
 */
class InlineParser {
  readonly #text: string;
  readonly #closers = new Map<string, number[]>();
  #pairs?: Map<number, number>;

  constructor(text: string) {
    this.#text = text;
  }

  parse(from: number, to: number, depth: number): Inline[] {
    const nodes: Inline[] = [];
    let plain = '';
    const flush = () => {
      if (plain) nodes.push({ type: 'text', text: plain });
      plain = '';
    };
    let at = from;
    while (at < to) {
      const result: Special | undefined = this.#special(at, to, depth);
      if (result) {
        flush();
        nodes.push(...result[0]);
        at = result[1];
      } else {
        plain += this.#text[at];
        at++;
      }
    }
    flush();
    return nodes;
  }

  /**
   * The first `token` at or after `from` and before `limit`. For emphasis (`flanking`), only occurrences
   * not preceded by white space count as closers. (The tokens of emphasis, of code and `>` are never the same,
   * so the token alone names its positions.)
   */
  #closer(token: string, from: number, limit: number, flanking = true): number {
    let positions = this.#closers.get(token);
    if (!positions) {
      positions = [];
      for (let at = this.#text.indexOf(token); at !== -1; at = this.#text.indexOf(token, at + token.length)) {
        if (!flanking || !/\s/.test(this.#text[at - 1] ?? ' ')) positions.push(at);
      }
      this.#closers.set(token, positions);
    }
    let low = 0;
    let high = positions.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (positions[middle] < from) low = middle + 1;
      else high = middle;
    }
    return low < positions.length && positions[low] < limit ? positions[low] : -1;
  }

  /** The index of the bracket closing the `[` or `(` at `at`, or -1. */
  #matching(at: number): number {
    this.#pairs ??= this.#pairBrackets();
    return this.#pairs.get(at) ?? -1;
  }

  #pairBrackets(): Map<number, number> {
    const pairs = new Map<number, number>();
    // the openers not yet closed, by the closing bracket they wait for
    const open: Record<string, number[]> = { ']': [], ')': [] };
    for (let index = 0; index < this.#text.length; index++) {
      const char = this.#text[index];
      if (char === '\\') index++;
      else if (char === '[') open[']'].push(index);
      else if (char === '(') open[')'].push(index);
      else if (char in open) {
        const start = open[char].pop();
        if (start !== undefined) pairs.set(start, index);
      }
    }
    return pairs;
  }

  #special(at: number, to: number, depth: number): Special | undefined {
    const text = this.#text;
    const char = text[at];
    if (char === '\n') return [[{ type: 'break' }], at + 1];
    if (char === '\\' && at + 1 < to && /[!-/:-@[-`{-~]/.test(text[at + 1])) {
      return [[{ type: 'text', text: text[at + 1] }], at + 2];
    }
    if (char === '`') return this.#code(at, to);
    if (char === '[' || (char === '!' && text[at + 1] === '[')) return this.#link(at, to, depth);
    if (char === '<') return this.#angleLink(at, to);
    if ((char === 'h' || char === 'H') && /\W/.test(text[at - 1] ?? ' ')) return this.#bareUrl(at, to);
    if ((char === '*' || char === '_' || char === '~') && depth < MAX_DEPTH) return this.#emphasis(at, to, depth);
    return undefined;
  }

  #code(at: number, to: number): Special {
    let run = 1;
    while (this.#text[at + run] === '`') run++;
    const fence = '`'.repeat(run);
    const close = this.#closer(fence, at + run, to, false);
    if (close === -1 || close === at + run) return [[{ type: 'text', text: fence }], at + run];
    return [[{ type: 'code', text: this.#text.slice(at + run, close).trim() }], close + run];
  }

  #emphasis(at: number, to: number, depth: number): Special | undefined {
    const text = this.#text;
    const double = text[at + 1] === text[at];
    // ** and __ strong, * and _ emphasis, ~~ strike; a single ~ is text
    const type = text[at] === '~' ? (double ? 'strike' : undefined) : double ? 'strong' : 'emphasis';
    if (!type) return undefined;
    const token = double ? text.slice(at, at + 2) : text[at];
    const start = at + token.length;
    if (start >= to || /\s/.test(text[start])) return undefined;
    // underscores inside words (snake_case) are not emphasis
    if (text[at] === '_' && /[\p{L}\p{N}]/u.test(text[at - 1] ?? '')) return undefined;
    const close = this.#closer(token, start + 1, to);
    if (close === -1) return undefined;
    if (text[at] === '_' && /[\p{L}\p{N}]/u.test(text[close + token.length] ?? '')) return undefined;
    return [[{ type, children: this.parse(start, close, depth + 1) }], close + token.length];
  }

  #link(at: number, to: number, depth: number): Special | undefined {
    const text = this.#text;
    const image = text[at] === '!';
    const open = image ? at + 1 : at;
    const labelEnd = this.#matching(open);
    if (labelEnd === -1 || labelEnd >= to || text[labelEnd + 1] !== '(') return undefined;
    const urlEnd = this.#matching(labelEnd + 1);
    if (urlEnd === -1 || urlEnd >= to) return undefined;
    const destination = text.slice(labelEnd + 2, urlEnd).trim().replace(/\s+["'(].*$/s, '').replace(/^<(.*)>$/s, '$1');
    const href = safeUrl(destination);
    const children = this.parse(open + 1, labelEnd, depth + 1);
    const next = urlEnd + 1;
    // images are shown as links: an agent's image URL must not make the page load anything by itself
    // a link whose URL is not allowed keeps only its text
    if (!href) return [children, next];
    return [[{ type: 'link', href, children: children.length ? children : [{ type: 'text', text: href }] }], next];
  }

  #angleLink(at: number, to: number): Special | undefined {
    const close = this.#closer('>', at, to, false);
    if (close === -1 || close - at > 2048) return undefined;
    const inner = this.#text.slice(at + 1, close);
    const href = safeUrl(inner);
    if (!href || /\s/.test(inner)) return undefined;
    return [[{ type: 'link', href, children: [{ type: 'text', text: inner }] }], close + 1];
  }

  #bareUrl(at: number, to: number): Special | undefined {
    if (!/^https?:\/\//i.test(this.#text.slice(at, at + 8))) return undefined;
    const match = /^https?:\/\/[^\s<>"]+/i.exec(this.#text.slice(at, Math.min(to, at + 4096)));
    if (!match) return undefined;
    let url = match[0];
    // trailing punctuation belongs to the sentence, and a closing parenthesis only if one was opened
    while (/[.,;:!?'*_~]$/.test(url) || (url.endsWith(')') && url.split('(').length < url.split(')').length)) url = url.slice(0, -1);
    const href = safeUrl(url);
    if (!href) return undefined;
    return [[{ type: 'link', href, children: [{ type: 'text', text: url }] }], at + url.length];
  }
}
