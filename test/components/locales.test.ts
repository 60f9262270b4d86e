import { expect, fixture, html } from '@open-wc/testing';
import '../../components/chat/chat.js';
import '../../components/launcher/launcher.js';
import '../../components/message-list/message-list.js';
import '../../components/composer/composer.js';
import '../../components/widget/widget.js';
import type { CwChat } from '../../components/chat/chat.js';
import type { CwWidget } from '../../components/widget/widget.js';
import { en } from '../../components/shared/english.js';
import { loadStrings, type Strings } from '../../components/shared/strings.js';
import { deepQuery, deepQueryAll } from '../helpers/deep-query.js';
import { agent, freshInbox, standIn, waitFor } from '../helpers/stand-in.js';

const LOCALES = ['ar', 'de', 'es', 'fr', 'he', 'it', 'ja', 'nl', 'pl', 'pt', 'ru', 'tr', 'zh'];
const RIGHT_TO_LEFT = ['ar', 'he'];
const COUNTS = [0, 1, 2, 5, 11, 21, 101];

/**
 * What each text function takes: `count` picks a plural form (the number may be spelled out as a word for zero,
 * one or two), `number` always shows, `text` is interpolated as is. A function not listed takes texts.
 */
type Argument = 'text' | 'count' | 'number';
const ARGUMENTS: Partial<Record<keyof Strings, Argument[]>> = {
  unread: ['count'], newMessages: ['count'], csatStars: ['count'], filesAttached: ['count'], titleUnread: ['count'],
  imageOf: ['number', 'number'], csatRating: ['number'], tooManyFiles: ['text', 'number'],
};

type Text = (...args: unknown[]) => string;

/** What is wrong with `locale`'s function `key`, called with each count; empty when nothing is. */
function checkFunction(locale: string, key: keyof Strings, text: Text): string[] {
  const kinds = ARGUMENTS[key] ?? Array.from({ length: (en[key] as Text).length }, (): Argument => 'text');
  const rules = new Intl.PluralRules(locale);
  const problems: string[] = [];
  for (const count of COUNTS) {
    const args = kinds.map((kind, index) => (kind === 'text' ? `«sample ${index}»` : count));
    const result = text(...args);
    const mustShow = kinds.flatMap((kind, index) => {
      const spelledOut = kind === 'count' && count <= 2 && ['zero', 'one', 'two'].includes(rules.select(count));
      return spelledOut ? [] : [String(args[index])];
    });
    if (typeof result !== 'string' || !result.trim()) problems.push(`${key}(${args.join(', ')}) is empty`);
    else if (/#|undefined|NaN|\$\{/.test(result)) problems.push(`${key}(${args.join(', ')}) = "${result}"`);
    else for (const shown of mustShow) if (!result.includes(shown)) problems.push(`${key}(${args.join(', ')}) lacks ${shown}: "${result}"`);
  }
  return problems;
}

/** Every key of English with a value of the same shape, none empty. */
function checkLocale(locale: string, strings: Strings): string[] {
  const problems: string[] = [];
  const missing = Object.keys(en).filter((key) => !(key in strings));
  const extra = Object.keys(strings).filter((key) => !(key in en));
  if (missing.length) problems.push(`missing: ${missing.join(', ')}`);
  if (extra.length) problems.push(`not in English: ${extra.join(', ')}`);
  for (const key of Object.keys(en) as (keyof Strings)[]) {
    const [english, value] = [en[key] as unknown, strings[key] as unknown];
    if (value === undefined) continue;
    if (typeof english !== typeof value || Array.isArray(english) !== Array.isArray(value)) problems.push(`${key} is a ${typeof value}`);
    else if (typeof value === 'function') problems.push(...checkFunction(locale, key, value as Text));
    else if (typeof value === 'string' && !value.trim()) problems.push(`${key} is empty`);
    else if (typeof value === 'object' && value) {
      const inner = Object.entries(english as object).map(([name]) => [name, (value as Record<string, unknown>)[name]] as const);
      if (Object.keys(value).length !== inner.length) problems.push(`${key} has ${Object.keys(value).length} entries`);
      for (const [name, text] of inner) if (typeof text !== 'string' || !text.trim()) problems.push(`${key}.${name} is missing`);
    }
  }
  return problems;
}

async function chatOnFreshInbox(template: (url: string, inbox: string) => ReturnType<typeof html>) {
  const { url } = await standIn();
  const { inboxIdentifier } = await freshInbox();
  return fixture<HTMLElement>(template(url, inboxIdentifier));
}

const launcherName = (root: Element) => deepQuery(root, 'cw-launcher')?.shadowRoot?.querySelector('button')?.getAttribute('aria-label');

describe('locales', () => {
  for (const locale of LOCALES) {
    it(`${locale} has every string of English, each of the same kind and none empty`, async () => {
      const strings = await loadStrings(locale);
      expect(strings.$locale, 'the module loaded rather than English').to.equal(locale);
      expect(strings.$dir).to.equal(RIGHT_TO_LEFT.includes(locale) ? 'rtl' : 'ltr');
      expect(checkLocale(locale, strings)).to.deep.equal([]);
    });
  }

  it('the check fails for a locale that lacks a string or leaves a count out', async () => {
    const { unread: _unread, ...lacking } = await loadStrings('de');
    expect(checkLocale('de', lacking as Strings)).to.deep.equal(['missing: unread']);
    const sloppy = { ...(await loadStrings('ru')), newMessages: () => 'новые сообщения' };
    expect(checkLocale('ru', sloppy).length).to.be.greaterThan(0);
  });

  it('Russian, Polish and Arabic pick the form their plural rules ask for', async () => {
    const [ru, pl, ar] = await Promise.all([loadStrings('ru'), loadStrings('pl'), loadStrings('ar')]);
    expect([1, 3, 5, 21, 22, 25].map((count) => ru.unread(count))).to.deep.equal([
      '1 непрочитанное сообщение', '3 непрочитанных сообщения', '5 непрочитанных сообщений',
      '21 непрочитанное сообщение', '22 непрочитанных сообщения', '25 непрочитанных сообщений',
    ]);
    expect([1, 2, 12, 22].map((count) => pl.filesAttached(count)))
      .to.deep.equal(['Dołączono 1 plik', 'Dołączono 2 pliki', 'Dołączono 12 plików', 'Dołączono 22 pliki']);
    expect([1, 2, 3, 11, 100].map((count) => ar.newMessages(count)))
      .to.deep.equal(['رسالة جديدة واحدة', 'رسالتان جديدتان', '3 رسائل جديدة', '11 رسالة جديدة', '100 رسالة جديدة']);
  });

  it('falls back from pt-BR to pt, and from an unknown tag to English', async () => {
    const [brazil, portuguese] = await Promise.all([loadStrings('pt-BR'), loadStrings('pt')]);
    expect(brazil.send).to.equal(portuguese.send);
    expect(brazil.send).to.not.equal(en.send);
    expect(await loadStrings('xx')).to.equal(en);
    expect(await loadStrings('not a language tag')).to.equal(en);
    expect(await loadStrings('')).to.equal(en);
    expect(await loadStrings('constructor'), 'only the locales themselves are looked up').to.equal(en);
    expect(await loadStrings('ZH-Hans-CN')).to.equal(await loadStrings('zh'));
  });

  it('<cw-chat> takes the page’s lang when it has no locale, and its locale over the page’s', async () => {
    const page = await chatOnFreshInbox((url, inbox) => html`<div>
      <div lang="de"><cw-chat base-url=${url} inbox=${inbox} storage="none"><cw-launcher></cw-launcher></cw-chat></div>
      <div lang="de"><cw-chat locale="fr" base-url=${url} inbox=${inbox} storage="none"><cw-launcher></cw-launcher></cw-chat></div>
      <div lang="xx"><cw-chat base-url=${url} inbox=${inbox} storage="none"><cw-launcher></cw-launcher></cw-chat></div>
    </div>`);
    const [german, french, unknown] = page.querySelectorAll('cw-chat');
    const [de, fr] = await Promise.all([loadStrings('de'), loadStrings('fr')]);
    await waitFor(() => launcherName(german) === de.openChat, 'the German launcher');
    await waitFor(() => launcherName(french) === fr.openChat, 'the French launcher');
    expect(launcherName(unknown)).to.equal(en.openChat);
  });

  it('switching locale at run time re-renders the list and composer, keeping the draft and the messages', async () => {
    const chat = await chatOnFreshInbox((url, inbox) => html`<cw-chat base-url=${url} inbox=${inbox} storage="none" open>
      <cw-message-list></cw-message-list><cw-composer></cw-composer></cw-chat>`) as CwChat;
    await chat.send('Hello from the visitor');
    const conversation = await waitFor(() => chat.conversation, 'the conversation');
    await agent.reply(conversation.id, 'Hello from the agent');
    const texts = () => deepQueryAll(chat, '[part="bubble"]').map((element) => element.textContent ?? '').join(' ');
    await waitFor(() => texts().includes('Hello from the agent'), 'the agent’s reply');
    const textarea = chat.querySelector('cw-composer')!.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'A draft in progress';
    textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const session = chat.session;

    chat.locale = 'fr';
    const fr = await loadStrings('fr');
    await waitFor(() => textarea.placeholder === fr.messagePlaceholder, 'the French placeholder');
    const log = chat.querySelector('cw-message-list')!.shadowRoot!.querySelector('[role="log"]')!;
    await waitFor(() => log.getAttribute('aria-label') === fr.conversationLabel, 'the French list');
    expect(textarea.value).to.equal('A draft in progress');
    expect(chat.session).to.equal(session);
    expect(chat.messages.map((message) => message.content)).to.deep.equal(['Hello from the visitor', 'Hello from the agent']);
    expect(texts()).to.include('Hello from the visitor');
    expect(texts()).to.include('Hello from the agent');
  });

  it('a widget in Arabic lays its panel out right to left and is accessible', async () => {
    const widget = await chatOnFreshInbox((url, inbox) => html`<cw-widget locale="ar" base-url=${url} inbox=${inbox}
      storage="none" pre-chat-fields="name email"></cw-widget>`) as CwWidget;
    const ar = await loadStrings('ar');
    widget.open();
    const panel = await waitFor(() => widget.shadowRoot!.querySelector<HTMLElement>('#cw-panel'), 'the panel');
    await waitFor(() => panel.getAttribute('dir') === 'rtl', 'the panel to turn right to left');
    const composer = await waitFor(() => widget.shadowRoot!.querySelector('cw-composer')?.shadowRoot?.querySelector('textarea'), 'the composer');
    await waitFor(() => composer.placeholder === ar.messagePlaceholder, 'the Arabic composer');
    expect(getComputedStyle(composer).direction).to.equal('rtl');
    expect(launcherName(widget)).to.equal(ar.closeChat);
    await Promise.all(panel.getAnimations().map((animation) => animation.finished));
    await expect(widget).to.be.accessible();
  });
});
