import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChatMessage } from '../../services/conversation-store.js';
import type { CwMessage } from '../../components/message/message.js';
import '../../components/message/message.js';

const CREATED_AT = 1_700_000_000;

function message(overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: 1, content: 'Hello', message_type: 1, content_type: 'text', content_attributes: {}, created_at: CREATED_AT,
    conversation_id: 1, sender: { id: 7, name: 'Alice Agent', available_name: 'Alice', type: 'user', thumbnail: '' },
    ...overrides,
  };
}

async function render(value: ChatMessage, grouped = false) {
  return fixture<CwMessage>(html`<cw-message .message=${value} ?grouped=${grouped}></cw-message>`);
}

const part = (element: CwMessage, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<cw-message>', () => {
  it('is accessible as an agent message with its author, avatar and time', async () => {
    const element = await render(message());
    expect(part(element, 'author')!.textContent).to.equal('Alice');
    expect(part(element, 'avatar')!.textContent).to.equal('A');
    const time = element.shadowRoot!.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal(new Date(CREATED_AT * 1000).toISOString());
    await expect(element).to.be.accessible();
  });

  it('is accessible as an own message, marked mine and with its delivery state', async () => {
    const element = await render(message({ message_type: 0, sender: undefined, delivery: 'read' }));
    expect(element.mine).to.equal(true);
    expect(element.hasAttribute('mine')).to.equal(true);
    expect(part(element, 'status')!.textContent).to.equal('Read');
    expect(part(element, 'avatar')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('keeps line breaks in the contact\'s text and shows it as plain text', async () => {
    const element = await render(message({ content: 'first line\nsecond *line*', message_type: 0 }));
    const text = element.shadowRoot!.querySelector<HTMLElement>('.text')!;
    expect(text.textContent).to.equal('first line\nsecond *line*');
    expect(getComputedStyle(text).whiteSpace).to.equal('pre-wrap');
  });

  it('renders an agent\'s Markdown with line breaks and links that open safely', async () => {
    const element = await render(message({ content: 'first **line**\nsee https://example.com/help' }));
    const markdown = element.shadowRoot!.querySelector<HTMLElement>('.markdown')!;
    expect(markdown.querySelector('strong')!.textContent).to.equal('line');
    expect(markdown.querySelector('br')).to.not.equal(null);
    const link = markdown.querySelector('a')!;
    expect([link.href, link.target, link.rel]).to.deep.equal(['https://example.com/help', '_blank', 'noopener noreferrer']);
  });

  it('marks an agent\'s Markdown lists: bullets for a bulleted list, numbers for a numbered one', async () => {
    const element = await render(message({ content: '- tea\n- coffee\n\n1. boil\n2. pour' }));
    const markdown = element.shadowRoot!.querySelector<HTMLElement>('.markdown')!;
    const marker = (selector: string) => getComputedStyle(markdown.querySelector(`${selector} > li`)!).listStyleType;
    expect([marker('ul'), marker('ol')]).to.deep.equal(['disc', 'decimal']);
  });

  it('shows markup in the content as text and creates no element from it', async () => {
    const hostile = '<img src=x onerror="window.__cwHacked = true"><b>bold</b>';
    const element = await render(message({ content: hostile }));
    expect(element.shadowRoot!.querySelector('.markdown')!.textContent).to.equal(hostile);
    expect(element.shadowRoot!.querySelector('.bubble img, .bubble b')).to.equal(null);
    expect((window as unknown as { __cwHacked?: boolean }).__cwHacked).to.equal(undefined);
  });

  it('hides the author line of a grouped message but keeps the name for screen readers', async () => {
    const element = await render(message(), true);
    expect(part(element, 'author')!.classList.contains('visually-hidden')).to.equal(true);
    expect(part(element, 'avatar')).to.equal(null);
  });

  it('links an attachment only when its address is http(s), opening it in a new tab', async () => {
    const element = await render(message({
      content: null,
      attachments: [
        { id: 1, message_id: 1, account_id: 1, file_type: 'file', data_url: 'https://files.example/blobs/report%202024.pdf', file_size: 2048 },
        { id: 2, message_id: 1, account_id: 1, file_type: 'file', data_url: 'javascript:alert(1)', extension: 'exe' },
      ],
    }));
    const attachments = element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="attachment"]');
    expect(attachments.length).to.equal(2);
    const link = attachments[0] as HTMLAnchorElement;
    expect(link.tagName).to.equal('A');
    expect(link.href).to.equal('https://files.example/blobs/report%202024.pdf');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(link.textContent).to.contain('report 2024.pdf').and.contain('2 kB');
    expect(attachments[1].tagName).to.equal('SPAN');
    expect(element.shadowRoot!.querySelectorAll('a').length).to.equal(1);
    await expect(element).to.be.accessible();
  });

  it('shows an image attachment as a thumbnail inside a link to the full image', async () => {
    const element = await render(message({
      attachments: [{
        id: 1, message_id: 1, account_id: 1, file_type: 'image',
        data_url: 'https://files.example/full.png', thumb_url: 'https://files.example/thumb.png',
      }],
    }));
    const link = element.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~="attachment"]')!;
    expect(link.href).to.equal('https://files.example/full.png');
    expect(link.querySelector('img')!.getAttribute('src')).to.equal('https://files.example/thumb.png');
    await expect(element).to.be.accessible();
  });

  it('shows an agent picture only from an http(s) address, initials otherwise', async () => {
    const pictured = await render(message({ sender: { id: 7, name: 'Alice Agent', type: 'user', thumbnail: 'https://img.example/a.png' } }));
    expect(part(pictured, 'avatar')!.querySelector('img')!.getAttribute('src')).to.equal('https://img.example/a.png');
    const scripted = await render(message({ sender: { id: 7, name: 'Alice Agent', type: 'user', avatar_url: 'javascript:alert(1)' } }));
    expect(part(scripted, 'avatar')!.querySelector('img')).to.equal(null);
    expect(part(scripted, 'avatar')!.textContent).to.equal('AA');
  });

  it('shows a deleted message as deleted', async () => {
    const element = await render(message({ content: 'secret', content_attributes: { deleted: true } }));
    expect(part(element, 'bubble')!.textContent!.trim()).to.equal('This message was deleted.');
  });

  it('shows an activity message as a centred line', async () => {
    const element = await render(message({ message_type: 2, content: 'Conversation was resolved', sender: undefined }));
    expect(part(element, 'activity')!.textContent).to.contain('Conversation was resolved');
    expect(part(element, 'bubble')).to.equal(null);
  });

  it('lists the options of a select and shows the chosen one once answered', async () => {
    const items = [{ title: 'Sales', value: 'sales' }, { title: 'Support', value: 'support' }];
    const open = await render(message({ content_type: 'input_select', content: 'Pick one', content_attributes: { items } }));
    expect([...open.shadowRoot!.querySelectorAll('.options li')].map((item) => item.textContent)).to.deep.equal(['Sales', 'Support']);
    const answered = await render(message({
      content_type: 'input_select', content: 'Pick one', content_attributes: { items, submitted_values: [{ title: 'Support', value: 'support' }] },
    }));
    expect(answered.shadowRoot!.querySelector('.answer-value')!.textContent).to.equal('Support');
    expect(answered.shadowRoot!.querySelector('.options')).to.equal(null);
  });

  it('shows cards with http(s) links only and emits cw-postback from a postback button by keyboard', async () => {
    const element = await render(message({
      content_type: 'cards', content: null, content_attributes: {
        items: [{
          title: 'Plan', description: 'The best plan', media_url: 'data:image/png;base64,AAAA',
          actions: [
            { type: 'link', text: 'Read more', uri: 'https://example.com/plan' },
            { type: 'link', text: 'Bad link', uri: 'javascript:alert(1)' },
            { type: 'postback', text: 'Buy', payload: 'BUY_PLAN' },
          ],
        }],
      },
    }));
    const links = [...element.shadowRoot!.querySelectorAll('a')];
    expect(links.map((link) => link.href)).to.deep.equal(['https://example.com/plan']);
    expect(element.shadowRoot!.querySelector('.card-media')).to.equal(null);
    expect(element.shadowRoot!.querySelector('.card')!.textContent).to.contain('Bad link');
    const button = element.shadowRoot!.querySelector<HTMLButtonElement>('button.postback')!;
    button.focus();
    const postback = oneEvent(element, 'cw-postback');
    await sendKeys({ press: 'Enter' });
    expect((await postback).detail).to.deep.equal({ payload: 'BUY_PLAN', title: 'Buy', messageId: 1 });
    await expect(element).to.be.accessible();
  });

  it('shows articles as links to http(s) addresses', async () => {
    const element = await render(message({
      content_type: 'article', content: 'Read these', content_attributes: {
        items: [{ title: 'Guide', description: 'How to start', link: 'https://help.example/guide' }, { title: 'Other', link: 'ftp://x' }],
      },
    }));
    expect([...element.shadowRoot!.querySelectorAll('a')].map((link) => link.textContent)).to.deep.equal(['Guide']);
    expect(element.shadowRoot!.querySelector('.articles')!.textContent).to.contain('Other').and.contain('How to start');
  });

  it('shows the text of a form, an e-mail request and a survey with their answers', async () => {
    const form = await render(message({
      content_type: 'form', content: 'Tell us more', content_attributes: {
        items: [{ name: 'size', label: 'Team size', type: 'text' }], submitted_values: [{ name: 'size', value: '12' }],
      },
    }));
    expect(form.shadowRoot!.querySelector('.markdown')!.textContent).to.equal('Tell us more');
    expect(form.shadowRoot!.querySelector('dt')!.textContent).to.equal('Team size');
    expect(form.shadowRoot!.querySelector('dd')!.textContent).to.equal('12');
    const email = await render(message({ message_type: 3, sender: undefined, content_type: 'input_email', content: 'Your e-mail?', content_attributes: { submitted_email: 'a@b.example' } }));
    expect(part(email, 'author')!.textContent).to.equal('Bot');
    expect(email.shadowRoot!.querySelector('.answer-value')!.textContent).to.equal('a@b.example');
    const survey = await render(message({
      message_type: 3, content_type: 'input_csat', content: 'Rate us',
      content_attributes: { submitted_values: { csat_survey_response: { rating: 4, feedback_message: 'Quick' } } },
    }));
    expect(survey.shadowRoot!.querySelector('.bubble')!.textContent).to.contain('Rate us').and.contain('Rated 4 out of 5').and.contain('Quick');
  });

  it('shows a failed own message without Retry and Delete when there is no session', async () => {
    const element = await render(message({ id: undefined, echo_id: 'e1', message_type: 0, delivery: 'failed', error: 'Internal Server Error' }));
    expect(part(element, 'status')!.textContent).to.equal('Not sent');
    expect(element.shadowRoot!.textContent).to.contain('Internal Server Error');
    expect(part(element, 'retry-button')).to.equal(null);
    expect(part(element, 'discard-button')).to.equal(null);
    await expect(element).to.be.accessible();
  });
});
