import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../components/widget/widget.js';
import type { CwWidget } from '../../components/widget/widget.js';
import type { CwLauncher } from '../../components/launcher/launcher.js';
import { backText } from '../../components/widget/availability-text.js';
import { en } from '../../components/shared/english.js';
import type { WorkingHour } from '../../services/types.js';
import { definedOf } from '../helpers/defined.js';
import { clearPresence, freshInbox, standIn, waitFor } from '../helpers/stand-in.js';

const INBOX_NAME = 'Acme Support';

async function setup(template?: (url: string, inbox: string) => ReturnType<typeof html>, inboxOptions: Record<string, unknown> = {}) {
  const { url } = await standIn();
  const { inboxIdentifier } = await freshInbox({ name: INBOX_NAME, ...inboxOptions });
  const widget = await fixture<CwWidget>(template
    ? template(url, inboxIdentifier)
    : html`<cw-widget base-url=${url} inbox=${inboxIdentifier} storage="none"></cw-widget>`);
  return widget;
}

const root = (widget: CwWidget) => widget.shadowRoot!;
const launcherOf = (widget: CwWidget) => root(widget).querySelector<CwLauncher>('cw-launcher')!;
const launcherButton = (widget: CwWidget) => launcherOf(widget).shadowRoot!.querySelector('button')!;
const panelOf = (widget: CwWidget) => root(widget).querySelector<HTMLElement>('#cw-panel');
const visiblePanel = (widget: CwWidget) => waitFor(() => {
  const panel = panelOf(widget);
  return panel && !panel.hidden && panel.getBoundingClientRect().height > 0 ? panel : undefined;
}, 'the panel to show');
const titleText = (widget: CwWidget) => root(widget).querySelector('[part="title"]')?.textContent?.trim();

/** The focused element, followed into shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function openByClick(widget: CwWidget) {
  launcherButton(widget).click();
  const panel = await visiblePanel(widget);
  await waitFor(() => titleText(widget) === INBOX_NAME, 'the inbox name in the header');
  await Promise.all(panel.getAnimations().map((animation) => animation.finished));
  return panel;
}

/** A week closed on every day but `openDay` (UTC), 09:00–17:00. */
function onlyOpenOn(openDay: number): WorkingHour[] {
  return Array.from({ length: 7 }, (_, day) => ({
    day_of_week: day, closed_all_day: day !== openDay, open_all_day: false,
    open_hour: day === openDay ? 9 : null, open_minutes: day === openDay ? 0 : null,
    close_hour: day === openDay ? 17 : null, close_minutes: day === openDay ? 0 : null,
  }));
}

describe('<cw-widget>', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('loads the panel parts only when the panel first opens', async () => {
    const widget = await setup();
    expect(definedOf('cw-composer', 'cw-message-list')).to.deep.equal([]);
    expect(panelOf(widget)).to.equal(null);
    await openByClick(widget);
    expect(definedOf('cw-composer', 'cw-message-list')).to.deep.equal(['cw-composer', 'cw-message-list']);
  });

  it('shows an accessible launcher and no panel while closed', async () => {
    const widget = await setup();
    expect(launcherButton(widget).getAttribute('aria-expanded')).to.equal('false');
    expect(launcherButton(widget).getAttribute('aria-label')).to.equal('Open chat');
    expect(panelOf(widget)).to.equal(null);
    await expect(widget).to.be.accessible();
  });

  it('opens the panel with the inbox name from the launcher and focuses the composer', async () => {
    const widget = await setup();
    const panel = await openByClick(widget);
    expect(panel.getAttribute('role')).to.equal('dialog');
    expect(launcherButton(widget).getAttribute('aria-expanded')).to.equal('true');
    const composer = root(widget).querySelector('cw-composer')!;
    await waitFor(() => deepActive() === composer.shadowRoot!.querySelector('textarea'), 'focus in the composer');
  });

  it('is accessible while open', async () => {
    const widget = await setup();
    await openByClick(widget);
    await waitFor(() => root(widget).querySelector('[part="status"]'), 'the availability');
    await expect(widget).to.be.accessible();
  });

  it('links the launcher button to the panel', async () => {
    const widget = await setup();
    const panel = await openByClick(widget);
    await waitFor(() => launcherButton(widget).ariaControlsElements?.[0] === panel, 'the launcher to point at the panel');
  });

  it('closes on Escape from inside the panel and puts focus back on the launcher', async () => {
    const widget = await setup();
    await openByClick(widget);
    await waitFor(() => deepActive()?.localName === 'textarea', 'focus in the composer');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => panelOf(widget)!.hidden, 'the panel to close');
    expect(widget.isOpen).to.equal(false);
    await waitFor(() => deepActive() === launcherButton(widget), 'focus on the launcher');
  });

  it('closes with the close button, by keyboard, and puts focus back on the launcher', async () => {
    const widget = await setup();
    await openByClick(widget);
    const close = root(widget).querySelector<HTMLButtonElement>('[part="close-button"]')!;
    expect(close.getAttribute('aria-label')).to.equal('Close chat');
    expect(close.getBoundingClientRect().width).to.be.at.least(44);
    close.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => panelOf(widget)!.hidden, 'the panel to close');
    expect(widget.hasAttribute('open')).to.equal(false);
    await waitFor(() => deepActive() === launcherButton(widget), 'focus on the launcher');
  });

  it('fires cw-open-change when the visitor opens and closes it', async () => {
    const widget = await setup();
    setTimeout(() => launcherButton(widget).click());
    expect((await oneEvent(widget, 'cw-open-change')).detail).to.deep.equal({ open: true });
    expect(widget.isOpen).to.equal(true);
    setTimeout(() => launcherButton(widget).click());
    expect((await oneEvent(widget, 'cw-open-change')).detail).to.deep.equal({ open: false });
    expect(widget.isOpen).to.equal(false);
  });

  it('opens at start with the open attribute without firing cw-open-change or taking focus', async () => {
    const { url } = await standIn();
    const { inboxIdentifier } = await freshInbox({ name: INBOX_NAME });
    const events: unknown[] = [];
    const widget = document.createElement('cw-widget');
    widget.addEventListener('cw-open-change', (event) => events.push(event.detail));
    Object.assign(widget, { baseUrl: url, inbox: inboxIdentifier, storage: 'none' });
    widget.setAttribute('open', '');
    await fixture(html`<div>${widget}</div>`);
    await visiblePanel(widget);
    await waitFor(() => titleText(widget) === INBOX_NAME, 'the inbox name');
    expect(events).to.deep.equal([]);
    expect(deepActive()).to.equal(document.body);
    expect(launcherButton(widget).getAttribute('aria-expanded')).to.equal('true');
  });

  it('offers cw-chat methods: open() fires cw-open-change and send() sends as the visitor', async () => {
    const widget = await setup();
    setTimeout(() => widget.open());
    expect((await oneEvent(widget, 'cw-open-change')).detail).to.deep.equal({ open: true });
    await widget.send('Hello from the page');
    await waitFor(() => widget.messages.some((message) => message.id && message.content === 'Hello from the page'), 'the message');
    expect(widget.contact?.source_id).to.be.a('string');
    expect(widget.conversation?.id).to.be.a('number');
    expect(widget.unreadCount).to.equal(0);
  });

  it('sits above the launcher at 400 px wide on a large screen', async () => {
    const widget = await setup();
    const panel = await openByClick(widget);
    const box = panel.getBoundingClientRect();
    const launcher = launcherOf(widget).getBoundingClientRect();
    expect(box.width).to.equal(400);
    expect(Math.round(window.innerWidth - box.right)).to.equal(20);
    expect(box.bottom).to.be.at.most(launcher.top);
  });

  it('mirrors to the left in right-to-left pages, and position="left" pins it left in any direction', async () => {
    const widget = await setup((url, inbox) => html`<cw-widget dir="rtl" base-url=${url} inbox=${inbox} storage="none"></cw-widget>`);
    const panel = await openByClick(widget);
    expect(Math.round(panel.getBoundingClientRect().left)).to.equal(20);
    expect(Math.round(launcherOf(widget).getBoundingClientRect().left)).to.equal(20);
    widget.setAttribute('dir', 'ltr');
    widget.position = 'left';
    await widget.updateComplete;
    expect(Math.round(panel.getBoundingClientRect().left)).to.equal(20);
    expect(Math.round(launcherOf(widget).getBoundingClientRect().left)).to.equal(20);
  });

  it('is accessible while open in the dark theme', async () => {
    const widget = await setup((url, inbox) => html`<cw-widget theme="dark" base-url=${url} inbox=${inbox} storage="none"
      reply-time="Typically replies in a few minutes"></cw-widget>`);
    const panel = await openByClick(widget);
    await waitFor(() => root(widget).querySelector('[part="status"]'), 'the availability');
    expect(getComputedStyle(panel).colorScheme).to.equal('dark');
    await expect(widget).to.be.accessible();
  });

  it('fills the screen below 600 px wide', async () => {
    await setViewport({ width: 375, height: 667 });
    const widget = await setup();
    const panel = await openByClick(widget);
    await waitFor(() => panel.getBoundingClientRect().top === 0, 'the panel to settle');
    const box = panel.getBoundingClientRect();
    expect([box.left, box.top, box.width, box.height]).to.deep.equal([0, 0, 375, 667]);
  });

  it('shows the header title, the reply time and "Online" when working hours are off', async () => {
    const widget = await setup((url, inbox) => html`<cw-widget base-url=${url} inbox=${inbox} storage="none"
      header-title="Talk to us" reply-time="Typically replies in a few minutes"></cw-widget>`);
    launcherButton(widget).click();
    await visiblePanel(widget);
    const status = await waitFor(() => root(widget).querySelector('[part="status"]'), 'the availability');
    expect(titleText(widget)).to.equal('Talk to us');
    expect(root(widget).querySelector('[part="reply-time"]')?.textContent).to.equal('Typically replies in a few minutes');
    expect(status.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Online');
  });

  it('shows "Away" and when the team is back outside the working hours', async () => {
    await clearPresence();
    const openDay = (new Date().getUTCDay() + 3) % 7;
    const widget = await setup(undefined, { working_hours_enabled: true, timezone: 'UTC', working_hours: onlyOpenOn(openDay) });
    await openByClick(widget);
    const status = await waitFor(() => root(widget).querySelector('[part="status"]'), 'the availability');
    const nextOpen = new Date();
    nextOpen.setUTCDate(nextOpen.getUTCDate() + 3);
    nextOpen.setUTCHours(9, 0, 0, 0);
    expect(status.textContent?.replace(/\s+/g, ' ').trim()).to.equal(`Away ${backText(nextOpen, new Date(), en)}`);
    expect(status.textContent).to.match(/Back on \w+day at/);
  });

  it('counts the inbox as online while an agent is online, even outside the working hours', async () => {
    await clearPresence();
    const openDay = (new Date().getUTCDay() + 3) % 7;
    const widget = await setup(undefined, { working_hours_enabled: true, working_hours: onlyOpenOn(openDay) });
    await openByClick(widget);
    await waitFor(() => root(widget).querySelector('[part="status"]')?.textContent?.includes('Away'), 'away');
    widget.session!.store.patch({ agentsOnline: [1] });
    await widget.updateComplete;
    expect(root(widget).querySelector('[part="status"]')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Online');
  });

  it('shows a required pre-chat form first and focuses it', async () => {
    const widget = await setup((url, inbox) => html`<cw-widget base-url=${url} inbox=${inbox} storage="none"
      pre-chat-fields="name email" pre-chat-required></cw-widget>`);
    await openByClick(widget);
    const form = root(widget).querySelector('cw-contact-form')!;
    expect(form.getAttribute('fields')).to.equal('name email');
    expect(form.required).to.equal(true);
    await waitFor(() => form.shadowRoot!.contains(deepActive()), 'focus in the contact form');
    expect(deepActive()?.localName).to.equal('input');
  });

  it('puts away an optional pre-chat form once the conversation has started', async () => {
    const widget = await setup((url, inbox) => html`<cw-widget base-url=${url} inbox=${inbox} storage="none"
      pre-chat-fields="name email"></cw-widget>`);
    await openByClick(widget);
    expect(root(widget).querySelector('cw-contact-form')).to.not.equal(null);
    await widget.send('No details, just a question');
    await waitFor(() => widget.conversation, 'the conversation');
    await waitFor(() => root(widget).querySelector('cw-contact-form') === null, 'the form put away');
  });

  it('shows no pre-chat form without pre-chat-fields', async () => {
    const widget = await setup();
    await openByClick(widget);
    expect(root(widget).querySelector('cw-contact-form')).to.equal(null);
  });

  it('shows the configuration error and fires cw-error without base-url', async () => {
    const widget = document.createElement('cw-widget');
    widget.inbox = 'abc';
    setTimeout(() => document.body.append(widget));
    const event = await oneEvent(widget, 'cw-error');
    expect(event.detail.code).to.equal('config');
    const chat = root(widget).querySelector('cw-chat')!;
    await chat.updateComplete;
    expect(chat.shadowRoot!.querySelector('[part="error"]')?.textContent).to.contain('base-url');
    await expect(widget).to.be.accessible();
    widget.remove();
  });
});

describe('backText()', () => {
  const now = new Date(2025, 0, 6, 20, 0);
  const time = (date: Date) => new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(date);

  it('says the time alone for later today', () => {
    const later = new Date(2025, 0, 6, 22, 30);
    expect(backText(later, now, en)).to.equal(`Back at ${time(later)}`);
  });

  it('says tomorrow for the next calendar day', () => {
    const tomorrow = new Date(2025, 0, 7, 9, 0);
    expect(backText(tomorrow, now, en)).to.equal(`Back tomorrow at ${time(tomorrow)}`);
  });

  it('names the weekday within the week', () => {
    expect(backText(new Date(2025, 0, 10, 9, 0), now, en)).to.equal(`Back on Friday at ${time(new Date(2025, 0, 10, 9, 0))}`);
  });

  it('adds the date a week or more ahead', () => {
    expect(backText(new Date(2025, 0, 13, 9, 0), now, en)).to.equal(`Back on Monday, January 13 at ${time(new Date(2025, 0, 13, 9, 0))}`);
  });
});

describe('<cw-widget> conversation end', () => {
  it('ends the conversation after a confirmation and offers a new one', async () => {
    const { url } = await standIn();
    const { inboxIdentifier } = await freshInbox();
    const widget = await fixture<CwWidget>(html`<cw-widget base-url=${url} inbox=${inboxIdentifier} storage="none" open></cw-widget>`);
    await widget.send('please close this');
    await waitFor(() => widget.conversation && widget.messages[0]?.id, 'the conversation');
    const root = widget.shadowRoot!;
    const endButton = await waitFor(() => root.querySelector<HTMLButtonElement>('[part="end-button"]'), 'the end button');
    endButton.click();
    const confirm = await waitFor(() => root.querySelector<HTMLElement>('[part="end-confirm"]'), 'the confirmation');
    const panel = root.querySelector<HTMLElement>('[part="panel"]')!;
    await Promise.all(panel.getAnimations({ subtree: true }).map((animation) => animation.finished)); // the panel fades in
    await expect(widget).to.be.accessible();
    expect(widget.conversation!.status).to.equal('open');
    confirm.querySelector<HTMLButtonElement>('button.danger')!.click();
    const ended = await waitFor(() => root.querySelector<HTMLElement>('[part="ended"]'), 'the ended line');
    expect(widget.conversation!.status).to.equal('resolved');
    const first = widget.conversation!.id;
    ended.querySelector('button')!.click();
    await waitFor(() => widget.conversation!.id !== first, 'a new conversation');
    expect(root.querySelector('[part="ended"]')).to.equal(null);
    expect(widget.messages).to.have.length(0);
  });

  it('asks nothing when the visitor cancels', async () => {
    const { url } = await standIn();
    const { inboxIdentifier } = await freshInbox();
    const widget = await fixture<CwWidget>(html`<cw-widget base-url=${url} inbox=${inboxIdentifier} storage="none" open></cw-widget>`);
    await widget.send('keep it open');
    await waitFor(() => widget.conversation && widget.messages[0]?.id, 'the conversation');
    const root = widget.shadowRoot!;
    (await waitFor(() => root.querySelector<HTMLButtonElement>('[part="end-button"]'), 'the end button')).click();
    const confirm = await waitFor(() => root.querySelector<HTMLElement>('[part="end-confirm"]'), 'the confirmation');
    [...confirm.querySelectorAll('button')].at(-1)!.click();
    await waitFor(() => root.querySelector('[part="end-button"]'), 'the end button again');
    expect(widget.conversation!.status).to.equal('open');
  });
});
