import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError } from '../../services/api-error.js';
import type { ChatSession } from '../../services/chat-session.js';
import { stringsContext } from '../shared/context.js';
import { SessionController } from '../shared/session-controller.js';
import { en } from '../shared/english.js';
import type { Strings } from '../shared/strings.js';
import { tokens } from '../shared/tokens.styles.js';
import { kebabAttributes } from '../shared/attributes.js';
import {
  BUILT_INS, fieldIdFor, isKnown, labelOf, parseFields, requiredIds, toAttributes, validate, type ContactField,
} from './contact-fields.js';
import styles from './contact-form.styles.js';

/**
 * Pre-chat form: asks the visitor for the details the page lists in `fields` and saves them on the Chatwoot
 * contact (starting the chat session first if needed). Fields the contact already has are left out; when none
 * is left, only the "saved" status is shown. Checks before sending: required fields, e-mail format, phone in
 * E.164 (`+14155550123`; spaces, dashes and brackets are removed first). Errors, also the server's 422, are shown
 * under their field, and focus goes to the first invalid one.
 *
 * `fields` is a space-separated list of:
 * - `name`, `email`, `phone` — the contact's name, e-mail and phone number;
 * - `attr:<key>` — a custom attribute of the contact, labelled from its key (`order_id` → "Order id");
 * - `attr:<key>|<Label>` — the same with a label; a label with spaces is quoted:
 *   `fields="name email attr:plan|Plan attr:order_id|'Order number'"`.
 *
 * A `name` that Chatwoot generated for an anonymous contact (`silent-river-123`) does not count as known.
 * Custom attributes are never known beforehand (the public contact does not carry them).
 *
 * @csspart form - The `<form>`.
 * @csspart intro - The sentence above the fields.
 * @csspart field - The box around one label, input and error.
 * @csspart label - A field's `<label>`.
 * @csspart input - A field's `<input>`.
 * @csspart error - A field's error message, and the message of a failure that belongs to no field.
 * @csspart submit-button - The submit `<button>`.
 * @csspart status - The `role="status"` line: saving, then saved.
 * @cssprop --cw-contact-form-gap - Space between the fields (default 1.5 × `--cw-space`).
 */
export class CwContactForm extends LitElement {
  static override styles = [tokens, styles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  // the manifest takes the attributes from the fields' JSDoc (`@attr`); kebabAttributes names them the same way
  static override properties = kebabAttributes({
    fields: {},
    requiredFields: {},
    required: { type: Boolean, reflect: true },
    values: { state: true },
    errors: { state: true },
    formError: { state: true },
    saving: { state: true },
    savedFor: { state: true },
  });

  /**
   * The fields to ask for, in order (see above). Default `name email`.
   * @attr
   */
  fields = 'name email';
  /**
   * The fields that must be filled in (same names as `fields`, labels not needed). Without this attribute,
   * a `required` form requires the name and e-mail it lists, and a form that is not required requires nothing.
   * @attr required-fields
   */
  requiredFields?: string;
  /**
   * The visitor must fill in the form before sending a message: until it is saved (or every field is known),
   * sending is blocked and `<cw-composer>` says why. Reflected to the `required` attribute.
   * @attr
   * @reflect
   */
  required = false;

  readonly #stringsConsumer = new ContextConsumer(this, { context: stringsContext, subscribe: true });
  get #strings(): Strings {
    return this.#stringsConsumer.value ?? en;
  }
  private values: Record<string, string> = {};
  private errors: Record<string, string> = {};
  private formError = '';
  private saving = false;
  /** The `source_id` of the contact this form was saved for (a reset starts a new contact: ask again). */
  private savedFor?: string;
  readonly #chat = new SessionController(this);
  #blockedSession?: ChatSession;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#releaseBlock();
  }

  protected override willUpdate(): void {
    this.#syncBlock();
  }

  override render() {
    if (this.#isComplete()) return this.#renderStatus(this.#strings.saved);
    const required = this.#requiredSet();
    return html`
      <form part="form" novalidate aria-label=${this.#strings.contactFormTitle} aria-describedby="intro" @submit=${this.#handleSubmit}>
        <p id="intro" part="intro" class="intro">${this.#strings.contactFormIntro}</p>
        ${this.#visibleFields().map((field, index) => this.#renderField(field, index, required.has(field.id)))}
        ${this.formError ? html`<p part="error" class="error" role="alert">${this.formError}</p>` : nothing}
        <button part="submit-button" type="submit" ?disabled=${this.saving}>
          ${this.saving ? this.#strings.saving : this.#strings.startChat}
        </button>
      </form>
      ${this.#renderStatus(this.saving ? this.#strings.saving : '')}`;
  }

  #renderField(field: ContactField, index: number, required: boolean) {
    const id = `field-${index}`;
    const error = this.errors[field.id];
    return html`
      <div part="field" class="field">
        <label part="label" for=${id}>
          ${labelOf(field, this.#strings)}
          ${required ? html`<span class="mark">${this.#strings.requiredMark}</span>` : nothing}
        </label>
        <input part="input" id=${id} name=${field.id} type=${field.builtIn?.type ?? 'text'} ?required=${required}
          autocomplete=${field.builtIn?.autocomplete ?? nothing} aria-invalid=${!!error}
          aria-describedby=${error ? `${id}-error` : nothing} .value=${this.values[field.id] ?? ''}
          @input=${this.#handleInput} />
        ${error ? html`<p part="error" id="${id}-error" class="error">${error}</p>` : nothing}
      </div>`;
  }

  #renderStatus(text: string) {
    return html`<p part="status" class="status" role="status" tabindex="-1">${text || nothing}</p>`;
  }

  #visibleFields(): ContactField[] {
    const contact = this.#chat.state?.contact;
    return parseFields(this.fields).filter((field) => !isKnown(field, contact));
  }

  #requiredSet(): Set<string> {
    return requiredIds(parseFields(this.fields), this.requiredFields, this.required);
  }

  /** Saved for this contact, or nothing left to ask. */
  #isComplete(): boolean {
    const contact = this.#chat.state?.contact;
    if (this.savedFor !== undefined && this.savedFor === contact?.source_id) return true;
    return this.#visibleFields().length === 0;
  }

  /** Blocks sending while a required form waits; releases it once done or no longer required. */
  #syncBlock(): void {
    const session = this.#chat.session;
    if (!session) return;
    const hold = this.required && !this.#isComplete();
    if (!hold || this.#blockedSession !== session) this.#releaseBlock();
    if (hold && session.store.state.sendBlockedBy !== 'contact-form') {
      this.#blockedSession = session;
      session.blockSending('contact-form');
    }
  }

  #releaseBlock(): void {
    this.#blockedSession?.blockSending(undefined);
    this.#blockedSession = undefined;
  }

  #handleInput(event: InputEvent) {
    const { name, value } = event.target as HTMLInputElement;
    const errors = { ...this.errors };
    delete errors[name];
    this.values = { ...this.values, [name]: value };
    this.errors = errors;
  }

  async #handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    const session = this.#chat.session;
    if (!session || this.saving) return;
    const fields = this.#visibleFields();
    const hadFocus = this.matches(':focus-within');
    this.formError = '';
    this.errors = validate(fields, this.values, this.#requiredSet(), this.#strings);
    if (!Object.keys(this.errors).length) {
      this.saving = true;
      try {
        if (session.store.state.phase === 'idle') await session.start();
        await session.updateContact(toAttributes(fields, this.values));
        this.savedFor = session.store.state.contact?.source_id;
        this.values = {};
      } catch (error) {
        this.#showFailure(error);
      }
      this.saving = false;
    }
    await this.updateComplete;
    const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    // saved, the form is gone: keep focus in the element rather than losing it to the page
    else if (hadFocus && this.savedFor !== undefined) this.renderRoot.querySelector<HTMLElement>('[part="status"]')?.focus();
  }

  /**
   * A 422 names the attributes it rejects: the message goes under those fields, else under the form.
   * Chatwoot's 422 texts are English; the format hints for e-mail and phone are localized.
   */
  #showFailure(error: unknown) {
    const visible = new Set(this.#visibleFields().map((field) => field.id));
    const ids = error instanceof ApiError && error.status === 422
      ? error.attributes.map(fieldIdFor).filter((id) => visible.has(id)) : [];
    if (!ids.length) this.formError = this.#strings.contactSaveFailed;
    this.errors = Object.fromEntries(ids.map((id) => {
      const invalid = BUILT_INS[id]?.invalid;
      return [id, invalid ? this.#strings[invalid] : (error as ApiError).serverMessage ?? this.#strings.contactSaveFailed];
    }));
  }
}

if (!customElements.get('cw-contact-form')) customElements.define('cw-contact-form', CwContactForm);
declare global {
  interface HTMLElementTagNameMap {
    'cw-contact-form': CwContactForm;
  }
}
