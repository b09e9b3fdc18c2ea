//! The rules of `entities suggest`, each with sentences of news prose that
//! show it (written for these tests): what a small archive of them proposes,
//! with which kind, and what it does not propose.

use std::path::Path;

use super::{Options, Suggestion, suggest};
use crate::entities::{Catalog, Kind};

/// What `suggest` proposes for articles with these bodies (with empty lists,
/// names found in one article included).
fn proposals(bodies: &[&str]) -> Vec<Suggestion> {
    let corpus: Vec<_> = bodies
        .iter()
        .enumerate()
        .map(|(i, body)| {
            let text = format!("---\ntitle: \"خبر {i}\"\n---\n\n{body}\n");
            crate::content::parse_article(Path::new(&format!("{i}.md")), &text).expect("an article")
        })
        .collect();
    suggest(&corpus, &Catalog::default(), &Options { kind: None, min_articles: 1 }).suggestions
}

/// A case: the articles, the names (with their kind) that must be proposed,
/// and the names that must not be.
struct Case {
    rule: &'static str,
    articles: &'static [&'static str],
    proposed: &'static [(&'static str, Kind)],
    not_proposed: &'static [&'static str],
}

fn check(cases: &[Case]) {
    for case in cases {
        let found = proposals(case.articles);
        let names: Vec<String> = found.iter().map(|s| format!("{} ({:?}) {:?}", s.name, s.kind, s.variants)).collect();
        for (name, kind) in case.proposed {
            let hit = found.iter().find(|s| s.name == *name || s.variants.iter().any(|v| v == name));
            assert!(hit.is_some(), "{}: {name} not proposed; proposed: {names:?}", case.rule);
            assert_eq!(hit.and_then(|s| s.kind), Some(*kind), "{}: kind of {name}", case.rule);
        }
        for name in case.not_proposed {
            assert!(
                found.iter().all(|s| s.name != *name && s.variants.iter().all(|v| v != name)),
                "{}: {name} proposed; proposed: {names:?}",
                case.rule
            );
        }
    }
}

/// Two names are proposed as one, the second a spelling of the first.
fn assert_one_name(bodies: &[&str], a: &str, b: &str) {
    let found = proposals(bodies);
    let names: Vec<String> = found.iter().map(|s| format!("{} {:?}", s.name, s.variants)).collect();
    let with_a = found.iter().find(|s| s.name == a || s.variants.iter().any(|v| v == a));
    assert!(
        with_a.is_some_and(|s| s.name == b || s.variants.iter().any(|v| v == b)),
        "{a} and {b} are not one name: {names:?}"
    );
}

#[test]
fn people() {
    check(&[
        Case {
            rule: "a profession and its adjectives before a name",
            articles: &["وأشادت الممثلة اللبنانية نادين لبكي بالجمهور.", "وغنت المطربة اللبنانية يارا في الافتتاح."],
            proposed: &[("نادين لبكي", Kind::Person), ("يارا", Kind::Person)],
            not_proposed: &["اللبنانية"],
        },
        Case {
            rule: "a foreign given name with no title before it",
            articles: &["وتقدم كارلوس ساينز إلى المركز الثالث بعد يوم صعب."],
            proposed: &[("كارلوس ساينز", Kind::Person)],
            not_proposed: &[],
        },
        Case {
            rule: "a title after a particle of lineage is a forebear's name",
            articles: &[
                "وبعث الرئيس محمد ولد الشيخ الغزواني رسالة إلى نظيره.",
                "واستقبل الرئيس محمد ولد الشيخ الغزواني الوفد.",
                "وقال الرئيس محمد عبد الله إن الاتفاق قريب.",
                "وصرح الوزير محمد سالم بأن الوضع مستقر.",
            ],
            proposed: &[("محمد ولد الشيخ الغزواني", Kind::Person)],
            not_proposed: &["محمد", "محمد ولد"],
        },
        Case {
            rule: "an honorific after a ruler's name ends it",
            articles: &["وبعث السلطان هيثم بن طارق المعظم ببرقية تهنئة."],
            proposed: &[("هيثم بن طارق", Kind::Person)],
            not_proposed: &["هيثم بن طارق المعظم"],
        },
        Case {
            rule: "a nationality standing as a noun before a name, in two articles",
            articles: &[
                "وحافظ القطري ناصر العطية على الصدارة، متقدما على الفرنسي سيباستيان لوب.",
                "وحل الفرنسي سيباستيان لوب ثانيا، فيما تراجع الإسباني كارلوس ساينز.",
                "وبحث الرئيس مع السوداني تناول سبل التعاون.",
                "والتقى الوزير نظيره الروسي لبحث العلاقات الثنائية.",
                "واستقبل الرئيس نظيره الروسي لبحث العلاقات الثنائية.",
                "وشهدت السعودية احتجاجات واسعة.",
                "وشهدت السعودية احتجاجات واسعة خلال الأيام الماضية.",
                "وقال إن الجيش السوري خالد كان مستعدا، وفاز على نظيره الأردني بهدفين لهدف.",
            ],
            proposed: &[("سيباستيان لوب", Kind::Person)],
            not_proposed: &[
                "كارلوس ساينز",
                "تناول سبل",
                "خالد كان",
                "بهدفين لهدف",
                "احتجاجات واسعة",
                "لبحث العلاقات الثنائية",
                "لبحث العلاقات",
            ],
        },
        Case {
            rule: "a profession before an ordinary definite noun",
            articles: &["وكان اللاعب الأفضل في المباراة حارس المرمى."],
            proposed: &[],
            not_proposed: &["الأفضل", "الأفضل في"],
        },
        Case {
            rule: "a definite role and its complement (المدير العام لمنظمة …)",
            articles: &["وقال المدير العام لمنظمة العمل الدولية جيلبير هونغبو إن البطالة ترتفع."],
            proposed: &[("جيلبير هونغبو", Kind::Person)],
            not_proposed: &[],
        },
        Case {
            rule: "علي written with ي starts a name; على does not",
            articles: &["وقال وزير الزراعة علي حسين كمال إن المحصول وفير.", "ووقع الاتفاق على هامش القمة."],
            proposed: &[("علي حسين كمال", Kind::Person)],
            not_proposed: &["على هامش"],
        },
        Case {
            rule: "names do not overlap: the role's name is not the agency's",
            articles: &["وحذر المفوض العام لوكالة الطاقة الذرية رافائيل غروسي من التصعيد."],
            proposed: &[("رافائيل غروسي", Kind::Person)],
            not_proposed: &["الطاقة الذرية رافائيل غروسي", "الطاقة الذرية رافائيل"],
        },
        Case {
            rule: "a pronoun closing a foreign name after a title",
            articles: &["وترأست لجنة التحكيم المخرجة الصينية تشانغ لي هي، وهي من أبرز مخرجات جيلها."],
            proposed: &[("تشانغ لي هي", Kind::Person)],
            not_proposed: &["تشانغ لي"],
        },
        Case {
            rule: "a verb of action after a title is no name",
            articles: &["وكان الرئيس ترأس الاجتماع، ثم الوزير عقد مؤتمرا صحفيا."],
            proposed: &[],
            not_proposed: &["ترأس", "ترأس الاجتماع", "عقد"],
        },
        Case {
            rule: "a definite noun and its feminine adjective after a title",
            articles: &["واستعرض الوزير المبادرات الأردنية في المنطقة."],
            proposed: &[],
            not_proposed: &["المبادرات الأردنية", "المبادرات"],
        },
        Case {
            rule: "a known place that starts a person's name is the person's",
            articles: &["وقالت الممثلة الإيطالية صوفيا لورين إنها سعيدة بالتكريم."],
            proposed: &[("صوفيا لورين", Kind::Person)],
            not_proposed: &["صوفيا"],
        },
        Case {
            rule: "a country after a role whose country an adjective gave",
            articles: &["وقالت وزيرة الخارجية الكندية صوفيا كلارك إن بلادها سترسل مساعدات."],
            proposed: &[("صوفيا كلارك", Kind::Person)],
            not_proposed: &["كلارك", "صوفيا"],
        },
        Case {
            rule: "a verb in the future ends a name",
            articles: &["وقال المتحدث إن الرئيس الفرنسي إيمانويل ماكرون سيزور الجزائر."],
            proposed: &[("إيمانويل ماكرون", Kind::Person)],
            not_proposed: &["إيمانويل ماكرون سيزور"],
        },
        Case {
            rule: "names that begin like a verb in the future",
            articles: &["وقال رئيس الوزراء كير ستارمر، إن الاجتماع مهم.", "والتقى وزير الخارجية أندريه سيبيغا، نظيره."],
            proposed: &[("كير ستارمر", Kind::Person), ("أندريه سيبيغا", Kind::Person)],
            not_proposed: &["كير", "أندريه"],
        },
        Case {
            rule: "what a spokesman speaks for, after باسم, is no name",
            articles: &["وقال متحدث باسم حرس الحدود إن الوضع هادئ."],
            proposed: &[],
            not_proposed: &["حرس الحدود", "حرس"],
        },
        Case {
            rule: "a common given name written with ى starts a name",
            articles: &["وسجل موسى التعمري في الدقيقة 71.", "وتألق يحيى عطية الله في المباراة."],
            proposed: &[("موسى التعمري", Kind::Person), ("يحيى عطية الله", Kind::Person)],
            not_proposed: &["موسى", "يحيى"],
        },
        Case {
            rule: "a given name after و starts the next name of a list",
            articles: &["وضمت القائمة المهاجمين موسى التعمري وعلي علوان ومحمد أبو زريق."],
            proposed: &[("علي علوان", Kind::Person)],
            not_proposed: &["وعلي علوان", "علوان ومحمد"],
        },
        Case {
            rule: "a verbal noun after ل or ب ends a name",
            articles: &["ودفع المدرب بالمهاجم علي علوان لتعزيز الخط الأمامي.", "وحضر علي علوان لاستقبال الجماهير."],
            proposed: &[("علي علوان", Kind::Person)],
            not_proposed: &["علي علوان لتعزيز", "علي علوان لاستقبال"],
        },
        Case {
            rule: "a verbal noun after ل or ب begins no name",
            articles: &["ووزعت الفرق الأدوية الأساسية لمواجهة تفشي الكوليرا.", "وقال لمكافحة الفساد إن الحملة مستمرة."],
            proposed: &[],
            not_proposed: &["لمواجهة تفشي", "لمكافحة الفساد", "لمكافحة"],
        },
        Case {
            rule: "a profession after a preposition, and professions of sport",
            articles: &["ودفع المدرب بالمهاجم يزن النعيمات.", "وفاز العداء المغربي سفيان البقالي بالسباق."],
            proposed: &[("يزن النعيمات", Kind::Person), ("سفيان البقالي", Kind::Person)],
            not_proposed: &["بالمهاجم", "المغربي"],
        },
        Case {
            rule: "a nationality after و before a name, in two articles",
            articles: &["وحل الإثيوبي لاميشا غيرما ثانيا والأمريكي غرانت هولواي.", "وفاز والأمريكي غرانت هولواي بالذهب."],
            proposed: &[("غرانت هولواي", Kind::Person)],
            not_proposed: &["والأمريكي"],
        },
        Case {
            rule: "a nationality before a name in one article, its family name alone in another",
            articles: &[
                "وكان المنتخب، بقيادة مدربه الألماني رالف رانغنيك، قد تقدم.",
                "فيما أقر رانغنيك بأن فريقه فقد السيطرة.",
            ],
            proposed: &[("رالف رانغنيك", Kind::Person)],
            not_proposed: &[],
        },
        Case {
            rule: "a family name that is also an ordinary word counts for no one",
            articles: &["وتقدم الألماني رالف تثبيت بالكرة.", "وطالب الوفد بتثبيت الهدنة وتثبيت الأسعار."],
            proposed: &[],
            not_proposed: &["رالف تثبيت"],
        },
        Case {
            rule: "a military rank and its ordinal before a name",
            articles: &["وقال الملازم الأول نسيم برناوي إن الحرائق طوقت."],
            proposed: &[("نسيم برناوي", Kind::Person)],
            not_proposed: &["الأول نسيم برناوي", "الأول"],
        },
        Case {
            rule: "a ruler's ordinal ends his name, and a title after an honorific starts it",
            articles: &[
                "وحضر سمو الأمير الحسين بن عبدالله الثاني ولي العهد المباراة.",
                "وزار سمو الأمير الحسين بن عبدالله الثاني ولي العهد المعسكر.",
                "وانطلق ملتقى محمد السادس الدولي للقفز بالرباط.",
                "واختتم ملتقى محمد السادس الدولي للقفز أمس.",
            ],
            proposed: &[("الحسين بن عبدالله الثاني", Kind::Person), ("محمد السادس", Kind::Person)],
            not_proposed: &["بن عبدالله الثاني", "الحسين", "محمد السادس الدولي"],
        },
        Case {
            rule: "an accusative noun and its adjective after a role is no name",
            articles: &["وعقد محافظ ظفار اجتماعا طارئا للجنة.", "وعقد رئيس الوزراء اجتماعا طارئا أمس."],
            proposed: &[],
            not_proposed: &["اجتماعا طارئا"],
        },
        Case {
            rule: "ل before a noun and its complement belongs to the role's complement",
            articles: &["وقال رئيس الاتحاد الأردني لكرة القدم إن المنتخب جاهز."],
            proposed: &[],
            not_proposed: &["لكرة القدم"],
        },
    ]);
}

#[test]
fn forms_of_one_persons_name() {
    // A lineage with and without forebears and family.
    assert_one_name(
        &["واستقبل الشيخ حمدان بن راشد الوفد.", "وحضر الشيخ حمدان بن راشد بن سعيد آل مكتوم الحفل."],
        "حمدان بن راشد",
        "حمدان بن راشد بن سعيد آل مكتوم",
    );
    // The name without the father's.
    assert_one_name(
        &["وقال المدرب ياسر عادل فهمي، إن الفريق جاهز.", "وأكد المدرب ياسر فهمي، أن الفوز مستحق."],
        "ياسر فهمي",
        "ياسر عادل فهمي",
    );
    // With and without a space.
    assert_one_name(
        &["وقال الأمين العام للحزب حسن نصر الله، إن الحرب طويلة.", "وأكد الأمين العام للحزب حسن نصرالله، أن الرد آت."],
        "حسن نصر الله",
        "حسن نصرالله",
    );
    // The name a person is known by.
    assert_one_name(
        &["وقاد الهجوم أحمد سالم بكري المعروف بـ«أبو طارق» إلى المدينة.", "وقال الشيخ أبو طارق، إن رجاله صامدون."],
        "أحمد سالم بكري",
        "أبو طارق",
    );
    // The father's name after بن is another person's, not the son's family
    // name alone.
    let found = proposals(&[
        "وحضر الشيخ خالد بن محمد بن زايد آل نهيان الحفل.",
        "وتلقى رئيس الدولة الشيخ محمد بن زايد آل نهيان برقية.",
        "وقال الشيخ محمد بن زايد آل نهيان، إن البلاد ماضية.",
    ]);
    for name in ["خالد بن محمد بن زايد آل نهيان", "محمد بن زايد آل نهيان"] {
        let names: Vec<String> = found.iter().map(|s| format!("{} {:?}", s.name, s.variants)).collect();
        assert!(found.iter().any(|s| s.name == name), "{name} not proposed on its own: {names:?}");
    }
    // A name does not run past a word that ends it elsewhere.
    check(&[Case {
        rule: "the end of a name elsewhere",
        articles: &[
            "وأعلن الرئيس الروسي فلاديمير بوتين انسحاب القوات من المنطقة.",
            "وقال فلاديمير بوتن، إن بلاده مستعدة.",
        ],
        proposed: &[("فلاديمير بوتين", Kind::Person)],
        not_proposed: &["فلاديمير بوتين انسحاب"],
    }]);
}

#[test]
fn places() {
    check(&[
        Case {
            rule: "the dual of a noun of place before two names",
            articles: &["وضربت الفيضانات ولايتي سطيف وباتنة شرقي البلاد."],
            proposed: &[("سطيف", Kind::Place), ("باتنة", Kind::Place)],
            not_proposed: &["وباتنة"],
        },
        Case {
            rule: "the dual of a noun of place before two names, the second shaped like a nisba",
            articles: &["وهطلت الأمطار الغزيرة في مدينتي حديبو وقلنسية وقرى الساحل."],
            proposed: &[("حديبو", Kind::Place), ("قلنسية", Kind::Place)],
            not_proposed: &["قرى الساحل"],
        },
        Case {
            rule: "a delta before a name, and الخليج alone as a region",
            articles: &["وانتشر الجراد في دلتا طوكر.", "ويعمل أطباء عرب في أوروبا والخليج."],
            proposed: &[("طوكر", Kind::Place), ("الخليج", Kind::Place)],
            not_proposed: &["دلتا طوكر"],
        },
        Case {
            rule: "the dual of منطقة before two names",
            articles: &["وامتدت الاشتباكات إلى منطقتي الهرمل والقصير على الحدود."],
            proposed: &[("الهرمل", Kind::Place), ("القصير", Kind::Place)],
            not_proposed: &["والقصير"],
        },
        Case {
            rule: "a direction after a sure noun of place",
            articles: &["ونزح الآلاف في ولاية جنوب كردفان خلال الأسبوع."],
            proposed: &[("جنوب كردفان", Kind::Place)],
            not_proposed: &["كردفان"],
        },
        Case {
            rule: "a place's words are settled among places (دير الزور beside دير شبيغل)",
            articles: &[
                "وقصفت الطائرات مدينة دير الزور، وفق شهود.",
                "وعاد النازحون إلى مدينة دير الزور، أمس.",
                "المصدر: دير شبيغل",
                "المصدر: دير شبيغل",
                "المصدر: دير شبيغل",
                "المصدر: دير شبيغل",
            ],
            proposed: &[("دير الزور", Kind::Place), ("دير شبيغل", Kind::Source)],
            not_proposed: &["دير"],
        },
        Case {
            rule: "seas and oceans, whole after a noun of place",
            articles: &[
                "وأبحرت السفن في منطقة البحر الأبيض المتوسط أمس.",
                "ووصلت الناقلة إلى المحيط الهادئ.",
                "واجتمع قادة دول الخليج العربية.",
                "وتحدث الوزير عن المحيط الإقليمي للبلاد وعن منطقة المحيط الحيوي.",
            ],
            proposed: &[("البحر الأبيض المتوسط", Kind::Place), ("المحيط الهادئ", Kind::Place)],
            not_proposed: &["البحر", "الخليج العربية", "المحيط الإقليمي", "المحيط الحيوي"],
        },
        Case {
            rule: "a noun and its indefinite adjective is no place",
            articles: &["وشهدت العاصمة مظاهرات شعبية واسعة."],
            proposed: &[],
            not_proposed: &["مظاهرات شعبية", "مظاهرات"],
        },
        Case {
            rule: "a number joined by و to a known place is no place",
            articles: &["وفازت تونس وواحدة من جاراتها بالجائزة."],
            proposed: &[("تونس", Kind::Place)],
            not_proposed: &["احدة", "واحدة"],
        },
        Case {
            rule: "a list joined by و that holds a known place and closes with the phrase",
            articles: &[
                "وسجلت الإصابات في المكلا وسيحوت وحديبو، بحسب الوزارة.",
                "وامتدت الاحتجاجات إلى برشلونة وجيرونا ولاردة.",
                "وتوقفت الرحلات في بيت لحم وطولكرم.",
                "وفي ترهونة ومسلاتة وطرابلس انقطعت الكهرباء.",
            ],
            proposed: &[
                ("سيحوت", Kind::Place),
                ("حديبو", Kind::Place),
                ("جيرونا", Kind::Place),
                ("لاردة", Kind::Place),
                ("ترهونة", Kind::Place),
                ("مسلاتة", Kind::Place),
            ],
            not_proposed: &["وسيحوت", "ولاردة"],
        },
        Case {
            rule: "a list that runs on into the clause is no list of places",
            articles: &[
                "وشهدت البرتغال وأجزاء واسعة من غرب أوروبا الكسوف.",
                "وغادر الوفد القاهرة وبعدها بساعات وصل الرئيس.",
                "وسار المحتجون من بغداد وصولا إلى الحلة.",
                "وعادت الكهرباء إلى عطبرة وأجزاء من الخرطوم.",
            ],
            proposed: &[("البرتغال", Kind::Place)],
            not_proposed: &["أجزاء", "اسعة", "واسعة", "بعدها", "صولا", "وصولا"],
        },
        Case {
            rule: "a plural noun of place before a list that begins with a known place",
            articles: &["وتركزت الوفيات في مديريات المكلا والشحر وغيل باوزير."],
            proposed: &[("الشحر", Kind::Place), ("غيل باوزير", Kind::Place)],
            not_proposed: &["والشحر"],
        },
        Case {
            rule: "جهة, the Moroccan region, before a name; not an official body",
            articles: &[
                "وضربت العاصفة جهة سوس ماسة ليلا.",
                "وأعلنت جهة سوس ماسة خطة للطوارئ.",
                "ولم تعلن أي جهة رسمية مسؤوليتها.",
            ],
            proposed: &[("سوس ماسة", Kind::Place)],
            not_proposed: &["رسمية"],
        },
        Case {
            rule: "country names of i18n-iso-countries beside CLDR's",
            articles: &["وزار الوفد المجر ثم الدنمارك."],
            proposed: &[("المجر", Kind::Place), ("الدنمارك", Kind::Place)],
            not_proposed: &[],
        },
        Case {
            rule: "a landform's noun is part of its name, a town's is not",
            articles: &[
                "وغادر الأجداد قرى جبل لبنان بحثا عن حياة جديدة.",
                "وتطل المحافظة على مضيق هرمز الذي تمر عبره الناقلات.",
                "وتوقفت الحافلات في مدينة طبرقة، وفي وادي خالد شمالا.",
            ],
            proposed: &[
                ("جبل لبنان", Kind::Place),
                ("مضيق هرمز", Kind::Place),
                ("وادي خالد", Kind::Place),
                ("طبرقة", Kind::Place),
            ],
            not_proposed: &["هرمز", "خالد", "مدينة طبرقة"],
        },
        Case {
            rule: "a town named like a person, and a given name joined by و to another name",
            articles: &["ووصل أول قطار إلى مدينة بشار أمس.", "ويربط الخط الجديد بين بشار وتندوف."],
            proposed: &[("بشار", Kind::Place)],
            not_proposed: &["بشار وتندوف"],
        },
        Case {
            rule: "regions that CLDR does not name",
            articles: &["ويعيد الاتفاق خلط الأوراق في القرن الأفريقي وفي البلقان."],
            proposed: &[("القرن الأفريقي", Kind::Place), ("البلقان", Kind::Place)],
            not_proposed: &[],
        },
        Case {
            rule: "cities of GeoNames, with no cue word, in any of their spellings",
            articles: &["ووصل الوفد إلى جدة قادما من صنعاء، ثم توجه إلى وهران.", "وغادر الحجاج جده بعد الموسم."],
            proposed: &[("جدة", Kind::Place), ("صنعاء", Kind::Place), ("وهران", Kind::Place)],
            not_proposed: &[],
        },
        Case {
            rule: "first-level subdivisions, with no cue word and without their unit's noun",
            articles: &["وتراجع الإنتاج في شبوة وحضرموت، بينما ارتفع في كاليفورنيا.", "وعاد الهدوء إلى سيدي بوزيد."],
            proposed: &[
                ("شبوة", Kind::Place),
                ("حضرموت", Kind::Place),
                ("كاليفورنيا", Kind::Place),
                ("سيدي بوزيد", Kind::Place),
            ],
            not_proposed: &["ولاية سيدي بوزيد"],
        },
        Case {
            rule: "a region split into states named by directions, and a country's short form",
            articles: &["وتتواصل المعارك في دارفور وكردفان منذ أشهر.", "ووصل الوفد إلى الإمارات أمس."],
            proposed: &[("دارفور", Kind::Place), ("كردفان", Kind::Place), ("الإمارات", Kind::Place)],
            not_proposed: &[],
        },
        Case {
            rule: "a subdivision's name that is also an ordinary word or an outlet is not known",
            articles: &["وقال مراسل الجزيرة إن الحل المطروح على البحيرة يتطلب قوة وصبرا."],
            proposed: &[],
            not_proposed: &["الجزيرة", "المطروح", "البحيرة", "قوة"],
        },
        Case {
            rule: "the plural of a noun of place before a list of names",
            articles: &["وجرت الأودية في ولايات صلالة وطاقة ومرباط.", "وسجلت حرائق في بلديتي تيشي وأوقاس."],
            proposed: &[
                ("صلالة", Kind::Place),
                ("طاقة", Kind::Place),
                ("مرباط", Kind::Place),
                ("تيشي", Kind::Place),
                ("أوقاس", Kind::Place),
            ],
            not_proposed: &["وطاقة", "صلالة وطاقة"],
        },
        Case {
            rule: "a plural of a noun of place before one name or a definite word is no list",
            articles: &["وعلق سكان في قرى تابعة لقضاء بستك.", "وامتدت الأمطار إلى ولايات السلطنة ومحافظاتها."],
            proposed: &[],
            not_proposed: &["تابعة", "السلطنة"],
        },
        Case {
            rule: "a title in a list of places starts the name, whole",
            articles: &["واندلعت احتجاجات في مديريتي المنصورة والشيخ عثمان مساء أمس."],
            proposed: &[("المنصورة", Kind::Place), ("الشيخ عثمان", Kind::Place)],
            not_proposed: &["الشيخ"],
        },
        Case {
            rule: "sure evidence in two articles outweighs an ordinary word",
            articles: &[
                "وتوفي شخصان في ولاية طاقة بمحافظة ظفار.",
                "وجرت الأودية في ولايات صلالة وطاقة.",
                "وارتفعت أسعار الطاقة وقال الخبراء إن طاقة الشبكة محدودة.",
            ],
            proposed: &[("طاقة", Kind::Place)],
            not_proposed: &["الطاقة"],
        },
        Case {
            rule: "nouns of Tunisia's districts, of the holy sites, of deserts and mines",
            articles: &[
                "ووصل الحجاج إلى مشعر منى.",
                "وتجمع المحتجون في معتمدية جبنيانة.",
                "وعلقت السيارات في رمال صحراء النفود الكبير.",
                "وتقع الآثار على أطراف صحراء النفود الكبير.",
                "وانطلق القطار من منجم غار جبيلات.",
                "ويقدر احتياطي منجم غار جبيلات بمليارات الأطنان.",
            ],
            proposed: &[
                ("منى", Kind::Place),
                ("جبنيانة", Kind::Place),
                ("النفود الكبير", Kind::Place),
                ("غار جبيلات", Kind::Place),
            ],
            not_proposed: &["مشعر منى", "معتمدية جبنيانة", "صحراء النفود"],
        },
        Case {
            rule: "قضاء before a definite word is spending time",
            articles: &["واضطرت العائلات إلى قضاء الليل في العراء.", "وأمضت الأسر قضاء الليل في السيارات في ليل بارد."],
            proposed: &[],
            not_proposed: &["الليل"],
        },
        Case {
            rule: "رغم is a preposition, after a noun of place too",
            articles: &["وخرج المتظاهرون إلى شوارع العاصمة رغم الحر.", "وتواصل العمل رغم الانقطاع."],
            proposed: &[],
            not_proposed: &["رغم"],
        },
        Case {
            rule: "the field of a ministry is no place",
            articles: &["وقال مسؤولون بمديرية السياحة إن الموسم جيد.", "وأعلنت وزارة السياحة عن كشف جديد."],
            proposed: &[],
            not_proposed: &["السياحة"],
        },
        Case {
            rule: "a city's name that is also an ordinary word or a given name is not known",
            articles: &["ونشرت الصحيفة صور الشهداء في المدينة الجديدة، وقال بشار إن المشهد مؤلم."],
            proposed: &[],
            not_proposed: &["صور", "الجديدة", "المدينة", "بشار", "الشهداء"],
        },
    ]);
}

#[test]
fn outlets() {
    check(&[
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
            rule: "according to findings or figures, no outlet",
            articles: &["وبحسب التحقيقات، دفعت الشركة مبالغ.", "وفق أرقام المرصد الوطني تراجعت الصادرات."],
            proposed: &[],
            not_proposed: &["التحقيقات", "أرقام المرصد", "أرقام"],
        },
    ]);
}
