// Small render helpers for <cw-message>: safe links, author, avatar, sizes (attachments are in attachments.ts).
import { html, type TemplateResult } from 'lit';
import type { ChatMessage } from '../../services/conversation-store.js';
import type { Sender } from '../../services/types.js';
import { safeUrl } from '../shared/markdown.js';
import type { Strings } from '../shared/strings.js';

/** The URL if it is an absolute http(s) address, otherwise undefined (no `javascript:`, `data:`, relative…). */
export function httpUrl(value: unknown): string | undefined {
  const url = typeof value === 'string' ? safeUrl(value) : undefined;
  return url?.startsWith('http') ? url : undefined; // not mailto: or tel:
}

/** A string for display from an untyped value (numbers and booleans as text, anything else empty). */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** The name shown above a message: "You" for the contact's own, the agent's or bot's name otherwise. */
export function authorName(message: ChatMessage, strings: Strings): string {
  if (message.message_type === 0) return strings.you;
  // a template message (survey, greeting) may carry the contact as its sender: it is the system speaking
  const sender = message.sender?.type === 'contact' ? undefined : message.sender;
  const name = sender?.available_name || sender?.name;
  if (name) return name;
  return message.message_type === 3 || sender?.type === 'agent_bot' ? strings.bot : strings.agent;
}

/** Up to two initials of a name, for an avatar without a picture. */
export function initials(name: string): string {
  return name.trim().split(/\s+/).slice(0, 2).map((word) => [...word][0]).join('').toLocaleUpperCase();
}

/** The author's picture (decorative: the name is next to it), or their initials. */
export function renderAvatar(sender: Sender | undefined, name: string): TemplateResult {
  const picture = httpUrl(sender?.thumbnail) ?? httpUrl(sender?.avatar_url);
  return html`<span part="avatar" class="avatar" aria-hidden="true">${picture
    ? html`<img src=${picture} alt="" loading="lazy" decoding="async">` : initials(name)}</span>`;
}

/** "1.2 MB" in the locale's digits and units. */
export function formatSize(bytes: number | undefined, locale: string): string {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) return '';
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(size);
}
