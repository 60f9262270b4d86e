// The interactive content types of a Chatwoot message, rendered and answered (one module per type in interactive/).
import { nothing } from 'lit';
import type { ChatMessage } from '../../services/conversation-store.js';
import { renderArticleList } from './interactive/article-list.js';
import { renderCardList } from './interactive/card-list.js';
import { renderCsatSurvey } from './interactive/csat-survey.js';
import { renderEmailRequest } from './interactive/email-request.js';
import type { InteractiveContext } from './interactive/interactive-parts.js';
import { renderMessageForm } from './interactive/message-form.js';
import { renderSelectOptions } from './interactive/select-options.js';

export { AnswerController } from './interactive/answer-controller.js';
export type { InteractiveContext, Postback } from './interactive/interactive-parts.js';

/** What a content type adds below the message text: options, cards, a form, articles, an e-mail request, a survey. */
export function renderInteractive(message: ChatMessage, context: InteractiveContext) {
  switch (message.content_type) {
    case 'input_select': return renderSelectOptions(message, context);
    case 'cards': return renderCardList(message, context);
    case 'article': return renderArticleList(message);
    case 'form': return renderMessageForm(message, context);
    case 'input_email': return renderEmailRequest(message, context);
    case 'input_csat': return renderCsatSurvey(message, context);
    default: return nothing;
  }
}
