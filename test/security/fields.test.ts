// RELIABILITY.md §3 E4: agent-controlled fields other than `content` (sender name and pictures,
// content_attributes items, actions and submitted values, the typing agent's name, the inbox name), each with
// the vectors of markdown-url-vectors.json `fields` and 50 sampled corpus payloads. Text fields must show the
// input as text; URL fields must follow E2 (only http(s), mailto, tel; anything else dropped).
import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import '../../components/message/message.js';
import '../../components/message-list/message-list.js';
import '../../components/widget/widget.js';
import type { CwWidget } from '../../components/widget/widget.js';
import type { ChatMessage } from '../../services/conversation-store.js';
import { deepQuery, deepText } from '../helpers/deep-query.js';
import { createTestSession, fixtureWithSession } from '../helpers/fixtures.js';
import { freshInbox, standIn, waitFor } from '../helpers/stand-in.js';
import { audit, logCounts, type Counts, type Rendered } from './audit.js';
import { attachmentVectors, CORPORA, fieldVectors, loadCorpus, type Payload } from './corpora.js';
import { deepElements, inspect, installHooks } from './harness.js';

type Build = (value: string) => Partial<ChatMessage>;

const sender = (fields: Record<string, string>) => ({ sender: { id: 7, name: 'Agent', available_name: 'Agent', type: 'user', thumbnail: '', ...fields } });
const cards = (card: Record<string, unknown>) => ({ content_type: 'cards', content_attributes: { items: [{ title: 'Card', ...card }] } });

/** Where each agent-controlled field sits in a message; `shown` fields must appear as text. */
const FIELDS: Record<string, { build: Build; shown: boolean }> = {
  'sender.name': { build: (value) => sender({ name: value, available_name: value }), shown: true },
  'sender.avatar_url': { build: (value) => sender({ avatar_url: value }), shown: false },
  'sender.thumbnail': { build: (value) => sender({ thumbnail: value }), shown: false },
  'content_attributes.items[0].title': { build: (value) => cards({ title: value }), shown: true },
  'content_attributes.items[0].description': { build: (value) => cards({ description: value }), shown: true },
  'content_attributes.items[0].actions[0].text': { build: (value) => cards({ actions: [{ type: 'link', text: value, uri: 'https://example.com/' }] }), shown: true },
  'content_attributes.items[0].actions[0].uri': { build: (value) => cards({ actions: [{ type: 'link', text: 'Open', uri: value }] }), shown: false },
  'content_attributes.items[0].media_url': { build: (value) => cards({ media_url: value }), shown: false },
  'content_attributes.submitted_values[0].value': {
    build: (value) => ({ content_type: 'form', content_attributes: {
      items: [{ name: 'answer', label: 'Answer', type: 'text' }], submitted_values: [{ name: 'answer', value }],
    } }),
    shown: true,
  },
  // an option's value is sent back, not shown: it must only never become markup
  'content_attributes.items[0].value': { build: (value) => ({ content_type: 'input_select', content_attributes: { items: [{ title: 'Yes', value }] } }), shown: false },
  'content_attributes.items[0].link': { build: (value) => ({ content_type: 'article', content_attributes: { items: [{ title: 'Article', link: value }] } }), shown: false },
  'content (contact)': { build: (value) => ({ content: value, message_type: 0, sender: undefined }), shown: true },
};

let nextId = 1;
function message(overrides: Partial<ChatMessage>): ChatMessage {
  return {
    id: nextId++, content: 'Message', message_type: 1, content_type: 'text', content_attributes: {}, created_at: 1_700_000_000,
    conversation_id: 1, ...sender({}), ...overrides,
  } as ChatMessage;
}

/** Renders one <cw-message> per payload with the payload at `field`, in one container. */
async function renderField(field: string, payloads: Payload[]): Promise<Rendered[]> {
  const container = await fixture<HTMLElement>(html`<div></div>`);
  const messages = payloads.map((payload) => message(FIELDS[field].build(payload.text)));
  render(html`${messages.map((item) => html`<cw-message .message=${item}></cw-message>`)}`, container);
  const elements = [...container.querySelectorAll('cw-message')];
  await Promise.all(elements.map((element) => element.updateComplete));
  return elements.map((element, index) => ({ element, payload: payloads[index] }));
}

/** The shown fields whose text is not in the message's text. */
function missingText(rendered: Rendered[], field: string): string[] {
  if (!FIELDS[field].shown) return [];
  return rendered.filter(({ element, payload }) => !deepText(element).includes(payload.text)).map(({ payload }) => payload.id);
}

/** 10 payloads of each corpus, spread over it: 50 in all. */
async function fiftyPayloads(): Promise<Payload[]> {
  const chosen: Payload[] = [];
  for (const corpus of CORPORA) {
    const payloads = await loadCorpus(corpus);
    const step = Math.floor(payloads.length / 10);
    chosen.push(...Array.from({ length: 10 }, (_, index) => payloads[index * step]));
  }
  return chosen;
}

async function auditField(field: string, payloads: Payload[]): Promise<{ counts: Counts; missing: string[] }> {
  const hooks = installHooks(window, [location.origin]);
  const rendered = await renderField(field, payloads);
  const counts = await audit(rendered, hooks, [location.origin]);
  hooks.dispose();
  return { counts, missing: missingText(rendered, field) };
}

describe('content security: other agent-controlled fields', () => {
  it('shows each field vector as text or drops its URL', async function () {
    this.timeout(60_000);
    const vectors = (await fieldVectors()).filter((vector) => vector.field in FIELDS);
    expect(vectors.map((vector) => vector.id)).to.deep.equal(['f01', 'f02', 'f03', 'f04', 'f05', 'f06', 'f07', 'f08']);
    for (const vector of vectors) {
      const payload: Payload = { id: vector.id, corpus: 'markdown', text: vector.value };
      const { counts, missing } = await auditField(vector.field, [payload]);
      logCounts(`E4 field=${vector.field} vector=${vector.id}`, counts);
      expect(counts.failures, counts.failures.join('\n')).to.deep.equal([]);
      expect([counts.executions, counts.dangerous, counts.unsafeUrls, counts.foreign], vector.id).to.deep.equal([0, 0, 0, 0]);
      expect(missing, `${vector.id} not shown as text`).to.deep.equal([]);
    }
  });

  for (const field of Object.keys(FIELDS)) {
    it(`renders 50 corpus payloads in ${field} without executing or injecting anything`, async function () {
      this.timeout(60_000);
      const payloads = await fiftyPayloads();
      const { counts, missing } = await auditField(field, payloads);
      logCounts(`E4 field=${field} corpus=sample`, counts);
      expect(counts.failures, counts.failures.join('\n')).to.deep.equal([]);
      expect([counts.executions, counts.dangerous, counts.unsafeUrls, counts.styles, counts.foreign]).to.deep.equal([0, 0, 0, 0, 0]);
      expect(missing, 'payloads not shown as text').to.deep.equal([]);
    });
  }

  it('keeps only http(s) attachment URLs (a01–a12): hostile schemes dropped, the image and the file link kept', async () => {
    const vectors = await attachmentVectors();
    const hooks = installHooks(window, [location.origin]);
    const container = await fixture<HTMLElement>(html`<div></div>`);
    render(html`${vectors.map((vector) => html`<cw-message data-vector=${vector.id} .message=${message({ content: vector.id,
      attachments: [{ message_id: 1, account_id: 1, file_size: 10, ...vector.attachment }] } as Partial<ChatMessage>)}></cw-message>`)}`, container);
    const elements = [...container.querySelectorAll('cw-message')];
    await Promise.all(elements.map((element) => element.updateComplete));
    const unsafe: string[] = [];
    for (const element of elements) {
      const report = inspect(deepElements(element), [location.origin]);
      unsafe.push(...[...report.dangerous, ...report.unsafeUrls].map((item) => `${element.dataset.vector}: ${item}`));
    }
    const of = (id: string) => elements.find((element) => element.dataset.vector === id)!.shadowRoot!;
    const links = (id: string) => [...of(id).querySelectorAll<HTMLAnchorElement>('a[href]')].map((link) => link.href);
    const images = (id: string) => [...of(id).querySelectorAll<HTMLImageElement>('img[src]')].map((image) => image.src);
    for (const id of ['a01', 'a02', 'a03', 'a04', 'a05', 'a06', 'a07']) expect([...links(id), ...images(id)], id).to.deep.equal([]);
    expect(images('a11')).to.deep.equal(['https://chatwoot.test/rails/active_storage/blobs/redirect/x/ok.png']);
    const file = of('a12').querySelector<HTMLAnchorElement>('a[href$="doc.pdf"]')!;
    expect([file.target, file.rel.split(' ').includes('noopener'), file.rel.split(' ').includes('noreferrer')]).to.deep.equal(['_blank', true, true]);
    expect(of('a10').querySelectorAll('object, embed, iframe, svg image')).to.have.length(0);
    const counts = await audit(elements.map((element) => ({ element, payload: { id: element.dataset.vector!, corpus: 'markdown', text: '' } })), hooks, [location.origin]);
    hooks.dispose();
    expect(unsafe).to.deep.equal([]);
    expect([counts.executions, counts.dangerous, counts.unsafeUrls]).to.deep.equal([0, 0, 0]);
  });

  it('shows a hostile typing agent name (f10) and 50 corpus payloads as text in the message list', async function () {
    this.timeout(60_000);
    const session = await createTestSession();
    const list = await fixtureWithSession<HTMLElement>(html`<cw-message-list></cw-message-list>`, session);
    const vector = (await fieldVectors()).find((item) => item.id === 'f10')!;
    const names = [vector.value, ...(await fiftyPayloads()).map((payload) => payload.text)];
    for (const name of names) {
      session.store.patch({ typing: { id: 7, name, available_name: name, type: 'user', thumbnail: '' } });
      await waitFor(() => deepQuery(list, '[part="typing"]')?.textContent?.includes(name), `the typing line for ${JSON.stringify(name)}`);
      const report = inspect(deepElements(list), [location.origin]);
      expect([report.dangerous, report.unsafeUrls], name).to.deep.equal([[], []]);
    }
    session.dispose();
  });

  it('shows hostile inbox names from the server (the panel title) as text', async function () {
    this.timeout(60_000);
    const { url } = await standIn();
    const names = (await fiftyPayloads()).filter((_, index) => index % 5 === 0).map((payload) => payload.text);
    const hooks = installHooks(window, [location.origin, url]);
    for (const name of names) {
      const { inboxIdentifier } = await freshInbox({ name });
      const widget = await fixture<CwWidget>(html`<cw-widget base-url=${url} inbox=${inboxIdentifier} storage="none" open></cw-widget>`);
      const title = await waitFor(() => {
        const element = widget.shadowRoot!.querySelector('[part="title"]');
        return element?.textContent === name ? element : undefined;
      }, `the title ${JSON.stringify(name)}`);
      expect(inspect(deepElements(title), [location.origin, url]).dangerous, name).to.deep.equal([]);
      widget.remove();
    }
    hooks.dispose();
    expect(hooks.calls).to.deep.equal([]);
  });
});
