// The rows of an element's API table (Docs page, Controls panel), read from the Custom Elements Manifest.
// Storybook's own reader keys every row by its bare name, so a slot or an attribute that shares its name with
// a CSS part (cw-launcher's `icon` slot and `label` attribute) is overwritten by the part, as is a property by an
// attribute of the same name that sets another property; it also drops the default slot (it has no name) and
// every method. Here only a property and the attribute that sets it share a row.
import { getCustomElements, type ArgTypes } from '@storybook/web-components-vite';

interface ManifestItem {
  name: string;
  kind?: string;
  description?: string;
  type?: { text?: string };
  default?: string;
  fieldName?: string;
  parameters?: { name: string; type?: { text?: string } }[];
  return?: { type?: { text?: string } };
}

interface ManifestElement {
  tagName?: string;
  members?: ManifestItem[];
  attributes?: ManifestItem[];
  events?: ManifestItem[];
  slots?: ManifestItem[];
  cssProperties?: ManifestItem[];
  cssParts?: ManifestItem[];
}

interface Manifest {
  modules?: { declarations?: ManifestElement[] }[];
}

type ArgType = ArgTypes[string];

function findElement(tagName: string): ManifestElement | undefined {
  const manifest = getCustomElements() as Manifest | undefined;
  return manifest?.modules?.flatMap((module) => module.declarations ?? []).find((element) => element.tagName === tagName);
}

interface RowOptions { summary?: string; name?: string; typed?: boolean }

/** A row of the table: properties and attributes pass their manifest type on to a control, the rest have none. */
function row(item: ManifestItem, category: string, { summary = item.type?.text, name = item.name, typed = false }: RowOptions = {}): ArgType {
  const documented = {
    name,
    description: item.description,
    table: { category, type: { summary }, defaultValue: item.default !== undefined ? { summary: item.default } : undefined },
  };
  if (!typed) return { ...documented, control: false };
  const options = stringLiterals(summary);
  return { ...documented, type: options ? { name: 'enum', value: options, required: false } : { name: (summary ?? 'other') as never, required: false } };
}

/** `['', 'right', 'left']` for the type `'' | 'right' | 'left'`: offered as a choice rather than a JSON box. */
function stringLiterals(type: string | undefined) {
  const members = type?.split('|').map((member) => member.trim());
  return members && members.length > 1 && members.every((member) => /^'[^']*'$/.test(member)) ? members.map((member) => member.slice(1, -1)) : undefined;
}

/** `onCwOpenChange` for `cw-open-change`: the arg that logs the event in the Actions panel. */
function actionName(eventName: string) {
  return `on${eventName.replace(/(?:^|[-_:.\s]+)(\w)/g, (_match, letter: string) => letter.toUpperCase())}`;
}

function signature(method: ManifestItem) {
  const parameters = (method.parameters ?? []).map((parameter) => `${parameter.name}: ${parameter.type?.text ?? 'unknown'}`);
  return `(${parameters.join(', ')}) => ${method.return?.type?.text ?? 'void'}`;
}

/** The element's argTypes: properties and attributes keyed by name (the stories' args), the rest by category. */
export function manifestArgTypes(tagName: string): ArgTypes | null {
  const element = findElement(tagName);
  if (!element) return null;
  const argTypes: ArgTypes = {};
  const members = element.members ?? [];
  for (const property of members.filter((member) => member.kind === 'field')) argTypes[property.name] = row(property, 'properties', { typed: true });
  for (const attribute of element.attributes ?? []) {
    // the `contact` attribute sets `contactMode`; the `contact` property is another thing and keeps its row
    const ownsName = attribute.fieldName === attribute.name || !(attribute.name in argTypes);
    argTypes[ownsName ? attribute.name : `attribute:${attribute.name}`] = row(attribute, 'attributes', { typed: true });
  }
  for (const method of members.filter((member) => member.kind === 'method')) argTypes[`method:${method.name}`] = row(method, 'methods', { summary: signature(method) });
  for (const event of element.events ?? []) {
    argTypes[actionName(event.name)] = { name: actionName(event.name), action: event.name, table: { disable: true } };
    argTypes[`event:${event.name}`] = row(event, 'events');
  }
  for (const slot of element.slots ?? []) argTypes[`slot:${slot.name}`] = row(slot, 'slots', { name: slot.name || '(default)' });
  for (const property of element.cssProperties ?? []) argTypes[`css-property:${property.name}`] = row(property, 'css custom properties');
  for (const part of element.cssParts ?? []) argTypes[`css-part:${part.name}`] = row(part, 'css shadow parts');
  return argTypes;
}
