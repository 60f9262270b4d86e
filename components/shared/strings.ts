// Every text and aria-label the elements show. Other locales are objects of the same type, one module each in
// locales/, loaded by `loadStrings()` when a chat needs one.
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
  viewImage: (name: string) => string;
  imageOf: (index: number, total: number) => string;
  closeImage: string;
  previousImage: string;
  nextImage: string;
  openOriginal: string;
  uploading: string;
  cancelUpload: string;
  location: string;
  answered: string;
  submit: string;
  csatRating: (rating: number) => string;
  youChose: string;
  answerFailed: string;
  chooseOption: string;
  fieldInvalid: (label: string) => string;
  yes: string;
  no: string;
  emailPlaceholder: string;
  emailAnswered: string;
  csatLabel: string;
  /** The five levels of the emoji scale, from very unsatisfied (1) to very satisfied (5). */
  csatLevels: readonly [string, string, string, string, string];
  csatStars: (rating: number) => string;
  csatFeedbackLabel: string;
  csatSendFeedback: string;
  csatThanks: string;

  // cw-composer
  messageLabel: string;
  messagePlaceholder: string;
  send: string;
  contactFormFirst: string;
  conversationEnded: string;
  sendFailed: string;
  attachFiles: string;
  filesToSend: string;
  removeFile: (name: string) => string;
  dropFiles: string;
  fileTooLarge: (name: string, limit: string) => string;
  fileTypeRefused: (name: string) => string;
  tooManyFiles: (name: string, max: number) => string;
  filesAttached: (count: number) => string;

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
  endConversation: string;
  endConversationConfirm: string;
  endConversationYes: string;
  cancel: string;
  startNewConversation: string;
  /** Prefix of the page title while there are unread messages (`unread-in-title`). */
  titleUnread: (count: number) => string;
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
  viewImage: (name) => `View image ${name}`,
  imageOf: (index, total) => `Image ${index} of ${total}`,
  closeImage: 'Close',
  previousImage: 'Previous image',
  nextImage: 'Next image',
  openOriginal: 'Open the original',
  uploading: 'Uploading',
  cancelUpload: 'Cancel',
  location: 'Location',
  answered: 'Answered',
  submit: 'Submit',
  csatRating: (rating) => `Rated ${rating} out of 5`,
  youChose: 'You chose:',
  answerFailed: 'Your answer could not be sent. Please try again.',
  chooseOption: 'Choose…',
  fieldInvalid: (label) => `${label} is not in the expected format.`,
  yes: 'Yes',
  no: 'No',
  emailPlaceholder: 'name@example.com',
  emailAnswered: 'We will reach you at',
  csatLabel: 'Rate the conversation',
  csatLevels: ['Very unsatisfied', 'Unsatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
  csatStars: (rating) => (plural('en').select(rating) === 'one' ? '1 star' : `${rating} stars`),
  csatFeedbackLabel: 'Anything you would like to add? (optional)',
  csatSendFeedback: 'Send feedback',
  csatThanks: 'Thank you for your rating.',

  messageLabel: 'Message',
  messagePlaceholder: 'Type your message…',
  send: 'Send',
  contactFormFirst: 'Please fill in the form first.',
  conversationEnded: 'This conversation has ended.',
  sendFailed: 'The message could not be queued. Please try again.',
  attachFiles: 'Attach files',
  filesToSend: 'Files to send',
  removeFile: (name) => `Remove ${name}`,
  dropFiles: 'Drop files here to attach them',
  fileTooLarge: (name, limit) => `“${name}” is too large to send (the limit is ${limit}).`,
  fileTypeRefused: (name) => `“${name}” cannot be sent: this type of file is not accepted here.`,
  tooManyFiles: (name, max) => `“${name}” was not added: a message can carry at most ${max} files.`,
  filesAttached: (count) => (plural('en').select(count) === 'one' ? '1 file attached' : `${count} files attached`),

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
  endConversation: 'End conversation',
  endConversationConfirm: 'End this conversation? You can start a new one at any time.',
  endConversationYes: 'End it',
  cancel: 'Cancel',
  startNewConversation: 'Start a new conversation',
  titleUnread: (count) => `(${count})`,
};

type LocaleModule = Promise<{ default: Strings }>;

/** Every locale but English is a module of its own, downloaded only by a chat that shows it. */
const importers: Record<string, () => LocaleModule> = {
  ar: () => import('./locales/ar.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
  he: () => import('./locales/he.js'),
  it: () => import('./locales/it.js'),
  ja: () => import('./locales/ja.js'),
  nl: () => import('./locales/nl.js'),
  pl: () => import('./locales/pl.js'),
  pt: () => import('./locales/pt.js'),
  ru: () => import('./locales/ru.js'),
  tr: () => import('./locales/tr.js'),
  zh: () => import('./locales/zh.js'),
};

/** The strings for `locale` (BCP 47): `pt-BR` falls back to `pt`, an unknown tag to English. */
export async function loadStrings(locale = ''): Promise<Strings> {
  const tag = locale.toLowerCase();
  const key = [tag, tag.split('-')[0]].find((candidate) => Object.hasOwn(importers, candidate));
  try {
    return key ? (await importers[key]()).default : en;
  } catch {
    return en; // the module could not be downloaded: English until the next change of locale
  }
}
