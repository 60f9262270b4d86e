// `cards`: image, title, description and actions; link actions open http(s) pages, postback actions emit `cw-postback`.
import { html, nothing } from 'lit';
import type { ChatMessage } from '../../../services/conversation-store.js';
import { httpUrl, textOf } from '../message-parts.js';
import { itemsOf, objectsOf, renderLink, type InteractiveContext, type Item } from './interactive-parts.js';

function renderAction(action: Item, context: InteractiveContext) {
  const text = textOf(action.text);
  if (action.type === 'postback') {
    const postback = { payload: textOf(action.payload), title: text || undefined };
    return html`<button class="postback" @click=${() => context.onPostback(postback)}>${text || postback.payload}</button>`;
  }
  return renderLink(action.uri, text || textOf(action.uri), 'card-link');
}

/** An image that fails to load is dropped rather than shown as a broken frame with its alt text. */
function hideBroken(event: Event): void {
  (event.currentTarget as HTMLImageElement).hidden = true;
}

function renderCard(card: Item, context: InteractiveContext) {
  const title = textOf(card.title);
  const image = httpUrl(card.media_url);
  const actions = objectsOf(card.actions);
  return html`<li class="card">
    ${image ? html`<img class="card-media" src=${image} alt=${title} loading="lazy" decoding="async" @error=${hideBroken}>` : nothing}
    <div class="card-body">
      ${title ? html`<strong class="card-title">${title}</strong>` : nothing}
      ${card.description ? html`<p class="card-description">${textOf(card.description)}</p>` : nothing}
    </div>
    ${actions.length
      ? html`<ul class="card-actions">${actions.map((action) => html`<li>${renderAction(action, context)}</li>`)}</ul>`
      : nothing}
  </li>`;
}

export function renderCardList(message: ChatMessage, context: InteractiveContext) {
  const cards = itemsOf(message);
  if (!cards.length) return nothing;
  return html`<ul class="cards ${cards.length > 1 ? 'several' : ''}">${cards.map((card) => renderCard(card, context))}</ul>`;
}
