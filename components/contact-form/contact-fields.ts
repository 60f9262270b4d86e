// The contact form's fields: parsed from the `fields` attribute, checked before submit, turned into the
// attributes Chatwoot's PATCH contact takes. Plain functions, no DOM.
import type { ContactAttributes, PublicContact } from '../../services/types.js';
import type { Strings } from '../shared/strings.js';

export type FieldKind = 'name' | 'email' | 'phone' | 'attribute';

export interface ContactField {
  /** `name`, `email`, `phone` or `attr:<key>`: what `fields` and `required-fields` call it. */
  id: string;
  kind: FieldKind;
  /** The custom attribute's key (for `attribute`), else the same as `id`. */
  key: string;
  /** The page's label for a custom attribute. */
  label?: string;
}

/** One token: `name`, `attr:key`, `attr:key|Label`, `attr:key|"Label with spaces"` (or single quotes). */
const TOKEN = /attr:[^\s|]+\|(?:"[^"]*"|'[^']*')|\S+/g;
const BUILT_IN = new Set(['name', 'email', 'phone']);
/** Chatwoot names anonymous contacts like `silent-river-123`: such a name is not the visitor's. */
const GENERATED_NAME = /^[a-z]+-[a-z]+-\d{1,3}$/;
// Chatwoot's own checks: anything@anything for e-mail (a dot is asked for here too), E.164 for phones
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const E164 = /^\+[1-9]\d{1,14}$/;

export function parseFields(value: string): ContactField[] {
  const fields: ContactField[] = [];
  for (const token of value.match(TOKEN) ?? []) {
    const field = parseField(token);
    if (field && !fields.some((known) => known.id === field.id)) fields.push(field);
  }
  return fields;
}

function parseField(token: string): ContactField | undefined {
  if (BUILT_IN.has(token)) return { id: token, kind: token as FieldKind, key: token };
  if (!token.startsWith('attr:')) return undefined;
  const [key, ...rest] = token.slice('attr:'.length).split('|');
  if (!key) return undefined;
  const label = rest.join('|').replace(/^(["'])(.*)\1$/, '$2').trim();
  return { id: `attr:${key}`, kind: 'attribute', key, label: label || undefined };
}

/**
 * The ids of the fields that must be filled. `required-fields` names them when present (even empty);
 * without it a `required` form asks for name and e-mail, and an optional form for nothing.
 */
export function requiredIds(fields: readonly ContactField[], requiredFields: string | null | undefined, required: boolean): Set<string> {
  if (requiredFields == null) {
    return new Set(required ? fields.filter((field) => field.kind === 'name' || field.kind === 'email').map((field) => field.id) : []);
  }
  const listed = new Set(requiredFields.split(/\s+/).map((token) => token.split('|')[0]));
  return new Set(fields.filter((field) => listed.has(field.id)).map((field) => field.id));
}

export function labelOf(field: ContactField, strings: Strings): string {
  if (field.kind === 'name') return strings.name;
  if (field.kind === 'email') return strings.email;
  if (field.kind === 'phone') return strings.phone;
  if (field.label) return field.label;
  const words = field.key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whether the contact already has a value for the field (custom attributes are not in the public contact). */
export function isKnown(field: ContactField, contact: PublicContact | undefined): boolean {
  if (!contact) return false;
  if (field.kind === 'name') return !!contact.name?.trim() && !GENERATED_NAME.test(contact.name.trim());
  if (field.kind === 'email') return !!contact.email?.trim();
  if (field.kind === 'phone') return !!contact.phone_number?.trim();
  return false;
}

/** `+1 (415) 555-0123` → `+14155550123`. */
export function normalizePhone(value: string): string {
  return value.replace(/[\s().-]/g, '');
}

/** The message for each field that fails, in field order. */
export function validate(
  fields: readonly ContactField[], values: Readonly<Record<string, string>>, required: ReadonlySet<string>, strings: Strings,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = (values[field.id] ?? '').trim();
    if (!value) {
      if (required.has(field.id)) errors[field.id] = strings.fieldRequired(labelOf(field, strings));
    } else if (field.kind === 'email' && !EMAIL.test(value)) {
      errors[field.id] = strings.invalidEmail;
    } else if (field.kind === 'phone' && !E164.test(normalizePhone(value))) {
      errors[field.id] = strings.invalidPhone;
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
    if (!value) continue;
    if (field.kind === 'name') attributes.name = value;
    else if (field.kind === 'email') attributes.email = value;
    else if (field.kind === 'phone') attributes.phone_number = normalizePhone(value);
    else custom[field.key] = value;
  }
  if (Object.keys(custom).length) attributes.custom_attributes = custom;
  return attributes;
}

/** The field a 422's attribute names (`phone_number` is the phone field). */
export function fieldIdFor(attribute: string): string {
  if (attribute === 'phone_number') return 'phone';
  if (BUILT_IN.has(attribute)) return attribute;
  return `attr:${attribute}`;
}
