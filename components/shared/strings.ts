// Every text and aria-label the elements show. Other locales are objects of the same type.
// Counts are functions so each locale can use its own plural rules (Intl.PluralRules).

export interface Strings {
  /** BCP 47 tag, for Intl formatting. */
  $locale: string;
  $dir: 'ltr' | 'rtl';

  // cw-chat
  chatLabel: string;
  configMissing: (missing: string) => string;
  errorTitle: string;
  retry: string;

  // cw-launcher
  openChat: string;
  closeChat: string;
  unread: (count: number) => string;

  // cw-message-list
  conversationLabel: string;
  loadingMessages: string;
  loadingOlder: string;
  emptyTitle: string;
  emptyBody: string;
  loadFailed: string;
  jumpToLatest: string;
  newMessages: (count: number) => string;
  typing: (name: string) => string;
  someone: string;
  today: string;
  yesterday: string;
  historyGap: string;
  catchUpFailed: string;
  outboxExpired: string;
  reconnecting: string;

  // cw-message
  you: string;
  agent: string;
  bot: string;
  sentAt: (time: string) => string;
  delivery: { sending: string; queued: string; sent: string; delivered: string; read: string; failed: string };
  retrySend: string;
  discard: string;
  deleted: string;
  attachment: string;
  download: string;
  openImage: string;
  location: string;
  answered: string;
  submit: string;
  csatRating: (rating: number) => string;

  // cw-composer
  messageLabel: string;
  messagePlaceholder: string;
  send: string;
  contactFormFirst: string;
  conversationEnded: string;
  sendFailed: string;

  // cw-contact-form
  contactFormTitle: string;
  contactFormIntro: string;
  name: string;
  email: string;
  phone: string;
  requiredMark: string;
  optional: string;
  startChat: string;
  saving: string;
  saved: string;
  fieldRequired: (label: string) => string;
  invalidEmail: string;
  invalidPhone: string;
  contactSaveFailed: string;

  // cw-widget
  widgetTitle: string;
  online: string;
  away: string;
  backAt: (time: string) => string;
  backTomorrow: (time: string) => string;
  backOn: (day: string, time: string) => string;
  closePanel: string;
}

const plural = (locale: string) => new Intl.PluralRules(locale);

export const en: Strings = {
  $locale: 'en',
  $dir: 'ltr',

  chatLabel: 'Chat',
  configMissing: (missing) => `The chat is not set up: ${missing} missing.`,
  errorTitle: 'Something went wrong',
  retry: 'Try again',

  openChat: 'Open chat',
  closeChat: 'Close chat',
  unread: (count) => (plural('en').select(count) === 'one' ? '1 unread message' : `${count} unread messages`),

  conversationLabel: 'Conversation',
  loadingMessages: 'Loading messages…',
  loadingOlder: 'Loading earlier messages…',
  emptyTitle: 'No messages yet',
  emptyBody: 'Ask us anything, we will reply here.',
  loadFailed: 'The messages could not be loaded.',
  jumpToLatest: 'Jump to the latest message',
  newMessages: (count) => (plural('en').select(count) === 'one' ? '1 new message' : `${count} new messages`),
  typing: (name) => `${name} is typing…`,
  someone: 'Someone',
  today: 'Today',
  yesterday: 'Yesterday',
  historyGap: 'Some earlier messages may be missing. Scroll up to load them.',
  catchUpFailed: 'Could not check for new messages. Retrying…',
  outboxExpired: 'Some messages waited more than a day to be sent and were dropped.',
  reconnecting: 'Reconnecting…',

  you: 'You',
  agent: 'Agent',
  bot: 'Bot',
  sentAt: (time) => `Sent at ${time}`,
  delivery: { sending: 'Sending…', queued: 'Waiting for the network', sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Not sent' },
  retrySend: 'Retry',
  discard: 'Delete',
  deleted: 'This message was deleted.',
  attachment: 'Attachment',
  download: 'Download',
  openImage: 'Open image',
  location: 'Location',
  answered: 'Answered',
  submit: 'Submit',
  csatRating: (rating) => `Rated ${rating} out of 5`,

  messageLabel: 'Message',
  messagePlaceholder: 'Type your message…',
  send: 'Send',
  contactFormFirst: 'Please fill in the form first.',
  conversationEnded: 'This conversation has ended.',
  sendFailed: 'The message could not be queued. Please try again.',

  contactFormTitle: 'Before we start',
  contactFormIntro: 'Tell us how to reach you in case we get disconnected.',
  name: 'Name',
  email: 'Email',
  phone: 'Phone number',
  requiredMark: 'required',
  optional: 'optional',
  startChat: 'Start chat',
  saving: 'Saving…',
  saved: 'Thanks, you are all set.',
  fieldRequired: (label) => `${label} is required.`,
  invalidEmail: 'Enter a valid email address, like name@example.com.',
  invalidPhone: 'Enter the number in international format, like +14155550123.',
  contactSaveFailed: 'Your details could not be saved. Please try again.',

  widgetTitle: 'Chat with us',
  online: 'Online',
  away: 'Away',
  backAt: (time) => `Back at ${time}`,
  backTomorrow: (time) => `Back tomorrow at ${time}`,
  backOn: (day, time) => `Back on ${day} at ${time}`,
  closePanel: 'Close chat',
};

const locales: Record<string, Strings> = { en };

/** The strings for `locale` (`pt-BR` falls back to `pt`, then English). */
export function stringsFor(locale: string | undefined): Strings {
  if (!locale) return en;
  const tag = locale.toLowerCase();
  return locales[tag] ?? locales[tag.split('-')[0]] ?? en;
}
