import { css } from 'lit';

/** The panel's styles, adopted by `<cw-widget>` when the panel's code loads (the first time the chat opens). */
export default css`
  [part=panel] {
    position: fixed;
    inset-block-end: var(--_panel-bottom);
    inset-inline-end: var(--_offset);
    z-index: var(--_z-index);
    display: flex;
    flex-direction: column;
    inline-size: var(--cw-widget-width, min(400px, 100vw - 2 * var(--_offset)));
    max-inline-size: calc(100vw - 2 * var(--_offset));
    block-size: var(--cw-widget-height, min(640px, 100dvh - var(--_panel-bottom) - var(--_offset)));
    max-block-size: calc(100dvh - var(--_panel-bottom) - var(--_offset));
    overflow: hidden;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    box-shadow: var(--_shadow);
    transition: opacity var(--_duration) ease-out, translate var(--_duration) ease-out,
      display var(--_duration) allow-discrete;
  }
  [part=panel][hidden] { display: none; opacity: 0; translate: 0 12px; pointer-events: none; }
  @starting-style {
    [part=panel] { opacity: 0; translate: 0 12px; }
  }

  [part=header] {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
    padding-block: calc(var(--_space) * 1.5);
    padding-inline: calc(var(--_space) * 2) var(--_space);
    border-block-end: 1px solid var(--_color-border);
    background: var(--_color-surface-raised);
  }
  .heading { flex: 1; min-inline-size: 0; display: grid; gap: calc(var(--_space) / 2); padding-block-start: calc(var(--_space) / 2); }
  [part=title] { font-size: 1.0625rem; line-height: 1.3; overflow-wrap: anywhere; }
  [part=status], [part=reply-time] { color: var(--_color-muted); font-size: 0.8125rem; line-height: 1.4; }
  [part=status] { display: flex; flex-wrap: wrap; align-items: center; gap: 0 calc(var(--_space) * 0.75); }
  [part=status]::before { content: ''; inline-size: 8px; block-size: 8px; border-radius: 50%; background: var(--_color-muted); }
  .online::before { background: var(--_color-success); }
  .back::before { content: '·' / ''; margin-inline-end: calc(var(--_space) * 0.75); }

  /* The panel's buttons: the header's close and end buttons, the confirmation's and the "ended" line's. */
  button { min-inline-size: auto; padding-inline: calc(var(--_space) * 1.5); background: var(--_color-surface); }
  [part=close-button], [part=end-button] { flex: none; border: 0; background: transparent; }
  [part=close-button] { display: grid; place-items: center; inline-size: 44px; padding: 0; }
  [part=close-button]:focus-visible { outline-offset: -2px; }
  [part=end-button] { padding-inline: var(--_space); color: var(--_color-muted); font-size: 0.8125rem; }
  :is([part=close-button], [part=end-button]):hover { background: var(--_color-surface); color: var(--_color-text); }
  [part=end-confirm], [part=ended] {
    display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 2); border-block-end: 1px solid var(--_color-border);
    background: var(--_color-surface-raised); font-size: 0.875rem;
  }
  [part=end-confirm] p, [part=ended] p { flex: 1 1 12rem; }
  .end-actions { display: flex; gap: var(--_space); }
  .danger { border-color: var(--_color-danger); color: var(--_color-danger); }
  [part=ended] button { border-color: var(--_color-primary); background: var(--_color-primary); color: var(--_color-on-primary); }

  [part=body] { flex: 1; min-block-size: 0; display: flex; flex-direction: column; }
  cw-contact-form { min-block-size: 0; overflow: auto; border-block-end: 1px solid var(--_color-border); }
  cw-message-list { flex: 1 1 0; }
  cw-composer { flex: none; }

  @media (max-width: 600px) {
    [part=panel], :host([position]) [part=panel] {
      inset: 0 0 auto 0;
      inline-size: 100%;
      max-inline-size: none;
      block-size: 100dvh;
      max-block-size: none;
      border: 0;
      border-radius: 0;
    }
    [part=header] { position: sticky; inset-block-start: 0; z-index: 1; }
  }
`;
