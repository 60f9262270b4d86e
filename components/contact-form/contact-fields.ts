// The contact form's fields: parsed from the `fields` attribute, checked before submit, turned into the
// attributes Chatwoot's PATCH contact takes. Plain functions, no DOM.
import type { ContactAttributes, PublicContact } from '../../services/types.js';
import type { Strings } from '../shared/strings.js';
import { EMAIL_FORMAT } from '../message/interactive/form-fields.js';

/** What differs between the contact's own fields: the input, the contact attribute, the format check. */
interface BuiltIn {
  type: 'text' | 'email' | 'tel';
  autocomplete: string;
  attribute: 'name' | 'email' | 'phone_number';
  format?: RegExp;
  invalid?: 'invalidEmail' | 'invalidPhone';
}

// Chatwoot's own checks: anything@anything for e-mail (a dot is asked for here too, as in a form message), E.164 for phones
export const BUILT_INS: Readonly<Record<string, BuiltIn>> = {
  name: { type: 'text', autocomplete: 'name', attribute: 'name' },
  email: { type: 'email', autocomplete: 'email', attribute: 'email', format: EMAIL_FORMAT, invalid: 'invalidEmail' },
  phone: { type: 'tel', autocomplete: 'tel', attribute: 'phone_number', format: /^\+[1-9]\d{1,14}$/, invalid: 'invalidPhone' },
};

export interface ContactField {
  /** `name`, `email`, `phone` or `attr:<key>`: what `fields` and `required-fields` call it. */
  id: string;
  /** The custom attribute's key, or the id of a built-in field. */
  key: string;
  /** Set for `name`, `email` and `phone`. */
  builtIn?: BuiltIn;
  /** The page's label for a custom attribute. */
  label?: string;
}

/** One token: `name`, `attr:key`, `attr:key|Label`, `attr:key|"Label with spaces"` (or single quotes). */
const TOKEN = /attr:[^\s|]+\|(?:"[^"]*"|'[^']*')|\S+/g;
/** Chatwoot names anonymous contacts like `silent-river-123`: such a name is not the visitor's. */
const GENERATED_NAME = /^[a-z]+-[a-z]+-\d{1,3}$/;

export function parseFields(value: string): ContactField[] {
  const fields: ContactField[] = [];
  for (const token of value.match(TOKEN) ?? []) {
    const field = parseField(token);
    if (field && !fields.some((known) => known.id === field.id)) fields.push(field);
  }
  return fields;
}

function parseField(token: string): ContactField | undefined {
  if (Object.hasOwn(BUILT_INS, token)) return { id: token, key: token, builtIn: BUILT_INS[token] };
  const [, key, label] = /^attr:([^|]+)\|?(.*)$/.exec(token) ?? [];
  return key ? { id: `attr:${key}`, key, label: label.replace(/^(["'])(.*)\1$/, '$2').trim() } : undefined;
}

/**
 * The ids of the fields that must be filled. `required-fields` names them when present (even empty);
 * without it a `required` form asks for name and e-mail, and an optional form for nothing.
 */
export function requiredIds(fields: readonly ContactField[], requiredFields: string | null | undefined, required: boolean): Set<string> {
  const listed = requiredFields == null
    ? (required ? ['name', 'email'] : []) : requiredFields.split(/\s+/).map((token) => token.split('|')[0]);
  return new Set(fields.map((field) => field.id).filter((id) => listed.includes(id)));
}

export function labelOf(field: ContactField, strings: Strings): string {
  if (field.builtIn) return strings[field.key as 'name' | 'email' | 'phone'];
  if (field.label) return field.label;
  const words = field.key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whether the contact already has a value for the field (custom attributes are not in the public contact). */
export function isKnown({ builtIn }: ContactField, contact: PublicContact | undefined): boolean {
  const value = builtIn && contact?.[builtIn.attribute]?.trim();
  return !!value && !(builtIn.attribute === 'name' && GENERATED_NAME.test(value));
}

/** The value as checked and sent: a phone as `+14155550123`, not `+1 (415) 555-0123`. */
function normalized(field: ContactField, value: string): string {
  return field.builtIn?.type === 'tel' ? value.replace(/[\s().-]/g, '') : value;
}

/** The message for each field that fails, in field order. */
export function validate(
  fields: readonly ContactField[], values: Readonly<Record<string, string>>, required: ReadonlySet<string>, strings: Strings,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = (values[field.id] ?? '').trim();
    const { format, invalid } = field.builtIn ?? {};
    if (!value) {
      if (required.has(field.id)) errors[field.id] = strings.fieldRequired(labelOf(field, strings));
    } else if (format && !format.test(normalized(field, value))) {
      errors[field.id] = strings[invalid!];
    }
  }
  return errors;
}

/** What PATCH contact gets: only the fields that were filled in, so known values are never blanked. */
export function toAttributes(fields: readonly ContactField[], values: Readonly<Record<string, string>>): ContactAttributes {
  const attributes: ContactAttributes = {};
  const custom: Record<string, string> = {};
  for (const field of fields) {
    const value = (values[field.id] ?? '').trim();
    if (value && field.builtIn) attributes[field.builtIn.attribute] = normalized(field, value);
    else if (value) custom[field.key] = value;
  }
  if (Object.keys(custom).length) attributes.custom_attributes = custom;
  return attributes;
}

/** The field a 422's attribute names (`phone_number` is the phone field). */
export function fieldIdFor(attribute: string): string {
  return Object.keys(BUILT_INS).find((id) => id === attribute || BUILT_INS[id].attribute === attribute) ?? `attr:${attribute}`;
}
