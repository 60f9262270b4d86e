import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/composer/composer.js';
import '../../components/message-list/message-list.js';
import '../../components/message/message.js';
import type { CwComposer } from '../../components/composer/composer.js';
import type { CwMessage } from '../../components/message/message.js';
import type { CwMessageList } from '../../components/message-list/message-list.js';
import type { CwDemoAgentConsole } from '../../demo/agent-console.js';
import '../../demo/agent-console.js';
import { en } from '../../components/shared/english.js';
import type { ChatSession } from '../../services/chat-session.js';
import type { ChatMessage } from '../../services/conversation-store.js';
import type { Attachment, Message } from '../../services/types.js';
import { createTestSession, fixtureWithSession } from '../helpers/fixtures.js';
import { addFault, agent, clearFaults, pause, standIn, waitFor } from '../helpers/stand-in.js';

const sized = (name: string, type: string, size: number) => new File([new Uint8Array(size)], name, { type });
const pdfFile = (name: string, size = 1000) =>
  new File(['%PDF-1.4\n'.padEnd(size, ' ')], name, { type: 'application/pdf' });

/** A real PNG, so that its thumbnail loads. */
async function imageFile(name: string): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 40;
  canvas.height = 30;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#0969da';
  context.fillRect(0, 0, 40, 30);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((made) => resolve(made!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

/** A tenth of a second of 8 kHz silence as a WAV file. */
function audioFile(name: string): File {
  const samples = 800;
  const view = new DataView(new ArrayBuffer(44 + samples * 2));
  const text = (offset: number, value: string) => [...value].forEach((char, index) => view.setUint8(offset + index, char.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 8000, true);
  view.setUint32(28, 16000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples * 2, true);
  return new File([view.buffer], name, { type: 'audio/wav' });
}

/** A short WebM recorded from a canvas. */
async function videoFile(name: string): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 32;
  canvas.height = 32;
  const context = canvas.getContext('2d')!;
  const recorder = new MediaRecorder(canvas.captureStream(10), { mimeType: 'video/webm' });
  const chunks: Blob[] = [];
  recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
  const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve));
  recorder.start();
  for (let frame = 0; frame < 6; frame++) {
    context.fillStyle = frame % 2 ? '#cf222e' : '#0969da';
    context.fillRect(0, 0, 32, 32);
    await pause(50);
  }
  recorder.stop();
  await stopped;
  return new File(chunks, name, { type: 'video/webm' });
}

const sessions: ChatSession[] = [];

async function newSession(): Promise<ChatSession> {
  const session = await createTestSession();
  sessions.push(session);
  return session;
}

/** A started session whose conversation exists on the server. */
async function sessionWithConversation(): Promise<ChatSession> {
  const session = await newSession();
  await session.start();
  await session.send('first');
  await waitFor(() => session.store.state.messages[0]?.id, 'the first message to be stored');
  return session;
}

const transfer = (files: File[]) => {
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  return data;
};
const drag = (type: string, files: File[]) =>
  new DragEvent(type, { dataTransfer: transfer(files), bubbles: true, composed: true, cancelable: true });
const shadow = (element: Element) => element.shadowRoot!;
const fileNames = (composer: CwComposer) =>
  [...shadow(composer).querySelectorAll('[part="file"] .file-name')].map((name) => name.textContent);
const alertText = (composer: CwComposer) => shadow(composer).querySelector('[part="file-error"]')?.textContent ?? '';

async function renderComposer(session: ChatSession, template = html`<cw-composer></cw-composer>`) {
  const composer = await fixtureWithSession<CwComposer>(template, session);
  return { composer, textarea: shadow(composer).querySelector('textarea')!, input: shadow(composer).querySelector<HTMLInputElement>('input[type="file"]')! };
}

async function choose(input: HTMLInputElement, files: File[]) {
  input.files = transfer(files).files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** A conversation view: the list above the composer, sharing one session. */
async function renderChat(session: ChatSession) {
  const wrapper = await fixtureWithSession<HTMLElement>(html`<div>
    <cw-message-list style="block-size: 400px"></cw-message-list><cw-composer></cw-composer></div>`, session);
  const list = wrapper.querySelector('cw-message-list')!;
  const composer = wrapper.querySelector('cw-composer')!;
  await list.updateComplete;
  await composer.updateComplete;
  return { list, composer };
}

const messageElements = (list: CwMessageList) => [...shadow(list).querySelectorAll('cw-message')];

async function renderMessage(message: Partial<ChatMessage>) {
  const value: ChatMessage = {
    id: 1, content: null, message_type: 1, content_type: 'text', content_attributes: {}, created_at: 1_700_000_000,
    conversation_id: 1, sender: { id: 7, name: 'Alice Agent', type: 'user' }, ...message,
  };
  return fixture<CwMessage>(html`<cw-message .message=${value}></cw-message>`);
}

const attachment = (fields: Partial<Attachment>): Attachment => ({ id: 1, message_id: 1, account_id: 1, file_type: 'file', ...fields });

/** The agent sends files through the agent API's multipart form. */
async function agentUpload(conversationId: number, files: File[], content = ''): Promise<Message> {
  const info = await standIn();
  const form = new FormData();
  form.append('content', content);
  form.append('message_type', 'outgoing');
  for (const file of files) form.append('attachments[]', file, file.name);
  const response = await fetch(`${info.url}/api/v1/accounts/${info.accountId}/conversations/${conversationId}/messages`, {
    method: 'POST', headers: { api_access_token: info.agentToken }, body: form,
  });
  expect(response.status).to.equal(200);
  return (await response.json()) as Message;
}

describe('attachments', () => {
  afterEach(async () => {
    for (const session of sessions.splice(0)) session.dispose();
    await clearFaults();
  });

  describe('choosing files in <cw-composer>', () => {
    it('has a named file button that opens a hidden file input taking several files', async () => {
      const { composer, input } = await renderComposer(await newSession());
      const button = shadow(composer).querySelector<HTMLButtonElement>('[part="attach-button"]')!;
      expect(button.tagName).to.equal('BUTTON');
      expect(button.textContent!.trim()).to.equal(en.attachFiles);
      expect(input.multiple).to.equal(true);
      expect(input.hidden).to.equal(true);
      let opened = false;
      input.addEventListener('click', (event) => { opened = true; event.preventDefault(); });
      button.click();
      expect(opened).to.equal(true);
    });

    it('shows chosen files before sending: a thumbnail for an image, name and size for others', async () => {
      const { composer, input } = await renderComposer(await newSession());
      await choose(input, [await imageFile('photo.png'), pdfFile('report.pdf', 2048)]);
      await composer.updateComplete;
      expect(fileNames(composer)).to.deep.equal(['photo.png', 'report.pdf']);
      const files = shadow(composer).querySelectorAll('[part="file"]');
      expect(files[0].querySelector('img')!.src).to.match(/^blob:/);
      expect(files[1].querySelector('img')).to.equal(null);
      expect(files[1].textContent).to.contain('2 kB');
      expect(shadow(composer).querySelector('[role="status"]')!.textContent).to.equal(en.filesAttached(2));
      await expect(composer).to.be.accessible();
    });

    it('adds files pasted into the text box', async () => {
      const { composer, textarea } = await renderComposer(await newSession());
      const paste = new ClipboardEvent('paste', { clipboardData: transfer([await imageFile('screenshot.png')]), bubbles: true, cancelable: true });
      textarea.dispatchEvent(paste);
      await composer.updateComplete;
      expect(paste.defaultPrevented).to.equal(true);
      expect(fileNames(composer)).to.deep.equal(['screenshot.png']);
    });

    it('pastes the words of rich text copied with a picture, not the picture', async () => {
      const { composer, textarea } = await renderComposer(await newSession());
      const data = transfer([await imageFile('clip.png')]);
      data.setData('text/html', '<p>Hello <img src="x.png"></p>');
      data.setData('text/plain', 'Hello');
      const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      textarea.dispatchEvent(paste);
      await composer.updateComplete;
      expect(paste.defaultPrevented).to.equal(false);
      expect(fileNames(composer)).to.deep.equal([]);
    });

    it('shows a drop target while files are dragged over the composer and adds the dropped files', async () => {
      const { composer } = await renderComposer(await newSession());
      const form = shadow(composer).querySelector('form')!;
      form.dispatchEvent(drag('dragenter', [pdfFile('notes.pdf')]));
      const over = drag('dragover', [pdfFile('notes.pdf')]);
      form.dispatchEvent(over);
      await composer.updateComplete;
      expect(over.defaultPrevented).to.equal(true);
      expect(shadow(composer).querySelector('[part="drop-zone"]')!.textContent!.trim()).to.equal(en.dropFiles);
      form.dispatchEvent(drag('drop', [pdfFile('notes.pdf')]));
      await composer.updateComplete;
      expect(shadow(composer).querySelector('[part="drop-zone"]')).to.equal(null);
      expect(fileNames(composer)).to.deep.equal(['notes.pdf']);
    });

    it('hands files dropped on the conversation to the composer', async () => {
      const { list, composer } = await renderChat(await newSession());
      const log = shadow(list).querySelector('.log')!;
      log.dispatchEvent(drag('dragenter', [pdfFile('dropped.pdf')]));
      await list.updateComplete;
      expect(shadow(list).querySelector('[part="drop-zone"]')!.textContent!.trim()).to.equal(en.dropFiles);
      log.dispatchEvent(drag('drop', [pdfFile('dropped.pdf')]));
      await list.updateComplete;
      await composer.updateComplete;
      expect(shadow(list).querySelector('[part="drop-zone"]')).to.equal(null);
      expect(fileNames(composer)).to.deep.equal(['dropped.pdf']);
    });

    it('leaves drops on the conversation to the browser when there is no composer to send them', async () => {
      const session = await newSession();
      const list = await fixtureWithSession<CwMessageList>(html`<cw-message-list></cw-message-list>`, session);
      const over = drag('dragover', [pdfFile('nowhere.pdf')]);
      shadow(list).querySelector('.log')!.dispatchEvent(over);
      await list.updateComplete;
      expect(over.defaultPrevented).to.equal(false);
      expect(shadow(list).querySelector('[part="drop-zone"]')).to.equal(null);
    });

    it('refuses a file over max-file-size with an alert naming it and the limit', async () => {
      const { composer, input } = await renderComposer(await newSession(), html`<cw-composer max-file-size="1kB"></cw-composer>`);
      await choose(input, [sized('big.pdf', 'application/pdf', 5000), pdfFile('small.pdf', 500)]);
      await composer.updateComplete;
      expect(fileNames(composer)).to.deep.equal(['small.pdf']);
      const alert = shadow(composer).querySelector('[part="file-error"]')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.textContent).to.contain(en.fileTooLarge('big.pdf', '1 kB'));
      await expect(composer).to.be.accessible();
    });

    it('refuses a file of a type that accept does not list', async () => {
      const { composer, input } = await renderComposer(await newSession(), html`<cw-composer accept="image/*,.txt"></cw-composer>`);
      expect(input.accept).to.equal('image/*,.txt');
      await choose(input, [pdfFile('report.pdf'), await imageFile('photo.png'), sized('notes.TXT', '', 10)]);
      await composer.updateComplete;
      expect(fileNames(composer)).to.deep.equal(['photo.png', 'notes.TXT']);
      expect(alertText(composer)).to.contain(en.fileTypeRefused('report.pdf'));
    });

    it('refuses files beyond max-files', async () => {
      const { composer, input } = await renderComposer(await newSession(), html`<cw-composer max-files="2"></cw-composer>`);
      await choose(input, [pdfFile('one.pdf'), pdfFile('two.pdf'), pdfFile('three.pdf')]);
      await composer.updateComplete;
      expect(fileNames(composer)).to.deep.equal(['one.pdf', 'two.pdf']);
      expect(alertText(composer)).to.contain(en.tooManyFiles('three.pdf', 2));
    });

    it('removes a file with its remove button, revokes its preview and moves focus on', async () => {
      const { composer, input } = await renderComposer(await newSession());
      await choose(input, [await imageFile('photo.png'), pdfFile('report.pdf')]);
      await composer.updateComplete;
      const preview = shadow(composer).querySelector<HTMLImageElement>('[part="file"] img')!.src;
      const remove = shadow(composer).querySelector<HTMLButtonElement>('[part="remove-button"]')!;
      expect(remove.getAttribute('aria-label')).to.equal(en.removeFile('photo.png'));
      remove.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => fileNames(composer).length === 1, 'the file to be removed');
      expect(fileNames(composer)).to.deep.equal(['report.pdf']);
      expect(shadow(composer).activeElement!.getAttribute('aria-label')).to.equal(en.removeFile('report.pdf'));
      let revoked = false;
      await fetch(preview).catch(() => { revoked = true; });
      expect(revoked).to.equal(true);
    });

    it('adds files through addFiles() with the same rules', async () => {
      const { composer } = await renderComposer(await newSession(), html`<cw-composer accept=".pdf"></cw-composer>`);
      composer.addFiles([pdfFile('a.pdf'), await imageFile('b.png')]);
      await composer.updateComplete;
      expect(fileNames(composer)).to.deep.equal(['a.pdf']);
      expect(alertText(composer)).to.contain(en.fileTypeRefused('b.png'));
    });

    it('takes no files while disabled', async () => {
      const { composer, input } = await renderComposer(await newSession(), html`<cw-composer disabled></cw-composer>`);
      expect(shadow(composer).querySelector<HTMLButtonElement>('[part="attach-button"]')!.disabled).to.equal(true);
      composer.addFiles([pdfFile('a.pdf')]);
      await choose(input, [pdfFile('b.pdf')]);
      await composer.updateComplete;
      expect(fileNames(composer)).to.deep.equal([]);
    });
  });

  describe('sending files', () => {
    it('sends an image and a PDF with a caption as one message with two attachments, shown in the list', async () => {
      const session = await sessionWithConversation();
      const { list, composer } = await renderChat(session);
      const input = shadow(composer).querySelector<HTMLInputElement>('input[type="file"]')!;
      await choose(input, [await imageFile('photo.png'), pdfFile('report.pdf', 3000)]);
      await composer.updateComplete;
      const preview = shadow(composer).querySelector<HTMLImageElement>('[part="file"] img')!.src;
      composer.focus();
      await sendKeys({ type: 'Here they are' });
      await sendKeys({ press: 'Enter' });
      await composer.updateComplete;
      expect(fileNames(composer)).to.deep.equal([]);
      const sent = await waitFor(() => session.store.state.messages.find((message) => message.id && message.attachments?.length),
        'the message with attachments to be stored');
      const onServer = (await agent.messages(sent.conversation_id)).filter((message) => message.attachments?.length);
      expect(onServer).to.have.length(1);
      expect(onServer[0].content).to.equal('Here they are');
      expect(onServer[0].attachments!.map((item) => item.file_type)).to.deep.equal(['image', 'file']);
      await list.updateComplete;
      const shown = messageElements(list).find((element) => element.message?.id === sent.id)!;
      await shown.updateComplete;
      const thumbnail = shadow(shown).querySelector<HTMLImageElement>('a.image img')!;
      expect(thumbnail.src).to.equal(onServer[0].attachments![0].thumb_url);
      await waitFor(() => thumbnail.complete && thumbnail.naturalWidth > 0, 'the thumbnail to load');
      const link = shadow(shown).querySelector<HTMLAnchorElement>('a.file')!;
      expect(link.textContent).to.contain('report.pdf').and.contain('3 kB');
      expect(link.href).to.equal(onServer[0].attachments![1].data_url);
      let revoked = false;
      await fetch(preview).catch(() => { revoked = true; });
      expect(revoked).to.equal(true);
    });

    it('sends files without text on Enter', async () => {
      const session = await sessionWithConversation();
      const { composer, input } = await renderComposer(session);
      await choose(input, [pdfFile('alone.pdf')]);
      await composer.updateComplete;
      const button = shadow(composer).querySelector<HTMLButtonElement>('[part="send-button"]')!;
      expect(button.disabled).to.equal(false);
      composer.focus();
      await sendKeys({ press: 'Enter' });
      const sent = await waitFor(() => session.store.state.messages.find((message) => message.attachments?.length), 'the file to be stored');
      expect(sent.content ?? '').to.equal('');
      expect(sent.attachments!.map((item) => item.file_type)).to.deep.equal(['file']);
    });

    it('shows the upload progress and Cancel on the pending message; Cancel drops it and its upload', async () => {
      const session = await sessionWithConversation();
      const { list, composer } = await renderChat(session);
      // the answer and the cable's echo both held back: the message stays pending while the test looks at it
      await addFault({ kind: 'http', route: 'messages.create', delay_ms: 3000 });
      await addFault({ kind: 'cable-delay', ms: 5000 });
      composer.addFiles([sized('big.bin', 'application/octet-stream', 4_000_000)]);
      await composer.updateComplete;
      composer.focus();
      await sendKeys({ press: 'Enter' });
      const pending = await waitFor(() => messageElements(list).find((element) => element.message?.pending_files),
        'the pending message');
      const progress = await waitFor(() => shadow(pending).querySelector('progress'), 'the progress bar');
      const label = shadow(pending).querySelector(`label[for="${progress.id}"]`)!;
      expect(label.textContent).to.equal(en.uploading);
      await waitFor(() => progress.hasAttribute('value') && progress.value > 0, 'progress to be reported');
      expect(shadow(pending).querySelector('[part~="attachment"]')!.textContent).to.contain('big.bin');
      await expect(pending).to.be.accessible();
      const cancel = shadow(pending).querySelector<HTMLButtonElement>('[part="cancel-button"]')!;
      expect(cancel.textContent).to.equal(en.cancelUpload);
      cancel.click();
      expect(session.outbox).to.have.length(0);
      expect(session.store.state.messages.filter((message) => message.id === undefined)).to.have.length(0);
      await list.updateComplete;
      expect(messageElements(list).some((element) => element.message?.pending_files)).to.equal(false);
    });

    /** A PDF sent from the composer while the stand-in answers `messages.create` with `fault`: its failed message. */
    async function failedUpload(name: string, fault: { status: number; body?: unknown }) {
      const session = await sessionWithConversation();
      const { list, composer } = await renderChat(session);
      await addFault({ kind: 'http', route: 'messages.create', ...fault });
      composer.addFiles([pdfFile(name)]);
      await composer.updateComplete;
      composer.focus();
      await sendKeys({ press: 'Enter' });
      const failed = await waitFor(() => messageElements(list).find((element) => element.message?.delivery === 'failed'),
        'the upload to fail');
      await failed.updateComplete;
      return { session, failed };
    }

    it('shows Retry after a failed upload, and Retry delivers it once', async () => {
      const { session, failed } = await failedUpload('retry.pdf', { status: 422, body: { message: 'Nope' } });
      expect(shadow(failed).querySelector('[part="upload"]')).to.equal(null);
      expect(shadow(failed).querySelector('[part~="attachment"]')!.textContent).to.contain('retry.pdf');
      await expect(failed).to.be.accessible();
      shadow(failed).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
      const sent = await waitFor(() => session.store.state.messages.find((message) => message.attachments?.length), 'the retry');
      const onServer = (await agent.messages(sent.conversation_id)).filter((message) => message.attachments?.length);
      expect(onServer).to.have.length(1);
      expect(session.outbox).to.have.length(0);
    });

    it('shows Retry after a 500, once the server shows it does not have the message', async () => {
      const { session, failed } = await failedUpload('server-error.pdf', { status: 500 });
      shadow(failed).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
      const sent = await waitFor(() => session.store.state.messages.find((message) => message.attachments?.length), 'the retry');
      const onServer = (await agent.messages(sent.conversation_id)).filter((message) => message.attachments?.length);
      expect(onServer.map((message) => message.attachments![0].data_url)).to.have.length(1);
    });
  });

  describe('showing attachments in <cw-message>', () => {
    const origin = () => location.origin;

    it('opens an image in a modal viewer that Escape closes, returning focus to the thumbnail', async () => {
      const element = await renderMessage({
        attachments: [
          attachment({ id: 1, file_type: 'image', data_url: `${origin()}/demo/card-image.svg`, extension: 'svg' }),
          attachment({ id: 2, file_type: 'image', data_url: `${origin()}/demo/card-image.svg?second`, extension: 'svg' }),
        ],
      });
      const links = shadow(element).querySelectorAll<HTMLAnchorElement>('a.image');
      expect(links[0].getAttribute('aria-label')).to.equal(en.viewImage('card-image.svg'));
      links[0].focus();
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      const dialog = shadow(element).querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      expect(dialog.matches(':modal')).to.equal(true);
      expect(dialog.querySelector('img')!.getAttribute('src')).to.equal(`${origin()}/demo/card-image.svg`);
      expect(shadow(element).activeElement!.textContent).to.equal(en.closeImage);
      await expect(element).to.be.accessible();
      await sendKeys({ press: 'ArrowRight' });
      await element.updateComplete;
      expect(dialog.querySelector('.viewer-count')!.textContent).to.equal(en.imageOf(2, 2));
      expect(dialog.querySelector('img')!.getAttribute('src')).to.equal(`${origin()}/demo/card-image.svg?second`);
      await sendKeys({ press: 'Escape' });
      await waitFor(() => !shadow(element).querySelector('dialog'), 'the viewer to close');
      expect(shadow(element).activeElement).to.equal(links[0]);
    });

    it('closes the viewer with its close button', async () => {
      const element = await renderMessage({
        attachments: [attachment({ file_type: 'image', data_url: `${origin()}/demo/card-image.svg` })],
      });
      shadow(element).querySelector<HTMLAnchorElement>('a.image')!.click();
      await element.updateComplete;
      shadow(element).querySelector<HTMLButtonElement>('.viewer-close')!.click();
      await element.updateComplete;
      expect(shadow(element).querySelector('dialog')).to.equal(null);
    });

    it('plays video and audio natively and links a file, as the agent sent them', async () => {
      const session = await sessionWithConversation();
      const { list } = await renderChat(session);
      const conversationId = session.store.state.conversation!.id;
      await agentUpload(conversationId, [await videoFile('clip.webm'), audioFile('note.wav'), pdfFile('terms.pdf', 1500)], 'Media');
      const shown = await waitFor(() => messageElements(list).find((element) => element.message?.attachments?.length === 3),
        'the agent message with media');
      await shown.updateComplete;
      const video = shadow(shown).querySelector('video')!;
      expect(video.controls).to.equal(true);
      expect(video.getAttribute('preload')).to.equal('metadata');
      const audio = shadow(shown).querySelector('audio')!;
      expect(audio.controls).to.equal(true);
      expect(audio.getAttribute('preload')).to.equal('metadata');
      await waitFor(() => audio.readyState >= 1 && video.readyState >= 1, 'the media metadata to load');
      const link = shadow(shown).querySelector<HTMLAnchorElement>('a.file')!;
      expect(link.textContent).to.contain('terms.pdf').and.contain('1.5 kB');
      expect(link.hasAttribute('download')).to.equal(true);
      await expect(shown).to.be.accessible();
    });

    it('links a location to a map at its coordinates', async () => {
      const element = await renderMessage({
        attachments: [attachment({ file_type: 'location', coordinates_lat: 52.52, coordinates_long: 13.405, fallback_title: 'Our office', data_url: null })],
      });
      const link = shadow(element).querySelector<HTMLAnchorElement>('a.location')!;
      expect(link.href).to.equal('https://www.openstreetmap.org/?mlat=52.52&mlon=13.405#map=16/52.52/13.405');
      expect(link.textContent!.trim()).to.equal('Our office');
      await expect(element).to.be.accessible();
    });

    it('shows a fallback as its title and link, and other types as links only when http(s)', async () => {
      const element = await renderMessage({
        attachments: [
          attachment({ id: 1, file_type: 'fallback', fallback_title: 'Shared post', data_url: 'https://social.example/post/1' }),
          attachment({ id: 2, file_type: 'embed', data_url: 'https://video.example/embed/2' }),
          attachment({ id: 3, file_type: 'contact', fallback_title: 'Jane Doe', meta: { phone: '+1' } }),
        ],
      });
      const parts = shadow(element).querySelectorAll('[part~="attachment"]');
      expect(parts[0].tagName).to.equal('A');
      expect((parts[0] as HTMLAnchorElement).href).to.equal('https://social.example/post/1');
      expect(parts[0].textContent!.trim()).to.equal('Shared post');
      expect((parts[1] as HTMLAnchorElement).href).to.equal('https://video.example/embed/2');
      expect(parts[2].tagName).to.equal('SPAN');
      expect(parts[2].textContent!.trim()).to.equal('Jane Doe');
      await expect(element).to.be.accessible();
    });

    it('falls back to a link to the file when an image cannot be loaded', async () => {
      const element = await renderMessage({
        attachments: [attachment({ file_type: 'image', data_url: `${origin()}/missing/lost.png`, file_size: 1200 })],
      });
      const link = await waitFor(() => shadow(element).querySelector<HTMLAnchorElement>('a.file'), 'the fallback link');
      expect(link.textContent).to.contain('lost.png');
      expect(shadow(element).querySelector('img')).to.equal(null);
    });

    it('shows an SVG only as an image or a download link, never inline', async () => {
      const svgUrl = `${origin()}/demo/card-image.svg`;
      const element = await renderMessage({
        attachments: [
          attachment({ id: 1, file_type: 'image', data_url: svgUrl, extension: 'svg' }),
          attachment({ id: 2, file_type: 'file', data_url: `${svgUrl}?as-file`, extension: 'svg' }),
        ],
      });
      const root = shadow(element);
      expect(root.querySelector('a.image img')!.getAttribute('src')).to.equal(svgUrl);
      expect(root.querySelector<HTMLAnchorElement>('a.file')!.hasAttribute('download')).to.equal(true);
      expect(root.querySelectorAll('object, iframe, embed, svg:not(.attachment-icon)')).to.have.length(0);
    });

    it('gives no link for a javascript: or data: address', async () => {
      const element = await renderMessage({
        attachments: [
          attachment({ id: 1, file_type: 'image', data_url: 'javascript:alert(1)', thumb_url: 'data:image/png;base64,AAAA' }),
          attachment({ id: 2, file_type: 'video', data_url: 'javascript:alert(2)' }),
          attachment({ id: 3, file_type: 'fallback', fallback_title: 'Bad', data_url: 'javascript:alert(3)' }),
          attachment({ id: 4, file_type: 'location', coordinates_lat: 999, coordinates_long: 0, data_url: 'javascript:alert(4)' }),
        ],
      });
      const root = shadow(element);
      expect(root.querySelectorAll('a, img, video, audio')).to.have.length(0);
      expect(root.querySelectorAll('[part~="attachment"]')).to.have.length(4);
      await expect(element).to.be.accessible();
    });

    it('shows a file the agent attached in the demo console as a link for the visitor', async () => {
      const session = await sessionWithConversation();
      await waitFor(() => session.store.state.connection === 'open', "the visitor's live connection");
      const conversationId = session.store.state.conversation!.id;
      const agentConsole = await fixture<CwDemoAgentConsole>(html`<cw-demo-agent-console .info=${await standIn()}></cw-demo-agent-console>`);
      const root = shadow(agentConsole);
      const summary = await waitFor(() => root.querySelector<HTMLButtonElement>(`.summary[value="${conversationId}"]`), 'the conversation');
      summary.click();
      const input = await waitFor(() => root.querySelector<HTMLInputElement>('.reply input[type="file"]'), 'the reply form');
      await choose(input, [pdfFile('price list.pdf', 1200)]);
      await agentConsole.updateComplete;
      expect(root.querySelector('.reply-files')!.textContent).to.contain('price list.pdf');
      root.querySelector<HTMLButtonElement>('.reply button[type="submit"]')!.click();
      const received = await waitFor(() => session.store.state.messages.find((message) => message.message_type === 1
        && message.attachments?.length), 'the agent file to reach the visitor');
      const { list } = await renderChat(session);
      const shown = messageElements(list).find((element) => element.message?.id === received.id)!;
      await shown.updateComplete;
      expect(shadow(shown).querySelector('a.file')!.textContent).to.contain('price list.pdf').and.contain('1.2 kB');
    });

    it('shows a message with only attachments without an empty text line', async () => {
      const element = await renderMessage({ attachments: [attachment({ data_url: 'https://files.example/a.pdf', file_size: 10 })] });
      expect(shadow(element).querySelector('.text, .markdown')).to.equal(null);
      expect(shadow(element).querySelectorAll('[part~="attachment"]')).to.have.length(1);
    });
  });
});
