//! The words that tell a name from the text around it, for `entities
//! suggest`: what ends a name (function words, verbs of speech, time words),
//! what announces one (roles, verbs of speech, prepositions of place), and the
//! common given names that start one. The cue words shared with the matcher
//! are in [`crate::arabic::cues`]. Everything is looked up by matching key.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::arabic::dates::{MonthNames, WEEKDAYS};
use crate::arabic::key;
use crate::arabic::stopwords::function_word_keys;

/// What a word is, for the rules of [`super::candidates`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClass {
    /// A name never runs through it.
    pub stop: bool,
    /// A verb of speech (قال، أكد): a person's name often follows.
    pub speech: bool,
    /// A role in the construct state (رئيس، وزير، المتحدث): its complement,
    /// then a person's name, follow.
    pub role: bool,
    /// A noun inside a role's complement (مجلس، وزارة، خارجية).
    pub complement: bool,
    /// A word that qualifies a title without being a name (السابق).
    pub modifier: bool,
    /// A preposition of place (في، إلى، قرب).
    pub locative: bool,
    /// A common given name (محمد، أحمد): a person's name starts here.
    pub given_name: bool,
    /// A subject of a verb of speech that is no one's name (مسؤول، مصدر).
    pub common_subject: bool,
    /// "According to" (وفقا، بحسب، نقلا): an outlet's name often follows.
    pub according: bool,
    /// A statement (تصريح، قال): the outlet it was made to may follow with ل.
    pub statement: bool,
    /// A definite noun of profession (الفنانة، المخرج، اللاعب): a person's
    /// name follows, after the adjectives that qualify it.
    pub profession: bool,
    /// A minister or a ministry (وزير، وزارة): a field of government follows.
    pub ministry: bool,
    /// A feminine verb of reporting (نقلته، أوردت): an outlet, as agencies
    /// are feminine (وكالة), often follows.
    pub reporting: bool,
    /// A verb of ranking (حل، جاء، احتل): in a race or a ranking, a
    /// competitor's name and the place they came follow.
    pub ranking: bool,
    /// A role in the dual (وزيرا الخارجية، الرئيسان): two names joined by و
    /// follow its complement.
    pub dual_role: bool,
    /// A place in a ranking (ثانيا، ثالثا): it closes the competitor's name.
    pub rank: bool,
    /// An honorific that may stand right before a name (فخامة شوكت
    /// ميرزيوييف، معالي أحمد الصايغ), not only before a title (سمو الأمير).
    pub honorific: bool,
}

/// Verbs of speech and announcement, masculine (the feminine ones have
/// countries, outlets and institutions for subjects as often as women).
#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "قال", "أكد", "صرح", "أضاف", "أوضح", "أشار", "شدد", "اعتبر", "رأى", "ذكر", "أعلن", "كشف", "دعا", "طالب", "نفى",
    "حذر", "تابع", "لفت", "أفاد", "نقل", "أبلغ", "وصف", "اتهم", "هدد", "رحب", "أعرب", "يقول", "يرى", "أردف",
    "استطرد", "التقى", "استقبل",
];

/// Statements: the outlet they were made to follows with ل (في تصريح لهسبريس).
#[rustfmt::skip]
const STATEMENTS: &[&str] = &[
    "تصريح", "تصريحات", "حديث", "مقابلة", "تصريحه", "حديثه", "مقابلته", "تصريحاته", "قال", "صرح", "أكد", "أوضح",
    "أضاف", "أشار",
];

/// "According to": an outlet (or a person) follows.
#[rustfmt::skip]
const ACCORDING: &[&str] = &["وفقا", "وفق", "بحسب", "حسب", "نقلا", "طبقا"];

/// Nouns that make compound prepositions (في ظل، في إطار، عن طريق): no
/// place follows a preposition through them.
#[rustfmt::skip]
const PREPOSITION_NOUNS: &[&str] = &[
    "حسبما", "ظل", "إطار", "سياق", "أعقاب", "ضوء", "صدد", "مجال", "حال", "وقت", "أثناء", "غضون", "خضم", "مقابل",
    "اتجاه", "صفوف", "أوساط", "إثر", "عقب", "جانب", "طريق", "ختام", "بداية", "نهاية", "مطلع", "منتصف", "أواخر", "أوائل",
    "حين", "حديث", "تصريحات", "تصريح", "مقابلة", "بيان", "كلمة", "رسالة", "تقرير", "اتصال",
];

/// Roles that govern a complement before the name (وزير الخارجية الأمريكي
/// أنتوني بلينكن، المتحدث باسم الكرملين دميتري بيسكوف).
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "رئيس", "رئيسة", "وزير", "وزيرة", "أمير", "ملك", "سفير", "سفيرة", "نائب", "نائبة", "مدير", "مديرة", "أمين",
    "قائد", "زعيم", "مستشار", "مبعوث", "المبعوث", "المتحدث", "المتحدثة", "الناطق", "الناطقة", "متحدث", "ناطق",
    "مندوب", "ممثل", "محافظ", "عضو", "عمدة", "حاكم", "الأمين", "مساعد", "منسق", "قائد", "رئيس", "ولي", "مفتي",
    "مرشح", "وكيل", "نقيب", "المدير", "المديرة", "مفوض", "المفوض", "المفوضة", "المنسق", "المنسقة", "مدرب",
    "مدربة", "بطريرك",
    // Honorifics: معالي الوزير، سمو الشيخ، جلالة الملك.
    "معالي", "سمو", "جلالة", "فخامة", "سعادة", "سماحة", "حضرة", "صاحب",
];

/// Roles in the dual, in the construct state (وزيرا الخارجية) or definite
/// (الرئيسان). Not the accusative singular, which وزيرا and رئيسا also
/// write (عين وزيرا للخارجية), as the construct takes no ل.
#[rustfmt::skip]
const DUAL_ROLES: &[&str] = &[
    "وزيرا", "رئيسا", "سفيرا", "زعيما", "الرئيسان", "الوزيران", "الزعيمان", "القائدان", "السفيران", "المبعوثان",
    "الأميران", "الملكان",
];

/// The honorifics among [`ROLES`] that may also stand right before a name.
/// Not سعادة, which is also "happiness", nor صاحب and حضرة, which govern
/// nouns.
const HONORIFICS: &[&str] = &["فخامة", "معالي", "جلالة", "سماحة", "سمو"];

/// Nouns inside a role's complement: the name has not started yet.
#[rustfmt::skip]
const COMPLEMENTS: &[&str] = &[
    "مجلس", "وزارة", "هيئة", "حزب", "حركة", "جماعة", "لجنة", "مكتب", "جهاز", "قوات", "منظمة", "اتحاد", "جامعة",
    "مركز", "شركة", "بنك", "صندوق", "باسم", "شؤون", "إدارة", "دائرة", "مؤسسة", "خارجية", "دفاع", "داخلية", "مالية",
    "حكومة", "جيش", "أركان", "الأركان", "العهد", "عام", "العام", "الأعلى", "سلطة", "كتلة", "تحالف", "جبهة", "رابطة",
    "نقابة", "برلمان", "دولة", "مجموعة", "وحدة", "فرع", "بعثة", "لواء", "فرقة", "كتيبة", "محكمة", "نيابة", "بلدية",
    "غرفة", "وكالة", "برنامج", "مفوضية", "معهد",
];

/// Feminine verbs of reporting, bare or with the object pronoun (بحسب ما
/// نقلته رويترز، ونقلت سانا عن مصادر). A country or an institution is as
/// often their subject, so the name after them must look like none.
#[rustfmt::skip]
const REPORTING_VERBS: &[&str] = &[
    "نقلت", "نقلته", "نقلتها", "أوردت", "أوردته", "أوردتها", "ذكرته", "ذكرتها", "نشرته", "نشرتها", "بثته", "بثتها",
];

/// Ministers and ministries, before the field they govern (وزارة السياحة);
/// not الوزير, a title before a name (الوزير الشيباني), nor وزراء, before a
/// nationality (رئيس وزراء العراق).
const MINISTRIES: &[&str] = &["وزير", "وزيرة", "وزارة", "وزارات"];

/// Definite nouns of profession that stand in apposition before a person's
/// name, like a title (الفنانة المصرية يسرا، المخرج الكوري بونغ جون هو،
/// اللاعب محمد صلاح). Left out: العالم ("the world" as often as "the
/// scientist"), nouns that also name institutions' staff in general, and
/// feminines that are ordinary words (الدراجة "the bicycle", المعارضة "the
/// opposition", الملاكمة "boxing").
#[rustfmt::skip]
const PROFESSIONS: &[&str] = &[
    "الفنان", "الفنانة", "الممثل", "الممثلة", "المخرج", "المخرجة", "المغني", "المغنية", "المطرب", "المطربة",
    "الموسيقار", "الملحن", "الكاتب", "الكاتبة", "الروائي", "الروائية", "الشاعر", "الشاعرة", "الأديب", "الأديبة",
    "المفكر", "المؤرخ", "الصحفي", "الصحفية", "الصحافي", "الصحافية", "الإعلامي", "الإعلامية", "المذيع", "المذيعة",
    "المصور", "المصورة", "الرسام", "الرسامة", "اللاعب", "اللاعبة", "المدرب", "المدربة", "النجم", "النجمة",
    "الحارس", "المهاجم", "الملاكم", "الباحث", "الباحثة", "الناشط", "الناشطة", "الحقوقي", "الحقوقية", "الأكاديمي",
    "البروفيسور", "المهندس", "المهندسة", "الطبيب", "الطبيبة", "الداعية", "المعارض", "العداء", "العداءة", "الدراج",
    "المدافع", "الظهير", "المصارع", "البطل", "البطلة", "المؤرخة", "المفكرة", "الملحنة",
];

/// Words after a title that qualify it (الرئيس السابق، الرئيس المخلوع، الإمام
/// الأكبر).
#[rustfmt::skip]
const MODIFIERS: &[&str] =
    &["السابق", "السابقة", "الحالي", "الحالية", "الأسبق", "الراحل", "الراحلة", "المخلوع", "المنتخب", "الجديد", "المؤقت", "الأكبر"];

/// Prepositions of place before a name (في سوريا، إلى موسكو، قرب حلب).
#[rustfmt::skip]
const LOCATIVES: &[&str] = &[
    "في", "إلى", "الى", "من", "قرب", "داخل", "خارج", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي",
    "غربي", "أنحاء", "بمدينة", "ضواحي", "أطراف", "حدود",
];

/// Words of time: a name never runs through them (بوتين الأربعاء).
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "اليوم", "أمس", "غدا", "صباح", "مساء", "ليلة", "الماضي", "الماضية", "المقبل", "المقبلة", "الجاري", "الحالي",
    "عام", "العام", "الشهر", "الأسبوع", "يوم", "الأحد", "الليلة", "صباحا", "مساء", "ظهر", "فجر", "حاليا", "سابقا",
    "لاحقا", "سنة", "السنة", "عامي", "سنوات",
];

/// Other words no name runs through: "that", "last", "other", "himself".
#[rustfmt::skip]
const OTHER_STOPS: &[&str] = &[
    "به", "بها", "بهم", "بأن", "بان", "كأن", "آخر", "أخرى", "آخرين", "أول", "أولى", "نفسه", "نفسها", "ذاته",
    "ذاتها", "جميع", "مختلف", "عدد", "واحد", "واحدة",
    // "Especially", "in particular".
    "خاصة", "خصوصا", "لاسيما",
    // "Despite": a preposition, as closed a class as في.
    "رغم", "برغم", "رغما",
    // Prepositions made of a noun: "about", "because of", "according to",
    // "due to", "towards".
    "بشأن", "بسبب", "بحسب", "جراء", "إزاء", "تجاه",
    // ما fused with a preposition: "with what", "of what", "about what".
    "بما", "مما", "عما", "لما", "فيما",
    // "Known as": the name a person goes by follows (المعروف بـ«حميدتي»).
    "المعروف", "المعروفة", "الملقب", "الملقبة", "المكنى", "المكناة",
    // Honorifics after a ruler's name (السلطان هيثم بن طارق المعظم، الملك
    // سلمان حفظه الله): the name has ended.
    "المعظم", "المفدى", "حفظه", "حفظها", "رعاه", "أيده", "رحمه", "رحمها",
    // Professions in apposition after a name (لاندو نوريس سائق مكلارين).
    "سائق", "سائقة", "لاعب", "لاعبة", "مهاجم", "حارس", "مدرب", "مدربة",
];

/// Verbs in the past that news puts right after a title or a role (الرئيس
/// عقد لقاء، ولي العهد بعث برقية): the name was left out, and the verb is
/// none. Also with the feminine ت (الوزيرة ترأست).
#[rustfmt::skip]
const ACTION_VERBS: &[&str] = &[
    "عقد", "بحث", "زار", "وصل", "غادر", "شارك", "ترأس", "افتتح", "تلقى", "بعث", "أجرى", "وقع", "أصدر", "قرر",
    "وجه", "أشاد", "هنأ", "عزى", "تسلم", "ألقى", "استعرض", "ناقش", "تفقد", "دشن", "أرسل", "رعى", "أدى",
    "سجل", "أحرز", "حقق", "فاز", "منح", "نفذ",
];

/// Verbs of ranking, masculine and feminine (فيما حل شارل لوكلير ثالثا،
/// وجاءت فاطمة الزهراء ثانية).
const RANKING_VERBS: &[&str] = &["حل", "حلت", "جاء", "جاءت", "احتل", "احتلت"];

/// Places in a ranking, as adverbs: they close the competitor's name.
#[rustfmt::skip]
const RANKS: &[&str] = &[
    "أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا", "ثانية", "ثالثة",
    "رابعة", "خامسة", "وصيفا", "وصيفة",
];

/// Subjects of verbs of speech that name no one (قال مسؤول، أكد مصدر).
#[rustfmt::skip]
const COMMON_SUBJECTS: &[&str] = &[
    "مسؤول", "مسؤولون", "مصدر", "مصادر", "متحدث", "شهود", "سكان", "ناشطون", "ناشط", "محللون", "محلل", "خبراء",
    "خبير", "تقرير", "بيان", "مراقبون", "دبلوماسي", "دبلوماسيون", "مسؤولين", "مراسل", "مصدرا", "أحد", "بعض", "كثير",
    "عدد", "آخرون", "مواطنون", "مواطن", "شاهد", "مسعفون", "مصدران", "وزير", "رئيس", "نائب", "عضو", "مدير", "قائد",
    "أكثر", "أنه", "أنها", "إنه", "إنها", "الى", "إلى", "له", "لها", "لهم", "فيه", "خلاله", "بيانا", "تقريرا",
    "اتفاق", "اتفاقا", "عددا",
    // People of a trade or a place, as a story quotes them (يقول تاجر عسل،
    // قال صياد من الخوخة).
    "تاجر", "تجار", "صياد", "صيادون", "مزارع", "مزارعون", "سائق", "طالب", "موظف", "عامل", "عمال", "طبيب", "معلم",
    "أهالي", "زائر", "زوار",
    // Figures and findings: وفق أرقام المرصد, according to no outlet.
    "أرقام", "بيانات", "إحصاءات", "إحصائيات", "معطيات", "تقديرات", "نتائج",
];

/// Common given names: a name starts at them. Those that are also ordinary
/// words (أمل "hope", نور "light", سلام "peace", جمال "beauty") are left out;
/// علي is taken only as written with ي (على is "on").
#[rustfmt::skip]
const GIVEN_NAMES: &[&str] = &[
    "محمد", "أحمد", "علي", "حسن", "حسين", "محمود", "مصطفى", "إبراهيم", "يوسف", "خالد", "عمر", "عثمان", "سعيد",
    "سعد", "فيصل", "ناصر", "سلمان", "عبد", "عبدالله", "عبدالرحمن", "عبدالعزيز", "طارق", "وليد", "وائل", "ماهر",
    "بشار", "رامي", "سامي", "فادي", "نبيل", "سمير", "هشام", "عادل", "ماجد", "زياد", "بسام", "أنس", "فراس", "غسان",
    "نزار", "فاطمة", "مريم", "ليلى", "سارة", "رنا", "هدى", "سلمى", "ريم", "دينا", "لينا", "هالة", "زينب", "رشا",
    "نادية", "ياسمين", "سمر", "عائشة", "خديجة", "نجيب", "نبيه", "رفيق", "جبران", "ميشال", "ميشيل", "جورج", "إلياس",
    "جوزيف", "حمد", "تميم", "زايد", "راشد", "منصور", "سلطان", "صالح", "عبدالفتاح", "مسعود", "مهدي", "جواد", "قاسم",
    "حيدر", "نوري", "إياد", "أيمن", "هاني", "مازن", "رياض", "كمال", "جميل", "شريف", "أسامة", "حمزة", "بلال", "عمار",
    "ياسر", "معاذ", "إسماعيل", "إسحاق", "موسى", "عيسى", "داود", "سليمان", "يحيى", "زكريا", "هادي", "رضا", "جعفر",
    "باقر", "مقتدى", "نعيم", "ياسين", "أبو", "فلاديمير", "دونالد", "جو", "إيمانويل", "سيرغي", "سيرجي", "بنيامين",
    "أنتوني", "أولاف", "ديفيد", "جون", "مايك", "مايكل", "كير", "ريشي", "بوريس", "أنجيلا", "كامالا", "هيلاري",
    "باراك", "رجب", "هاكان", "نيكولاس", "فولوديمير", "ديمتري", "دميتري", "ألكسندر", "أليكسي", "ألكسي", "ماريا",
    "جيمس", "روبرت", "ويليام", "وليام", "توماس", "بيتر", "بول",
    // Common given names of Europe and the Americas, as Arabic news spells
    // them: foreign names often stand with no title before them.
    "سيباستيان", "كارلوس", "لويس", "هانس", "إدوارد", "خوسيه", "خوان", "ماركو", "ماريو", "فرانسوا", "بيير",
    "فرانك", "أندريه", "أنطونيو", "ستيفان", "ستيفن", "مارك", "ماتيو", "لوكا", "باولو", "كريستيان", "توني",
    "إيلون", "أوليفييه", "نيكولا", "فيليب", "ريتشارد", "تشارلز", "هنري", "إريك", "ستيف", "أندرو", "ماثيو",
    "دانيال", "مارتن", "كيفن", "ليونيل", "كريستيانو", "فرانشيسكو", "جوزيبي", "ألبرتو", "فرناندو", "رودريغو",
    // More common given names of the Arab world, men's and women's; those
    // that are also ordinary words (إيمان "faith", أمل، هند "India", منى
    // the place, وفاء، سهام "arrows", تغريد "tweet") are left out.
    "أكرم", "أنور", "أيوب", "إدريس", "باسل", "بكر", "تامر", "توفيق", "ثامر", "جلال", "حاتم", "حازم", "حامد", "حسام",
    "حمدي", "خليل", "رائد", "رامز", "رشيد", "رضوان", "زهير", "سامح", "شادي", "شاكر", "صبري", "طلال", "عاطف", "عامر",
    "عدنان", "عصام", "علاء", "عماد", "عمرو", "غازي", "فؤاد", "فتحي", "فهد", "فوزي", "قيس", "لؤي", "مجدي", "مراد",
    "مروان", "مصعب", "معتز", "ممدوح", "منذر", "مهند", "نادر", "ناجي", "نواف", "هيثم", "وجدي", "يونس", "إيهاب", "بهاء",
    "تيسير", "سليم", "شوقي", "ضياء", "لطفي", "محسن", "مدحت", "مرتضى", "منير", "نزيه", "يعقوب", "آمنة", "أمينة",
    "حليمة", "خلود", "رانيا", "رباب", "رحاب", "رقية", "ريهام", "سعاد", "سميرة", "سناء", "سوزان", "شيماء", "عبلة",
    "عفاف", "غادة", "غزلان", "فدوى", "لبنى", "لمياء", "ماجدة", "مها", "ميساء", "ميسون", "نبيلة", "نجلاء", "نجوى",
    "نسرين", "نهى", "نوال", "هيفاء", "يسرى", "ريما", "رولا", "كوثر", "نادين", "جيهان", "ابتسام",
];

/// Ordinals, which close a ruler's name (محمد السادس، عبدالله الثاني) and
/// follow a rank (الملازم الأول).
#[rustfmt::skip]
static ORDINALS: WordKeys = WordKeys::new(&[
    "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر", "الحادي",
]);

/// Whether a word key is an ordinal (الثاني).
pub fn is_ordinal(word_key: &str) -> bool {
    ORDINALS.contains(word_key)
}

/// A list of words looked up by their matching keys, which are made once,
/// on the first lookup.
pub(super) struct WordKeys {
    words: &'static [&'static str],
    keys: OnceLock<FxHashSet<String>>,
}

impl WordKeys {
    pub(super) const fn new(words: &'static [&'static str]) -> Self {
        WordKeys { words, keys: OnceLock::new() }
    }

    /// Whether a word key is the key of one of the words.
    pub(super) fn contains(&self, word_key: &str) -> bool {
        self.keys.get_or_init(|| self.words.iter().map(|w| key(w)).collect()).contains(word_key)
    }
}

/// Particles inside names: a name runs through them (محمد بن سلمان، أبو مازن).
#[rustfmt::skip]
pub const NAME_PARTICLES: &[&str] = &["بن", "ابن", "بنت", "أبو", "أبي", "آل", "عبد", "ولد", "دي", "فون", "دير"];

fn table() -> &'static FxHashMap<String, WordClass> {
    static TABLE: OnceLock<FxHashMap<String, WordClass>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: FxHashMap<String, WordClass> = FxHashMap::default();
        let mut mark = |words: &mut dyn Iterator<Item = String>, set: fn(&mut WordClass)| {
            for word in words {
                set(table.entry(word).or_default());
            }
        };
        let keys = |words: &'static [&'static str]| words.iter().map(|w| key(w));
        mark(&mut function_word_keys().iter().cloned(), |c| c.stop = true);
        mark(&mut keys(TIME_WORDS), |c| c.stop = true);
        mark(&mut keys(OTHER_STOPS), |c| c.stop = true);
        let feminine = |verb: String| match verb.strip_suffix(['ي', 'ا']) {
            Some(stem) => format!("{stem}ت"),
            None => format!("{verb}ت"),
        };
        mark(&mut keys(ACTION_VERBS).flat_map(|v| [feminine(v.clone()), v]), |c| c.stop = true);
        mark(&mut WEEKDAYS.iter().map(|w| key(w)), |c| c.stop = true);
        let months = MonthNames::ALL.iter().flat_map(|names| (1..=12).map(move |m| names.name(m)));
        mark(&mut months.filter_map(|m| m.split(' ').next()).map(key), |c| c.stop = true);
        mark(&mut keys(SPEECH_VERBS), |c| {
            c.stop = true;
            c.speech = true
        });
        mark(&mut keys(SPEECH_VERBS).flat_map(|v| [format!("و{v}"), format!("ف{v}")]), |c| {
            c.stop = true;
            c.speech = true
        });
        mark(&mut keys(ROLES), |c| {
            c.stop = true;
            c.role = true
        });
        mark(&mut keys(HONORIFICS), |c| c.honorific = true);
        mark(&mut keys(DUAL_ROLES).flat_map(|r| [format!("و{r}"), r]), |c| {
            c.stop = true;
            c.dual_role = true
        });
        mark(&mut keys(COMPLEMENTS), |c| c.complement = true);
        mark(&mut keys(MINISTRIES), |c| c.ministry = true);
        mark(&mut keys(REPORTING_VERBS), |c| {
            c.stop = true;
            c.reporting = true
        });
        mark(&mut keys(MODIFIERS), |c| {
            c.stop = true;
            c.modifier = true
        });
        mark(&mut keys(LOCATIVES), |c| {
            c.stop = true;
            c.locative = true
        });
        mark(&mut keys(COMMON_SUBJECTS), |c| c.common_subject = true);
        mark(&mut keys(ACCORDING), |c| {
            c.stop = true;
            c.according = true
        });
        mark(&mut keys(PREPOSITION_NOUNS), |c| c.stop = true);
        mark(&mut keys(STATEMENTS), |c| c.statement = true);
        mark(&mut keys(RANKING_VERBS).flat_map(|v| [format!("و{v}"), format!("ف{v}"), v]), |c| {
            c.stop = true;
            c.ranking = true
        });
        mark(&mut keys(RANKS), |c| {
            c.stop = true;
            c.rank = true
        });
        mark(&mut keys(GIVEN_NAMES), |c| c.given_name = true);
        mark(&mut keys(PROFESSIONS), |c| {
            c.stop = true;
            c.profession = true
        });
        for particle in NAME_PARTICLES {
            // A particle is never a stop, even where a list above has it.
            table.entry(key(particle)).or_default().stop = false;
        }
        table
    })
}

/// The class of a word, by its key.
pub fn class(word_key: &str) -> WordClass {
    table().get(word_key).copied().unwrap_or_default()
}

/// The class of a word that may carry و or ف (وفي، فقال، ووزير).
pub fn class_after_conjunction(word_key: &str) -> WordClass {
    let own = class(word_key);
    if own != WordClass::default() {
        return own;
    }
    word_key.strip_prefix(['و', 'ف']).filter(|rest| rest.chars().count() >= 2).map(class).unwrap_or_default()
}

/// Whether a word key is a number written in digits (2039، 63).
pub fn is_number(word_key: &str) -> bool {
    !word_key.is_empty() && word_key.chars().all(|c| c.is_ascii_digit())
}

/// Whether a word belongs to a date in a dateline: digits, a month, a day, في.
pub fn is_date_word(word_key: &str) -> bool {
    static KEYS: OnceLock<Vec<String>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        let months = MonthNames::ALL.iter().flat_map(|names| (1..=12).map(move |m| names.name(m)));
        months.flat_map(|m| m.split(' ')).chain(WEEKDAYS).chain(["في"]).map(key).collect()
    });
    is_number(word_key) || keys.iter().any(|k| k == word_key)
}

/// Whether the key is one of the particles inside names.
pub fn is_particle(word_key: &str) -> bool {
    static KEYS: WordKeys = WordKeys::new(NAME_PARTICLES);
    KEYS.contains(word_key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_classes() {
        type Check = fn(WordClass) -> bool;
        let table: [(&str, Check); 10] = [
            ("وقال", |c| c.speech && c.stop),
            ("الأربعاء", |c| c.stop),
            ("تموز", |c| c.stop),
            ("وزير", |c| c.role),
            ("الخارجية", |c| !c.stop),
            ("باسم", |c| c.complement),
            ("في", |c| c.locative && c.stop),
            ("مسؤول", |c| c.common_subject),
            ("محمد", |c| c.given_name && !c.stop),
            ("بن", |c| !c.stop),
        ];
        for (word, expected) in table {
            assert!(expected(class(&key(word))), "{word}: {:?}", class(&key(word)));
        }
    }
}
