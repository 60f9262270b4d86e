import { css } from 'lit';

export default css`
  :host([theme='light']) { --cw-color-scheme: light; }
  :host([theme='dark']) { --cw-color-scheme: dark; }
  [part=error] {
    display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space);
    margin: var(--_space); padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-danger); border-radius: var(--_radius);
    background: var(--_color-surface); color: var(--_color-text);
  }
  [part=error] strong { color: var(--_color-danger); }
`;
