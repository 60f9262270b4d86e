import { css } from 'lit';

// Declarations that several parts share sit in one rule for all of them; each part's own rule adds the rest.
export default css`
  :host {
    --_bubble-radius: var(--cw-message-radius, var(--_radius));
    --_rating-color: var(--cw-message-rating-color, var(--_color-primary));
  }
  ul { padding: 0; list-style: none; }
  a { color: inherit; }

  .body, .bubble, .attachments, .cards, .card, .card-body, .card-actions, .articles, .article, .form, .field, .csat-result {
    display: flex; flex-direction: column;
  }
  .body, .attachments, .card-body, .card-actions, .articles, .field, .answer, .csat { gap: calc(var(--_space) / 2); }
  .bubble, .cards, .form, .csat-result, .options, .activity, .rated, .viewer, .viewer-bar, .viewer-steps, .row { gap: var(--_space); }
  .upload, .meta, .answers { gap: calc(var(--_space) / 2) var(--_space); }
  .options, .activity, .rated, .answer, .csat, .upload, .meta, .viewer-bar, .viewer-steps { display: flex; flex-wrap: wrap; }
  .rated, .upload, .meta, .viewer-bar, .viewer-steps, .attachment, .viewer-original { align-items: center; }
  /* small muted text */
  .author, .activity, .meta, .answer-label, .answers dt, .card-description, .article-description, .thanks, .markdown blockquote {
    color: var(--_color-muted);
  }
  .file-size, .transcript, .upload, .answer-label, .card-description, .article-description, .thanks, :is(.answer-error, .field-error), .field label {
    font-size: 0.875em;
  }

  .row { display: flex; align-items: flex-end; }
  .row.mine { justify-content: flex-end; }
  .body { max-inline-size: var(--cw-message-max-width, 80%); min-inline-size: 0; }
  .mine .body { align-items: flex-end; }
  .theirs .body { align-items: flex-start; }

  .avatar, .avatar-space { flex: none; inline-size: var(--cw-message-avatar-size, 2rem); block-size: var(--cw-message-avatar-size, 2rem); }
  .avatar {
    display: inline-grid; place-items: center; overflow: hidden; border-radius: 50%;
    background: var(--_color-border); font-size: 0.75em; font-weight: 600;
    margin-block-end: 1.5em;
  }
  .avatar img { inline-size: 100%; block-size: 100%; object-fit: cover; }
  .author { font-size: 0.8125em; font-weight: 600; }

  .bubble {
    padding: var(--_space) calc(var(--_space) * 1.5); border-radius: var(--_bubble-radius);
    overflow-wrap: anywhere; max-inline-size: 100%;
  }
  .theirs .bubble { background: var(--_color-surface-raised); border-end-start-radius: calc(var(--_space) / 2); }
  .mine .bubble { background: var(--_color-primary); color: var(--_color-on-primary); border-end-end-radius: calc(var(--_space) / 2); }
  :host([grouped]) .theirs .bubble { border-start-start-radius: calc(var(--_space) / 2); }
  :host([grouped]) .mine .bubble { border-start-end-radius: calc(var(--_space) / 2); }
  .text, .answers dd, .feedback { white-space: pre-wrap; }
  .markdown blockquote, .feedback { margin: 0; padding-inline-start: var(--_space); border-inline-start: 3px solid var(--_color-border); }
  .markdown > :first-child { margin-block-start: 0; }
  .markdown > :last-child { margin-block-end: 0; }
  .markdown :is(p, ul, ol, blockquote, pre) { margin-block: 0 calc(var(--_space) * 0.75); }
  .markdown :is(ul, ol) { padding-inline-start: 1.25em; list-style: revert; }
  .markdown code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.875em; padding: 0.1em 0.3em; border-radius: 4px; background: light-dark(rgb(0 0 0 / 0.06), rgb(255 255 255 / 0.1)); }
  .markdown pre { overflow-x: auto; padding: var(--_space); border-radius: calc(var(--_radius) / 2); background: light-dark(rgb(0 0 0 / 0.06), rgb(255 255 255 / 0.08)); }
  .markdown pre code { padding: 0; background: none; }
  .markdown a { text-underline-offset: 2px; }
  .markdown hr { border: 0; border-block-start: 1px solid var(--_color-border); }
  .markdown .heading { font-size: 1.05em; }
  .deleted, .transcript { font-style: italic; }
  .deleted { opacity: 0.85; }

  /* ── attachments (attachments.ts, image-viewer.ts) ───────────────────────────────────────────── */
  .attachment { display: inline-flex; min-block-size: 44px; max-inline-size: 100%; gap: var(--_space); }
  .attachment.image { display: block; }
  .attachment img, video.attachment { max-block-size: 16rem; border-radius: calc(var(--_bubble-radius) / 2); }
  .attachment img { display: block; inline-size: auto; block-size: auto; max-inline-size: 100%; min-inline-size: 44px; min-block-size: 44px; object-fit: cover; }
  .attachment:is(video, audio) { display: block; inline-size: 100%; min-inline-size: min(16rem, 100%); }
  .attachment-icon { flex: none; inline-size: 1.25rem; block-size: 1.25rem; }
  .file-name { min-inline-size: 0; }
  .file-size { white-space: nowrap; }
  .upload progress { flex: 1 1 6rem; min-inline-size: 4rem; block-size: 0.5rem; accent-color: currentColor; }
  .upload-percent { font-variant-numeric: tabular-nums; }
  .viewer {
    inline-size: 100vw; block-size: 100dvh; max-inline-size: none; max-block-size: none; margin: 0; padding: var(--_space);
    flex-direction: column; align-items: center; border: 0;
    background: color-mix(in srgb, var(--_color-surface) 97%, transparent); color: var(--_color-text);
  }
  .viewer[open] { display: flex; }
  .viewer::backdrop { background: color-mix(in srgb, var(--_color-surface) 60%, transparent); }
  .viewer-bar, .viewer-steps { justify-content: flex-end; inline-size: 100%; }
  .viewer-steps { justify-content: center; }
  .viewer-count { margin-inline-end: auto; }
  .viewer-original { display: inline-flex; min-block-size: 44px; padding-inline: var(--_space); }
  .viewer-image { flex: 0 1 auto; min-block-size: 0; max-inline-size: 100%; margin-block: auto; object-fit: contain; }
  /* ── end of attachments ─────────────────────────────────────────────────────────────────────── */

  .meta, .activity { font-size: 0.75em; }
  .activity { justify-content: center; text-align: center; font-size: 0.8125em; }
  .status.failed, .error, .required-mark, :is(.answer-error, .field-error) { color: var(--_color-danger); }
  .actions { display: inline-flex; gap: calc(var(--_space) / 2); }
  button { padding-inline: calc(var(--_space) * 1.5); background: var(--_color-surface); font-size: 1rem; }
  .meta button, .cancel { font-size: 0.875rem; }
  [data-answer-focus]:focus { outline: none; }
  /* the tokens ring every :focus-visible; an answer's focus target shows it only then, an article for its link */
  [data-answer-focus]:focus-visible, .article:has(.article-link:focus-visible) {
    outline: var(--_focus-ring); outline-offset: 2px;
  }
  .mine .bubble :focus-visible { outline-color: currentColor; }

  /* ---- Interactive content types (message-content.ts and interactive/) ---- */
  :not(option):disabled { cursor: not-allowed; opacity: 0.6; }
  button[aria-disabled='true'] { cursor: progress; }
  /* an empty live region stays in the accessibility tree (so its first message is announced) but takes no room */
  :is(.answer-error, .field-error):empty { position: absolute; }

  .option, .submit, .card-actions :is(a, button) { font-size: inherit; font-weight: 600; }
  .option, .submit, .postback { border-color: var(--_color-primary); }
  .option, .card-link, .article-link { color: var(--_color-primary); }
  .option { border-radius: 999px; transition: background-color var(--_duration), color var(--_duration); }
  .option:hover:not(:disabled, [aria-disabled='true']), .option.chosen, .submit, .postback {
    background: var(--_color-primary); color: var(--_color-on-primary);
  }
  .option[aria-disabled='true']:not(.chosen) { opacity: 0.6; }
  .answer { align-items: baseline; }
  .answer-value, .answers dd { font-weight: 600; }
  .answers { display: grid; grid-template-columns: minmax(0, max-content) 1fr; }

  .cards.several {
    flex-direction: row; overflow-x: auto; overscroll-behavior-inline: contain; scroll-snap-type: inline mandatory;
    padding-block-end: calc(var(--_space) / 2);
  }
  .card {
    inline-size: 16rem; max-inline-size: 100%; overflow: hidden;
    border: 1px solid var(--_color-border); border-radius: calc(var(--_bubble-radius) * 0.75); background: var(--_color-surface);
  }
  .cards.several .card { flex: 0 0 min(15rem, 85%); scroll-snap-align: start; }
  .card-media { inline-size: 100%; aspect-ratio: 16 / 9; object-fit: cover; background: var(--_color-surface-raised); }
  .card-body { padding: var(--_space) var(--_space) 0; }
  .card-actions { margin-block-start: auto; padding: var(--_space); }
  .card-actions :is(a, button) {
    display: flex; align-items: center; justify-content: center; inline-size: 100%; min-block-size: 44px;
    padding-inline: var(--_space); border-radius: calc(var(--_radius) / 2); text-align: center;
  }
  .card-link { border: 1px solid var(--_color-primary); text-decoration: none; }
  .card-link:hover, .article:hover .article-link { text-decoration: underline; }

  .article {
    position: relative; justify-content: center; gap: 2px; min-block-size: 44px;
    padding: var(--_space); border: 1px solid var(--_color-border); border-radius: calc(var(--_radius) / 2); background: var(--_color-surface);
  }
  .article-link { text-decoration: none; }
  /* the whole article is the link's target */
  .article-link::after { content: ''; position: absolute; inset: 0; border-radius: inherit; }
  .article-link:focus-visible { outline: none; }

  .form { inline-size: 18rem; max-inline-size: 100%; }
  .field { position: relative; }
  .field label { font-weight: 600; }
  .field.checkbox { flex-direction: row; flex-wrap: wrap; align-items: center; min-block-size: 44px; }
  .field.checkbox label { flex: 1; font-size: inherit; font-weight: normal; }
  .field.checkbox .field-error { flex-basis: 100%; }
  :is(input, select, textarea) { padding: calc(var(--_space) / 2) var(--_space); }
  input[type='checkbox'] { inline-size: 1.5rem; block-size: 1.5rem; min-block-size: 0; margin: 0; accent-color: var(--_color-primary); }
  textarea { min-block-size: 5rem; resize: vertical; }
  :is(input, select, textarea)[aria-invalid='true'] { border-color: var(--_color-danger); }
  :is(input, select, textarea):focus-visible { outline-offset: 1px; }
  .submit { align-self: flex-start; }

  .rating { display: inline-grid; place-items: center; padding: 0; line-height: 1; transition: transform var(--_duration); }
  .emojis .rating { border-radius: 50%; font-size: 1.5rem; }
  .emojis .rating:hover:not(:disabled), .emojis .rating.chosen { border-color: var(--_rating-color); transform: scale(1.1); }
  .stars .rating { border-color: transparent; background: transparent; color: var(--_color-muted); }
  /* a star is filled where its rating (or the rated symbols' span) sets --_star-fill */
  .star { inline-size: 1.75rem; block-size: 1.75rem; fill: var(--_star-fill, none); stroke: currentColor; stroke-width: 1.5; stroke-linejoin: round; }
  /* stars light up to the one under the pointer or focus, then the ones after it go dark again */
  .stars:is(:hover, :focus-within) .rating:not(:disabled), .stars .rating.chosen { color: var(--_rating-color); --_star-fill: currentColor; }
  .stars .rating:is(:hover, :focus-visible) ~ .rating:not(.chosen) { color: var(--_color-muted); --_star-fill: none; }
  .rated-symbols { display: inline-flex; color: var(--_rating-color); }
  .rated-symbols .emoji { font-size: 1.5rem; }
  .rated-symbols .star { inline-size: 1.25rem; block-size: 1.25rem; }
  .rated-symbols .filled { --_star-fill: currentColor; }
`;
