import { css } from 'lit';

export default css`
  :host {
    display: block;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space);
    padding: var(--_space);
    border-block-start: 1px solid var(--_color-border);
    background: var(--_color-surface);
  }
  textarea {
    flex: 1 1 10rem;
    min-inline-size: 0;
    field-sizing: content;
    min-block-size: var(--cw-composer-min-height, 44px);
    max-block-size: var(--cw-composer-max-height, 10rem);
    overflow-y: auto;
    resize: none;
    margin: 0;
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
    line-height: 1.4;
  }
  textarea::placeholder {
    color: var(--_color-muted);
    opacity: 1;
  }
  textarea:disabled {
    cursor: not-allowed;
    background: var(--_color-surface-raised);
  }
  textarea:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  .send {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 44px;
    block-size: 44px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    cursor: pointer;
  }
  .send:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .send:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  .icon {
    inline-size: 20px;
    block-size: 20px;
  }
  .icon:dir(rtl) {
    transform: scaleX(-1);
  }
  .reason,
  .error {
    flex-basis: 100%;
    margin: 0;
    font-size: 0.875em;
  }
  .reason {
    color: var(--_color-muted);
  }
  .error {
    color: var(--_color-danger);
  }
  /* iOS zooms into text boxes under 16px */
  @media (max-width: 600px), (pointer: coarse) {
    textarea {
      font-size: max(16px, 1em);
    }
  }
`;
