// `input_email`: asks for the visitor's e-mail address; once answered, shows it.
import { html } from 'lit';
import type { ChatMessage } from '../../../services/conversation-store.js';
import { textOf } from '../message-parts.js';
import { looksLikeEmail } from './form-fields.js';
import {
  answerable, busyDisabled, canAnswer, describedByError, itemsOf, renderAnswer, renderAnswerError, type InteractiveContext,
} from './interactive-parts.js';

const INPUT_ID = 'email-request';
const ERROR_ID = 'email-request-error';

/** The widget stores `submitted_email`; this kit (and the Client API) stores `[{name: "email", value}]`. */
function submittedEmail(message: ChatMessage): string {
  const attributes = message.content_attributes ?? {};
  const answer = itemsOf(message, 'submitted_values').find((value) => value.name === 'email') ?? itemsOf(message, 'submitted_values')[0];
  return textOf(attributes.submitted_email) || textOf(answer?.value);
}

async function submit(event: SubmitEvent, message: ChatMessage, context: InteractiveContext) {
  event.preventDefault();
  const { session, answer, strings } = context;
  const input = (event.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>(`#${INPUT_ID}`);
  if (!session || !input || message.id === undefined || !canAnswer(message, context)) return;
  const id = message.id;
  const email = input.value.trim();
  const error = !email ? strings.fieldRequired(strings.email) : looksLikeEmail(email) ? '' : strings.invalidEmail;
  answer.setFieldErrors(new Map(error ? [[0, error]] : []));
  if (error) {
    input.focus();
    return;
  }
  await answer.run(() => session.submitEmail(id, email), strings);
}

export function renderEmailRequest(message: ChatMessage, context: InteractiveContext) {
  const { strings, answer } = context;
  const email = submittedEmail(message);
  if (email) return renderAnswer(strings.emailAnswered, email);
  const disabled = !answerable(message, context);
  const error = answer.fieldErrors.get(0);
  const known = context.session?.store.state.contact?.email ?? '';
  return html`<form class="form email-request" novalidate @submit=${(event: SubmitEvent) => submit(event, message, context)}>
    <div class="field">
      <label for=${INPUT_ID}>${strings.email}</label>
      <div class="inline">
        <input id=${INPUT_ID} name="email" type="email" autocomplete="email" required value=${known}
          placeholder=${strings.emailPlaceholder} ?disabled=${disabled} aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? ERROR_ID : describedByError(context)} @input=${() => answer.clearFieldError(0)}>
        <button type="submit" class="submit" ?disabled=${disabled} aria-disabled=${busyDisabled(context)}>${strings.submit}</button>
      </div>
      <p id=${ERROR_ID} class="field-error" role="alert">${error ?? ''}</p>
    </div>
    ${renderAnswerError(context)}
  </form>`;
}
