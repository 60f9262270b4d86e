import { expect, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../components/composer/composer.js';
import '../../components/contact-form/contact-form.js';
import type { CwComposer } from '../../components/composer/composer.js';
import { en } from '../../components/shared/english.js';
import { ChatSession, type Lifecycle } from '../../services/chat-session.js';
import { OUTBOX_LIMIT } from '../../services/outbox.js';
import { MemoryStorage } from '../../services/session-storage.js';
import { createTestSession, fixtureWithSession } from '../helpers/fixtures.js';
import { agent, freshInbox, standIn, stats, waitFor } from '../helpers/stand-in.js';

const sessions: ChatSession[] = [];

async function newSession(): Promise<ChatSession> {
  const session = await createTestSession();
  sessions.push(session);
  return session;
}

async function renderComposer(session: ChatSession, template = html`<cw-composer></cw-composer>`) {
  const composer = await fixtureWithSession<CwComposer>(template, session);
  const textarea = composer.shadowRoot!.querySelector('textarea')!;
  const button = composer.shadowRoot!.querySelector<HTMLButtonElement>('[part="send-button"]')!;
  return { composer, textarea, button };
}

/** A session whose conversation exists on the server (typing is only sent for a conversation). */
async function sessionWithConversation(): Promise<ChatSession> {
  const session = await newSession();
  await session.start();
  await session.send('first');
  await waitFor(() => session.store.state.messages[0]?.id, 'the first message to be sent');
  return session;
}

const typingRequests = async () => (await stats()).requests['conversations.toggle_typing'] ?? 0;
const contents = (session: ChatSession) => session.store.state.messages.map((message) => message.content);

describe('<cw-composer>', () => {
  afterEach(() => {
    for (const session of sessions.splice(0)) session.dispose();
  });

  it('is accessible when enabled', async () => {
    const { composer } = await renderComposer(await newSession());
    await expect(composer).to.be.accessible();
  });

  it('is accessible when disabled by the page', async () => {
    const { composer, textarea } = await renderComposer(await newSession(), html`<cw-composer disabled></cw-composer>`);
    expect(textarea.disabled).to.equal(true);
    expect(composer.hasAttribute('disabled')).to.equal(true);
    await expect(composer).to.be.accessible();
  });

  it('uses the placeholder attribute, else the locale default', async () => {
    const session = await newSession();
    const { textarea } = await renderComposer(session, html`<cw-composer placeholder="Ask us anything"></cw-composer>`);
    expect(textarea.placeholder).to.equal('Ask us anything');
    const { textarea: plain } = await renderComposer(session);
    expect(plain.placeholder).to.equal(en.messagePlaceholder);
  });

  it('has a named send button that is disabled while the draft is empty', async () => {
    const { composer, button } = await renderComposer(await newSession());
    expect(button.textContent!.trim()).to.equal(en.send);
    expect(button.disabled).to.equal(true);
    composer.focus();
    await sendKeys({ type: 'Hi' });
    await composer.updateComplete;
    expect(button.disabled).to.equal(false);
  });

  it('sends the draft on Enter, clears the box and keeps focus in it', async () => {
    const session = await newSession();
    const { composer, textarea } = await renderComposer(session);
    composer.focus();
    await sendKeys({ type: 'Hello' });
    await sendKeys({ press: 'Enter' });
    await composer.updateComplete;
    expect(textarea.value).to.equal('');
    expect(composer.shadowRoot!.activeElement).to.equal(textarea);
    const sent = await waitFor(() => session.store.state.messages.find((message) => message.id), 'the message to reach the server');
    const onServer = await agent.messages(sent.conversation_id);
    expect(onServer.map((message) => message.content)).to.include('Hello');
  });

  it('sends on a click of the send button and keeps focus in the box', async () => {
    const session = await newSession();
    const { composer, textarea, button } = await renderComposer(session);
    composer.focus();
    await sendKeys({ type: 'By click' });
    await composer.updateComplete;
    const box = button.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    await composer.updateComplete;
    expect(contents(session)).to.deep.equal(['By click']);
    expect(textarea.value).to.equal('');
    expect(composer.shadowRoot!.activeElement).to.equal(textarea);
  });

  it('breaks the line on Shift+Enter without sending', async () => {
    const session = await newSession();
    const { composer, textarea } = await renderComposer(session);
    composer.focus();
    await sendKeys({ type: 'Line one' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'Line two' });
    await composer.updateComplete;
    expect(textarea.value).to.equal('Line one\nLine two');
    expect(textarea.rows).to.equal(2);
    expect(session.store.state.messages).to.have.length(0);
  });

  it('does not send on Enter while an input method is composing', async () => {
    const session = await newSession();
    const { composer, textarea } = await renderComposer(session);
    composer.focus();
    await sendKeys({ type: 'nihon' });
    const composing = new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, composed: true, cancelable: true });
    textarea.dispatchEvent(composing);
    const legacy = new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229, bubbles: true, composed: true, cancelable: true });
    textarea.dispatchEvent(legacy);
    await composer.updateComplete;
    expect(composing.defaultPrevented || legacy.defaultPrevented).to.equal(false);
    expect(textarea.value).to.equal('nihon');
    expect(session.store.state.messages).to.have.length(0);
  });

  it('grows with its text up to the maximum height, then scrolls', async () => {
    const { composer, textarea } = await renderComposer(await newSession());
    composer.style.setProperty('--cw-composer-max-height', '120px');
    const empty = textarea.getBoundingClientRect().height;
    composer.focus();
    await sendKeys({ type: 'one' });
    for (const line of ['two', 'three']) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ type: line });
    }
    await composer.updateComplete;
    const threeLines = textarea.getBoundingClientRect().height;
    expect(threeLines).to.be.greaterThan(empty);
    textarea.value = Array.from({ length: 30 }, (_, index) => `line ${index}`).join('\n');
    textarea.dispatchEvent(new InputEvent('input'));
    await composer.updateComplete;
    expect(textarea.getBoundingClientRect().height).to.be.at.most(120);
    expect(textarea.scrollHeight).to.be.greaterThan(textarea.clientHeight);
  });

  it('tells the server the visitor is typing', async () => {
    const session = await sessionWithConversation();
    const { composer } = await renderComposer(session);
    const before = await typingRequests();
    composer.focus();
    await sendKeys({ type: 'a' });
    await waitFor(async () => (await typingRequests()) === before + 1, 'typing on');
    expect(await typingRequests()).to.equal(before + 1);
  });

  it('stops typing when the box loses focus', async () => {
    const session = await sessionWithConversation();
    const { composer, textarea } = await renderComposer(session);
    const before = await typingRequests();
    composer.focus();
    await sendKeys({ type: 'a' });
    textarea.blur();
    await waitFor(async () => (await typingRequests()) === before + 2, 'typing on, then off');
    expect(await typingRequests()).to.equal(before + 2);
  });

  it('is disabled with the reason shown while a required contact form waits', async () => {
    const session = await newSession();
    const wrapper = await fixtureWithSession<HTMLElement>(html`
      <div><cw-contact-form required></cw-contact-form><cw-composer></cw-composer></div>`, session);
    const composer = wrapper.querySelector('cw-composer')!;
    await composer.updateComplete;
    const textarea = composer.shadowRoot!.querySelector('textarea')!;
    const reason = composer.shadowRoot!.querySelector<HTMLElement>('[part="reason"]')!;
    expect(session.store.state.sendBlockedBy).to.equal('contact-form');
    expect(textarea.disabled).to.equal(true);
    expect(reason.textContent).to.equal(en.contactFormFirst);
    expect(reason.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(textarea.getAttribute('aria-describedby')).to.equal(reason.id);
    await expect(composer).to.be.accessible();
  });

  it('stays enabled in a resolved conversation', async () => {
    const session = await sessionWithConversation();
    await session.resolve();
    const { textarea } = await renderComposer(session);
    expect(session.store.state.conversation?.status).to.equal('resolved');
    expect(textarea.disabled).to.equal(false);
  });

  it('keeps the draft and shows an alert when the message cannot be queued', async () => {
    const offline: Lifecycle = { online: false, subscribe: () => () => undefined };
    const { url } = await standIn();
    const session = new ChatSession({
      baseUrl: url, inbox: (await freshInbox()).inboxIdentifier, storage: new MemoryStorage(), lifecycle: offline,
    });
    sessions.push(session);
    await session.start();
    for (let index = 0; index < OUTBOX_LIMIT; index++) await session.send(`queued ${index}`);
    const { composer, textarea } = await renderComposer(session);
    composer.focus();
    await sendKeys({ type: 'One too many' });
    await sendKeys({ press: 'Enter' });
    await composer.updateComplete;
    const alert = composer.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.equal(en.sendFailed);
    expect(textarea.value).to.equal('One too many');
    await expect(composer).to.be.accessible();
  });
});
