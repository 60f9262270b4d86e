import { css } from 'lit';

export default css`
  :host {
    --_offset: var(--cw-launcher-offset, 20px);
    /* The panel's distance from the bottom edge: above the launcher (56px by default), with a gap. */
    --_panel-bottom: calc(var(--_offset) + var(--cw-launcher-size, 56px) + var(--_space) * 2);
    display: contents;
  }
  :host([theme='light']) { --cw-color-scheme: light; }
  :host([theme='dark']) { --cw-color-scheme: dark; }

  cw-chat::part(error) {
    position: fixed;
    inset-block-end: var(--_panel-bottom);
    inset-inline-end: var(--_offset);
    z-index: var(--_z-index);
    max-inline-size: min(400px, 100vw - 2 * var(--_offset));
    margin: 0;
    box-shadow: var(--_shadow);
  }

  /* position="left|right" is physical on purpose (as Chatwoot's widget): it does not mirror in RTL. */
  :host([position='right']) [part=panel], :host([position='right']) cw-chat::part(error) { inset-inline: auto; right: var(--_offset); }
  :host([position='left']) [part=panel], :host([position='left']) cw-chat::part(error) { inset-inline: auto; left: var(--_offset); }
`;
