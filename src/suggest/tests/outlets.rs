//! Evidence of outlets: nouns of outlet, لـ, credits, agencies in
//! parentheses, verbs of reporting.

use super::{Case, assert_one_name, check};
use crate::entities::Kind;

#[test]
fn outlets() {
    check(&[
        Case {
            rule: "the line that opens two articles, alone, is an outlet; a section's or a place's name is not",
            articles: &[
                "الحرة:\n\nأعلنت الحكومة خطة جديدة للنقل.",
                "الحرة:\n\nوصل الوفد إلى العاصمة صباح اليوم.",
                "سي إن إن الاقتصادية\n\nارتفعت أسعار النفط.",
                "سي إن إن الاقتصادية\n\nتراجعت البورصة.",
                "بي بي سي عربي\n\nارتفعت الحرارة.",
                "بي بي سي عربي\n\nانخفضت الحرارة.",
                "أخبار عاجلة\n\nهطلت أمطار غزيرة.",
                "أخبار عاجلة\n\nانقطعت الكهرباء.",
                "موسكو\n\nبدأت المحادثات.",
                "موسكو\n\nانتهت المحادثات.",
                "النشرة\n\nافتتح معرض للكتاب.",
                "وورد الخبر في النشرة أمس.",
                "افتتح الوزير معرض الكتاب\n\nوأكد أهمية القراءة.",
                "افتتح الوزير معرض الكتاب\n\nوقال إن القراءة مهمة.",
            ],
            proposed: &[
                ("الحرة", Kind::Source),
                ("سي إن إن الاقتصادية", Kind::Source),
                ("بي بي سي عربي", Kind::Source),
                ("موسكو", Kind::Place),
            ],
            not_proposed: &["أخبار عاجلة", "النشرة", "الوزير معرض الكتاب", "افتتح الوزير معرض الكتاب"],
        },
        Case {
            rule: "a loose noun of outlet before a noun with an adjective that is no nationality is a network of things",
            articles: &[
                "ويربط الخط الميناء بشبكة السكك الحديدية في الدولة، وفق ما نقلته شبكة سي إن إن الأمريكية.",
                "ويعد الخط نواة لشبكة السكك الحديدية الخليجية، كما ذكرت شبكة سي إن إن الأمريكية.",
            ],
            proposed: &[("سي إن إن", Kind::Source)],
            not_proposed: &["السكك", "السكك الحديدية"],
        },
        Case {
            rule: "a loose noun of outlet before a noun with an ordinal is a network of things",
            articles: &[
                "وأطلقت الشركة شبكة الجيل الخامس في العاصمة، وفق ما نقلته شبكة سي إن إن الأمريكية.",
                "وتغطي شبكة الجيل الخامس عشر مدن، كما ذكرت شبكة سي إن إن الأمريكية.",
            ],
            proposed: &[("سي إن إن", Kind::Source)],
            not_proposed: &["الجيل الخامس", "الجيل"],
        },
        Case {
            rule: "a loose noun of outlet before a verbal noun is the site of an activity",
            articles: &[
                "وعثر العمال في موقع التنقيب على جرار فخارية، بحسب ما نشره موقع «عرب 48».",
                "وأغلقت السلطات موقع التنقيب مؤقتا، كما ذكر موقع «عرب 48».",
            ],
            proposed: &[("عرب 48", Kind::Source)],
            not_proposed: &["التنقيب"],
        },
        Case {
            rule: "an acronym in Arabic letters after ل",
            articles: &[
                "وقال المتحدث لسي إن إن إن الهدنة صامدة.",
                "وقالت الوزيرة لإم بي سي إن الحل قريب.",
                "وفي تصريحات لسي إن إن بالعربية، أوضح الوزير موقفه.",
            ],
            proposed: &[("سي إن إن", Kind::Source), ("إم بي سي", Kind::Source)],
            not_proposed: &["سي إن إن إن", "إم بي سي إن", "سي"],
        },
        Case {
            rule: "a dateline with a colon and the paper in quotes",
            articles: &[
                "الرياض: «الشرق الأوسط»\n\nأعلنت المنظمة زيادة محدودة للإنتاج.",
                "لندن: «الشرق الأوسط»\n\nوصل الوفد صباح اليوم.",
                "وقال الوزير: «الحل قريب» في ختام الاجتماع.",
                "ليبيا: «إيني» تعود للتنقيب في مياه خليج سرت.",
                "الوزير: «الاتفاق قريب»",
            ],
            proposed: &[("الشرق الأوسط", Kind::Source), ("الرياض", Kind::Place), ("لندن", Kind::Place)],
            not_proposed: &["الحل قريب", "إيني", "الاتفاق قريب", "الوزير"],
        },
        Case {
            rule: "a word that begins with و after a sure noun of outlet",
            articles: &["ونقلت صحيفة واشنطن بوست عن مصادر أن الاتفاق قريب.", "وذكرت صحيفة وموقع إخباري أن الاتفاق قريب."],
            proposed: &[("واشنطن بوست", Kind::Source)],
            not_proposed: &["وموقع", "وموقع إخباري", "موقع إخباري"],
        },
        Case {
            rule: "a definite noun of outlet, its adjectives and its tail",
            articles: &["وأفادت الوكالة العربية السورية للأنباء بأن الطريق فتح."],
            proposed: &[("الوكالة العربية السورية للأنباء", Kind::Source)],
            not_proposed: &[],
        },
        Case {
            rule: "a definite noun of outlet alone refers back",
            articles: &["وقالت الوكالة إن الطريق فتح."],
            proposed: &[],
            not_proposed: &["الوكالة"],
        },
        Case {
            rule: "a quoted name that starts with a word of time",
            articles: &["وقال الوزير لـ«اليوم الثامن» إن الموسم ناجح."],
            proposed: &[("اليوم الثامن", Kind::Source)],
            not_proposed: &[],
        },
        Case {
            rule: "a credit line",
            articles: &[
                "وانتهى الاجتماع دون اتفاق.\n\n**المصدر:** الميادين + وكالات",
                "المصدر: رويترز، دويتشه فيله",
                "المصدر: سي إن إن",
            ],
            proposed: &[
                ("الميادين", Kind::Source),
                ("رويترز", Kind::Source),
                ("دويتشه فيله", Kind::Source),
                ("سي إن إن", Kind::Source),
            ],
            not_proposed: &["وكالات", "سي"],
        },
        Case {
            rule: "according to no one in particular",
            articles: &["وتراجع عدد اللاجئين وفق مسؤولين في المخيم."],
            proposed: &[],
            not_proposed: &["مسؤولين"],
        },
        Case {
            rule: "a feminine verb of reporting before an outlet",
            articles: &["وتبنته جماعة مسلحة، وفق ما نقلته رويترز عن مصادر.", "ونقلت سانا عن مصدر عسكري أن الهجوم صد."],
            proposed: &[("رويترز", Kind::Source), ("سانا", Kind::Source)],
            not_proposed: &[],
        },
        Case {
            rule: "a verb of reporting before a country, an institution or a common subject",
            articles: &["وذكرته الشرطة في بيانها، ونقلت وزارة الصحة الأرقام، ونقلت مصادر محلية الخبر."],
            proposed: &[],
            not_proposed: &["الشرطة", "وزارة الصحة", "مصادر محلية", "مصادر"],
        },
        Case {
            rule: "a loose noun of outlet before a definite plural names no outlet; a date with slashes is the dateline's",
            articles: &[
                "ويظل المترو محدودا ما لم يربط بشبكة الحافلات المحلية.",
                "وطالب السكان بربط الحي بشبكة الحافلات.",
                "ألاك، 03/11/2033 (وما) - أعلنت وزارة الصحة تسجيل إصابات.",
                "نواكشوط، 04/11/2033 (وما) - تواصلت حملة التلقيح.",
            ],
            proposed: &[("وما", Kind::Source), ("ألاك", Kind::Place)],
            not_proposed: &["الحافلات", "11", "03/11/2033"],
        },
        Case {
            rule: "according to findings or figures, no outlet",
            articles: &["وبحسب التحقيقات، دفعت الشركة مبالغ.", "وفق أرقام المرصد الوطني تراجعت الصادرات."],
            proposed: &[],
            not_proposed: &["التحقيقات", "أرقام المرصد", "أرقام"],
        },
    ]);
}

#[test]
fn an_agency_signed_in_one_article_and_named_in_another_is_one_outlet() {
    let bodies = [
        "تونس 8 أفريل (وات) - بلغت صادرات زيت الزيتون مستوى قياسيا.",
        "وأفادت وكالة تونس إفريقيا للأنباء بأن الموسم كان جيدا.",
        "انجامينا (أ ف ب) - عاد مئات الصيادين إلى الجزر.",
        "وقدرت وكالة الصحافة الفرنسية عدد العائدين بالمئات.",
    ];
    assert_one_name(&bodies, "وكالة تونس إفريقيا للأنباء", "وات");
    assert_one_name(&bodies, "وكالة الصحافة الفرنسية", "أ ف ب");
}
