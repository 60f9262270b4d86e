// العربية الفصحى. Counts take six forms: 0 → zero; 1 → one; 2 → two (the dual); 3–10 → few (plural noun);
// 11–99 → many (singular accusative noun); 100, 101, 102 → other (singular noun). One and two need no digit.
import type { Strings } from '../strings.js';

type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
const rules = new Intl.PluralRules('ar');
/** The form for `count`; `#` stands for the number. */
const plural = (count: number, forms: Forms) => (forms[rules.select(count)] ?? forms.other).replace('#', String(count));
/** A left-to-right example (a phone number) kept whole inside right-to-left text. */
const isolate = (text: string) => `\u2066${text}\u2069`;

const ar: Strings = {
  $locale: 'ar',
  $dir: 'rtl',

  chatLabel: 'الدردشة',
  configMissing: (missing) => `لم يتم إعداد الدردشة. الإعدادات الناقصة: ${missing}.`,
  errorTitle: 'حدث خطأ ما',
  retry: 'إعادة المحاولة',

  openChat: 'فتح الدردشة',
  closeChat: 'إغلاق الدردشة',
  unread: (count) => plural(count, {
    zero: 'لا توجد رسائل غير مقروءة', one: 'رسالة واحدة غير مقروءة', two: 'رسالتان غير مقروءتين',
    few: '# رسائل غير مقروءة', many: '# رسالة غير مقروءة', other: '# رسالة غير مقروءة',
  }),

  conversationLabel: 'المحادثة',
  loadingMessages: 'جارٍ تحميل الرسائل…',
  loadingOlder: 'جارٍ تحميل الرسائل السابقة…',
  emptyTitle: 'لا توجد رسائل بعد',
  emptyBody: 'اسألنا عن أي شيء، وسنرد عليك هنا.',
  loadFailed: 'تعذّر تحميل الرسائل.',
  jumpToLatest: 'الانتقال إلى أحدث رسالة',
  newMessages: (count) => plural(count, {
    zero: 'لا توجد رسائل جديدة', one: 'رسالة جديدة واحدة', two: 'رسالتان جديدتان',
    few: '# رسائل جديدة', many: '# رسالة جديدة', other: '# رسالة جديدة',
  }),
  typing: (name) => `${name} يكتب…`,
  someone: 'شخص ما',
  today: 'اليوم',
  yesterday: 'أمس',
  historyGap: 'قد تكون بعض الرسائل السابقة مفقودة. مرِّر لأعلى لتحميلها.',
  catchUpFailed: 'تعذّر التحقق من وجود رسائل جديدة. جارٍ إعادة المحاولة…',
  outboxExpired: 'حُذفت بعض الرسائل لأنها انتظرت الإرسال أكثر من يوم.',
  reconnecting: 'جارٍ إعادة الاتصال…',

  you: 'أنت',
  agent: 'فريق الدعم',
  bot: 'روبوت',
  sentAt: (time) => `أُرسلت في ${time}`,
  delivery: {
    sending: 'جارٍ الإرسال…', queued: 'في انتظار الاتصال بالشبكة', sent: 'تم الإرسال', delivered: 'تم التسليم',
    read: 'تمت القراءة', failed: 'لم يتم الإرسال',
  },
  retrySend: 'إعادة الإرسال',
  discard: 'حذف',
  deleted: 'تم حذف هذه الرسالة.',
  attachment: 'مرفق',
  download: 'تنزيل',
  openImage: 'فتح الصورة',
  viewImage: (name) => `عرض الصورة ${name}`,
  imageOf: (index, total) => `الصورة ${index} من ${total}`,
  closeImage: 'إغلاق',
  previousImage: 'الصورة السابقة',
  nextImage: 'الصورة التالية',
  openOriginal: 'فتح الملف الأصلي',
  uploading: 'جارٍ الرفع',
  cancelUpload: 'إلغاء',
  location: 'الموقع',
  answered: 'تمت الإجابة',
  submit: 'إرسال',
  csatRating: (rating) => `التقييم: ${rating} من 5`,
  youChose: 'اخترت:',
  answerFailed: 'تعذّر إرسال إجابتك. يُرجى المحاولة مرة أخرى.',
  chooseOption: 'اختر…',
  fieldInvalid: (label) => `صيغة حقل «${label}» غير صحيحة.`,
  yes: 'نعم',
  no: 'لا',
  emailPlaceholder: 'name@example.com',
  emailAnswered: 'سنتواصل معك على',
  csatLabel: 'قيّم المحادثة',
  csatLevels: ['سيئ جدًا', 'سيئ', 'مقبول', 'جيد', 'ممتاز'],
  csatStars: (rating) => plural(rating, {
    zero: 'بلا نجوم', one: 'نجمة واحدة', two: 'نجمتان', few: '# نجوم', many: '# نجمة', other: '# نجمة',
  }),
  csatFeedbackLabel: 'هل تودّ إضافة شيء؟ (اختياري)',
  csatSendFeedback: 'إرسال الملاحظات',
  csatThanks: 'شكرًا لتقييمك.',

  messageLabel: 'الرسالة',
  messagePlaceholder: 'اكتب رسالتك…',
  send: 'إرسال',
  contactFormFirst: 'يُرجى ملء النموذج أولًا.',
  conversationEnded: 'انتهت هذه المحادثة.',
  sendFailed: 'تعذّر وضع الرسالة في قائمة الإرسال. يُرجى المحاولة مرة أخرى.',
  attachFiles: 'إرفاق ملفات',
  filesToSend: 'الملفات المراد إرسالها',
  removeFile: (name) => `إزالة ${name}`,
  dropFiles: 'أفلت الملفات هنا لإرفاقها',
  fileTooLarge: (name, limit) => `حجم «${name}» أكبر من أن يُرسَل (الحد الأقصى ${limit}).`,
  fileTypeRefused: (name) => `لا يمكن إرسال «${name}»: هذا النوع من الملفات غير مقبول هنا.`,
  tooManyFiles: (name, max) => `لم تتم إضافة «${name}»: الحد الأقصى لعدد الملفات في الرسالة الواحدة هو ${max}.`,
  filesAttached: (count) => plural(count, {
    zero: 'لم يُرفَق أي ملف', one: 'تم إرفاق ملف واحد', two: 'تم إرفاق ملفين',
    few: 'تم إرفاق # ملفات', many: 'تم إرفاق # ملفًا', other: 'تم إرفاق # ملف',
  }),

  contactFormTitle: 'قبل أن نبدأ',
  contactFormIntro: 'أخبرنا كيف نتواصل معك إذا انقطع الاتصال.',
  name: 'الاسم',
  email: 'البريد الإلكتروني',
  phone: 'رقم الهاتف',
  requiredMark: 'مطلوب',
  optional: 'اختياري',
  startChat: 'بدء الدردشة',
  saving: 'جارٍ الحفظ…',
  saved: 'شكرًا، كل شيء جاهز.',
  fieldRequired: (label) => `حقل «${label}» مطلوب.`,
  invalidEmail: `أدخل عنوان بريد إلكتروني صالحًا، مثل ${isolate('name@example.com')}.`,
  invalidPhone: `أدخل الرقم بالصيغة الدولية، مثل ${isolate('+14155550123')}.`,
  contactSaveFailed: 'تعذّر حفظ بياناتك. يُرجى المحاولة مرة أخرى.',

  widgetTitle: 'تحدّث معنا',
  online: 'متصل',
  away: 'غير متاح',
  backAt: (time) => `نعود الساعة ${time}`,
  backTomorrow: (time) => `نعود غدًا الساعة ${time}`,
  backOn: (day, time) => `نعود يوم ${day} الساعة ${time}`,
  closePanel: 'إغلاق الدردشة',
  endConversation: 'إنهاء المحادثة',
  endConversationConfirm: 'هل تريد إنهاء هذه المحادثة؟ يمكنك بدء محادثة جديدة في أي وقت.',
  endConversationYes: 'إنهاء',
  cancel: 'إلغاء',
  startNewConversation: 'بدء محادثة جديدة',
  titleUnread: (count) => `(${count})`,
};

export default ar;
