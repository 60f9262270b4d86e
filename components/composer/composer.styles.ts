import { css } from 'lit';

// focus rings come from tokens (:focus-visible)
export default css`
  :host {
    position: relative;
    --_thumb-size: var(--cw-composer-thumb-size, 3rem);
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
  /* send, attach and remove: round icon buttons, 44 px by the tokens' minimum */
  button {
    flex: none;
    display: inline-grid;
    place-items: center;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_color-muted);
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .send {
    background: var(--_color-primary);
    color: var(--_color-on-primary);
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
    font-size: 0.875em;
    color: var(--_color-muted);
  }
  .error {
    color: var(--_color-danger);
  }
  /* attachments */
  .attach:hover:not(:disabled) {
    color: var(--_color-text);
    background: var(--_color-surface-raised);
  }
  .files {
    flex-basis: 100%;
    min-inline-size: 0;
    /* the row scrolls: its files must not widen the composer */
    contain: inline-size;
    display: flex;
    gap: var(--_space);
    overflow-x: auto;
    padding: 0 0 2px;
    list-style: none;
  }
  .file {
    flex: none;
    display: flex;
    align-items: center;
    gap: var(--_space);
    max-inline-size: 16rem;
    padding-block: 2px;
    padding-inline: 2px 0;
    border: 1px solid var(--_color-border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_color-surface-raised);
  }
  .thumb {
    flex: none;
    inline-size: var(--_thumb-size);
    block-size: var(--_thumb-size);
    border-radius: calc(var(--_radius) / 3);
    object-fit: cover;
  }
  svg.thumb {
    padding: calc(var(--_thumb-size) / 5);
    color: var(--_color-muted);
  }
  .file-text {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
    font-size: 0.875em;
  }
  .file-name {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .file-size {
    color: var(--_color-muted);
    font-size: 0.875em;
  }
  .remove:hover {
    color: var(--_color-danger);
  }
  :is(.attach, .remove):focus-visible {
    outline-offset: -2px;
  }
  .remove .icon {
    inline-size: 16px;
    block-size: 16px;
  }
  /* iOS zooms into text boxes under 16px */
  @media (max-width: 600px), (pointer: coarse) {
    textarea {
      font-size: max(16px, 1em);
    }
  }
`;
