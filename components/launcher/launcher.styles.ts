import { css } from 'lit';

export default css`
  :host {
    --_size: var(--cw-launcher-size, 56px);
    --_offset: var(--cw-launcher-offset, 20px);
    position: fixed;
    inset-block-end: var(--_offset);
    inset-inline-end: var(--_offset);
    z-index: var(--_z-index);
    inline-size: max-content;
  }
  /* position="left|right" is physical on purpose (as Chatwoot's widget): it does not mirror in RTL. */
  :host([position='right']) { inset-inline: auto; right: var(--_offset); }
  :host([position='left']) { inset-inline: auto; left: var(--_offset); }

  button {
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    min-inline-size: var(--_size);
    block-size: var(--_size);
    min-block-size: 0;
    padding: 0;
    border: 0;
    border-radius: calc(var(--_size) / 2);
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    box-shadow: var(--_shadow);
    font-weight: 600;
    transition: transform var(--_duration) ease-out, box-shadow var(--_duration) ease-out;
  }
  button:hover { transform: scale(1.05); }
  button:active { transform: scale(0.97); }
  button:focus-visible { outline-offset: 3px; }
  button:has([part=label]) { padding-inline: calc(var(--_size) / 4) calc(var(--_size) / 2.5); }
  :host([hide-when-open]) [aria-expanded='true'] { display: none; }

  [part=icon] { display: grid; place-items: center; inline-size: 28px; block-size: 28px; }
  [part=icon] ::slotted(*) { max-inline-size: 100%; max-block-size: 100%; }
  [part=label] { white-space: nowrap; }

  [part=badge] {
    position: absolute;
    inset-block-start: -4px;
    inset-inline-end: -4px;
    min-inline-size: 22px;
    block-size: 22px;
    padding-inline: 5px;
    border: 2px solid var(--_color-surface);
    border-radius: 11px;
    background: var(--_color-danger);
    color: var(--_color-on-primary);
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 18px;
    text-align: center;
  }

  @media (forced-colors: active) {
    button { border: 2px solid ButtonText; }
    [part=badge] { border-color: CanvasText; }
  }
`;
