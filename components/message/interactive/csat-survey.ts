// `input_csat`: a 1–5 rating (emoji or stars) sent as soon as it is picked, then optional feedback.
// Sending at once keeps the rating of a visitor who leaves without writing anything.
import { html, nothing, svg } from 'lit';
import type { ChatMessage } from '../../../services/conversation-store.js';
import type { Strings } from '../../shared/strings.js';
import { textOf } from '../message-parts.js';
import { icon } from '../../shared/icons.js';
import {
  answerable, busyDisabled, describedByError, renderAnswerError, sendAnswer, type InteractiveContext, type Item,
} from './interactive-parts.js';

const EMOJI = ['😞', '😑', '😐', '😀', '😍'] as const;
const RATINGS = [1, 2, 3, 4, 5] as const;
const FEEDBACK_ID = 'csat-feedback';
const STAR = svg`<path d="M12 2.6l2.87 5.95 6.53.86-4.77 4.55 1.2 6.5L12 17.3l-5.83 3.16 1.2-6.5L2.6 9.41l6.53-.86z"/>`;

interface Response {
  rating: number;
  feedback: string;
}

function responseOf(message: ChatMessage): Response | undefined {
  // `submitted_values` is untrusted: anything but an object with a response reads as no rating (NaN)
  const response = (message.content_attributes?.submitted_values as Item | undefined)?.csat_survey_response as Item | undefined;
  const rating = Math.round(Number(response?.rating));
  return rating >= 1 && rating <= 5 ? { rating, feedback: textOf(response!.feedback_message) } : undefined;
}

const isStar = (message: ChatMessage) => message.content_attributes?.display_type === 'star';

function renderSymbol(rating: number, star: boolean) {
  return star
    ? icon(STAR, 'star')
    : html`<span class="emoji" aria-hidden="true">${EMOJI[rating - 1]}</span>`;
}

function sendFeedback(event: SubmitEvent, message: ChatMessage, rating: number, context: InteractiveContext) {
  event.preventDefault();
  const input = (event.currentTarget as HTMLFormElement).querySelector<HTMLTextAreaElement>(`#${FEEDBACK_ID}`)!;
  const feedback = input.value.trim();
  if (!feedback) input.focus();
  else void sendAnswer(message, context, (session, id) => session.rate(id, rating, feedback));
}

function renderScale(message: ChatMessage, context: InteractiveContext) {
  const { strings, answer } = context;
  const star = isStar(message);
  const disabled = !answerable(message, context);
  return html`<div class="csat ${star ? 'stars' : 'emojis'}" role="group" aria-label=${strings.csatLabel}
      aria-busy=${answer.pending} aria-describedby=${describedByError(context)}>
    ${RATINGS.map((rating) => {
      const label = star ? strings.csatStars(rating) : strings.csatLevels[rating - 1];
      const chosen = answer.chosen ?? 0;
      const lit = star ? rating <= chosen : rating === chosen;
      return html`<button class="rating ${lit ? 'chosen' : ''}" aria-label=${label} title=${label}
        ?disabled=${disabled} aria-disabled=${busyDisabled(context)}
        @click=${() => sendAnswer(message, context, (session, id) => session.rate(id, rating), rating)}>${renderSymbol(rating, star)}</button>`;
    })}
  </div>
  ${renderAnswerError(context)}`;
}

function renderFeedbackForm(message: ChatMessage, rating: number, context: InteractiveContext) {
  const { strings } = context;
  return html`<form class="form feedback-form" novalidate @submit=${(event: SubmitEvent) => sendFeedback(event, message, rating, context)}>
    <div class="field">
      <label for=${FEEDBACK_ID}>${strings.csatFeedbackLabel}</label>
      <textarea id=${FEEDBACK_ID} name="feedback" rows="3" data-answer-focus aria-describedby=${describedByError(context)}></textarea>
    </div>
    <button type="submit" class="submit" aria-disabled=${busyDisabled(context)}>${strings.csatSendFeedback}</button>
    ${renderAnswerError(context)}
  </form>`;
}

function renderRated(message: ChatMessage, response: Response, context: InteractiveContext) {
  const { strings } = context;
  const star = isStar(message);
  const symbols = star
    ? RATINGS.map((rating) => html`<span class=${rating <= response.rating ? 'filled' : ''}>${renderSymbol(rating, true)}</span>`)
    : renderSymbol(response.rating, false);
  const askFeedback = !response.feedback && answerable(message, context);
  return html`<div class="csat-result">
    <p class="rated" tabindex="-1" ?data-answer-focus=${!askFeedback}>
      <span class="rated-symbols">${symbols}</span>
      <span class="answer-value">${strings.csatRating(response.rating)}</span>
    </p>
    ${response.feedback ? html`<blockquote class="feedback">${response.feedback}</blockquote>` : nothing}
    ${answerable(message, context) ? html`<p class="thanks" role="status">${strings.csatThanks}</p>` : nothing}
    ${askFeedback ? renderFeedbackForm(message, response.rating, context) : nothing}
  </div>`;
}

export function renderCsatSurvey(message: ChatMessage, context: InteractiveContext) {
  const response = responseOf(message);
  return response ? renderRated(message, response, context) : renderScale(message, context);
}
