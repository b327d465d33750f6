/** النصوص العربية لتسجيل الدخول إلى لوحة المتابعة والجلسات والرفض. */
export const arDashboardAuth = {
  'dashboard.login.title': 'تسجيل الدخول إلى Symmetry',
  'dashboard.login.intro':
    'تعرض لوحة المتابعة نتائج الفرق المجهولة لمن يحق لهم رؤيتها: المديرون فرقهم، ومسؤولو المؤسسة كل الفرق، وكل شخص إجاباته فقط.',
  'dashboard.login.slack': 'تسجيل الدخول عبر Slack',
  'dashboard.login.teams':
    'تستخدم Microsoft Teams؟ افتح تطبيق Symmetry وعلامة تبويب لوحة المتابعة: ستسجّل دخولك تلقائيًا.',
  'dashboard.login.expired': 'انتهت صلاحية تسجيل الدخول هذا أو سبق استخدامه. ابدأ من جديد بالزر أدناه.',
  'dashboard.login.denied': 'لم يسجّل Slack دخولك (ربما ألغيت العملية). حاول مجددًا عندما تكون مستعدًا.',
  'dashboard.login.unknown_workspace':
    'مساحة عملك لا تستخدم هذا التثبيت من Symmetry. سجّل الدخول بمساحة العمل التي تستخدمه، أو اطلب من المسؤول تثبيت Symmetry.',
  'dashboard.login.failed': 'تعذّر علينا التأكد من هويتك الآن. حاول مجددًا بعد دقيقة.',
  'dashboard.login.rate_limited': 'محاولات تسجيل دخول كثيرة من هذا العنوان. حاول مجددًا بعد {minutes} دقيقة.',
  'dashboard.login.signed_out': 'تم تسجيل خروجك.',
  'dashboard.logout': 'تسجيل الخروج',
  'dashboard.teams.title': 'جارٍ تسجيل دخولك عبر Microsoft Teams…',
  'dashboard.teams.failed':
    'تعذّر على Microsoft Teams تسجيل دخولك. افتح هذه الصفحة من علامة تبويب لوحة المتابعة في تطبيق Symmetry داخل Teams، أو اطلب من المسؤول التحقق من إعداد الدخول الموحّد للتطبيق.',
  'dashboard.error.session_ended': 'انتهت جلستك. سجّل الدخول مجددًا.',
  'dashboard.error.forbidden': 'لا يمكنك رؤية هذه الصفحة. يرى المديرون فرقهم، ويرى مسؤولو المؤسسة كل فرق مساحة عملهم.',
  'dashboard.error.not_found': 'لا توجد صفحة كهذه في لوحة المتابعة.',
  'dashboard.error.csrf': 'انتهت صلاحية هذا النموذج أو لم يأتِ من لوحة المتابعة. أعد تحميل الصفحة وحاول مجددًا.',
  'dashboard.error.bad_form': 'هذا الطلب ليس نموذجًا ترسله لوحة المتابعة، أو أنه كبير جدًا.',
  'dashboard.error.internal': 'حدث خطأ من جهتنا. حاول مجددًا بعد لحظة.',
};
