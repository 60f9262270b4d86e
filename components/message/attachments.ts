// A message's attachments, per file_type (CLIENT_API.md §4.6), and the files of an own message still uploading.
// Attachment URLs have no CORS headers: they are only ever shown with <img>, <video>, <audio> and links, and
// only when http(s). An SVG is never inlined; broken media fall back to a link to the file.
import { html, nothing, svg, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ChatMessage } from '../../services/conversation-store.js';
import type { Attachment } from '../../services/types.js';
import type { Strings } from '../shared/strings.js';
import { ImageViewer, type ViewerImage } from './image-viewer.js';
import { fileIcon, icon } from '../shared/icons.js';
import { formatSize, httpUrl } from './message-parts.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

const pinIcon = svg`<path d="M12 22s7-6.6 7-12a7 7 0 0 0-14 0c0 5.4 7 12 7 12z" fill="none" stroke="currentColor" stroke-width="1.8"/>
  <circle cx="12" cy="10" r="2.5" fill="currentColor"/>`;

/** The file's name: its title, else the last segment of its URL (decoded), else its extension. */
export function attachmentName(attachment: Attachment, strings: Strings): string {
  if (attachment.fallback_title) return attachment.fallback_title;
  const url = httpUrl(attachment.data_url);
  const last = url ? new URL(url).pathname.split('/').filter(Boolean).at(-1) : undefined;
  if (last) {
    try {
      return decodeURIComponent(last);
    } catch {
      return last;
    }
  }
  if (attachment.file_type === 'location') return strings.location;
  return attachment.extension ? `${strings.attachment} (${attachment.extension})` : strings.attachment;
}

/** An OpenStreetMap link to the attachment's coordinates, if they are real ones. */
export function mapUrl(attachment: Attachment): string | undefined {
  const { coordinates_lat: lat, coordinates_long: long } = attachment;
  // Number.isFinite is false for anything but a finite number (null, strings…)
  if (!Number.isFinite(lat) || !Number.isFinite(long) || Math.abs(lat!) > 90 || Math.abs(long!) > 180) return undefined;
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${long}#map=16/${lat}/${long}`;
}

const keyOf = (attachment: Attachment) => `${attachment.id}:${attachment.data_url ?? ''}`;

/**
 * Renders a message's attachments for `<cw-message>` and keeps what they need: the media that failed to load
 * (shown as links from then on) and the image viewer.
 */
export class AttachmentView {
  readonly #host: Host;
  readonly #broken = new Set<string>();
  readonly #viewer: ImageViewer;

  constructor(host: Host) {
    this.#viewer = new ImageViewer(this.#host = host);
  }

  /** The attachments, the files of an own message still uploading, and the viewer when open. */
  render(message: ChatMessage, strings: Strings, cancel?: () => void) {
    const attachments = message.attachments ?? [];
    const pending = renderPending(message, strings, cancel);
    const viewer = this.#viewer.render(strings);
    // most messages have none: nothing rendered, not three empty bindings in every message of a long history
    if (!attachments.length && pending === nothing && viewer === nothing) return nothing;
    return html`${attachments.length ? html`<ul class="attachments">${attachments.map((attachment) =>
        html`<li>${this.#renderOne(attachment, message, strings)}</li>`)}</ul>` : nothing}${pending}${viewer}`;
  }

  #renderOne(attachment: Attachment, message: ChatMessage, strings: Strings): TemplateResult {
    const type = attachment.file_type;
    if (!this.#broken.has(keyOf(attachment))) {
      if (type === 'image') return this.#renderImage(attachment, message, strings);
      if (type === 'video' || type === 'audio') return this.#renderMedia(attachment, strings);
    }
    const url = httpUrl(attachment.data_url);
    if (type === 'location') {
      return linkOrText(mapUrl(attachment) ?? url, 'location', html`${icon(pinIcon, 'attachment-icon')}<bdi class="file-name">${
        attachment.fallback_title || strings.location}</bdi>`);
    }
    // `fallback`, `contact`, `embed` and types yet unknown are shown by their title, linked when there is an
    // http(s) address; Instagram's share, story_mention, ig_* are files with a size
    if (['fallback', 'contact', 'embed'].includes(type) || (type !== 'file' && attachment.file_size === undefined)) {
      return linkOrText(url, 'link', html`<bdi class="file-name">${attachmentName(attachment, strings)}</bdi>`);
    }
    return renderFile(attachment, strings);
  }

  #renderImage(attachment: Attachment, message: ChatMessage, strings: Strings): TemplateResult {
    const full = httpUrl(attachment.data_url);
    const thumb = httpUrl(attachment.thumb_url) ?? full;
    if (!thumb) return renderFile(attachment, strings);
    const name = attachmentName(attachment, strings);
    const image = html`<img src=${thumb} alt=${full ? '' : name} loading="lazy" decoding="async"
      width=${attachment.width ?? nothing} height=${attachment.height ?? nothing}
      @error=${() => this.#markBroken(attachment)}>`;
    if (!full) return html`<span part="attachment" class="attachment image">${image}</span>`;
    const open = (event: MouseEvent) => this.#openViewer(event, message, attachment, strings);
    return html`<a part="attachment" class="attachment image" href=${full} target="_blank" rel="noopener noreferrer"
      aria-label=${strings.viewImage(name)} @click=${open}>${image}</a>`;
  }

  #renderMedia(attachment: Attachment, strings: Strings): TemplateResult {
    const url = httpUrl(attachment.data_url);
    if (!url) return renderFile(attachment, strings);
    const name = attachmentName(attachment, strings);
    const broken = () => this.#markBroken(attachment);
    const transcript = attachment.transcribed_text ? html`<p class="transcript">${attachment.transcribed_text}</p>` : nothing;
    return attachment.file_type === 'video'
      ? html`<video part="attachment" class="attachment video" src=${url} controls preload="metadata" aria-label=${name}
          @error=${broken}></video>`
      : html`<audio part="attachment" class="attachment audio" src=${url} controls preload="metadata" aria-label=${name}
          @error=${broken}></audio>${transcript}`;
  }

  #markBroken(attachment: Attachment): void {
    this.#broken.add(keyOf(attachment));
    this.#host.requestUpdate();
  }

  /** A plain click opens the viewer; a click meant for a new tab or window keeps the link's own behaviour. */
  #openViewer(event: MouseEvent, message: ChatMessage, attachment: Attachment, strings: Strings): void {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const shown = (message.attachments ?? []).filter((item) => item.file_type === 'image'
      && httpUrl(item.data_url) && !this.#broken.has(keyOf(item)));
    const index = shown.indexOf(attachment);
    if (index < 0) return; // marked broken since it was drawn: the link opens the file
    const images: ViewerImage[] = shown.map((item) => ({ src: httpUrl(item.data_url)!, name: attachmentName(item, strings) }));
    event.preventDefault();
    this.#viewer.show(images, index, event.currentTarget as HTMLElement);
  }
}

/** The file's icon, name and size. */
function fileLabel(name: string, bytes: number | undefined, strings: Strings) {
  const size = formatSize(bytes, strings.$locale);
  // <bdi>: a name or size written left to right stays whole in a right-to-left page, and the reverse
  return html`${icon(fileIcon, 'attachment-icon')}<bdi class="file-name">${name}</bdi>${size ? html` <bdi class="file-size">${size}</bdi>` : nothing}`;
}

/** The attachment as a link (opening in a new tab) when its address is http(s), otherwise as text. */
function linkOrText(url: string | undefined, kind: string, content: unknown, download = false): TemplateResult {
  return url
    ? html`<a part="attachment" class="attachment ${kind}" href=${url} target="_blank" rel="noopener noreferrer"
      ?download=${download}>${content}</a>`
    : html`<span part="attachment" class="attachment ${kind}">${content}</span>`;
}

/** A link to the file (its name and size), or just the name when its address is not http(s). */
function renderFile(attachment: Attachment, strings: Strings): TemplateResult {
  return linkOrText(httpUrl(attachment.data_url), 'file', fileLabel(attachmentName(attachment, strings), attachment.file_size, strings), true);
}

/** The contact's own message while its files upload: their names, the progress and Cancel. */
function renderPending(message: ChatMessage, strings: Strings, cancel?: () => void) {
  const files = message.pending_files;
  if (message.id !== undefined || !files?.length) return nothing;
  const uploading = message.delivery === 'sending' || message.delivery === 'queued';
  return html`<ul class="attachments pending">${files.map((file) =>
    html`<li>${linkOrText(undefined, 'file pending', fileLabel(file.name, file.size, strings))}</li>`)}</ul>
    ${uploading ? html`<div part="upload" class="upload">
      ${message.delivery === 'sending' ? renderProgress(message.progress, strings) : nothing}
      ${cancel ? html`<button part="cancel-button" class="cancel" @click=${cancel}>${strings.cancelUpload}</button>`
        : nothing}
    </div>` : nothing}`;
}

function renderProgress(progress: number | undefined, strings: Strings) {
  const known = typeof progress === 'number' && Number.isFinite(progress);
  const percent = known ? new Intl.NumberFormat(strings.$locale, { style: 'percent' }).format(progress) : '';
  return html`<label class="upload-label" for="upload-progress">${strings.uploading}</label>
    <progress id="upload-progress" max="1" value=${known ? progress : nothing}></progress>
    <span class="upload-percent" aria-hidden="true">${percent}</span>`;
}
