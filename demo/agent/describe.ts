// Plain-text summaries of interactive messages and the visitor's answers, for the agent's view.
import { isRecord } from '../../services/validate.js';
import type { Message } from '../../services/types.js';

const KIND_NAMES: Record<string, string> = {
  input_select: 'Options', cards: 'Cards', form: 'Form', article: 'Articles', input_csat: 'Rating request',
  input_email: 'Email request', input_text: 'Text request', input_textarea: 'Text request',
};

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');

/** "Options", "Cards", … for an interactive message; empty for plain text. */
export function kindOf(message: Message): string {
  return KIND_NAMES[message.content_type] ?? '';
}

/** One line per item of an interactive message (option titles, card titles, form fields, articles). */
export function itemsOf(message: Message): string[] {
  const items = message.content_attributes.items;
  if (!Array.isArray(items)) return [];
  return items.filter(isRecord).map((item) => {
    if (message.content_type === 'form') return `${text(item.label) || text(item.name)}${item.required ? ' (required)' : ''}`;
    return text(item.title) || text(item.label) || text(item.value);
  });
}

/** What the visitor answered, or '' when the message has no answer yet. */
export function answerOf(message: Message): string {
  const { submitted_values: submitted, submitted_email: email } = message.content_attributes;
  if (typeof email === 'string' && email) return email;
  if (Array.isArray(submitted)) {
    return submitted.filter(isRecord).map((value) => {
      const label = text(value.name);
      const answer = text(value.title) || text(value.value);
      return label && message.content_type === 'form' ? `${label}: ${answer}` : answer;
    }).join(' · ');
  }
  if (isRecord(submitted) && isRecord(submitted.csat_survey_response)) {
    const { rating, feedback_message: feedback } = submitted.csat_survey_response;
    return [`${text(rating)} of 5`, text(feedback)].filter(Boolean).join(' · ');
  }
  return '';
}

/** A one-line preview for the conversation list. */
export function previewOf(message: Message | undefined): string {
  if (!message) return 'No messages yet';
  const content = message.content?.trim() ?? '';
  const kind = kindOf(message);
  if (message.private) return `Private note: ${content}`;
  if (content) return kind ? `${kind}: ${content}` : content;
  if (message.attachments?.length) return 'Attachment';
  return kind || 'Message';
}
