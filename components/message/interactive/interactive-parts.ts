// What the interactive content types share: the render context, reading untrusted items, the error line.
import { html, nothing, type TemplateResult } from 'lit';
import type { ChatSession } from '../../../services/chat-session.js';
import type { ChatMessage } from '../../../services/conversation-store.js';
import type { Strings } from '../../shared/strings.js';
import { httpUrl } from '../message-parts.js';
import type { AnswerController } from './answer-controller.js';

export type Item = Record<string, unknown>;

export interface Postback {
  payload: string;
  title?: string;
}

/** Everything a content type needs to render and answer. */
export interface InteractiveContext {
  strings: Strings;
  /** Without a session the controls are shown disabled. */
  session?: ChatSession;
  answer: AnswerController;
  onPostback: (postback: Postback) => void;
}

/** The objects in an untrusted array (anything else is dropped). */
export function objectsOf(value: unknown): Item[] {
  return Array.isArray(value) ? value.filter((item): item is Item => typeof item === 'object' && item !== null) : [];
}

/** The objects of `content_attributes[key]` (`items` by default). */
export function itemsOf(message: ChatMessage, key = 'items'): Item[] {
  return objectsOf(message.content_attributes?.[key]);
}

/** The message can be answered at all: there is a session and the message is on the server. */
export function answerable(message: ChatMessage, context: InteractiveContext): boolean {
  return !!context.session && typeof message.id === 'number';
}

/**
 * Sends an answer through the session when the message can be answered now (answerable, and no answer on its
 * way), with the option or rating `chosen` shown as chosen meanwhile.
 */
export function sendAnswer(
  message: ChatMessage, context: InteractiveContext, send: (session: ChatSession, id: number) => Promise<void>, chosen?: number,
): Promise<void> | undefined {
  const { session, answer, strings } = context;
  const id = message.id;
  return session && id !== undefined ? answer.run(() => send(session, id), strings, chosen) : undefined;
}

/**
 * `aria-disabled` while an answer is on its way. The controls stay focusable (a disabled button would drop the
 * keyboard user's focus to the page), and their handlers ignore presses meanwhile.
 */
export function busyDisabled(context: InteractiveContext): 'true' | typeof nothing {
  return context.answer.pending ? 'true' : nothing;
}

/** A link when the address is http(s), opening in a new tab; plain text otherwise. */
export function renderLink(url: unknown, label: string, className = ''): TemplateResult | string {
  const href = httpUrl(url);
  return href ? html`<a class=${className} href=${href} target="_blank" rel="noopener noreferrer">${label}</a>` : label;
}

export const ERROR_ID = 'interactive-error';

/** The live region for the answer's failure: always present, so a new message in it is announced. */
export function renderAnswerError(context: InteractiveContext): TemplateResult {
  return html`<p id=${ERROR_ID} class="answer-error" role="alert">${context.answer.error || nothing}</p>`;
}

/** `aria-describedby` for the controls while a failure is shown. */
export function describedByError(context: InteractiveContext): string | typeof nothing {
  return context.answer.error ? ERROR_ID : nothing;
}

/** "Label: value" of an answered message; `.answer-value` holds only the value. */
export function renderAnswer(label: string, value: string): TemplateResult {
  return html`<p class="answer" tabindex="-1" data-answer-focus>
    <span class="answer-label">${label}</span> <span class="answer-value">${value}</span>
  </p>`;
}

