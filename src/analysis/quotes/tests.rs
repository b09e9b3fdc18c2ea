//! The attribution cases of quote finding, as a table.

use std::path::Path;

use super::*;
use crate::analysis::{Finder, analyze};
use crate::content::parse_article;
use crate::entities::matcher::Scratch;
use crate::entities::{Catalog, Matcher};

const PEOPLE: &str = r#"
[attaf]
name = "أحمد عطاف"
aliases = ["عطاف"]

[erdogan]
name = "رجب طيب أردوغان"
aliases = ["أردوغان", "إردوغان"]

[putin]
name = "فلاديمير بوتين"
aliases = ["بوتين"]

[lavrov]
name = "سيرغي لافروف"
aliases = ["لافروف"]
"#;
const SOURCES: &str = r#"
[reuters]
name = "رويترز"
aliases = ["وكالة رويترز"]

[aljazeera]
name = "الجزيرة"
aliases = ["قناة الجزيرة"]
"#;

/// (speaker key or "", speaker_text, text, direct, outlet key or "").
type Row = (String, String, String, bool, String);

fn quotes_of(body: &str) -> Vec<Row> {
    let (catalog, problems) = Catalog::from_lists(&[
        (Kind::Person, Kind::Person.list_path(), PEOPLE.to_owned()),
        (Kind::Source, Kind::Source.list_path(), SOURCES.to_owned()),
    ]);
    assert!(problems.is_empty(), "{problems:?}");
    let matcher = Matcher::new(&catalog);
    let file = parse_article(Path::new("a.md"), &format!("---\ntitle: عنوان\n---\n{body}")).expect("valid");
    let finder = Finder { catalog: &catalog, matcher: &matcher };
    let (analysis, _) = analyze(&file, &finder, &Default::default(), &mut Scratch::default());
    let key = |e: Option<EntityId>| e.map(|e| catalog.get(e).key.clone()).unwrap_or_default();
    let quotes = &analysis.quotes;
    quotes
        .iter()
        .map(|q| {
            (key(q.speaker), quotes.speaker_text(q).into_owned(), quotes.text(q).into_owned(), q.direct, key(q.outlet))
        })
        .collect()
}

fn row(speaker: &str, speaker_text: &str, text: &str, direct: bool, outlet: &str) -> Row {
    (speaker.to_owned(), speaker_text.to_owned(), text.to_owned(), direct, outlet.to_owned())
}

/// Every kind of attribution the finder knows, each with the quotation it must give.
#[test]
fn attribution_table() {
    let table: Vec<(&str, Vec<Row>)> = vec![
        // The speaker before the quotation, with role words around the name.
        (
            "قال وزير الخارجية أحمد عطاف إن «الجزائر لن تقبل بذلك».\n",
            vec![row("attaf", "وزير الخارجية أحمد عطاف", "الجزائر لن تقبل بذلك", true, "")],
        ),
        ("وقال عطاف: «نحن مستعدون للحوار».\n", vec![row("attaf", "عطاف", "نحن مستعدون للحوار", true, "")]),
        (
            "وأكد الرئيس التركي رجب طيب أردوغان أن \"تركيا ستواصل دعمها\".\n",
            vec![row("erdogan", "الرئيس التركي رجب طيب أردوغان", "تركيا ستواصل دعمها", true, "")],
        ),
        // After it.
        ("«الوضع خطير جدا»، قال عطاف للصحفيين.\n", vec![row("attaf", "عطاف", "الوضع خطير جدا", true, "")]),
        ("«لن نتراجع»، بحسب أردوغان.\n", vec![row("erdogan", "أردوغان", "لن نتراجع", true, "")]),
        // Continuations: وأضاف, وتابع with no subject, a participle, a repeated title.
        (
            "قال وزير الخارجية أحمد عطاف إن الاجتماع كان مثمرا.\n\nوأضاف: «سنلتقي مجددا».\n\nوتابع الوزير أن الحوار مستمر، مضيفا أن الجولة المقبلة في الجزائر.\n",
            vec![
                row("attaf", "وزير الخارجية أحمد عطاف", "الاجتماع كان مثمرا", false, ""),
                row("attaf", "وزير الخارجية أحمد عطاف", "سنلتقي مجددا", true, ""),
                row("attaf", "الوزير", "الحوار مستمر", false, ""),
                row("attaf", "الوزير", "الجولة المقبلة في الجزائر", false, ""),
            ],
        ),
        // A role only, and an institution: no speaker, the words kept.
        ("وقال متحدث باسم الجيش إن القوات انسحبت.\n", vec![row("", "متحدث باسم الجيش", "القوات انسحبت", false, "")]),
        ("وأعلنت الوزارة في بيان أن المعبر سيفتح غدا.\n", vec![row("", "الوزارة", "المعبر سيفتح غدا", false, "")]),
        // A person named as a possessor is not the speaker.
        (
            "وقال المتحدث باسم بوتين إن الزيارة تأجلت.\n",
            vec![row("", "المتحدث باسم بوتين", "الزيارة تأجلت", false, "")],
        ),
        // Given to an outlet.
        (
            "وقال لافروف لوكالة رويترز إن موسكو ترحب بالمبادرة.\n",
            vec![row("lavrov", "لافروف", "موسكو ترحب بالمبادرة", false, "reuters")],
        ),
        (
            "وقال أردوغان في مقابلة مع قناة الجزيرة: «لن نسمح بذلك».\n",
            vec![row("erdogan", "أردوغان", "لن نسمح بذلك", true, "aljazeera")],
        ),
        (
            "ونقلت رويترز عن مسؤول أمريكي قوله إن المحادثات متعثرة.\n",
            vec![row("", "مسؤول أمريكي", "المحادثات متعثرة", false, "reuters")],
        ),
        // A quotation over two paragraphs, and a paragraph that goes on quoting.
        (
            "وقال عطاف: «الفقرة الأولى من كلامه\n\n«والفقرة الثانية منه».\n\n«وهذه فقرة ثالثة يواصل فيها كلامه».\n",
            vec![
                row("attaf", "عطاف", "الفقرة الأولى من كلامه والفقرة الثانية منه", true, ""),
                row("attaf", "عطاف", "وهذه فقرة ثالثة يواصل فيها كلامه", true, ""),
            ],
        ),
        // A `>` block after a colon.
        ("وقال عطاف في كلمته:\n\n> نحن هنا لنبقى\n", vec![row("attaf", "عطاف", "نحن هنا لنبقى", true, "")]),
        // Quoted words inside reported speech: a partial quotation when long, scare quotes when short.
        (
            "وقال عطاف إن بلاده «لن تقبل بأي تدخل خارجي».\n",
            vec![row("attaf", "عطاف", "لن تقبل بأي تدخل خارجي", true, "")],
        ),
        (
            "وقال عطاف إن ما يسمى «الخطة البديلة» فشلت.\n",
            vec![row("attaf", "عطاف", "ما يسمى «الخطة البديلة» فشلت", false, "")],
        ),
        // Marks that are not speech.
        ("صدر كتاب «الطريق إلى دمشق» هذا العام.\n", vec![]),
        ("أطلقت الوزارة حملة «معا من أجل الوطن» أمس.\n", vec![]),
        ("انتشر وسم \"#لا_للحرب\" على المنصات.\n", vec![]),
        ("وصف المراقبون الاتفاق بأنه «تاريخي».\n", vec![]),
        (
            "شارك فيلم «الرسالة» في المهرجان، قال الناقد إن العرض ناجح.\n",
            vec![row("", "الناقد", "العرض ناجح", false, "")],
        ),
        // Two statements in one paragraph.
        (
            "وقال بوتين لأردوغان «نحن مهتمون برأيك». وقال أردوغان لبوتين إن الاجتماع مهم.\n",
            vec![
                row("putin", "بوتين", "نحن مهتمون برأيك", true, ""),
                row("erdogan", "أردوغان", "الاجتماع مهم", false, ""),
            ],
        ),
        // An attribution to an outlet after the statement.
        (
            "وقال أردوغان إن الاجتماع مهم، وفقا لوكالة رويترز.\n",
            vec![row("erdogan", "أردوغان", "الاجتماع مهم", false, "reuters")],
        ),
        // Time phrases with أن are not reported content.
        ("وقال عطاف قبل أن يغادر إن الزيارة ناجحة.\n", vec![row("attaf", "عطاف", "الزيارة ناجحة", false, "")]),
    ];
    for (body, expected) in table {
        assert_eq!(quotes_of(body), expected, "{body}");
    }
}

#[test]
fn names_around_the_speaker() {
    // Whom it was said to is not who said it.
    assert_eq!(quotes_of("وقال بوتين لأردوغان إن العلاقات جيدة.\n"), [row("putin", "بوتين", "العلاقات جيدة", false, "")]);
    // A name in marks inside the subject.
    assert_eq!(
        quotes_of("وقال لافروف لقناة «الجزيرة» إن موسكو مستعدة.\n"),
        [row("lavrov", "لافروف", "موسكو مستعدة", false, "aljazeera")]
    );
    // Two people speaking together: no one speaker.
    assert_eq!(
        quotes_of("وأعلن أردوغان وبوتين أنهما اتفقا على الهدنة.\n"),
        [row("", "أردوغان وبوتين", "اتفقا على الهدنة", false, "")]
    );
    // A circumstance with a pronoun ends the speaker's name.
    assert_eq!(quotes_of("وقال خلالها عطاف إن الحوار مستمر.\n"), [row("attaf", "عطاف", "الحوار مستمر", false, "")]);
}

#[test]
fn a_subject_before_its_verb() {
    assert_eq!(quotes_of("وكان عطاف قد قال إن الزيارة مهمة.\n"), [row("attaf", "عطاف", "الزيارة مهمة", false, "")]);
}

#[test]
fn words_between_a_verb_and_its_subject() {
    assert_eq!(
        quotes_of("أكد خلالها الرئيس السوري، أن “سوريا مع الحوار”.\n"),
        [row("", "الرئيس السوري", "سوريا مع الحوار", true, "")]
    );
    // A name in marks after a preposition is not the quotation.
    assert!(quotes_of("وأكد لافروف، في حديثه لـ”سكاي نيوز عربية”، الأربعاء، التزام بلاده بالحوار.\n").is_empty());
}

#[test]
fn roles_and_titles_in_the_subject() {
    // A definite role names the person it named earlier in the article.
    assert_eq!(
        quotes_of(
            "وقال وزير الخارجية والتعاون الدكتور أحمد عطاف، خلال مؤتمر، إن الحملة تبدأ.\n\nوأوضح أردوغان أن الحملة كبيرة.\n\nوشدد الوزير على أن «الوقاية أرخص من العلاج».\n"
        )[2],
        row("attaf", "الوزير", "الوقاية أرخص من العلاج", true, "")
    );
    assert_eq!(
        quotes_of("التقى بوتين نظيره التركي رجب طيب أردوغان.\n\nوأضاف الرئيس التركي أن «السلام ممكن».\n"),
        [row("erdogan", "الرئيس التركي", "السلام ممكن", true, "")]
    );
    // A title in the subject, and a name in marks in an aside.
    assert_eq!(
        quotes_of("وكشف المخرج أحمد عطاف، صاحب فيلم «الطريق إلى أسوان»، أن العمل بدأ بالفعل.\n"),
        [row("attaf", "المخرج أحمد عطاف", "العمل بدأ بالفعل", false, "")]
    );
    assert_eq!(
        quotes_of("وأضاف عطاف، الذي يشرف على «أسود الأطلس» منذ عام، أن الباب مفتوح.\n"),
        [row("attaf", "عطاف", "الباب مفتوح", false, "")]
    );
    // The content of a verb in marks is a fragment quoted.
    assert_eq!(
        quotes_of("أعرب الأمين العام أحمد عطاف عن «قلق بالغ» إزاء القتال.\n"),
        [row("attaf", "الأمين العام أحمد عطاف", "قلق بالغ", true, "")]
    );
    // A programme on a channel.
    assert_eq!(
        quotes_of("وقال عطاف، في تصريحات لبرنامج «ستاد» على قناة «الجزيرة»، إن الفريق جاهز.\n"),
        [row("attaf", "عطاف", "الفريق جاهز", false, "aljazeera")]
    );
    // An outlet in marks before the quotation.
    assert_eq!(
        quotes_of("وقال عطاف لـ«الجزيرة»: «الوضع مستقر».\n"),
        [row("attaf", "عطاف", "الوضع مستقر", true, "aljazeera")]
    );
    // A verb with no subject: the actor of its paragraph, not a topic.
    assert_eq!(
        quotes_of("واتهم المتحدث باسم الجيش العميد أحمد عطاف المسلحين بالهجوم، وقال في بيان: «الهجوم متعمد».\n"),
        [row("attaf", "أحمد عطاف", "الهجوم متعمد", true, "")]
    );
    assert_eq!(
        quotes_of("وقال أردوغان إن الفريق جاهز.\n\nوعن عودة عطاف، قال: «عطاف لاعب مهم».\n")[1],
        row("erdogan", "أردوغان", "عطاف لاعب مهم", true, "")
    );
}

/// Each text is kept in Windows-1256 when it can be, else in UTF-8, and
/// read back as it was; a speaker named again is stored once.
#[test]
fn the_words_are_stored_compactly() {
    let body = "وقال عطاف إن «الجزائر لن تقبل». وأضاف عطاف أن الحوار مستمر.\n";
    let (catalog, _) = Catalog::from_lists(&[(Kind::Person, Kind::Person.list_path(), PEOPLE.to_owned())]);
    let matcher = Matcher::new(&catalog);
    let file = parse_article(Path::new("a.md"), &format!("---\ntitle: x\n---\n{body}")).expect("valid");
    let finder = Finder { catalog: &catalog, matcher: &matcher };
    let (analysis, _) = analyze(&file, &finder, &Default::default(), &mut Scratch::default());
    let quotes = &analysis.quotes;
    assert_eq!(quotes.len(), 2);
    let texts: Vec<String> = quotes.iter().map(|q| quotes.text(q).into_owned()).collect();
    assert_eq!(texts, ["الجزائر لن تقبل", "الحوار مستمر"]);
    // One byte a letter, and عطاف once.
    assert_eq!(quotes.words.size(), "الجزائر لن تقبلعطافالحوار مستمر".chars().count());
    // Eastern digits are not in the code page: UTF-8 then.
    assert_eq!(quotes_of("وقال عطاف إن «العدد ٣٠ قتيلا».\n")[0].2, "العدد ٣٠ قتيلا");
}

/// A clause read on into the marks of the next quotation would overlap it;
/// the marks of the text must not, so the later one is left out.
#[test]
fn quotations_never_overlap() {
    let (catalog, _) = Catalog::from_lists(&[(Kind::Person, Kind::Person.list_path(), PEOPLE.to_owned())]);
    let matcher = Matcher::new(&catalog);
    let file = parse_article(Path::new("a.md"), "---\ntitle: عنوان\n---\n» قال بوتين: قال بوتين: «\n\n» قال بوتين")
        .expect("valid");
    let finder = Finder { catalog: &catalog, matcher: &matcher };
    let (analysis, _) = analyze(&file, &finder, &Default::default(), &mut Scratch::default());
    let quotes: Vec<&Quote> = analysis.quotes.iter().collect();
    assert!(!quotes.is_empty());
    for pair in quotes.windows(2) {
        assert!(pair[1].from >= pair[0].to, "{:?} overlaps {:?}", pair[1], pair[0]);
    }
}
