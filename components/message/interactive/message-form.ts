// `form`: labelled fields with our own validation messages; once answered, the values as a definition list.
import { html, nothing } from 'lit';
import type { ChatSession } from '../../../services/chat-session.js';
import type { ChatMessage } from '../../../services/conversation-store.js';
import type { SubmittedValue } from '../../../services/types.js';
import { textOf } from '../message-parts.js';
import { displayValue, fieldsOf, validate, valueOf, type FormField } from './form-fields.js';
import {
  answerable, busyDisabled, describedByError, itemsOf, renderAnswerError, sendAnswer, type InteractiveContext, type Item,
} from './interactive-parts.js';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const controlId = (index: number) => `field-${index}`;
const errorId = (index: number) => `field-${index}-error`;

function renderControl(field: FormField, index: number, context: InteractiveContext, disabled: boolean) {
  const error = context.answer.fieldErrors.get(index);
  const id = controlId(index);
  const invalid = !!error;
  const describedBy = error ? errorId(index) : nothing;
  const clear = () => context.answer.clearFieldError(index);
  switch (field.kind) {
    case 'textarea':
      return html`<textarea id=${id} name=${field.name} rows="3" placeholder=${field.placeholder || nothing}
        .defaultValue=${field.initial} ?required=${field.required} ?disabled=${disabled} aria-invalid=${invalid}
        aria-describedby=${describedBy} @input=${clear}></textarea>`;
    case 'select':
      return html`<select id=${id} name=${field.name} ?required=${field.required} ?disabled=${disabled}
        aria-invalid=${invalid} aria-describedby=${describedBy} @change=${clear}>
        <option value="">${field.placeholder || context.strings.chooseOption}</option>
        ${field.options.map((option) => html`<option value=${option.value}
          ?selected=${option.value === field.initial}>${option.label}</option>`)}
      </select>`;
    default: // a checkbox too: its value attribute and placeholder do nothing, and a text field ignores `checked`
      return html`<input id=${id} name=${field.name} type=${field.kind} value=${field.initial} ?checked=${field.initial === 'true'}
        placeholder=${field.placeholder || nothing} autocomplete=${field.kind === 'email' || field.kind === 'tel' ? field.kind : nothing}
        ?required=${field.required} ?disabled=${disabled} aria-invalid=${invalid} aria-describedby=${describedBy} @input=${clear}>`;
  }
}

function renderField(field: FormField, index: number, context: InteractiveContext, disabled: boolean) {
  const label = html`<label for=${controlId(index)}>${field.label}${field.required
    ? html`<span class="required-mark" aria-hidden="true"> *</span>` : nothing}</label>`;
  const control = renderControl(field, index, context, disabled);
  const error = context.answer.fieldErrors.get(index);
  return html`<div class="field ${field.kind === 'checkbox' ? 'checkbox' : ''}">
    ${field.kind === 'checkbox' ? html`${control}${label}` : html`${label}${control}`}
    <p id=${errorId(index)} class="field-error" role="alert">${error || nothing}</p>
  </div>`;
}

/** Sends the values of a form's fields (trimmed text, a checkbox as true/false). */
export type SendValues = (session: ChatSession, id: number, values: SubmittedValue[]) => Promise<void>;

function submit(event: SubmitEvent, message: ChatMessage, fields: FormField[], context: InteractiveContext, send: SendValues) {
  event.preventDefault();
  const { answer, strings } = context;
  if (!answerable(message, context) || answer.pending) return;
  const form = event.currentTarget as HTMLFormElement;
  const controls = fields.map((_, index) => form.querySelector<Control>(`#${controlId(index)}`)!);
  const errors = new Map<number, string>();
  controls.forEach((control, index) => {
    const error = validate(fields[index], control, strings);
    if (error) errors.set(index, error);
  });
  answer.setFieldErrors(errors);
  const firstInvalid = [...errors.keys()][0];
  if (firstInvalid !== undefined) {
    controls[firstInvalid].focus();
    return;
  }
  const values: SubmittedValue[] = fields.map((field, index) => {
    const value = valueOf(field, controls[index]);
    return { name: field.name, value: typeof value === 'string' ? value.trim() : value };
  });
  void sendAnswer(message, context, (session, id) => send(session, id, values));
}

function renderAnswers(fields: FormField[], submitted: Item[], context: InteractiveContext) {
  const byName = new Map(fields.map((field) => [field.name, field]));
  return html`<dl class="answers" tabindex="-1" data-answer-focus>${submitted.map((value) => {
    const field = byName.get(textOf(value.name));
    const label = field?.label || textOf(value.title) || textOf(value.name);
    return html`<dt>${label}</dt><dd>${displayValue(field, value.value, context.strings) || '—'}</dd>`;
  })}</dl>`;
}

/** A form of `fields`, checked with our own messages (the first invalid one focused), sent through `send`. */
export function renderFieldsForm(
  message: ChatMessage, fields: FormField[], context: InteractiveContext, buttonLabel: string, send: SendValues,
) {
  const disabled = !answerable(message, context);
  return html`<form class="form" novalidate aria-busy=${context.answer.pending}
      @submit=${(event: SubmitEvent) => submit(event, message, fields, context, send)}>
    ${fields.map((field, index) => renderField(field, index, context, disabled))}
    <button type="submit" class="submit" ?disabled=${disabled} aria-disabled=${busyDisabled(context)}
      aria-describedby=${describedByError(context)}>${buttonLabel}</button>
    ${renderAnswerError(context)}
  </form>`;
}

export function renderMessageForm(message: ChatMessage, context: InteractiveContext) {
  const fields = fieldsOf(message.content_attributes?.items);
  const submitted = itemsOf(message, 'submitted_values');
  if (submitted.length) return renderAnswers(fields, submitted, context);
  if (!fields.length) return nothing;
  return renderFieldsForm(message, fields, context, textOf(message.content_attributes?.button_label) || context.strings.submit,
    (session, id, values) => session.answer(id, values));
}
