// One message in the agent's log: contact messages on one side, the agent's on the other, notes marked.
import { html, nothing } from 'lit';
import type { Attachment, Message } from '../../services/types.js';
import { httpUrl } from '../../components/message/message-parts.js';
import { answerOf, itemsOf, kindOf } from './describe.js';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

function authorOf(message: Message, contactName: string): string {
  if (message.message_type === 0) return message.sender?.name || contactName;
  if (message.message_type === 3) return 'Automated';
  return message.sender?.available_name || message.sender?.name || 'Agent';
}

/** Orders by time, then id, and keeps one copy of each id (the newest one given). */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map(current.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.created_at - b.created_at || a.id - b.id);
}

/** A link to the file (http(s) only), named by its title or the last part of its address. */
function renderAttachmentLink(attachment: Attachment) {
  const url = httpUrl(attachment.data_url);
  const last = url ? new URL(url).pathname.split('/').at(-1) ?? '' : '';
  let name = attachment.fallback_title || last || attachment.file_type;
  try {
    name = decodeURIComponent(name);
  } catch {
    // not percent-encoded after all: keep it as it is
  }
  return url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${name}</a> ` : html`<span>${name}</span> `;
}

export function renderMessage(message: Message, contactName: string) {
  if (message.message_type === 2) {
    return html`<li class="message activity"><p>${message.content}</p></li>`;
  }
  const side = message.message_type === 0 ? 'incoming' : 'outgoing';
  const kind = kindOf(message);
  const items = itemsOf(message);
  const answer = answerOf(message);
  const attachments = message.attachments?.length ?? 0;
  return html`
    <li class="message ${side} ${message.private ? 'private' : ''}" data-id=${message.id}>
      <div class="bubble">
        <p class="meta">
          <span class="author">${authorOf(message, contactName)}</span>
          <time datetime=${new Date(message.created_at * 1000).toISOString()}>${timeFormat.format(message.created_at * 1000)}</time>
          ${message.private ? html`<span class="badge">Private note</span>` : nothing}
          ${kind ? html`<span class="badge">${kind}</span>` : nothing}
        </p>
        ${message.content ? html`<p class="content">${message.content}</p>` : nothing}
        ${items.length ? html`<ul class="items">${items.map((item) => html`<li>${item}</li>`)}</ul>` : nothing}
        ${attachments ? html`<p class="attachments">${attachments === 1 ? '1 attachment' : `${attachments} attachments`}:
          ${message.attachments!.map(renderAttachmentLink)}</p>` : nothing}
        ${answer ? html`<p class="answer"><strong>Visitor answered:</strong> ${answer}</p>` : nothing}
      </div>
    </li>`;
}
