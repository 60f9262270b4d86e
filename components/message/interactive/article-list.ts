// `article`: help-centre articles as links (title) with their description.
import { html, nothing } from 'lit';
import type { ChatMessage } from '../../../services/conversation-store.js';
import { textOf } from '../message-parts.js';
import { itemsOf, renderLink } from './interactive-parts.js';

export function renderArticleList(message: ChatMessage) {
  const articles = itemsOf(message);
  if (!articles.length) return nothing;
  return html`<ul class="articles">${articles.map((article) => html`<li class="article">
    <strong class="article-title">${renderLink(article.link, textOf(article.title) || textOf(article.link), 'article-link')}</strong>
    ${article.description ? html`<p class="article-description">${textOf(article.description)}</p>` : nothing}
  </li>`)}</ul>`;
}
