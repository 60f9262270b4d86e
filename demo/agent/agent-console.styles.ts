import { css } from 'lit';

// The console's own look, on the kit's tokens (light and dark through light-dark()).
export default css`
  :host {
    --_color-note: light-dark(#fff8c5, #3a2d05);
    --_color-note-border: light-dark(#9a6700, #d29922);
    display: flex;
    flex-direction: column;
    block-size: 100%;
    container-type: inline-size;
    background: var(--_color-surface);
  }
  p, h2, h3, ol, ul { margin: 0; }
  h2 { font-size: 1.0625rem; }
  h3 { font-size: 0.875rem; font-weight: 600; }
  button {
    min-block-size: 44px; min-inline-size: 44px; padding-inline: calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border); border-radius: calc(var(--_radius) / 1.5);
    background: var(--_color-surface); color: var(--_color-text); font: inherit; cursor: pointer;
  }
  button:hover:not(:disabled) { border-color: var(--_color-primary); }
  button:disabled { cursor: not-allowed; color: var(--_color-muted); }
  button.primary:not(:disabled) { background: var(--_color-primary); border-color: var(--_color-primary); color: var(--_color-on-primary); }

  .console {
    flex: 1; min-block-size: 0; display: grid;
    grid-template-columns: minmax(15rem, 21rem) minmax(0, 1fr); grid-template-rows: minmax(0, 1fr);
  }
  .list {
    display: flex; flex-direction: column; min-block-size: 0; overflow: auto;
    background: var(--_color-surface-raised); border-inline-end: 1px solid var(--_color-border);
  }
  .list-header {
    display: flex; align-items: center; justify-content: space-between; gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 2); min-block-size: 60px; border-block-end: 1px solid var(--_color-border);
  }
  .connection { display: flex; align-items: center; gap: 0.4em; font-size: 0.875rem; color: var(--_color-muted); }
  .connection::before {
    content: ''; inline-size: 0.6em; block-size: 0.6em; border-radius: 50%; background: var(--_color-muted);
  }
  .connection.open::before { background: var(--_color-success); }
  .connection.connecting::before { background: var(--_color-note-border); }
  .agent, .empty { padding: var(--_space) calc(var(--_space) * 2); color: var(--_color-muted); font-size: 0.875rem; }
  .pane > .empty { margin: auto; padding: calc(var(--_space) * 4); text-align: center; }
  .list ul { list-style: none; padding: var(--_space); display: grid; gap: 4px; }
  .summary {
    display: grid; gap: 2px; inline-size: 100%; padding: var(--_space) calc(var(--_space) * 1.5); text-align: start;
    border-color: transparent; background: transparent;
  }
  .summary[aria-current='true'] { background: var(--_color-surface); border-color: var(--_color-primary); }
  .summary-top { display: flex; align-items: center; justify-content: space-between; gap: var(--_space); }
  .name { font-weight: 600; overflow-wrap: anywhere; }
  .preview { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--_color-muted); font-size: 0.875rem; }
  .status {
    flex: none; padding: 0 0.6em; border: 1px solid currentColor; border-radius: 999px;
    font-size: 0.75rem; line-height: 1.6; color: var(--_color-muted);
  }
  .status.open { color: var(--_color-primary); }
  .status.resolved { color: var(--_color-success); }
  .unread {
    justify-self: start; padding: 0 0.6em; border-radius: 999px; font-size: 0.75rem;
    background: var(--_color-primary); color: var(--_color-on-primary);
  }

  .pane { display: flex; flex-direction: column; min-block-size: 0; min-inline-size: 0; }
  .pane-header {
    display: flex; align-items: center; gap: var(--_space); flex-wrap: wrap;
    padding: var(--_space) calc(var(--_space) * 2); min-block-size: 60px; border-block-end: 1px solid var(--_color-border);
  }
  .pane-header h2 { flex: 1; min-inline-size: 8rem; overflow-wrap: anywhere; }
  .back { display: none; }
  .log { flex: 1; min-block-size: 10rem; overflow: auto; padding: calc(var(--_space) * 2); }
  .log ol { list-style: none; padding: 0; display: flex; flex-direction: column; gap: var(--_space); }
  .message { display: flex; }
  .message.outgoing { justify-content: flex-end; }
  .message.activity { justify-content: center; color: var(--_color-muted); font-size: 0.8125rem; text-align: center; }
  .bubble {
    max-inline-size: min(34rem, 85%); padding: var(--_space) calc(var(--_space) * 1.5); display: grid; gap: 4px;
    border: 1px solid var(--_color-border); border-radius: var(--_radius); background: var(--_color-surface-raised);
  }
  .outgoing .bubble { background: var(--_color-primary); border-color: var(--_color-primary); color: var(--_color-on-primary); }
  .private .bubble { background: var(--_color-note); border: 1px dashed var(--_color-note-border); color: var(--_color-text); }
  .meta { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 var(--_space); font-size: 0.75rem; }
  .author { font-weight: 600; }
  .badge { padding: 0 0.5em; border: 1px solid currentColor; border-radius: 999px; }
  .content { white-space: pre-wrap; overflow-wrap: anywhere; }
  .items { padding-inline-start: 1.25em; font-size: 0.875rem; }
  .answer { padding-block-start: 4px; border-block-start: 1px solid currentColor; font-size: 0.875rem; }
  .typing { min-block-size: 1.5em; padding-inline: calc(var(--_space) * 2); color: var(--_color-muted); font-size: 0.875rem; font-style: italic; }

  .reply { display: grid; gap: 4px; padding: var(--_space) calc(var(--_space) * 2); border-block-start: 1px solid var(--_color-border); }
  .reply.private { background: var(--_color-note); }
  .reply label { font-size: 0.875rem; }
  textarea {
    inline-size: 100%; min-block-size: 3.25rem; padding: var(--_space); resize: vertical; font: inherit;
    color: var(--_color-text); background: var(--_color-surface);
    border: 1px solid var(--_color-border); border-radius: calc(var(--_radius) / 1.5);
  }
  .reply-actions { display: flex; align-items: center; justify-content: space-between; gap: var(--_space); }
  .reply-files { display: flex; flex-wrap: wrap; gap: 4px var(--_space); margin: 0; padding: 0; list-style: none; font-size: 0.875rem; }
  .reply-files button { min-inline-size: 44px; min-block-size: 44px; }
  .attach { font-size: 0.875rem; }
  .attach input { max-inline-size: 14rem; font-size: 0.8125rem; }
  .check { display: inline-flex; align-items: center; gap: var(--_space); min-block-size: 44px; cursor: pointer; }
  .check input { inline-size: 1.25rem; block-size: 1.25rem; margin: 0; accent-color: var(--_color-primary); }
  .samples { display: grid; gap: 4px; padding: var(--_space) calc(var(--_space) * 2) calc(var(--_space) * 1.5); }
  .sample-buttons { display: flex; flex-wrap: wrap; gap: var(--_space); }
  .error {
    margin: var(--_space); padding: var(--_space) calc(var(--_space) * 1.5); overflow-wrap: anywhere;
    border: 1px solid var(--_color-danger); border-radius: calc(var(--_radius) / 1.5); color: var(--_color-danger);
  }

  @container (max-width: 44rem) {
    .console { grid-template-columns: minmax(0, 1fr); }
    .list { border-inline-end: 0; }
    .console.has-selection .list, .console:not(.has-selection) .pane { display: none; }
    .back { display: inline-block; }
    .log { padding: var(--_space); }
    .sample-buttons { flex-wrap: nowrap; overflow-x: auto; padding-block-end: 4px; }
    .sample-buttons button { flex: none; }
  }
`;
