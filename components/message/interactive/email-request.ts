// `input_email`: asks for the visitor's e-mail address (a form of one required e-mail field); once answered, shows it.
import type { ChatMessage } from '../../../services/conversation-store.js';
import { textOf } from '../message-parts.js';
import type { FormField } from './form-fields.js';
import { renderFieldsForm } from './message-form.js';
import { itemsOf, renderAnswer, type InteractiveContext } from './interactive-parts.js';

/** The widget stores `submitted_email`; this kit (and the Client API) stores `[{name: "email", value}]`. */
function submittedEmail(message: ChatMessage): string {
  const values = itemsOf(message, 'submitted_values');
  const answer = values.find((value) => value.name === 'email') ?? values[0];
  return textOf(message.content_attributes?.submitted_email) || textOf(answer?.value);
}

export function renderEmailRequest(message: ChatMessage, context: InteractiveContext) {
  const { strings, session } = context;
  const email = submittedEmail(message);
  if (email) return renderAnswer(strings.emailAnswered, email);
  const field: FormField = {
    kind: 'email', name: 'email', label: strings.email, placeholder: strings.emailPlaceholder,
    initial: session?.store.state.contact?.email ?? '', required: true, options: [], patternError: '',
  };
  return renderFieldsForm(message, [field], context, strings.submit,
    (chatSession, id, [{ value }]) => chatSession.submitEmail(id, value as string));
}
