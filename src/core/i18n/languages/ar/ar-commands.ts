/**
 * Arabic (Modern Standard) texts for the /pulse and /kudos command grammar.
 * Command words stay English (the parser reads English); the sentences around them explain them.
 * Examples use a Sunday–Thursday week (`sun-thu`, `thu`) as most Arabic-speaking workplaces do.
 * Every code span has a space (or line start) before its opening backtick so Slack formats it;
 * `rtlText` (format.ts) adds the direction marks when a message is rendered.
 */
import type { enCommands } from '../en/en-commands';

export const arCommands: Record<keyof typeof enCommands, string> = {
  'usage.pulse': '{commands}',
  'help.pulse.help':
    '*أوامر `/pulse`* (لمديري الفريق؛ ويمكن للجميع استخدام `/pulse mine` و `/pulse forget-me` و `/pulse away` و `/pulse kudos` و `/pulse help`)',
  'help.section.setup': '*الإعداد*',
  'help.pulse.setup': '• `/pulse setup`: اجعل هذه القناة فريقًا، وتكون أنت مديره',
  'help.pulse.schedule': [
    '• `/pulse schedule thu 14:00`: أرسل الاستطلاعات في هذه الأيام وفي هذا الوقت، حسب المنطقة الزمنية لكل عضو (ويعمل `sun,wed 9:30` أيضًا؛ تُكتب الأيام بالإنجليزية: sun الأحد، mon الاثنين، tue الثلاثاء، wed الأربعاء، thu الخميس، fri الجمعة، sat السبت)',
    '• `/pulse schedule off`: أوقف الاستطلاعات المجدولة',
  ].join('\n'),
  'help.pulse.now': '• `/pulse now`: افتح جولة استطلاع فورًا',
  'help.pulse.status': '• `/pulse status`: عدد من أجابوا في الجولة المفتوحة (أعداد فقط، ولا أسماء أبدًا)',
  'help.section.results': '*اطّلع على ما قاله الفريق*',
  'help.pulse.summary': '• `/pulse summary 3`: ملخصات مجهولة الهوية لآخر الجولات (من 1 إلى 12، والافتراضي 1)',
  'help.pulse.symmetry': [
    '• `/pulse symmetry 8`: مزاج الفريق بجانب رضا العملاء خلال آخر الجولات',
    '• `/pulse config symmetry-lag 1`: قراءة العملاء بعد جولة بدلًا من الجولة نفسها (اختره قبل الاطلاع على النتائج؛ الافتراضي 0)',
  ].join('\n'),
  'help.pulse.mine': '• `/pulse mine`: إجاباتك أنت، ولا يراها غيرك',
  'help.pulse.export': '• `/pulse export`: ملف CSV بنتائج جولات الفريق (بحد إخفاء الهوية نفسه)، يُرسَل إليك بشكل خاص',
  'help.pulse.conversations':
    '• `/pulse conversations`: تعليقات الفريق المجهولة التي يمكنك رؤيتها، غير المُجاب عنها أولًا، مع محادثاتها؛ ورُدّ من هناك',
  'help.pulse.forget_me':
    '• `/pulse forget-me`: احذف كل ما يحتفظ به Symmetry عنك (إجاباتك واستطلاعاتك وإعداداتك) وأخفِ هويتك في سجلات التقدير',
  'help.pulse.away':
    '• `/pulse away until 2026-12-24` · `/pulse away 2w` · `/pulse away off`: أنت في إجازة (لا استطلاعات ولا تذكيرات ولا تُحتسب)؛ ويخبرك `/pulse away` حتى متى',
  'help.section.ask': '*اسأل وتصرّف*',
  'help.pulse.ask': [
    '• `/pulse ask ما مدى وضوح أولوياتنا؟`: أضف سؤالًا يُجاب عنه من 1 إلى 10 إلى الجولة التالية',
    '• `/pulse ask --text ما الذي يجب أن نبدأ بفعله؟`: أضف سؤالًا يُجاب عنه كتابةً',
  ].join('\n'),
  'help.pulse.questions': '• `/pulse questions`: اعرض الأسئلة المضافة؛ والأمر `/pulse unask 2` يحذف السؤال الثاني',
  'help.pulse.action': [
    '• `/pulse action سننقل اجتماع التخطيط إلى يوم الثلاثاء`: أخبر الفريق بما ستفعله بشأن ما قالوه',
    '• `/pulse action done 1`: ضع علامة «منجز» على ذلك الإجراء',
  ].join('\n'),
  'help.section.kudos': '*التقدير*',
  'help.pulse.kudos': [
    '• `/kudos @alex لإصلاحه عملية النشر #teamwork`: اشكر شخصًا أمام الجميع',
    '• `/pulse kudos 4`: من منح أكبر قدر من التقدير ومن تلقاه في الأسابيع الأخيرة (الافتراضي 4)',
  ].join('\n'),
  'help.section.settings': '*الإعدادات*',
  'help.pulse.config': [
    '• `/pulse config`: اعرض إعدادات هذا الفريق',
    '• `/pulse config threshold 5`: أقل عدد من الإجابات قبل عرض أي شيء (من 3 إلى 10)',
    '• `/pulse config window 3d` · `reminder 24h` (أو `off`): مدة بقاء الجولة مفتوحة، وموعد التذكير (`d` للأيام، و `h` للساعات)',
    '• `/pulse config holidays 2026-12-24,2026-12-25` (أو `none`) · `workdays sun-thu` · `timezone Asia/Riyadh`',
    '• `/pulse config language ar` ({languages}) · `channel #team-pulse` · `managers add @alex` (أو `remove`)',
    '• `/pulse config admins add @alex` (أو `remove`، أو `list`): مسؤولو المؤسسة، الذين يرون كل الفرق في لوحة المتابعة',
    '• `/pulse config kudos-emoji :clap: :taco:` · `kudos-channel #kudos` (أو `off`) · `kudos-limit 5` · `values teamwork,customer-care`',
  ].join('\n'),
  'usage.kudos':
    'طريقة الاستخدام: `/kudos @alex لإصلاحه عملية النشر #teamwork`. اشكر شخصًا أو أكثر (اخترهم من قائمة @)، واذكر السبب، وأضف في النهاية وسومًا تبدأ بـ #: من قيم الفريق أو من كلماتك أنت.',
  'parse.too_long': 'عدد الأحرف {length}، والحد الأقصى للأمر `{command}` هو {max}. يُرجى الاختصار والمحاولة مرة أخرى.',
  'parse.unknown_subcommand': '`/pulse {command}` ليس أمرًا. جرّب `/pulse help` لعرض جميع الأوامر.',
  'parse.unknown_subcommand_suggest':
    '`/pulse {command}` ليس أمرًا. هل تقصد `/pulse {suggestion}`؟ الأمر `/pulse help` يعرض جميع الأوامر.',
  'parse.unexpected_args': 'الأمر `/pulse {command}` لا يقبل `{extra}`. استخدمه هكذا: `{usage}`.',
  'parse.bad_number':
    'الأمر `/pulse {command}` يقبل عددًا صحيحًا من {min} إلى {max}، مثل `{usage}`؛ والقيمة `{value}` ليست كذلك.',
  'parse.schedule_missing':
    'الأمر `/pulse schedule` يحتاج إلى أيام ووقت، مثل `/pulse schedule thu 14:00`، أو `/pulse schedule off` لإيقاف الاستطلاعات.',
  'parse.schedule_missing_days':
    'الأمر `/pulse schedule` يحتاج إلى يوم واحد على الأقل قبل الوقت، مثل `/pulse schedule thu {time}` (الأيام بالإنجليزية: sun, mon, tue, wed, thu, fri, sat).',
  'parse.schedule_missing_time':
    'الأمر `/pulse schedule` يحتاج إلى وقت بعد الأيام، مثل `/pulse schedule {days} 14:00`.',
  'parse.schedule_two_times':
    'الأمر `/pulse schedule` يقبل وقتًا واحدًا، لا `{first}` و `{second}` معًا. للجدول وقت واحد، مثل `/pulse schedule sun,wed 14:00`.',
  'parse.bad_day':
    '`{value}` ليس يومًا: استخدم الاختصارات الإنجليزية sun أو mon أو tue أو wed أو thu أو fri أو sat (من الأحد إلى السبت)، مفصولة بفواصل (مثل `sun,tue,thu`) أو على شكل نطاق (مثل `sun-thu`).',
  'parse.bad_time': '`{value}` ليس وقتًا: استخدم نظام 24 ساعة بالصيغة HH:MM، مثل 14:00.',
  'parse.ask_missing':
    'الأمر `/pulse ask` يحتاج إلى سؤال، مثل `/pulse ask ما مدى وضوح أولوياتنا؟` (يُجاب عنه من 1 إلى 10) أو `/pulse ask --text ما الذي يجب أن نبدأ بفعله؟` (يُجاب عنه كتابةً).',
  'parse.question_too_short': 'عدد أحرف هذا السؤال {length} فقط؛ يُرجى ألا يقل عن {min}.',
  'parse.question_too_long': 'عدد أحرف هذا السؤال {length}؛ يُرجى ألا يتجاوز {max}.',
  'parse.unask_missing':
    'الأمر `/pulse unask` يحتاج إلى رقم السؤال المراد حذفه، مثل `/pulse unask 2`. والأمر `/pulse questions` يعرض الأرقام.',
  'parse.bad_index': '`{value}` ليس رقمًا صالحًا: استخدم عددًا صحيحًا من 1 إلى {max}، مثل `{usage}`.',
  'parse.action_missing':
    'الأمر `/pulse action` يحتاج إلى ما ستفعله، مثل `/pulse action سننقل اجتماع التخطيط إلى يوم الثلاثاء`، أو `/pulse action done 1` لإغلاق إجراء.',
  'parse.action_done_missing': 'الأمر `/pulse action done` يحتاج إلى رقم الإجراء، مثل `/pulse action done 1`.',
  'parse.action_too_long': 'عدد أحرف هذا الإجراء {length}؛ يُرجى ألا يتجاوز {max}.',
  'parse.config_unknown_key': '`{key}` ليس إعدادًا. الإعدادات المتاحة: {keys}.',
  'parse.config_missing_value': 'الأمر `/pulse config {key}` يحتاج إلى قيمة، مثل `{usage}`.',
  'parse.bad_duration': '`{value}` ليست مدة بين {min} و {max}: استخدم الساعات أو الأيام (`h` أو `d`)، مثل `{usage}`.',
  'parse.bad_reminder':
    '`{value}` ليست مهلة تذكير صالحة: استخدم عدد ساعات من {min} إلى {max}، مثل `/pulse config reminder 24h`، أو `/pulse config reminder off` لإلغاء التذكير.',
  'parse.bad_date':
    '`{value}` ليس تاريخًا: استخدم الصيغة yyyy-MM-dd، مثل 2026-12-25، مع الفصل بين التواريخ بفواصل، أو `none` لمسح العطل.',
  'parse.too_many_items': 'الأمر `/pulse config {key}` يقبل {max} على الأكثر، والمُدخَل هنا {count}.',
  'parse.bad_timezone': '`{value}` ليست منطقة زمنية: استخدم اسمًا من قاعدة IANA مثل Asia/Riyadh أو Europe/Paris أو UTC.',
  'parse.bad_language': '`{value}` ليست لغة يتحدثها البوت: استخدم {languages}.',
  'parse.bad_channel': '`{value}` ليست قناة: اختر قناة من قائمة #، مثل `{usage}`.',
  'parse.admins_missing':
    'يحتاج `/pulse config admins` إلى `add` أو `remove` وشخص أو أكثر، مثل `/pulse config admins add @alex`، أو إلى `list`.',
  'parse.managers_missing':
    'الأمر `/pulse config managers` يحتاج إلى `add` (إضافة) أو `remove` (إزالة) وإلى شخص أو أكثر، مثل `/pulse config managers add @alex`.',
  'parse.not_a_user': '`{value}` ليس شخصًا: اختر أحدًا من قائمة @، مثل `{usage}`.',
  'parse.bad_emoji':
    '`{value}` ليس اسم رمز تعبيري: استخدم أسماء بين نقطتين رأسيتين، مثل `/pulse config kudos-emoji :clap: :taco:`.',
  'parse.bad_value_name':
    '`{value}` ليس اسم قيمة صالحًا: استخدم حروفًا وأرقامًا وشرطات، مثل `/pulse config values teamwork,customer-care`، أو `none` لمسح القيم.',
  'parse.kudos_missing_recipient':
    'الأمر `/kudos` يحتاج أولًا إلى شخص تشكره، مثل `/kudos @alex لإصلاحه عملية النشر #teamwork`.',
  'parse.kudos_missing_reason':
    'الأمر `/kudos` يحتاج إلى سبب بعد الأشخاص، مثل `/kudos {recipients} لإصلاحه عملية النشر`.',
  'parse.kudos_reason_too_long': 'عدد أحرف هذا السبب {length}؛ يُرجى ألا يتجاوز {max}.',
  'parse.kudos_too_many_tags': 'عدد الوسوم هنا {count}؛ يُرجى ألا يتجاوز {max}.',
  'parse.away_bad':
    '`{value}` ليس يومًا ولا مدة إجازة: استخدم `/pulse away until 2026-12-24` (yyyy-MM-dd، آخر يوم في إجازتك) أو `/pulse away 2w` أو `/pulse away 10d` (حتى {max} يومًا) أو `/pulse away off`.',
  'parse.bad_driver': '`{value}` ليس محركًا. المحركات هي: {drivers}. مثال: `/pulse config drivers off autonomy`.',
  'parse.drivers_usage':
    'اكتب `on` أو `off` ومحركًا واحدًا، مثل `/pulse config drivers off autonomy`. المحركات هي: {drivers}.',
  'help.pulse.drivers':
    '• `/pulse drivers`: آخر درجة لكل محرك واتجاهها، ومجالات التركيز، والمحركات التي تتحرك مع المزاج (يُطبق الحد الأدنى)',
};
