import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChatSession } from '../../services/chat-session.js';
import type { ChatMessage } from '../../services/conversation-store.js';
import type { CwMessage } from '../../components/message/message.js';
import type { CwMessageList } from '../../components/message-list/message-list.js';
import '../../components/message-list/message-list.js';
import { createTestSession, fixtureWithSession } from '../helpers/fixtures.js';
import { addFault, agent, clearFaults, stats, waitFor } from '../helpers/stand-in.js';

const sessions: ChatSession[] = [];
const OPTIONS = [{ title: 'Sales', value: 'sales' }, { title: 'Support', value: 'support' }];

/** A started session with a conversation on the server and a live connection. */
async function conversation() {
  const session = await createTestSession();
  sessions.push(session);
  await session.start();
  await session.send('Hello');
  const { id } = await waitFor(() => (session.store.state.messages[0]?.id ? session.store.state.conversation : undefined), 'the conversation');
  await waitFor(() => session.store.state.connection === 'open', 'the live connection');
  return { session, conversationId: id };
}

/** The agent sends an interactive message; it is rendered in a <cw-message-list> under the session. */
async function interactive(contentType: string, contentAttributes: Record<string, unknown> = {}, messageType = 'outgoing') {
  const { session, conversationId } = await conversation();
  const sent = await agent.reply(conversationId, 'Question', { content_type: contentType, content_attributes: contentAttributes, message_type: messageType });
  await waitFor(() => session.store.hasMessage(sent.id), 'the interactive message');
  const list = await fixtureWithSession<CwMessageList>(html`<cw-message-list></cw-message-list>`, session);
  const element = await waitFor(() => [...list.shadowRoot!.querySelectorAll('cw-message')].find((item) => item.message?.id === sent.id), 'its element');
  await element.updateComplete;
  return { session, conversationId, element, id: sent.id };
}

const $ = <T extends Element = HTMLElement>(element: CwMessage, selector: string) => element.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(element: CwMessage, selector: string) => [...element.shadowRoot!.querySelectorAll<T>(selector)];
const buttonNamed = (element: CwMessage, name: string) => $$<HTMLButtonElement>(element, 'button').find((button) => (button.getAttribute('aria-label') ?? button.textContent) === name)!;
const serverAnswer = async (conversationId: number, id: number) =>
  (await agent.messages(conversationId)).find((message) => message.id === id)?.content_attributes.submitted_values;
const updates = async () => (await stats()).requests['messages.update'] ?? 0;

async function type(element: CwMessage, selector: string, text: string) {
  $(element, selector)!.focus();
  await sendKeys({ type: text });
}

describe('<cw-message> interactive content', () => {
  afterEach(async () => {
    for (const session of sessions.splice(0)) session.dispose();
    await clearFaults();
  });

  describe('input_select', () => {
    it('shows the options as buttons and is accessible', async () => {
      const { element } = await interactive('input_select', { items: OPTIONS });
      expect($$(element, 'button.option').map((button) => button.textContent)).to.deep.equal(['Sales', 'Support']);
      await expect(element).to.be.accessible();
    });

    it('answers by keyboard, holds the options while sending, then shows the choice and keeps the focus there', async () => {
      const { element, conversationId, id } = await interactive('input_select', { items: OPTIONS });
      await addFault({ kind: 'http', route: 'messages.update', delay_ms: 300 });
      await addFault({ kind: 'cable-delay', ms: 600 }); // else message.updated answers before the held response
      buttonNamed(element, 'Support').focus();
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect($$(element, 'button.option').map((button) => button.getAttribute('aria-disabled'))).to.deep.equal(['true', 'true']);
      const answer = await waitFor(() => $(element, '.answer-value'), 'the choice');
      expect(answer.textContent).to.equal('Support');
      expect($(element, '.answer')!.textContent).to.contain('You chose:');
      expect($(element, 'button.option')).to.equal(null);
      expect(element.shadowRoot!.activeElement).to.equal($(element, '.answer'));
      expect(await serverAnswer(conversationId, id)).to.deep.equal([{ title: 'Support', value: 'support' }]);
      await expect(element).to.be.accessible();
    });

    it('shows a failed answer in an alert, reports cw-error, and keeps the options usable', async () => {
      const { element, conversationId, id } = await interactive('input_select', { items: OPTIONS });
      await addFault({ kind: 'http', route: 'messages.update', status: 500 });
      const reported = oneEvent(element, 'cw-error');
      buttonNamed(element, 'Sales').click();
      expect((await reported).detail).to.deep.equal({ code: 'answer', message: 'Your answer could not be sent. Please try again.' });
      await element.updateComplete;
      const alert = $(element, '[role="alert"]')!;
      expect(alert.textContent).to.equal('Your answer could not be sent. Please try again.');
      const sales = buttonNamed(element, 'Sales');
      expect([sales.disabled, sales.getAttribute('aria-disabled'), sales.getAttribute('aria-describedby')]).to.deep.equal([false, null, alert.id]);
      await expect(element).to.be.accessible();
      sales.click();
      await waitFor(() => $(element, '.answer-value'), 'the second try to be answered');
      expect(await serverAnswer(conversationId, id)).to.deep.equal([{ title: 'Sales', value: 'sales' }]);
    });

    it('shows an answer made elsewhere once message.updated arrives', async () => {
      const { session, element, conversationId, id } = await interactive('input_select', { items: OPTIONS });
      await session.api.updateMessage(session.store.state.contact!.source_id, conversationId, id, [{ title: 'Sales', value: 'sales' }]);
      const answer = await waitFor(() => $(element, '.answer-value'), 'the answer from the cable');
      expect(answer.textContent).to.equal('Sales');
    });

  });

  it('shows the controls of every answerable type disabled without a session', async () => {
    const attributes: Record<string, Record<string, unknown>> = {
      input_select: { items: OPTIONS }, form: { items: [{ name: 'name', label: 'Name', type: 'text' }] }, input_email: {}, input_csat: { display_type: 'star' },
    };
    for (const [contentType, contentAttributes] of Object.entries(attributes)) {
      const message: ChatMessage = {
        id: 5, content: 'Question', message_type: 1, content_type: contentType, content_attributes: contentAttributes, created_at: 1_700_000_000, conversation_id: 1,
      };
      const element = await fixture<CwMessage>(html`<cw-message .message=${message}></cw-message>`);
      const controls = $$<HTMLButtonElement | HTMLInputElement>(element, 'button, input');
      expect(controls.length, contentType).to.be.greaterThan(0);
      expect(controls.every((control) => control.disabled), contentType).to.equal(true);
      await expect(element).to.be.accessible();
    }
  });

  it('shows answers made elsewhere to a form, an e-mail request and a survey once message.updated arrives', async () => {
    const { session, conversationId } = await conversation();
    const send = (contentType: string, contentAttributes: Record<string, unknown> = {}) =>
      agent.reply(conversationId, 'Question', { content_type: contentType, content_attributes: contentAttributes, message_type: 'template' });
    const form = await send('form', { items: [{ name: 'size', label: 'Team size', type: 'number' }] });
    const email = await send('input_email');
    const survey = await send('input_csat', { display_type: 'star' });
    await waitFor(() => session.store.hasMessage(survey.id), 'the messages');
    const list = await fixtureWithSession<CwMessageList>(html`<cw-message-list></cw-message-list>`, session);
    const elementOf = (id: number) => [...list.shadowRoot!.querySelectorAll('cw-message')].find((item) => item.message?.id === id)!;
    const contact = session.store.state.contact!.source_id;
    await session.api.updateMessage(contact, conversationId, form.id, [{ name: 'size', value: '12' }]);
    await session.api.updateMessage(contact, conversationId, email.id, [{ name: 'email', value: 'ada@elsewhere.example' }]);
    await session.api.updateMessage(contact, conversationId, survey.id, { csat_survey_response: { rating: 2, feedback_message: 'Slow' } });
    await waitFor(() => $(elementOf(survey.id), '.feedback'), 'the survey answer');
    expect($(elementOf(form.id), 'dl.answers')!.textContent).to.equal('Team size12');
    expect($(elementOf(email.id), '.answer-value')!.textContent).to.equal('ada@elsewhere.example');
    expect($(elementOf(survey.id), '.rated')!.textContent).to.contain('Rated 2 out of 5');
    expect($(elementOf(survey.id), '.feedback')!.textContent).to.equal('Slow');
  });

  describe('cards and articles', () => {
    const cards = {
      items: [
        { title: 'Basic', description: 'For one', media_url: 'https://img.example/basic.png', actions: [
          { type: 'link', text: 'Details', uri: 'https://example.com/basic' }, { type: 'postback', text: 'Buy Basic', payload: 'BUY_BASIC' }] },
        { title: 'Team', description: 'For many', media_url: 'javascript:alert(1)', actions: [{ type: 'link', text: 'Sneaky', uri: 'javascript:alert(1)' }] },
      ],
    };

    it('shows cards side by side with http(s) images and links only', async () => {
      const { element } = await interactive('cards', cards);
      expect(getComputedStyle($(element, '.cards')!).overflowX).to.equal('auto');
      const images = $$<HTMLImageElement>(element, '.card-media');
      expect(images.map((image) => [image.getAttribute('src'), image.alt])).to.deep.equal([['https://img.example/basic.png', 'Basic']]);
      const links = $$<HTMLAnchorElement>(element, 'a');
      expect(links.map((link) => [link.href, link.target, link.rel])).to.deep.equal([['https://example.com/basic', '_blank', 'noopener noreferrer']]);
      expect($$(element, '.card')[1].textContent).to.contain('Sneaky');
      await expect(element).to.be.accessible();
    });

    it('fires cw-postback with the payload when a card button is pressed', async () => {
      const { element, id } = await interactive('cards', cards);
      const postback = oneEvent(element, 'cw-postback');
      buttonNamed(element, 'Buy Basic').focus();
      await sendKeys({ press: 'Enter' });
      expect((await postback).detail).to.deep.equal({ payload: 'BUY_BASIC', title: 'Buy Basic', messageId: id });
    });

    it('lists articles as links that open in a new tab', async () => {
      const { element } = await interactive('article', { items: [{ title: 'Getting started', description: 'The basics', link: 'https://help.example/start' }] });
      const link = $<HTMLAnchorElement>(element, '.article a')!;
      expect([link.textContent, link.href, link.target, link.rel]).to.deep.equal(['Getting started', 'https://help.example/start', '_blank', 'noopener noreferrer']);
      expect($(element, '.article-description')!.textContent).to.equal('The basics');
      await expect(element).to.be.accessible();
    });
  });

  describe('form', () => {
    const form = {
      button_label: 'Send details',
      items: [
        { name: 'name', label: 'Your name', type: 'text', required: true, default: 'Ada' },
        { name: 'email', label: 'Work email', type: 'email', required: true, placeholder: 'you@company.example' },
        { name: 'zip', label: 'ZIP code', type: 'text', pattern: '[0-9]{5}', pattern_error: 'Five digits, please.' },
        { name: 'plan', label: 'Plan', type: 'select', options: [{ label: 'Basic plan', value: 'basic' }, 'team'] },
        { name: 'notes', label: 'Notes', type: 'text_area' },
      ],
    };

    it('renders labelled fields with their defaults and the button label, and is accessible', async () => {
      const { element } = await interactive('form', form);
      expect($$(element, 'label').map((label) => label.textContent!.replace(' *', ''))).to.deep.equal(['Your name', 'Work email', 'ZIP code', 'Plan', 'Notes']);
      expect($<HTMLInputElement>(element, '#field-0')!.value).to.equal('Ada');
      expect($(element, '#field-4')!.tagName).to.equal('TEXTAREA');
      expect($$(element, '#field-3 option').map((option) => option.textContent)).to.deep.equal(['Choose…', 'Basic plan', 'team']);
      expect($(element, 'button[type="submit"]')!.textContent).to.equal('Send details');
      await expect(element).to.be.accessible();
    });

    it('blocks a form with a missing, invalid or mismatched field, with our messages in linked alerts', async () => {
      const { element } = await interactive('form', form);
      const before = await updates();
      await type(element, '#field-1', 'not-an-address');
      await type(element, '#field-2', '12');
      $<HTMLInputElement>(element, '#field-0')!.value = '';
      $<HTMLButtonElement>(element, 'button[type="submit"]')!.click();
      await element.updateComplete;
      const errors = [0, 1, 2].map((index) => $(element, `#field-${index}-error`)!);
      expect(errors.map((error) => [error.getAttribute('role'), error.textContent])).to.deep.equal([
        ['alert', 'Your name is required.'], ['alert', 'Enter a valid email address, like name@example.com.'], ['alert', 'Five digits, please.'],
      ]);
      expect([0, 1, 2].map((index) => $(element, `#field-${index}`)!.getAttribute('aria-describedby'))).to.deep.equal(errors.map((error) => error.id));
      expect(element.shadowRoot!.activeElement).to.equal($(element, '#field-0'));
      expect(await updates()).to.equal(before);
      await expect(element).to.be.accessible();
    });

    it('sends the values and then shows them as a definition list', async () => {
      const { element, conversationId, id } = await interactive('form', form);
      await type(element, '#field-1', 'ada@work.example');
      await type(element, '#field-2', '10115');
      const plan = $<HTMLSelectElement>(element, '#field-3')!;
      plan.value = 'basic';
      plan.dispatchEvent(new Event('change'));
      await type(element, '#field-4', 'Call me');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await waitFor(() => $(element, 'dl.answers'), 'the answers');
      expect($$(element, 'dt').map((term) => term.textContent)).to.deep.equal(['Your name', 'Work email', 'ZIP code', 'Plan', 'Notes']);
      expect($$(element, 'dd').map((value) => value.textContent)).to.deep.equal(['Ada', 'ada@work.example', '10115', 'Basic plan', 'Call me']);
      expect($(element, 'form')).to.equal(null);
      expect(await serverAnswer(conversationId, id)).to.deep.equal([
        { name: 'name', value: 'Ada' }, { name: 'email', value: 'ada@work.example' }, { name: 'zip', value: '10115' },
        { name: 'plan', value: 'basic' }, { name: 'notes', value: 'Call me' },
      ]);
    });

    it('ignores a hostile pattern without throwing or hanging', async () => {
      const { element, conversationId, id } = await interactive('form', { items: [
        { name: 'broken', label: 'Broken', type: 'text', pattern: '([' },
        { name: 'slow', label: 'Slow', type: 'text', pattern: '(a+)+b', pattern_error: '<img src=x onerror="window.__cwHacked=1">' },
      ] });
      await type(element, '#field-0', 'anything');
      await type(element, '#field-1', `${'a'.repeat(40)}!`);
      $<HTMLButtonElement>(element, 'button[type="submit"]')!.click();
      await waitFor(() => $(element, 'dl.answers'), 'the answers');
      expect(await serverAnswer(conversationId, id)).to.deep.equal([{ name: 'broken', value: 'anything' }, { name: 'slow', value: `${'a'.repeat(40)}!` }]);
      expect((window as unknown as { __cwHacked?: number }).__cwHacked).to.equal(undefined);
    });
  });

  describe('input_email', () => {
    it('rejects an invalid address without a request, then sends a valid one and shows it', async () => {
      const { session, element, conversationId, id } = await interactive('input_email', {}, 'template');
      await expect(element).to.be.accessible();
      const before = await updates();
      await type(element, 'input[type="email"]', 'ada@nowhere');
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      const error = $(element, '#field-0-error')!;
      expect([error.getAttribute('role'), error.textContent]).to.deep.equal(['alert', 'Enter a valid email address, like name@example.com.']);
      expect($(element, 'input')!.getAttribute('aria-describedby')).to.equal(error.id);
      expect(await updates()).to.equal(before);
      await expect(element).to.be.accessible();
      await type(element, 'input[type="email"]', '.example');
      await sendKeys({ press: 'Enter' });
      const answer = await waitFor(() => $(element, '.answer-value'), 'the address');
      expect(answer.textContent).to.equal('ada@nowhere.example');
      expect(await serverAnswer(conversationId, id)).to.deep.equal([{ name: 'email', value: 'ada@nowhere.example' }]);
      expect(session.store.state.contact!.email).to.equal('ada@nowhere.example');
    });
  });

  describe('input_csat', () => {
    it('rates with emoji at once, then takes optional feedback', async () => {
      const { element, conversationId, id } = await interactive('input_csat', {}, 'template');
      const names = $$(element, '.rating').map((button) => button.getAttribute('aria-label'));
      expect(names).to.deep.equal(['Very unsatisfied', 'Unsatisfied', 'Neutral', 'Satisfied', 'Very satisfied']);
      await expect(element).to.be.accessible();
      buttonNamed(element, 'Satisfied').focus();
      await sendKeys({ press: 'Enter' });
      const feedback = await waitFor(() => $<HTMLTextAreaElement>(element, '#csat-feedback'), 'the feedback box');
      expect($(element, '.rated')!.textContent).to.contain('Rated 4 out of 5');
      expect(element.shadowRoot!.activeElement).to.equal(feedback);
      expect(await serverAnswer(conversationId, id)).to.deep.equal({ csat_survey_response: { rating: 4 } });
      await expect(element).to.be.accessible();
      await sendKeys({ type: 'Quick and kind' });
      buttonNamed(element, 'Send feedback').click();
      const quote = await waitFor(() => $(element, '.feedback'), 'the feedback');
      expect(quote.textContent).to.equal('Quick and kind');
      expect(await serverAnswer(conversationId, id)).to.deep.equal({ csat_survey_response: { rating: 4, feedback_message: 'Quick and kind' } });
    });

    it('rates with stars named by count', async () => {
      const { element, conversationId, id } = await interactive('input_csat', { display_type: 'star' }, 'template');
      expect($$(element, '.rating').map((button) => button.getAttribute('aria-label'))).to.deep.equal(['1 star', '2 stars', '3 stars', '4 stars', '5 stars']);
      await expect(element).to.be.accessible();
      buttonNamed(element, '5 stars').click();
      await waitFor(() => $(element, '.rated'), 'the rating');
      expect($$(element, '.rated-symbols .filled').length).to.equal(5);
      expect(await serverAnswer(conversationId, id)).to.deep.equal({ csat_survey_response: { rating: 5 } });
    });

    it('shows the 14-day refusal in the server\'s words and offers the rating again', async () => {
      const { element } = await interactive('input_csat', {}, 'template');
      await addFault({ kind: 'http', route: 'messages.update', status: 422, body: '{"error":"You cannot update the CSAT survey after 14 days"}' });
      buttonNamed(element, 'Very satisfied').click();
      const alert = await waitFor(() => ($(element, '[role="alert"]')?.textContent ? $(element, '[role="alert"]') : undefined), 'the refusal');
      expect(alert.textContent).to.equal('You cannot update the CSAT survey after 14 days');
      expect($(element, '.csat')!.getAttribute('aria-describedby')).to.equal(alert.id);
      expect($$<HTMLButtonElement>(element, '.rating').every((button) => !button.disabled && !button.hasAttribute('aria-disabled'))).to.equal(true);
      await expect(element).to.be.accessible();
    });
  });
});
