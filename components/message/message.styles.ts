import { css } from 'lit';

export default css`
  :host {
    display: block;
    --_avatar-size: var(--cw-message-avatar-size, 2rem);
    --_bubble-radius: var(--cw-message-radius, var(--_radius));
  }
  p { margin: 0; }
  ul, dl { margin: 0; padding: 0; }
  ul { list-style: none; }

  .row { display: flex; align-items: flex-end; gap: var(--_space); }
  .row.mine { justify-content: flex-end; }
  .body {
    display: flex; flex-direction: column; gap: calc(var(--_space) / 2);
    max-inline-size: var(--cw-message-max-width, 80%); min-inline-size: 0;
  }
  .mine .body { align-items: flex-end; }
  .theirs .body { align-items: flex-start; }

  .avatar, .avatar-space { flex: none; inline-size: var(--_avatar-size); block-size: var(--_avatar-size); }
  .avatar {
    display: inline-grid; place-items: center; overflow: hidden; border-radius: 50%;
    background: var(--_color-border); color: var(--_color-text); font-size: 0.75em; font-weight: 600;
    margin-block-end: 1.5em;
  }
  .avatar img { inline-size: 100%; block-size: 100%; object-fit: cover; }
  .author { font-size: 0.8125em; font-weight: 600; color: var(--_color-muted); }

  .bubble {
    display: flex; flex-direction: column; gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5); border-radius: var(--_bubble-radius);
    overflow-wrap: anywhere; max-inline-size: 100%;
  }
  .theirs .bubble { background: var(--_color-surface-raised); color: var(--_color-text); border-end-start-radius: calc(var(--_space) / 2); }
  .mine .bubble { background: var(--_color-primary); color: var(--_color-on-primary); border-end-end-radius: calc(var(--_space) / 2); }
  :host([grouped]) .theirs .bubble { border-start-start-radius: calc(var(--_space) / 2); }
  :host([grouped]) .mine .bubble { border-start-end-radius: calc(var(--_space) / 2); }
  .text { white-space: pre-wrap; }
  .markdown { overflow-wrap: anywhere; }
  .markdown > :first-child { margin-block-start: 0; }
  .markdown > :last-child { margin-block-end: 0; }
  .markdown :is(p, ul, ol, blockquote, pre) { margin-block: 0 calc(var(--_space) * 0.75); }
  .markdown :is(ul, ol) { padding-inline-start: 1.25em; }
  .markdown blockquote { margin-inline: 0; padding-inline-start: var(--_space); border-inline-start: 3px solid var(--_color-border); color: var(--_color-muted); }
  .markdown code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.875em; padding: 0.1em 0.3em; border-radius: 4px; background: light-dark(rgb(0 0 0 / 0.06), rgb(255 255 255 / 0.1)); }
  .markdown pre { overflow-x: auto; padding: var(--_space); border-radius: calc(var(--_radius) / 2); background: light-dark(rgb(0 0 0 / 0.06), rgb(255 255 255 / 0.08)); }
  .markdown pre code { padding: 0; background: none; }
  .markdown a { color: inherit; text-decoration: underline; text-underline-offset: 2px; }
  .markdown hr { border: 0; border-block-start: 1px solid var(--_color-border); }
  .markdown .heading { font-size: 1.05em; }
  .deleted { font-style: italic; opacity: 0.85; }
  a { color: inherit; text-decoration: underline; }

  .attachments { display: flex; flex-direction: column; gap: calc(var(--_space) / 2); }
  .attachment { display: inline-flex; align-items: center; gap: var(--_space); min-block-size: 44px; }
  .attachment.image { display: block; }
  .attachment img { display: block; max-inline-size: 100%; max-block-size: 16rem; border-radius: calc(var(--_bubble-radius) / 2); }
  .file-size { opacity: 0.8; font-size: 0.875em; }

  .options { display: flex; flex-wrap: wrap; gap: calc(var(--_space) / 2); }
  .options li {
    padding: calc(var(--_space) / 2) var(--_space); border: 1px solid currentColor; border-radius: var(--_bubble-radius);
  }
  .answer { display: flex; flex-wrap: wrap; gap: calc(var(--_space) / 2); }
  .answer-label { font-size: 0.8125em; opacity: 0.85; }
  .answer-value { font-weight: 600; }
  .answers { display: grid; grid-template-columns: auto 1fr; gap: calc(var(--_space) / 2) var(--_space); }
  .answers dt { opacity: 0.85; }
  .answers dd { margin: 0; font-weight: 600; }
  .card, .articles li { display: flex; flex-direction: column; gap: calc(var(--_space) / 2); }
  .articles { display: flex; flex-direction: column; gap: var(--_space); }
  .card-media { max-inline-size: 100%; border-radius: calc(var(--_bubble-radius) / 2); }
  .card-actions { display: flex; flex-wrap: wrap; gap: calc(var(--_space) / 2); }

  .meta {
    display: flex; flex-wrap: wrap; align-items: center; gap: calc(var(--_space) / 2) var(--_space);
    font-size: 0.75em; color: var(--_color-muted);
  }
  .status.failed, .error { color: var(--_color-danger); }
  .actions { display: inline-flex; gap: calc(var(--_space) / 2); }
  button {
    min-block-size: 44px; min-inline-size: 44px; padding-inline: calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border); border-radius: calc(var(--_radius) / 2);
    background: var(--_color-surface); color: var(--_color-text); font: inherit; font-size: 1rem; cursor: pointer;
  }
  .meta button { font-size: 0.875rem; }
  :is(a, button):focus-visible { outline: var(--_focus-ring); outline-offset: 2px; }
  .mine .bubble :focus-visible { outline-color: currentColor; }

  .activity {
    display: flex; flex-wrap: wrap; justify-content: center; gap: var(--_space);
    text-align: center; font-size: 0.8125em; color: var(--_color-muted);
  }
`;
