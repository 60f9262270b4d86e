// The XSS harness of RELIABILITY.md §3 E and §4: execution hooks, the interaction sweep, and the counts of
// dangerous nodes (E.0), unsafe URLs (E2), styles (E5) and requests to other origins. It works on any window,
// so the negative control can run it in a throwaway frame.

export interface Hooks {
  /** alert/confirm/prompt/print calls, as `name(argument)`. */
  readonly calls: string[];
  /** Uncaught errors and unhandled rejections. */
  readonly errors: string[];
  /** securitypolicyviolation events, as `directive blocked-uri`. */
  readonly violations: string[];
  /** URLs of resources fetched from an origin not in the allowed list. */
  readonly foreign: string[];
  dispose(): void;
}

const HOOKED = ['alert', 'confirm', 'prompt', 'print'] as const;

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** Whether `node` is an element, from any frame (instanceof only knows this window's Element). */
const isElement = (node: unknown): node is Element => (node as Node | null)?.nodeType === 1;

/** The element a click would follow, if the click's path holds a link. */
function linkOf(event: Event): Element | undefined {
  return event.composedPath().find((node): node is Element => isElement(node)
    && (node.localName === 'a' || node.localName === 'area') && (node.hasAttribute('href') || node.hasAttribute('xlink:href')));
}

function resolvedHref(link: Element): string {
  const raw = link.getAttribute('href') ?? link.getAttribute('xlink:href') ?? '';
  try {
    return new URL(raw, link.baseURI).href;
  } catch {
    return raw;
  }
}

/**
 * Hooks `win`: the four dialog functions record instead of opening, errors and CSP violations are kept,
 * resources from other origins are listed, and clicks on links are cancelled unless the link is `javascript:`
 * (those must really run, to prove they cannot).
 */
export function installHooks(win: Window & typeof globalThis, allowedOrigins: string[]): Hooks {
  const calls: string[] = [];
  const errors: string[] = [];
  const violations: string[] = [];
  const foreign: string[] = [];
  const saved = HOOKED.map((name) => [name, win[name]] as const);
  for (const name of HOOKED) {
    (win as unknown as Record<string, unknown>)[name] = (argument?: unknown) => {
      calls.push(`${name}(${String(argument ?? '')})`);
      return name === 'confirm' ? false : name === 'prompt' ? null : undefined;
    };
  }
  const allowed = new Set(allowedOrigins.map((url) => new URL(url).origin));
  const onError = (event: ErrorEvent) => errors.push(event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
  const onViolation = (event: SecurityPolicyViolationEvent) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
  const onClick = (event: MouseEvent) => {
    const link = linkOf(event);
    if (link && !/^\s*javascript:/i.test(resolvedHref(link))) event.preventDefault();
  };
  const onSubmit = (event: Event) => event.preventDefault();
  const startedAt = win.performance.now();
  const observer = new win.PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.startTime < startedAt) continue;
      if (!allowed.has(originOf(entry.name))) foreign.push(entry.name);
    }
  });
  observer.observe({ type: 'resource', buffered: true });
  win.addEventListener('error', onError);
  win.addEventListener('unhandledrejection', onRejection);
  win.document.addEventListener('securitypolicyviolation', onViolation, true);
  win.addEventListener('click', onClick, true);
  win.addEventListener('submit', onSubmit, true);
  return {
    calls, errors, violations, foreign,
    dispose() {
      for (const [name, original] of saved) (win as unknown as Record<string, unknown>)[name] = original;
      observer.disconnect();
      win.removeEventListener('error', onError);
      win.removeEventListener('unhandledrejection', onRejection);
      win.document.removeEventListener('securitypolicyviolation', onViolation, true);
      win.removeEventListener('click', onClick, true);
      win.removeEventListener('submit', onSubmit, true);
    },
  };
}

/** Every element below `root`, the root itself if it is an element, and everything in open shadow roots. */
export function deepElements(root: Element | ShadowRoot | Document): Element[] {
  const found: Element[] = isElement(root) ? [root] : [];
  if (isElement(root) && root.shadowRoot) found.push(...deepElements(root.shadowRoot));
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...deepElements(element.shadowRoot));
  }
  return found;
}

/**
 * Fires what could start a handler on each element: mouseover, focus, click (a real activation: links,
 * buttons, summaries), error, load, toggle and animationstart. Forms get their submit cancelled first
 * (submit does not cross shadow roots, so the window hook would not see it).
 */
export function sweep(elements: Element[]): void {
  for (const element of elements) {
    if (element.localName === 'form') element.addEventListener('submit', (event) => event.preventDefault());
  }
  for (const element of elements) {
    const view = element.ownerDocument.defaultView as (Window & typeof globalThis) | null;
    if (!view) continue;
    const options = { bubbles: true, composed: true, cancelable: true };
    element.dispatchEvent(new view.MouseEvent('mouseover', options));
    element.dispatchEvent(new view.FocusEvent('focus'));
    if (element instanceof view.HTMLElement) element.click();
    else element.dispatchEvent(new view.MouseEvent('click', options));
    for (const type of ['error', 'load', 'toggle']) element.dispatchEvent(new view.Event(type));
    element.dispatchEvent(new view.AnimationEvent('animationstart', options));
  }
}

const DANGEROUS_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'base', 'meta', 'form', 'link', 'style', 'frame']);
const URL_ATTRIBUTES = new Set([
  'href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'ping', 'lowsrc', 'dynsrc',
  'codebase', 'cite', 'longdesc', 'usemap',
]);
/** Attributes that may hold several URLs (or an SVG animation's target values). */
const URL_LIST_ATTRIBUTES = new Set(['srcset', 'values', 'to', 'from', 'by']);
const RASTER = /^data:image\/(png|jpe?g|gif|webp|avif|bmp)[;,]/;

/** A URL value as a browser reads it for its scheme: no white space or control characters, lower case. */
const squeezed = (value: string) => value.replace(/[\u0000-\u0020\u007f-\u00a0\s]/g, '').toLowerCase();

function unsafeScheme(url: string): boolean {
  return url.startsWith('javascript:') || url.startsWith('vbscript:') || (url.startsWith('data:') && !RASTER.test(url));
}

/** Why `element` is dangerous by the definition of RELIABILITY.md E.0, or undefined. */
export function dangerOf(element: Element): string | undefined {
  const tag = element.localName.toLowerCase();
  if (DANGEROUS_ELEMENTS.has(tag)) return `<${tag}>`;
  for (const { name, value } of element.attributes) {
    const attribute = name.toLowerCase();
    if (attribute.startsWith('on')) return `<${tag} ${attribute}>`;
    const url = squeezed(value);
    if (URL_ATTRIBUTES.has(attribute) && unsafeScheme(url)) return `<${tag} ${attribute}=${value.slice(0, 40)}>`;
    if (URL_LIST_ATTRIBUTES.has(attribute) && /(javascript|vbscript):|data:(?!image\/(png|jpe?g|gif|webp|avif|bmp))/.test(url)) {
      return `<${tag} ${attribute}=${value.slice(0, 40)}>`;
    }
  }
  return undefined;
}

/** Elements that could load something by themselves, and what they would load (resolved). */
function loadedUrls(element: Element): string[] {
  const urls: string[] = [];
  const resolve = (raw: string | null) => {
    if (raw === null || raw.trim() === '') return;
    try {
      urls.push(new URL(raw, element.baseURI).href);
    } catch { /* unparsable: loads nothing */ }
  };
  const tag = element.localName;
  if (['img', 'source', 'video', 'audio', 'iframe', 'embed', 'script', 'track', 'input', 'frame'].includes(tag)) resolve(element.getAttribute('src'));
  if (tag === 'video') resolve(element.getAttribute('poster'));
  if (tag === 'object') resolve(element.getAttribute('data'));
  if (tag === 'link' || tag === 'image' || tag === 'use' || tag === 'feimage') resolve(element.getAttribute('href') ?? element.getAttribute('xlink:href'));
  resolve(element.getAttribute('background'));
  return urls;
}

export interface DomReport {
  dangerous: string[];
  /** `<a href>`, `<img src>`, `<source src>` whose resolved URL is not http(s), mailto or tel (E2). */
  unsafeUrls: string[];
  /** `style` attributes and `<style>` elements (E5). */
  styles: string[];
  /** URLs on other origins that an element would load by itself. */
  foreignLoads: string[];
  /** `id` or `name` attributes inside rendered agent Markdown (DOM clobbering, h16). */
  clobbering: string[];
}

const ALLOWED_LINK = /^(https?:|mailto:|tel:)/i;

function navigableUrl(element: Element): string | undefined {
  if ((element.localName === 'a' || element.localName === 'area') && element.hasAttribute('href')) return (element as HTMLAnchorElement).href;
  if ((element.localName === 'img' || element.localName === 'source') && element.hasAttribute('src')) return (element as HTMLImageElement).src;
  return undefined;
}

/** The E.0, E2 and E5 checks over `elements` (from `deepElements`). */
export function inspect(elements: Element[], allowedOrigins: string[]): DomReport {
  const allowed = new Set(allowedOrigins.map((url) => new URL(url).origin));
  const report: DomReport = { dangerous: [], unsafeUrls: [], styles: [], foreignLoads: [], clobbering: [] };
  for (const element of elements) {
    const danger = dangerOf(element);
    if (danger) report.dangerous.push(danger);
    const url = navigableUrl(element);
    if (url !== undefined && !ALLOWED_LINK.test(url)) report.unsafeUrls.push(`<${element.localName}> ${url.slice(0, 60)}`);
    if (element.hasAttribute('style')) report.styles.push(`<${element.localName} style>`);
    if (element.localName === 'style') report.styles.push('<style>');
    for (const loaded of loadedUrls(element)) {
      const origin = new URL(loaded).origin;
      if (/^https?:$/.test(new URL(loaded).protocol) && !allowed.has(origin)) report.foreignLoads.push(loaded);
    }
    if (element.closest('.markdown') && (element.hasAttribute('id') || element.hasAttribute('name'))) {
      report.clobbering.push(`<${element.localName} id/name>`);
    }
  }
  return report;
}

/** Waits two frames and `ms`, so lazy loads, error events and queued `javascript:` navigations have run. */
export async function settle(win: Window, ms = 300): Promise<void> {
  await new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));
  await new Promise((resolve) => win.setTimeout(resolve, ms));
}
