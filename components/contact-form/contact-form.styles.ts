import { css } from 'lit';

export default css`
  form {
    display: grid;
    gap: var(--cw-contact-form-gap, calc(var(--_space) * 1.5));
    padding: calc(var(--_space) * 2);
  }
  .intro {
    color: var(--_color-muted);
  }
  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  label {
    font-weight: 600;
  }
  .mark {
    margin-inline-start: calc(var(--_space) / 2);
    color: var(--_color-muted);
    font-size: 0.875em;
    font-weight: 400;
  }
  input {
    inline-size: 100%;
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
  }
  input[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }
  .error {
    color: var(--_color-danger);
    font-size: 0.875em;
  }
  button {
    justify-self: start;
    border: 0;
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    font-weight: 600;
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  .status {
    padding-inline: calc(var(--_space) * 2);
    color: var(--_color-success);
  }
  .status:not(:empty) {
    padding-block: var(--_space);
  }
  /* iOS zooms into inputs under 16px */
  @media (max-width: 600px), (pointer: coarse) {
    input {
      font-size: max(16px, 1em);
    }
  }
`;
