// What <cw-chat> and <cw-widget> share: their common attributes, and how the chat's language is found.
import type { PropertyDeclarations } from 'lit';

/** The chat's language: its `locale`, else the nearest `lang` in its tree (a shadow root stops the search). */
export const localeOf = (element: Element & { locale: string }): string =>
  element.locale || element.closest?.('[lang]')?.getAttribute('lang') || ''; // no closest() in server rendering

/**
 * The attributes `<cw-chat>` and `<cw-widget>` share; the widget hands each on to its inner `<cw-chat>`.
 * Without an `attribute`, a property's attribute is its name in kebab case (`kebabAttributes`).
 */
export const chatProperties = {
  baseUrl: {},
  inbox: {},
  identifier: {},
  identifierHash: {},
  name: {},
  email: {},
  phone: {},
  locale: {},
  storage: {},
  isOpen: { type: Boolean, reflect: true, attribute: 'open' },
  theme: { reflect: true },
  contactMode: { attribute: 'contact' },
  unreadInTitle: { type: Boolean },
  notifySound: { type: Boolean },
} satisfies PropertyDeclarations;
