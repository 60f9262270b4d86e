// The fields of a `form` message read from untrusted `items`, and their validation (our messages, not the browser's).
import type { Strings } from '../../shared/strings.js';
import { textOf } from '../message-parts.js';
import { objectsOf, type Item } from './interactive-parts.js';

export type FieldKind = 'text' | 'email' | 'tel' | 'url' | 'number' | 'date' | 'textarea' | 'select' | 'checkbox';

export interface FormField {
  kind: FieldKind;
  name: string;
  label: string;
  placeholder: string;
  initial: string;
  required: boolean;
  options: { label: string; value: string }[];
  pattern?: RegExp;
  patternError: string;
}

const INPUT_KINDS: readonly FieldKind[] = ['text', 'email', 'tel', 'url', 'number', 'date', 'select', 'checkbox'];
/** Longest pattern compiled and longest value tested against one: a hostile pattern must not hang the page. */
const MAX_PATTERN_LENGTH = 512;
const MAX_TESTED_LENGTH = 1000;

function kindOf(type: unknown): FieldKind {
  const kind = textOf(type).toLowerCase();
  if (kind === 'textarea' || kind === 'text_area') return 'textarea';
  return (INPUT_KINDS as readonly string[]).includes(kind) ? (kind as FieldKind) : 'text';
}

/** Stricter than `type="email"`, which takes `name@host`: a visitor's address has a dot in its domain. */
export const EMAIL_FORMAT = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function looksLikeEmail(value: string): boolean {
  return value.length <= 254 && EMAIL_FORMAT.test(value.trim());
}

/**
 * A repeated group that itself repeats, like `(a+)+`: the usual shape of catastrophic backtracking, which
 * would freeze the page on a few dozen characters. Escapes and character classes are skipped first.
 */
function repeatsRepetition(source: string): boolean {
  const plain = source.replace(/\\./gsu, 'x').replace(/\[[^\]]*\]/gsu, 'x');
  const quantifiers = '*+{';
  const groups: boolean[] = []; // per open group: it holds a quantifier
  for (let index = 0; index < plain.length; index++) {
    const char = plain[index];
    if (char === '(') groups.push(false);
    else if (quantifiers.includes(char) && groups.length) groups[groups.length - 1] = true;
    else if (char === ')') {
      const inner = groups.pop() ?? false;
      if (inner && quantifiers.includes(plain[index + 1] ?? '')) return true;
      if (inner && groups.length) groups[groups.length - 1] = true;
    }
  }
  return false;
}

/**
 * The pattern as the browser's `pattern` attribute reads it (the whole value must match), or undefined when it is
 * not a valid expression or could hang the page: the form then checks everything else and leaves this to the bot.
 */
export function compilePattern(source: unknown): RegExp | undefined {
  if (typeof source !== 'string' || source === '' || source.length > MAX_PATTERN_LENGTH) return undefined;
  if (repeatsRepetition(source)) return undefined;
  try {
    return new RegExp(`^(?:${source})$`, 'u');
  } catch {
    return undefined;
  }
}

export function matchesPattern(pattern: RegExp, value: string): boolean {
  if (value.length > MAX_TESTED_LENGTH) return false;
  try {
    return pattern.test(value);
  } catch {
    return false; // e.g. the stack overflowed
  }
}

function optionsOf(value: unknown): FormField['options'] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((option: unknown) => {
    if (typeof option === 'string' || typeof option === 'number') return [{ label: String(option), value: String(option) }];
    if (typeof option !== 'object' || option === null) return [];
    const { label, value: optionValue } = option as Item;
    const text = textOf(optionValue) || textOf(label);
    return text ? [{ label: textOf(label) || text, value: text }] : [];
  });
}

function fieldOf(item: Item, index: number): FormField {
  const name = textOf(item.name) || `field_${index + 1}`;
  return {
    kind: kindOf(item.type),
    name,
    label: textOf(item.label) || textOf(item.title) || name,
    placeholder: textOf(item.placeholder),
    initial: textOf(item.default),
    required: item.required === true || item.required === 'true',
    options: optionsOf(item.options),
    pattern: compilePattern(item.pattern),
    patternError: textOf(item.pattern_error),
  };
}

export function fieldsOf(items: unknown): FormField[] {
  return objectsOf(items).map(fieldOf);
}

/** The control's value as sent: text as typed, a checkbox as true/false. */
export function valueOf(field: FormField, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): string | boolean {
  return field.kind === 'checkbox' ? (control as HTMLInputElement).checked : control.value;
}

/** Our message for what is wrong with the field, or '' when it is fine. */
export function validate(field: FormField, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, strings: Strings): string {
  if (control.validity.badInput) return strings.fieldInvalid(field.label); // e.g. "1e" in a number field reads as ''
  const value = valueOf(field, control);
  const empty = value === false || (typeof value === 'string' && value.trim() === '');
  if (empty) return field.required ? strings.fieldRequired(field.label) : '';
  if (field.kind === 'email' && !looksLikeEmail(String(value))) return strings.invalidEmail;
  if (control.validity.typeMismatch) return strings.fieldInvalid(field.label);
  if (field.pattern && typeof value === 'string' && !matchesPattern(field.pattern, value)) {
    return field.patternError || strings.fieldInvalid(field.label);
  }
  return '';
}

/** The label shown for an answered value: an option's label, Yes/No for a checkbox. */
export function displayValue(field: FormField | undefined, value: unknown, strings: Strings): string {
  if (field?.kind === 'checkbox' || typeof value === 'boolean') {
    if (value === true || value === 'true') return strings.yes;
    if (value === false || value === 'false') return strings.no;
  }
  const text = textOf(value);
  return field?.options.find((option) => option.value === text)?.label ?? text;
}
