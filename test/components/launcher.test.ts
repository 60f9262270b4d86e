import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/launcher/launcher.js';
import type { CwLauncher } from '../../components/launcher/launcher.js';
import type { ChatSession } from '../../services/chat-session.js';
import type { Message } from '../../services/types.js';
import { createTestHost, createTestSession, fixtureWithSession } from '../helpers/fixtures.js';
import { agent, waitFor } from '../helpers/stand-in.js';

const sessions: ChatSession[] = [];

async function setup(template = html`<cw-launcher></cw-launcher>`, panelId?: string) {
  const session = await createTestSession();
  sessions.push(session);
  const host = { ...createTestHost(session), panelId };
  const launcher = await fixtureWithSession<CwLauncher>(template, session, host);
  return { session, host, launcher, button: launcher.shadowRoot!.querySelector('button')! };
}

/** Agent messages newer than what the contact has seen, held by the store as if they had arrived. */
function receive(session: ChatSession, count: number): void {
  session.store.patch({ conversation: { id: 1, inbox_id: 1, status: 'open', contact_last_seen_at: 100, agent_last_seen_at: 0 } });
  const messages: Message[] = Array.from({ length: count }, (_, index) => ({
    id: index + 1, content: `Reply ${index + 1}`, message_type: 1, content_type: 'text', content_attributes: {},
    created_at: 200 + index, conversation_id: 1,
  }));
  session.store.applyMessages(messages);
}

const badge = (launcher: CwLauncher) => launcher.shadowRoot!.querySelector('[part="badge"]');

describe('<cw-launcher>', () => {
  afterEach(() => {
    for (const session of sessions.splice(0)) session.dispose();
  });

  it('is an accessible button named "Open chat" while the chat is closed', async () => {
    const { launcher, button } = await setup();
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.getAttribute('aria-label')).to.equal('Open chat');
    expect(badge(launcher)).to.equal(null);
    await expect(launcher).to.be.accessible();
  });

  it('is an accessible button named "Close chat" with a close icon while the chat is open', async () => {
    const { launcher, host, button } = await setup();
    host.open();
    await launcher.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(button.getAttribute('aria-label')).to.equal('Close chat');
    expect(launcher.shadowRoot!.querySelector('slot[name="close-icon"]')).to.not.equal(null);
    await expect(launcher).to.be.accessible();
  });

  it('toggles the chat through its host on click, and aria-expanded follows', async () => {
    const { launcher, host, button } = await setup();
    button.click();
    await launcher.updateComplete;
    expect(host.calls).to.deep.equal(['toggle']);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    button.click();
    await launcher.updateComplete;
    expect(host.calls).to.deep.equal(['toggle', 'toggle']);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('toggles with Enter and with Space from the keyboard', async () => {
    const { launcher, host, button } = await setup();
    launcher.focus();
    expect(launcher.shadowRoot!.activeElement).to.equal(button);
    await sendKeys({ press: 'Enter' });
    await launcher.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Space' });
    await launcher.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(host.calls).to.deep.equal(['toggle', 'toggle']);
  });

  it('shows the unread count in a badge and in the button name', async () => {
    const { launcher, session, button } = await setup();
    receive(session, 3);
    await launcher.updateComplete;
    expect(badge(launcher)?.textContent).to.equal('3');
    expect(button.getAttribute('aria-label')).to.equal('Open chat, 3 unread messages');
    await expect(launcher).to.be.accessible();
  });

  it('shows "9+" in the badge above nine unread messages', async () => {
    const { launcher, session, button } = await setup();
    receive(session, 12);
    await launcher.updateComplete;
    expect(badge(launcher)?.textContent).to.equal('9+');
    expect(button.getAttribute('aria-label')).to.equal('Open chat, 12 unread messages');
  });

  it('counts a real agent reply that arrives while the chat is closed', async () => {
    const { launcher, session } = await setup();
    await session.start();
    await session.send('Hello');
    const mine = await waitFor(() => session.store.state.messages.find((message) => message.id), 'the message to be sent');
    await waitFor(() => session.store.state.connection === 'open', 'the live connection');
    await agent.reply(mine.conversation_id, 'Hi, how can I help?');
    await waitFor(() => badge(launcher)?.textContent === '1', 'the badge to count the reply');
    expect(launcher.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.equal('Open chat, 1 unread message');
  });

  it('expands into a bubble with its label, which also names the button', async () => {
    const { launcher, host, button } = await setup(html`<cw-launcher label="Chat with us"></cw-launcher>`);
    expect(launcher.shadowRoot!.querySelector('[part="label"]')?.textContent).to.equal('Chat with us');
    expect(button.getAttribute('aria-label')).to.equal('Chat with us');
    await expect(launcher).to.be.accessible();
    host.open();
    await launcher.updateComplete;
    expect(launcher.shadowRoot!.querySelector('[part="label"]')).to.equal(null);
    expect(button.getAttribute('aria-label')).to.equal('Close chat');
  });

  it('hides itself while the chat is open with hide-when-open', async () => {
    const { launcher, host, button } = await setup(html`<cw-launcher hide-when-open></cw-launcher>`);
    expect(getComputedStyle(button).display).to.not.equal('none');
    host.open();
    await launcher.updateComplete;
    expect(getComputedStyle(button).display).to.equal('none');
  });

  it('is hidden by the hidden attribute', async () => {
    const { launcher } = await setup(html`<cw-launcher hidden></cw-launcher>`);
    expect(getComputedStyle(launcher).display).to.equal('none');
  });

  it('is 56 px round by default and sized by --cw-launcher-size', async () => {
    const { launcher, button } = await setup();
    const box = button.getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([56, 56]);
    expect(getComputedStyle(button).borderRadius).to.equal('28px');
    launcher.style.setProperty('--cw-launcher-size', '64px');
    expect(button.getBoundingClientRect().width).to.equal(64);
  });

  it('sits at the bottom inline-end corner, mirrored in right-to-left pages', async () => {
    const { launcher } = await setup();
    const box = launcher.getBoundingClientRect();
    expect(Math.round(window.innerWidth - box.right)).to.equal(20);
    expect(Math.round(window.innerHeight - box.bottom)).to.equal(20);
    launcher.setAttribute('dir', 'rtl');
    expect(Math.round(launcher.getBoundingClientRect().left)).to.equal(20);
  });

  it('pins position="left" and position="right" to that physical side whatever the direction', async () => {
    const { launcher } = await setup(html`<cw-launcher position="left" dir="rtl"></cw-launcher>`);
    expect(Math.round(launcher.getBoundingClientRect().left)).to.equal(20);
    launcher.setAttribute('dir', 'ltr');
    expect(Math.round(launcher.getBoundingClientRect().left)).to.equal(20);
    launcher.position = 'right';
    launcher.setAttribute('dir', 'rtl');
    await launcher.updateComplete;
    expect(Math.round(window.innerWidth - launcher.getBoundingClientRect().right)).to.equal(20);
  });

  it('takes its icon from the icon slot', async () => {
    const { launcher } = await setup(html`<cw-launcher><span slot="icon" id="custom">★</span></cw-launcher>`);
    const slot = launcher.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="icon"]')!;
    expect(slot.assignedElements().map((element) => element.id)).to.deep.equal(['custom']);
  });

  it('links the button to the panel its host names, by element reference', async () => {
    const { launcher, button } = await setup(html`<cw-launcher></cw-launcher>`, 'launcher-test-panel');
    const panel = document.createElement('section');
    panel.id = 'launcher-test-panel';
    launcher.parentElement!.append(panel);
    launcher.requestUpdate();
    await launcher.updateComplete;
    expect(button.ariaControlsElements?.length).to.equal(1);
    expect(button.ariaControlsElements?.[0]).to.equal(panel);
  });

  it('renders without a chat around it and does nothing when pressed', async () => {
    const launcher = await fixture<CwLauncher>(html`<cw-launcher></cw-launcher>`);
    const button = launcher.shadowRoot!.querySelector('button')!;
    button.click();
    await launcher.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    await expect(launcher).to.be.accessible();
  });
});
