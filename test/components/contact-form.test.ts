import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/contact-form/contact-form.js';
import type { CwContactForm } from '../../components/contact-form/contact-form.js';
import { en } from '../../components/shared/english.js';
import type { ChatSession } from '../../services/chat-session.js';
import { createTestSession, fixtureWithSession } from '../helpers/fixtures.js';
import { addFault, agent, clearFaults, waitFor } from '../helpers/stand-in.js';

const sessions: ChatSession[] = [];

async function newSession(): Promise<ChatSession> {
  const session = await createTestSession();
  sessions.push(session);
  return session;
}

/** E-mails are account-wide on the server (a second contact with one is merged): each test uses its own. */
const uniqueEmail = () => `visitor-${crypto.randomUUID().slice(0, 8)}@example.com`;

function parts(form: CwContactForm) {
  const root = form.shadowRoot!;
  const input = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  return {
    input,
    error: (name: string) => {
      const id = input(name)?.getAttribute('aria-describedby');
      return id ? root.getElementById(id)?.textContent ?? null : null;
    },
    status: () => root.querySelector<HTMLElement>('[part="status"]')!,
    submit: () => root.querySelector<HTMLButtonElement>('[part="submit-button"]')!,
    active: () => root.activeElement,
  };
}

async function fill(form: CwContactForm, name: string, value: string) {
  const input = parts(form).input(name)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await form.updateComplete;
}

async function submit(form: CwContactForm) {
  parts(form).submit().click();
  await form.updateComplete;
}

describe('<cw-contact-form>', () => {
  afterEach(async () => {
    for (const session of sessions.splice(0)) session.dispose();
    await clearFaults();
  });

  it('is accessible', async () => {
    const form = await fixtureWithSession<CwContactForm>(html`<cw-contact-form fields="name email phone" required></cw-contact-form>`, await newSession());
    await expect(form).to.be.accessible();
  });

  it('labels each field and marks the required ones', async () => {
    const form = await fixtureWithSession<CwContactForm>(html`
      <cw-contact-form fields="name email phone attr:plan|'Plan name'" required></cw-contact-form>`, await newSession());
    const root = form.shadowRoot!;
    const labels = [...root.querySelectorAll('label')].map((label) => label.textContent!.replace(/\s+/g, ' ').trim());
    expect(labels).to.deep.equal([`${en.name} ${en.requiredMark}`, `${en.email} ${en.requiredMark}`, en.phone, 'Plan name']);
    const { input } = parts(form);
    expect([input('name')!.required, input('email')!.required, input('phone')!.required]).to.deep.equal([true, true, false]);
    expect(input('email')!.type).to.equal('email');
    expect(input('phone')!.type).to.equal('tel');
    expect(root.querySelector(`label[for="${input('attr:plan')!.id}"]`)!.textContent!.trim()).to.equal('Plan name');
  });

  it('requires exactly the fields named in required-fields', async () => {
    const form = await fixtureWithSession<CwContactForm>(html`
      <cw-contact-form fields="name email phone" required required-fields="phone"></cw-contact-form>`, await newSession());
    const { input } = parts(form);
    expect([input('name')!.required, input('email')!.required, input('phone')!.required]).to.deep.equal([false, false, true]);
  });

  it('reports missing required fields on those fields and focuses the first', async () => {
    const session = await newSession();
    const form = await fixtureWithSession<CwContactForm>(html`<cw-contact-form fields="name email phone" required></cw-contact-form>`, session);
    await submit(form);
    await form.updateComplete;
    const { input, error, active } = parts(form);
    expect(input('name')!.getAttribute('aria-invalid')).to.equal('true');
    expect(input('email')!.getAttribute('aria-invalid')).to.equal('true');
    expect(input('phone')!.getAttribute('aria-invalid')).to.equal('false');
    expect(error('name')).to.equal(en.fieldRequired(en.name));
    expect(error('email')).to.equal(en.fieldRequired(en.email));
    expect(active()).to.equal(input('name'));
    expect(session.store.state.phase).to.equal('idle');
    await expect(form).to.be.accessible();
  });

  it('reports an invalid e-mail and phone number on their fields and focuses the e-mail', async () => {
    const form = await fixtureWithSession<CwContactForm>(html`<cw-contact-form fields="name email phone"></cw-contact-form>`, await newSession());
    await fill(form, 'name', 'Ada Lovelace');
    await fill(form, 'email', 'ada.example.com');
    await fill(form, 'phone', '0123 456');
    await submit(form);
    await form.updateComplete;
    const { input, error, active } = parts(form);
    expect(input('name')!.getAttribute('aria-invalid')).to.equal('false');
    expect(error('email')).to.equal(en.invalidEmail);
    expect(error('phone')).to.equal(en.invalidPhone);
    expect(active()).to.equal(input('email'));
  });

  it('clears a field\'s error once the visitor edits it', async () => {
    const form = await fixtureWithSession<CwContactForm>(html`<cw-contact-form fields="email" required></cw-contact-form>`, await newSession());
    await submit(form);
    await fill(form, 'email', 'a');
    expect(parts(form).input('email')!.getAttribute('aria-invalid')).to.equal('false');
    expect(parts(form).error('email')).to.equal(null);
  });

  it('blocks sending while required and releases it after a valid submit that updates the contact', async () => {
    const session = await newSession();
    const form = await fixtureWithSession<CwContactForm>(html`
      <cw-contact-form fields="name email phone attr:plan" required></cw-contact-form>`, session);
    expect(session.store.state.sendBlockedBy).to.equal('contact-form');
    const email = uniqueEmail();
    await fill(form, 'name', 'Ada Lovelace');
    await fill(form, 'email', email);
    await fill(form, 'phone', '+44 20 7946 0000');
    await fill(form, 'attr:plan', 'Pro');
    await submit(form);
    await waitFor(() => parts(form).status().textContent === en.saved, 'the saved status');
    expect(session.store.state.contact?.email).to.equal(email);
    expect(session.store.state.contact?.phone_number).to.equal('+442079460000');
    expect(session.store.state.sendBlockedBy).to.equal(undefined);
    expect(form.shadowRoot!.querySelector('form')).to.equal(null);
    await session.send('Hello after the form');
    const conversation = await waitFor(() => session.store.state.conversation, 'the conversation');
    const { meta } = await agent.conversation(conversation.id);
    const sender = meta.sender as { email: string; name: string; custom_attributes: Record<string, unknown> };
    expect([sender.email, sender.name, sender.custom_attributes.plan]).to.deep.equal([email, 'Ada Lovelace', 'Pro']);
    await expect(form).to.be.accessible();
  });

  it('shows the server\'s 422 on the field it names', async () => {
    const session = await newSession();
    const form = await fixtureWithSession<CwContactForm>(html`<cw-contact-form fields="name email" required></cw-contact-form>`, session);
    await addFault({ kind: 'http', route: 'contacts.update', status: 422, body: '{"message":"Email Invalid email","attributes":["email"]}' });
    await fill(form, 'name', 'Ada');
    await fill(form, 'email', uniqueEmail());
    await submit(form);
    const { input, error, active, submit: button } = parts(form);
    await waitFor(() => input('email')?.getAttribute('aria-invalid') === 'true', 'the e-mail to be marked invalid');
    await waitFor(() => !button().disabled, 'saving to end');
    expect(error('email')).to.equal(en.invalidEmail);
    expect(input('name')!.getAttribute('aria-invalid')).to.equal('false');
    expect(active()).to.equal(input('email'));
    expect(session.store.state.sendBlockedBy).to.equal('contact-form');
  });

  it('shows a failure that names no field under the form', async () => {
    const form = await fixtureWithSession<CwContactForm>(html`<cw-contact-form fields="name"></cw-contact-form>`, await newSession());
    await addFault({ kind: 'http', route: 'contacts.update', status: 500 });
    await fill(form, 'name', 'Ada');
    await submit(form);
    const alert = await waitFor(() => form.shadowRoot!.querySelector('[role="alert"]'), 'the alert');
    expect(alert.textContent).to.equal(en.contactSaveFailed);
  });

  it('shows "saving" and disables the button while the contact is saved', async () => {
    const form = await fixtureWithSession<CwContactForm>(html`<cw-contact-form fields="name"></cw-contact-form>`, await newSession());
    await addFault({ kind: 'http', route: 'contacts.update', delay_ms: 300 });
    await fill(form, 'name', 'Ada');
    await submit(form);
    const { submit: button, status } = parts(form);
    expect(button().disabled).to.equal(true);
    expect(button().textContent!.trim()).to.equal(en.saving);
    expect(status().textContent).to.equal(en.saving);
    await waitFor(() => status().textContent === en.saved, 'the saved status');
  });

  it('hides the fields the contact already has, but not a generated name', async () => {
    const session = await newSession();
    await session.start();
    await session.updateContact({ email: uniqueEmail() });
    expect(session.store.state.contact!.name).to.match(/^[a-z]+-[a-z]+-\d{1,3}$/);
    const form = await fixtureWithSession<CwContactForm>(html`<cw-contact-form fields="name email phone"></cw-contact-form>`, session);
    const names = [...form.shadowRoot!.querySelectorAll('input')].map((input) => input.name);
    expect(names).to.deep.equal(['name', 'phone']);
  });

  it('shows only the saved status and does not block when every field is known', async () => {
    const session = await newSession();
    await session.start();
    await session.updateContact({ name: 'Ada Lovelace', email: uniqueEmail() });
    const form = await fixtureWithSession<CwContactForm>(html`<cw-contact-form fields="name email" required></cw-contact-form>`, session);
    expect(form.shadowRoot!.querySelector('form')).to.equal(null);
    expect(parts(form).status().getAttribute('role')).to.equal('status');
    expect(parts(form).status().textContent).to.equal(en.saved);
    expect(session.store.state.sendBlockedBy).to.equal(undefined);
    await expect(form).to.be.accessible();
  });

  it('releases the send block when it is removed', async () => {
    const session = await newSession();
    const form = await fixtureWithSession<CwContactForm>(html`<cw-contact-form required></cw-contact-form>`, session);
    expect(session.store.state.sendBlockedBy).to.equal('contact-form');
    form.remove();
    expect(session.store.state.sendBlockedBy).to.equal(undefined);
  });

  it('can be filled in and submitted with the keyboard alone', async () => {
    const session = await newSession();
    const form = await fixtureWithSession<CwContactForm>(html`<cw-contact-form fields="name email" required></cw-contact-form>`, session);
    const email = uniqueEmail();
    form.focus();
    expect(parts(form).active()).to.equal(parts(form).input('name'));
    await sendKeys({ type: 'Grace Hopper' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: email });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => session.store.state.contact?.email === email, 'the contact to be updated');
    expect(session.store.state.contact?.name).to.equal('Grace Hopper');
    await waitFor(() => parts(form).active() === parts(form).status(), 'focus on the saved status');
    expect(parts(form).status().textContent).to.equal(en.saved);
  });
});
