// One sample of each interactive content type, valid for Chatwoot's ContentAttributeValidator
// (CLIENT_API.md §6.3, AGENT_API.md §4.1).
import type { OutgoingMessage } from './agent-api.js';

export interface Sample {
  /** The content type the button sends; also the button's value. */
  contentType: string;
  label: string;
  message: OutgoingMessage;
}

/** `baseUrl` is the stand-in's own address: the card image and links point at it. */
export function interactiveSamples(baseUrl: string): Sample[] {
  const cardImage = new URL('/card-image.svg', baseUrl).href;
  return [
    {
      contentType: 'input_select',
      label: 'Options',
      message: {
        content: 'Which plan are you interested in?',
        content_type: 'input_select',
        content_attributes: {
          items: [
            { title: 'Starter', value: 'starter' },
            { title: 'Team', value: 'team' },
            { title: 'Enterprise', value: 'enterprise' },
          ],
        },
      },
    },
    {
      contentType: 'cards',
      label: 'Cards',
      message: {
        content: 'Two kettles our customers love',
        content_type: 'cards',
        content_attributes: {
          items: [
            {
              title: 'Aurora kettle', description: 'Brushed steel, 1.7 litres, boils in three minutes.', media_url: cardImage,
              actions: [
                { type: 'link', text: 'View product', uri: new URL('/#aurora', baseUrl).href },
                { type: 'postback', text: 'Add to basket', payload: 'ADD_AURORA' },
              ],
            },
            {
              title: 'Nimbus kettle', description: 'Glass body, keeps warm for an hour.', media_url: cardImage,
              actions: [
                { type: 'link', text: 'View product', uri: new URL('/#nimbus', baseUrl).href },
                { type: 'postback', text: 'Add to basket', payload: 'ADD_NIMBUS' },
              ],
            },
          ],
        },
      },
    },
    {
      contentType: 'form',
      label: 'Form',
      message: {
        content: 'Tell us how to reach you',
        content_type: 'form',
        content_attributes: {
          button_label: 'Send details',
          items: [
            { type: 'text', name: 'name', label: 'Your name', placeholder: 'Ada Lovelace', required: true },
            {
              type: 'email', name: 'email', label: 'Email', placeholder: 'you@example.com', required: true,
              pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', pattern_error: 'Enter an address such as you@example.com',
            },
            {
              type: 'select', name: 'topic', label: 'Topic', default: 'order',
              options: [
                { label: 'An order', value: 'order' },
                { label: 'A return', value: 'return' },
                { label: 'Something else', value: 'other' },
              ],
            },
          ],
        },
      },
    },
    {
      contentType: 'input_csat',
      label: 'Rating (CSAT)',
      message: {
        content: 'Please rate the conversation',
        message_type: 'template',
        content_type: 'input_csat',
        content_attributes: { display_type: 'emoji' },
      },
    },
    {
      contentType: 'article',
      label: 'Articles',
      message: {
        content: 'These articles may help',
        content_type: 'article',
        content_attributes: {
          items: [
            { title: 'Descaling your kettle', description: 'Five minutes with citric acid.', link: new URL('/bespoke.html#descaling', baseUrl).href },
            { title: 'Returns and refunds', description: 'Thirty days, no questions asked.', link: new URL('/bespoke.html#returns', baseUrl).href },
          ],
        },
      },
    },
    {
      contentType: 'input_email',
      label: 'Email request',
      message: { content: 'Leave your email and we will write back', content_type: 'input_email' },
    },
  ];
}
