import { css } from 'lit';

/**
 * The public design tokens, mapped once to private `--_*` variables with a light and a dark default.
 * Every element lists this first, so a page needs no stylesheet. The scheme follows the visitor's
 * preference unless `--cw-color-scheme` (or `theme="light|dark"` on `<cw-chat>`/`<cw-widget>`) fixes it.
 */
export const tokens = css`
  :host {
    color-scheme: var(--cw-color-scheme, light dark);
    --_color-primary: var(--cw-color-primary, light-dark(#0969da, #4493f8));
    --_color-on-primary: var(--cw-color-on-primary, light-dark(#ffffff, #0d1117));
    --_color-surface: var(--cw-color-surface, light-dark(#ffffff, #161b22));
    --_color-surface-raised: var(--cw-color-surface-raised, light-dark(#f6f8fa, #21262d));
    --_color-text: var(--cw-color-text, light-dark(#1f2328, #e6edf3));
    --_color-muted: var(--cw-color-muted, light-dark(#59636e, #9198a1));
    --_color-border: var(--cw-color-border, light-dark(#d0d7de, #3d444d));
    --_color-danger: var(--cw-color-danger, light-dark(#cf222e, #ff7b72));
    --_color-success: var(--cw-color-success, light-dark(#1a7f37, #3fb950));
    --_radius: var(--cw-radius, 12px);
    --_space: var(--cw-space, 8px);
    --_focus-ring: var(--cw-focus-ring, 2px solid var(--_color-primary));
    --_shadow: var(--cw-shadow, 0 8px 24px rgb(0 0 0 / 0.16));
    --_z-index: var(--cw-z-index, 2147483000);
    --_duration: 160ms;
    box-sizing: border-box;
    font-family: var(--cw-font-family, system-ui, sans-serif);
    font-size: var(--cw-font-size, 0.9375rem);
    color: var(--_color-text);
    display: block;
  }
  :host([hidden]) { display: none !important; }
  *, ::before, ::after { box-sizing: inherit; }
  h2, p, ul, ol, dl, dd { margin: 0; }
  .visually-hidden {
    position: absolute !important; inline-size: 1px; block-size: 1px; overflow: hidden;
    clip-path: inset(50%); white-space: nowrap; margin: -1px; padding: 0; border: 0;
  }
  :focus-visible { outline: var(--_focus-ring); outline-offset: 2px; }
  /* the common button and text field; each element's styles say where theirs differ */
  button, input, select, textarea {
    min-block-size: 44px; border: 1px solid var(--_color-border); border-radius: calc(var(--_radius) / 2);
    background: var(--_color-surface); color: var(--_color-text); font: inherit;
  }
  button {
    min-inline-size: 44px; padding-inline: calc(var(--_space) * 2); background: var(--_color-surface-raised); cursor: pointer;
  }
  @media (prefers-reduced-motion: reduce) {
    *, ::before, ::after { animation-duration: 0ms !important; transition-duration: 0ms !important; scroll-behavior: auto !important; }
  }
`;
