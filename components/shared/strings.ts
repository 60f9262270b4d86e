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
  liveUnavailable: string;

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

export const plural = (locale: string) => new Intl.PluralRules(locale);

/**
 * English, as far as the first load needs it (the launcher, cw-chat's error box, the title badge). The rest
 * joins this same object in `english.ts`, which every other part imports: it is complete before any of them
 * renders, so a chat can hand this object to its parts as their strings.
 */
const firstLoad: Pick<Strings, FirstLoadKey> = {
  $locale: 'en',
  $dir: 'ltr',
  configMissing: (missing) => `The chat is not set up: ${missing} missing.`,
  errorTitle: 'Something went wrong',
  retry: 'Try again',
  openChat: 'Open chat',
  closeChat: 'Close chat',
  unread: (count) => (plural('en').select(count) === 'one' ? '1 unread message' : `${count} unread messages`),
  titleUnread: (count) => `(${count})`,
};
export const en = firstLoad as Strings;

type FirstLoadKey = '$locale' | '$dir' | 'configMissing' | 'errorTitle' | 'retry' | 'openChat' | 'closeChat' | 'unread' | 'titleUnread';
/** The strings `english.ts` adds to `en`. */
export type LaterStrings = Omit<Strings, FirstLoadKey>;

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
