// Runs the harness over rendered kit messages: each <cw-message> is checked (E.0 dangerous nodes, E2 URLs,
// E5 styles, foreign loads, the vectors' own expectations), then swept, with any execution traced to the
// payload whose message was being swept.
import { deepElements, inspect, settle, sweep, type Hooks } from './harness.js';
import type { Payload } from './corpora.js';

export interface Rendered {
  element: Element;
  payload: Payload;
}

export interface Counts {
  payloads: number;
  /** Hooked calls (alert/confirm/prompt/print) during and after the sweep. */
  executions: number;
  /** Payloads that left at least one dangerous node. */
  dangerous: number;
  /** Requests (made or wired into the DOM) to an origin other than the page's and the stand-in's. */
  foreign: number;
  unsafeUrls: number;
  styles: number;
  /** Positive controls checked (links that must stay, literal text, formatting). */
  positives: number;
  /** Vectors with an expectation (`link:…`, `literal-text`…) that it did not meet. */
  unmet: number;
  /** Uncaught errors and unhandled rejections on the page meanwhile. */
  errors: number;
  failures: string[];
}

/** Expectations that something must be kept (as opposed to removed). */
const POSITIVE = /^(link(-if-linkify)?:|literal-text|text:|formatting-kept$)/;

const textOf = (element: Element) => element.shadowRoot?.querySelector('.markdown')?.textContent ?? '';

/** What the vector's `expect` asks of the rendered message, as a failure message, or undefined when met. */
export function unmetExpectation(element: Element, payload: Payload): string | undefined {
  const expectation = payload.expect;
  const root = element.shadowRoot;
  if (!expectation || !root) return undefined;
  const text = textOf(element);
  const link = expectation.match(/^link(?:-if-linkify)?:(.+)$/);
  if (link) {
    const anchor = [...root.querySelectorAll('a')].find((candidate) => candidate.getAttribute('href') === link[1]);
    if (!anchor) return `no link to ${link[1]}`;
    const rel = anchor.rel.split(/\s+/);
    if (anchor.target !== '_blank' || !rel.includes('noopener') || !rel.includes('noreferrer')) {
      return `link ${link[1]} has target=${anchor.target} rel=${anchor.rel}`;
    }
  }
  if (expectation === 'literal-text') {
    const literal = payload.text.replace(/^`{3}\w*\n|\n`{3}$/g, '').replace(/^`|`$/g, '');
    if (!text.includes(literal)) return `text ${JSON.stringify(text)} lacks ${JSON.stringify(literal)}`;
  }
  if (expectation.startsWith('literal-text:') && !text.includes(expectation.slice('literal-text:'.length))) {
    return `text ${JSON.stringify(text)} lacks the literal`;
  }
  if (expectation.startsWith('text:') && text.trim() !== expectation.slice('text:'.length)) return `text is ${JSON.stringify(text)}`;
  if (expectation === 'formatting-kept') {
    const markdown = root.querySelector('.markdown')!;
    const kept = markdown.querySelector('strong')?.textContent === 'bold' && markdown.querySelector('em')?.textContent === 'it'
      && markdown.querySelector('code')?.textContent === 'code' && markdown.querySelectorAll('li').length === 2;
    if (!kept) return 'formatting lost';
  }
  return undefined;
}

/** Checks, sweeps and counts `rendered` under `hooks`; `allowed` are the origins requests may go to. */
export async function audit(rendered: Rendered[], hooks: Hooks, allowed: string[]): Promise<Counts> {
  const counts: Counts = {
    payloads: rendered.length, executions: 0, dangerous: 0, foreign: 0, unsafeUrls: 0, styles: 0, positives: 0, unmet: 0, errors: 0, failures: [],
  };
  const fail = (payload: Payload, what: string) => counts.failures.push(`${payload.id} (${JSON.stringify(payload.text.slice(0, 80))}): ${what}`);
  const trees = rendered.map(({ element, payload }) => ({ payload, elements: deepElements(element) }));
  for (const { payload, elements } of trees) {
    const report = inspect(elements, allowed);
    const problems = {
      dangerous: report.dangerous, unsafeUrls: report.unsafeUrls, styles: report.styles, foreign: report.foreignLoads,
    };
    for (const [kind, found] of Object.entries(problems) as [keyof typeof problems, string[]][]) {
      if (!found.length) continue;
      counts[kind]++;
      fail(payload, `${kind} ${found.join(' ')}`);
    }
    if (report.clobbering.length) fail(payload, `clobbering ${report.clobbering.join(' ')}`);
  }
  for (const { element, payload } of rendered) {
    if (POSITIVE.test(payload.expect ?? '')) counts.positives++;
    const unmet = unmetExpectation(element, payload);
    if (unmet) {
      counts.unmet++;
      fail(payload, unmet);
    }
  }
  const before = hooks.calls.length;
  for (const { payload, elements } of trees) {
    const start = hooks.calls.length;
    sweep(elements);
    if (hooks.calls.length > start) fail(payload, `executed ${hooks.calls.slice(start).join(' ')}`);
  }
  await settle(window, 500);
  counts.executions = hooks.calls.length - before;
  if (counts.executions && !counts.failures.some((failure) => failure.includes('executed'))) {
    counts.failures.push(`executions not traced to a payload: ${hooks.calls.slice(before).join(' ')}`);
  }
  counts.errors = hooks.errors.length;
  if (hooks.errors.length) counts.failures.push(`uncaught errors: ${hooks.errors.join(' | ')}`);
  counts.foreign += hooks.foreign.length;
  if (hooks.foreign.length) counts.failures.push(`requests to other origins: ${hooks.foreign.join(' ')}`);
  return counts;
}

/** One line per run for the report: `[E1] path=cable corpus=dompurify payloads=223 executions=0 …`. */
export function logCounts(label: string, counts: Counts): void {
  const { failures, ...numbers } = counts;
  console.log(`[${label}] ${Object.entries(numbers).map(([key, value]) => `${key}=${value}`).join(' ')} failures=${failures.length}`);
}
