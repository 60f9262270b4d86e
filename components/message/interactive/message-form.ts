// `form`: labelled fields with our own validation messages; once answered, the values as a definition list.
import { html, nothing } from 'lit';
import type { ChatMessage } from '../../../services/conversation-store.js';
import type { SubmittedValue } from '../../../services/types.js';
import { textOf } from '../message-parts.js';
import { displayValue, fieldsOf, validate, valueOf, type FormField } from './form-fields.js';
import {
  answerable, busyDisabled, canAnswer, describedByError, itemsOf, renderAnswerError, type InteractiveContext, type Item,
} from './interactive-parts.js';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const controlId = (index: number) => `field-${index}`;
const errorId = (index: number) => `field-${index}-error`;

const AUTOCOMPLETE: Partial<Record<FormField['kind'], string>> = { email: 'email', tel: 'tel' };

function renderControl(field: FormField, index: number, context: InteractiveContext, disabled: boolean) {
  const error = context.answer.fieldErrors.get(index);
  const id = controlId(index);
  const invalid = error ? 'true' : 'false';
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
    case 'checkbox':
      return html`<input id=${id} name=${field.name} type="checkbox" ?checked=${field.initial === 'true'}
        ?required=${field.required} ?disabled=${disabled} aria-invalid=${invalid} aria-describedby=${describedBy} @change=${clear}>`;
    default:
      return html`<input id=${id} name=${field.name} type=${field.kind} value=${field.initial}
        placeholder=${field.placeholder || nothing} autocomplete=${AUTOCOMPLETE[field.kind] ?? nothing}
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

async function submit(event: SubmitEvent, message: ChatMessage, fields: FormField[], context: InteractiveContext) {
  event.preventDefault();
  const { session, answer, strings } = context;
  const form = event.currentTarget as HTMLFormElement;
  if (!session || message.id === undefined || !canAnswer(message, context)) return;
  const id = message.id;
  const controls = fields.map((_, index) => form.querySelector<Control>(`#${controlId(index)}`));
  const errors = new Map<number, string>();
  controls.forEach((control, index) => {
    const error = control ? validate(fields[index], control, strings) : '';
    if (error) errors.set(index, error);
  });
  answer.setFieldErrors(errors);
  const firstInvalid = [...errors.keys()][0];
  if (firstInvalid !== undefined) {
    controls[firstInvalid]?.focus();
    return;
  }
  const values: SubmittedValue[] = fields.map((field, index) => {
    const value = controls[index] ? valueOf(field, controls[index]) : '';
    return { name: field.name, value: typeof value === 'string' ? value.trim() : value };
  });
  await answer.run(() => session.answer(id, values), strings);
}

function renderAnswers(fields: FormField[], submitted: Item[], context: InteractiveContext) {
  const byName = new Map(fields.map((field) => [field.name, field]));
  return html`<dl class="answers" tabindex="-1" data-answer-focus>${submitted.map((value) => {
    const field = byName.get(textOf(value.name));
    const label = field?.label || textOf(value.title) || textOf(value.name);
    return html`<dt>${label}</dt><dd>${displayValue(field, value.value, context.strings) || '—'}</dd>`;
  })}</dl>`;
}

export function renderMessageForm(message: ChatMessage, context: InteractiveContext) {
  const fields = fieldsOf(message.content_attributes?.items);
  const submitted = itemsOf(message, 'submitted_values');
  if (submitted.length) return renderAnswers(fields, submitted, context);
  if (!fields.length) return nothing;
  const disabled = !answerable(message, context);
  const buttonLabel = textOf(message.content_attributes?.button_label) || context.strings.submit;
  return html`<form class="form" novalidate aria-busy=${context.answer.pending ? 'true' : 'false'}
      @submit=${(event: SubmitEvent) => submit(event, message, fields, context)}>
    ${fields.map((field, index) => renderField(field, index, context, disabled))}
    <button type="submit" class="submit" ?disabled=${disabled} aria-disabled=${busyDisabled(context)}
      aria-describedby=${describedByError(context)}>${buttonLabel}</button>
    ${renderAnswerError(context)}
  </form>`;
}
