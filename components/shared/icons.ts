// Inline icons of the message and the composer, decorative (the control or the text next to them names them).
import { html, svg, type TemplateResult } from 'lit';

export const fileIcon = svg`<path d="M6 2h8l5 5v15H6z M14 2v5h5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/>`;

/** A 24×24 icon drawn with currentColor. */
export function icon(shape: TemplateResult, className: string): TemplateResult {
  return html`<svg class=${className} viewBox="0 0 24 24" aria-hidden="true">${shape}</svg>`;
}
