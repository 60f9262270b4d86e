// Storybook (CSF 3) stories of <cw-composer>, under a story session (with-session.ts): what is sent there
// fails (the session reaches no server), which the list in the WithList story shows.
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../components/composer/composer.js';
import '../components/message-list/message-list.js';
import type { CwComposer } from '../components/composer/composer.js';
import type { ChatSession } from '../services/chat-session.js';
import { message, mine, states, storyStyles, withSession } from './with-session.js';

interface Args { placeholder: string; disabled: boolean; accept: string; maxFiles: number }

const composer = (args: Args) => html`${storyStyles}<cw-composer placeholder=${args.placeholder} ?disabled=${args.disabled}
  accept=${args.accept} max-files=${args.maxFiles}></cw-composer>`;

export default {
  title: 'Elements/cw-composer',
  component: 'cw-composer',
  args: { placeholder: '', disabled: false, accept: '', maxFiles: 15 },
  render: composer,
  decorators: [withSession(states.empty, '')],
};

/** A picture drawn on a canvas, so its thumbnail shows. */
async function picture(name: string, colour: string): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 96;
  canvas.height = 72;
  const context = canvas.getContext('2d')!;
  context.fillStyle = colour;
  context.fillRect(0, 0, 96, 72);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return new File([blob ?? ''], name, { type: 'image/png' });
}

/** Once the composer is ready: the text typed, and the files chosen. */
function prepare(text: string, files: () => Promise<File[]>) {
  const done = new WeakSet<Element>();
  return (node?: Element) => {
    if (!node || done.has(node)) return;
    done.add(node);
    const composer = node as CwComposer;
    void composer.updateComplete.then(async () => {
      const box = composer.shadowRoot?.querySelector('textarea');
      if (box && text) {
        box.value = text;
        box.dispatchEvent(new InputEvent('input'));
      }
      composer.addFiles(await files());
    });
  };
}

const someFiles = async () => [await picture('beach.png', '#0969da'), await picture('receipt.png', '#1a7f37'),
  new File(['%PDF-1.4'.padEnd(184_000, ' ')], 'order-1042-invoice.pdf', { type: 'application/pdf' })];
const noFiles = async () => [];
const withFiles = (args: Args, text = '') => html`${storyStyles}<cw-composer placeholder=${args.placeholder}
  ?disabled=${args.disabled} accept=${args.accept} max-files=${args.maxFiles} ${ref(prepare(text, someFiles))}></cw-composer>`;

/** The contact's own message with two files, 42% uploaded: the list shows the progress and Cancel. */
const uploading = (session: ChatSession) => session.store.addPending({
  ...mine('Photos of the damage'), id: undefined, echo_id: 'story-upload', delivery: 'sending', progress: 0.42,
  pending_files: [{ name: 'box.jpg', size: 2_400_000, type: 'image/jpeg' }, { name: 'label.jpg', size: 1_100_000, type: 'image/jpeg' }],
});

export const Empty = {};
export const WithText = {
  render: (args: Args) => html`${storyStyles}<cw-composer placeholder=${args.placeholder} ?disabled=${args.disabled}
    ${ref(prepare('Hello! My order arrived damaged, here are some photos.', noFiles))}></cw-composer>`,
};
export const WithFilesSelected = { render: (args: Args) => withFiles(args, 'Here are the photos and the invoice') };
/** `max-file-size="100kB"`: the PDF is refused and the alert says why. */
export const FileRefused = {
  render: (args: Args) => html`${storyStyles}<cw-composer max-file-size="100kB" ${ref(prepare('', someFiles))}
    placeholder=${args.placeholder}></cw-composer>`,
};
export const Uploading = {
  render: (args: Args) => html`${storyStyles}<div class="story-box"><cw-message-list></cw-message-list>${composer(args)}</div>`,
  decorators: [withSession(states.conversation([message('Could you send a photo of the parcel?')], uploading), '')],
};
export const Disabled = { args: { disabled: true } };
export const CustomPlaceholder = { args: { placeholder: 'Ask us anything about your order, delivery or returns' } };
export const ImagesOnly = { args: { accept: 'image/*', maxFiles: 3 } };
export const BlockedByContactForm = {
  decorators: [withSession((session) => {
    session.store.patch({ phase: 'ready' });
    session.blockSending('contact-form');
  }, '')],
};
export const WithList = {
  render: (args: Args) => html`${storyStyles}<div class="story-box"><cw-message-list></cw-message-list>${composer(args)}</div>`,
  decorators: [withSession(states.conversation([message('Hello! Type a message below.')]), '')],
};
export const RightToLeft = { render: (args: Args) => html`<div dir="rtl" lang="ar">${withFiles({ ...args, placeholder: 'اكتب رسالتك…' })}</div>` };
export const Dark = { render: (args: Args) => html`<div class="story-dark">${withFiles(args)}</div>` };
