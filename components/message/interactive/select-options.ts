// `input_select`: the options as buttons; the chosen one once answered.
import { html, nothing } from 'lit';
import type { ChatMessage } from '../../../services/conversation-store.js';
import { textOf } from '../message-parts.js';
import {
  answerable, busyDisabled, describedByError, itemsOf, renderAnswer, renderAnswerError, sendAnswer, type InteractiveContext, type Item,
} from './interactive-parts.js';

/** The answer an option sends: its title, and its value (the title when it has none). */
function answerOf(option: Item) {
  return { title: textOf(option.title), value: textOf(option.value) || textOf(option.title) };
}

export function renderSelectOptions(message: ChatMessage, context: InteractiveContext) {
  const options = itemsOf(message);
  const submitted = itemsOf(message, 'submitted_values')[0];
  if (submitted) {
    // the stored answer may carry only the value: show the option's title for it
    const match = options.find((option) => textOf(option.value) !== '' && textOf(option.value) === textOf(submitted.value));
    return renderAnswer(context.strings.youChose, textOf(submitted.title) || textOf(match?.title) || textOf(submitted.value));
  }
  if (!options.length) return nothing;
  const disabled = !answerable(message, context);
  const renderOption = (option: Item, index: number) => html`<li><button
    class="option ${context.answer.chosen === index ? 'chosen' : ''}" ?disabled=${disabled} aria-disabled=${busyDisabled(context)}
    aria-describedby=${describedByError(context)} @click=${() => sendAnswer(message, context, (session, id) => session.answer(id, [answerOf(option)]), index)}>${textOf(option.title) || textOf(option.value)}</button></li>`;
  return html`<ul class="options" aria-busy=${context.answer.pending}>${options.map(renderOption)}</ul>
    ${renderAnswerError(context)}`;
}
