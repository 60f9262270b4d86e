// The interactive content types of a Chatwoot message, shown read-only (answering them comes later).
import { html, nothing, type TemplateResult } from 'lit';
import type { ChatMessage } from '../../services/conversation-store.js';
import type { Strings } from '../shared/strings.js';
import { httpUrl, textOf } from './message-parts.js';

type Item = Record<string, unknown>;

export interface Postback {
  payload: string;
  title?: string;
}

/** The `items` of `content_attributes` that are objects. */
function itemsOf(message: ChatMessage, key = 'items'): Item[] {
  const items = message.content_attributes?.[key];
  return Array.isArray(items) ? items.filter((item): item is Item => typeof item === 'object' && item !== null) : [];
}

function renderLink(url: unknown, label: string): TemplateResult | string {
  const href = httpUrl(url);
  return href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${label}</a>` : label;
}

function renderSelect(message: ChatMessage, strings: Strings) {
  const chosen = itemsOf(message, 'submitted_values')[0];
  if (chosen) {
    return html`<p class="answer"><span class="answer-label">${strings.answered}</span>
      <span class="answer-value">${textOf(chosen.title) || textOf(chosen.value)}</span></p>`;
  }
  const options = itemsOf(message);
  if (!options.length) return nothing;
  return html`<ul class="options">${options.map((option) => html`<li>${textOf(option.title)}</li>`)}</ul>`;
}

function renderCards(message: ChatMessage, onPostback: (postback: Postback) => void) {
  return html`${itemsOf(message).map((card) => {
    const image = httpUrl(card.media_url);
    const actions = Array.isArray(card.actions) ? card.actions.filter((action): action is Item => typeof action === 'object' && action !== null) : [];
    return html`<div class="card">
      ${image ? html`<img class="card-media" src=${image} alt="" loading="lazy" decoding="async">` : nothing}
      <strong class="card-title">${textOf(card.title)}</strong>
      ${card.description ? html`<p class="card-description">${textOf(card.description)}</p>` : nothing}
      ${actions.length ? html`<ul class="card-actions">${actions.map((action) => html`<li>${action.type === 'postback'
        ? html`<button type="button" class="postback"
            @click=${() => onPostback({ payload: textOf(action.payload), title: textOf(action.text) || undefined })}>${textOf(action.text)}</button>`
        : renderLink(action.uri, textOf(action.text) || textOf(action.uri))}</li>`)}</ul>` : nothing}
    </div>`;
  })}`;
}

function renderArticles(message: ChatMessage) {
  const articles = itemsOf(message);
  if (!articles.length) return nothing;
  return html`<ul class="articles">${articles.map((article) => html`<li>
    <strong>${renderLink(article.link, textOf(article.title) || textOf(article.link))}</strong>
    ${article.description ? html`<p>${textOf(article.description)}</p>` : nothing}
  </li>`)}</ul>`;
}

function renderFormAnswers(message: ChatMessage, strings: Strings) {
  const answers = itemsOf(message, 'submitted_values');
  if (!answers.length) return nothing;
  const labels = new Map(itemsOf(message).map((field) => [textOf(field.name), textOf(field.label) || textOf(field.name)]));
  return html`<p class="answer-label">${strings.answered}</p><dl class="answers">${answers.map((answer) => html`
    <dt>${labels.get(textOf(answer.name)) || textOf(answer.title) || textOf(answer.name)}</dt>
    <dd>${textOf(answer.value)}</dd>`)}</dl>`;
}

function renderEmailAnswer(message: ChatMessage, strings: Strings) {
  const email = textOf(message.content_attributes?.submitted_email) || textOf(itemsOf(message, 'submitted_values')[0]?.value);
  return email ? html`<p class="answer"><span class="answer-label">${strings.answered}</span>
    <span class="answer-value">${email}</span></p>` : nothing;
}

function renderCsatAnswer(message: ChatMessage, strings: Strings) {
  const submitted = message.content_attributes?.submitted_values as { csat_survey_response?: Item } | undefined;
  const response = submitted && typeof submitted === 'object' ? submitted.csat_survey_response : undefined;
  const rating = Number(response?.rating);
  if (!response || !Number.isFinite(rating)) return nothing;
  return html`<p class="answer"><span class="answer-value">${strings.csatRating(rating)}</span></p>
    ${response.feedback_message ? html`<p class="answer">${textOf(response.feedback_message)}</p>` : nothing}`;
}

/** What a content type adds below the message text. */
export function renderInteractive(message: ChatMessage, strings: Strings, onPostback: (postback: Postback) => void) {
  switch (message.content_type) {
    case 'input_select': return renderSelect(message, strings);
    case 'cards': return renderCards(message, onPostback);
    case 'article': return renderArticles(message);
    case 'form': return renderFormAnswers(message, strings);
    case 'input_email': return renderEmailAnswer(message, strings);
    case 'input_csat': return renderCsatAnswer(message, strings);
    default: return nothing;
  }
}
