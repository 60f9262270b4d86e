import type { PropertyDeclaration, PropertyDeclarations } from 'lit';

/**
 * Lit's property declarations with each property's attribute named in kebab case (`maxFiles` → `max-files`),
 * as every element's attributes are; a declaration that names its attribute, or is state, keeps its own.
 */
export function kebabAttributes(properties: Record<string, PropertyDeclaration>): PropertyDeclarations {
  return Object.fromEntries(Object.entries(properties).map(([name, options]) =>
    [name, { attribute: name.replace(/[A-Z]/g, (capital) => `-${capital.toLowerCase()}`), ...options }]));
}
