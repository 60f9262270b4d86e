import { css } from 'lit';

export default css`
  :host {
    display: flex; flex-direction: column; position: relative; min-block-size: 0;
    --_gap: var(--cw-message-list-gap, calc(var(--_space) * 2));
    --_padding: var(--cw-message-list-padding, calc(var(--_space) * 2));
  }

  .log {
    flex: auto; min-block-size: 0; overflow-y: auto; overscroll-behavior: contain;
    /* the list keeps its own place when older messages are prepended (see ScrollController) */
    overflow-anchor: none;
    background: var(--_color-surface);
  }
  .content { display: flex; flex-direction: column; padding: var(--_padding); min-block-size: 100%; }
  .older {
    display: grid; place-items: center; block-size: calc(var(--_space) * 4); flex: none;
    font-size: 0.8125em; color: var(--_color-muted);
  }

  /* present while newer messages are held below the rendered window: coming into view moves it down */
  .newer { block-size: 1px; flex: none; }

  .messages { list-style: none; padding: 0; margin-block-start: auto; }
  .item { margin-block-start: var(--_gap); }
  .item.grouped { margin-block-start: calc(var(--_space) / 2); }
  .messages > :first-child { margin-block-start: 0; }
  .day {
    display: flex; align-items: center; gap: var(--_space); margin-block: var(--_gap) 0;
    font-size: 0.8125em; color: var(--_color-muted);
  }
  .day::before, .day::after { content: ''; flex: 1; border-block-start: 1px solid var(--_color-border); }

  .typing { margin-block-start: var(--_space); font-size: 0.875em; color: var(--_color-muted); font-style: italic; }

  .state {
    display: flex; flex-direction: column; align-items: center; gap: var(--_space);
    margin-block: auto; padding: calc(var(--_space) * 2); text-align: center; color: var(--_color-muted);
  }
  .state-title { font-weight: 600; color: var(--_color-text); }
  .state.error .state-title { color: var(--_color-danger); }

  .notice {
    padding: var(--_space) calc(var(--_space) * 2); font-size: 0.875em;
    background: var(--_color-surface-raised); color: var(--_color-text);
    border-block-end: 1px solid var(--_color-border);
  }

  .jump {
    position: absolute; inset-block-end: var(--_space); inset-inline-start: 50%; translate: -50% 0;
    /* an absolute box offset by half its container would wrap at half the width: centred, it may take it all */
    inline-size: max-content; max-inline-size: calc(100% - 2 * var(--_space));
    border-radius: 999px; border-color: transparent;
    background: var(--_color-primary); color: var(--_color-on-primary); box-shadow: var(--_shadow);
  }
  :host(:dir(rtl)) .jump { translate: 50% 0; }
  .log:focus-visible { outline-offset: -2px; }
`;
