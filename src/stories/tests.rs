//! The hard cases of grouping, as a table: short articles in the manner of
//! Arabic outlets (no entity lists, as in a new archive), the stories they
//! must make, and the ones they must not.

use std::path::Path;
use std::sync::Arc;

use super::*;
use crate::analysis::{self, Finder};
use crate::content::parse_article;
use crate::entities::Matcher;
use crate::entities::matcher::Scratch;

/// (file name, date, title, text).
type Case = (&'static str, &'static str, &'static str, &'static str);

const CASES: &[Case] = &[
    // One earthquake, three outlets, two days, different wording and lengths.
    (
        "quake-a1",
        "2023-09-09",
        "زلزال بقوة 6.8 درجات يضرب إقليم الحوز",
        "ضرب زلزال بقوة 6.8 درجات على مقياس ريختر إقليم الحوز جنوب مراكش ليل الجمعة، وأعلنت وزارة الداخلية مقتل 296 شخصا وإصابة 153 آخرين في حصيلة أولية. وانهارت منازل عديدة في قرى جبال الأطلس الكبير، وهرع السكان إلى الشوارع في مراكش خوفا من هزات ارتدادية.",
    ),
    (
        "quake-a2",
        "2023-09-09",
        "ارتفاع حصيلة ضحايا زلزال الحوز إلى أكثر من ألف قتيل",
        "ارتفعت حصيلة ضحايا الزلزال الذي ضرب إقليم الحوز إلى 1037 قتيلا و1204 مصابين، بحسب آخر بيان لوزارة الداخلية. وتواصل فرق الإنقاذ البحث تحت الأنقاض في قرى الأطلس الكبير المعزولة، فيما تضررت المدينة القديمة في مراكش. وقالت الوزارة إن أغلب الضحايا سقطوا في أقاليم الحوز وتارودانت وشيشاوة.",
    ),
    (
        "quake-a3",
        "2023-09-10",
        "الحوز: فرق الإنقاذ تسابق الزمن في قرى الأطلس",
        "تسابق فرق الإنقاذ الزمن في قرى إقليم الحوز التي دمرها الزلزال، حيث لا يزال عشرات تحت الأنقاض. وقال سكان من قرية تلات نيعقوب إن المساعدات لم تصل بعد، بينما أقامت السلطات مستشفى ميدانيا قرب مراكش. وبلغت حصيلة الزلزال أكثر من 2000 قتيل وفق وزارة الداخلية، وأعلن الحداد ثلاثة أيام.",
    ),
    // A second, smaller earthquake the next day, in another province.
    (
        "quake-b",
        "2023-09-10",
        "هزة أرضية بقوة 4.5 درجات تضرب ولاية سطيف",
        "ضربت هزة أرضية بقوة 4.5 درجات على مقياس ريختر ولاية سطيف شرق الجزائر صباح الأحد، وأفاد مركز البحث في علم الفلك والجيوفيزياء بأن مركزها كان شمال مدينة العلمة. ولم تسجل الحماية المدنية أي خسائر بشرية، لكن تشققات ظهرت في بعض المنازل القديمة وخرج السكان إلى الشوارع.",
    ),
    // The same minister on two subjects, two days running.
    (
        "budget-1",
        "2024-10-20",
        "وزير المالية يعرض مشروع موازنة 2025 على البرلمان",
        "عرض وزير المالية خالد العبد الله مشروع الموازنة العامة لعام 2025 على مجلس النواب، متوقعا عجزا بنسبة 4.2 في المئة من الناتج المحلي. وقال الوزير إن الموازنة تركز على دعم الأجور وخفض الدين العام، وإن الإيرادات الضريبية سترتفع بفضل إصلاح ضريبة الدخل. وانتقد نواب المعارضة تقديرات النمو ووصفوها بالمتفائلة.",
    ),
    (
        "budget-2",
        "2024-10-20",
        "العبد الله: عجز الموازنة الجديدة لن يتجاوز 4.2%",
        "أكد وزير المالية خالد العبد الله أمام مجلس النواب أن عجز موازنة 2025 لن يتجاوز 4.2% من الناتج المحلي الإجمالي، مشيرا إلى أن خفض الدين العام أولوية الحكومة. وأضاف أن إصلاح ضريبة الدخل سيزيد الإيرادات دون المساس بالأجور، فيما طالب نواب بمراجعة تقديرات النمو.",
    ),
    (
        "minister-fuel",
        "2024-10-21",
        "وزير المالية يفتتح مصنعا للألواح الشمسية في المنطقة الصناعية",
        "افتتح وزير المالية خالد العبد الله مصنعا جديدا للألواح الشمسية في المنطقة الصناعية شمال العاصمة، بكلفة 30 مليون دولار. وقال الوزير إن المصنع سيوفر 400 فرصة عمل وسيصدر إنتاجه إلى دول الجوار، داعيا المستثمرين إلى الاستفادة من الحوافز الجديدة للطاقة المتجددة.",
    ),
    // The same two clubs, a month apart.
    (
        "derby-1",
        "2024-03-03",
        "الرجاء يفوز على الوداد في الديربي",
        "فاز الرجاء على غريمه الوداد بهدفين مقابل هدف في ديربي الدار البيضاء ضمن الجولة العشرين من البطولة، على ملعب محمد الخامس أمام أكثر من 40 ألف متفرج. وسجل للرجاء مهاجمه في الدقيقة 12 و78، فيما قلص الوداد الفارق من ضربة جزاء.",
    ),
    (
        "derby-2",
        "2024-03-04",
        "ديربي البيضاء: الرجاء يتفوق على الوداد ويقترب من الصدارة",
        "تفوق الرجاء على الوداد 2-1 في ديربي الدار البيضاء مساء الأحد على ملعب محمد الخامس، ليقترب من صدارة البطولة. وقال مدرب الرجاء إن فريقه استحق الفوز، بينما اعترف مدرب الوداد بأخطاء دفاعية كلفت فريقه الهزيمة في الجولة العشرين.",
    ),
    (
        "derby-cup",
        "2024-04-07",
        "الوداد يثأر من الرجاء ويتأهل إلى نصف نهائي الكأس",
        "ثأر الوداد من الرجاء وفاز عليه بثلاثة أهداف دون رد في ربع نهائي كأس العرش على ملعب محمد الخامس، ليتأهل إلى نصف النهائي. وقال مدرب الوداد إن لاعبيه ردوا على خسارة الديربي الماضي في البطولة، فيما غاب عن الرجاء مهاجمه الأول بسبب الإصابة.",
    ),
    // An agency's copy, and an outlet that reprints it under its own headline.
    (
        "wire",
        "2024-05-14",
        "افتتاح معرض الكتاب الدولي بمشاركة 40 دولة",
        "افتتح معرض الكتاب الدولي اليوم الثلاثاء دورته الثلاثين بمشاركة أكثر من 800 دار نشر من 40 دولة، وتحل الثقافة الإسبانية ضيف شرف على المعرض الذي يستمر عشرة أيام. ويتضمن برنامج المعرض ندوات فكرية وأمسيات شعرية وتوقيعات لإصدارات جديدة، إضافة إلى جناح خاص بكتب الأطفال.",
    ),
    (
        "wire-reprint",
        "2024-05-14",
        "ثقافة: انطلاق الدورة الثلاثين لمعرض الكتاب",
        "متابعة ثقافية. افتتح معرض الكتاب الدولي اليوم الثلاثاء دورته الثلاثين بمشاركة أكثر من 800 دار نشر من 40 دولة، وتحل الثقافة الإسبانية ضيف شرف على المعرض الذي يستمر عشرة أيام. ويتضمن برنامج المعرض ندوات فكرية وأمسيات شعرية وتوقيعات لإصدارات جديدة.",
    ),
    // A story that develops over five days.
    (
        "strike-1",
        "2024-02-01",
        "عمال الموانئ يعلنون إضرابا مفتوحا",
        "أعلنت نقابة عمال الموانئ إضرابا مفتوحا ابتداء من اليوم احتجاجا على تأخر صرف المستحقات، وتوقفت حركة الشحن في ميناء العقبة. وقالت النقابة إن الإضراب سيستمر حتى تلبية مطالب العمال برفع الأجور.",
    ),
    (
        "strike-2",
        "2024-02-03",
        "إضراب الموانئ يدخل يومه الثالث وتكدس الحاويات في العقبة",
        "دخل إضراب عمال الموانئ يومه الثالث وسط تكدس مئات الحاويات في ميناء العقبة، فيما دعت الحكومة النقابة إلى الحوار. وتطالب نقابة عمال الموانئ برفع الأجور وصرف المستحقات المتأخرة.",
    ),
    (
        "strike-3",
        "2024-02-05",
        "اتفاق ينهي إضراب عمال الموانئ في العقبة",
        "توصلت الحكومة ونقابة عمال الموانئ إلى اتفاق ينهي الإضراب الذي شل ميناء العقبة خمسة أيام، يقضي برفع الأجور وصرف المستحقات المتأخرة على دفعتين. واستأنفت حركة الشحن في الميناء مساء اليوم.",
    ),
    // Alone.
    (
        "single-weather",
        "2024-02-04",
        "منخفض جوي يجلب الأمطار والثلوج إلى المرتفعات",
        "تتأثر البلاد اعتبارا من مساء الغد بمنخفض جوي مصحوب بكتلة هوائية باردة، يجلب أمطارا غزيرة وتساقطا للثلوج على المرتفعات التي يزيد ارتفاعها على 900 متر، بحسب دائرة الأرصاد الجوية التي حذرت من الانزلاقات.",
    ),
];

/// The stories the cases must make, by file name.
const STORIES: &[&[&str]] = &[
    &["quake-a1", "quake-a2", "quake-a3"],
    &["budget-1", "budget-2"],
    &["derby-1", "derby-2"],
    &["wire", "wire-reprint"],
    &["strike-1", "strike-2", "strike-3"],
];

/// The held-out corpus of the story tests (tests/testsuite/fixtures/stories):
/// sixty articles of November and December 2025, far from the cases in time,
/// so that the cases are grouped inside an archive, with the word frequencies
/// of one, rather than alone.
fn archive() -> Vec<(String, String)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testsuite/fixtures/stories/content/articles");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&folder)
        .expect("the fixture corpus")
        .map(|entry| {
            let path = entry.expect("readable").path();
            let name = path.file_stem().expect("a name").to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).expect("readable"))
        })
        .collect();
    files.sort();
    files
}

/// The articles of `cases` and of the archive, analysed with empty lists.
fn analysed(cases: &[Case]) -> (Catalog, Vec<Arc<Article>>, Vec<Arc<Analysis>>) {
    let (catalog, _) = Catalog::from_lists(&[]);
    let matcher = Matcher::new(&catalog);
    let finder = Finder { catalog: &catalog, matcher: &matcher };
    let mut articles = Vec::new();
    let mut analyses = Vec::new();
    let written = cases.iter().map(|(name, date, title, text)| {
        ((*name).to_owned(), format!("---\ntitle: \"{title}\"\ndate: {date}\n---\n\n{text}\n"))
    });
    for (name, file) in written.chain(archive()) {
        let parsed = parse_article(Path::new(&format!("content/{name}.md")), &file).expect("a valid case");
        let (analysis, _) = analysis::analyze(&parsed, &finder, &Default::default(), &mut Scratch::default());
        articles.push(Arc::new(parsed.article));
        analyses.push(Arc::new(analysis));
    }
    (catalog, articles, analyses)
}

fn stories_of(cases: &[Case]) -> Vec<Vec<String>> {
    let (catalog, articles, analyses) = analysed(cases);
    let names: FxHashSet<&str> = cases.iter().map(|c| c.0).collect();
    let mut found: Vec<Vec<String>> = find(&articles, &analyses, &catalog, 3, &mut Grouping::default())
        .into_iter()
        .map(|story| story.articles.iter().map(|&a| articles[a as usize].slug.clone()).collect::<Vec<_>>())
        .filter(|story| story.iter().any(|slug| names.contains(slug.as_str())))
        .collect();
    found.sort();
    found
}

/// The grouping of the last build is taken as it was while what it read is
/// unchanged, and made again when anything it read changes.
#[test]
fn the_last_grouping_serves_while_its_articles_are_unchanged() {
    let (catalog, mut articles, analyses) = analysed(CASES);
    let mut last = Grouping::default();
    let grouped = find(&articles, &analyses, &catalog, 3, &mut last);
    assert!(!grouped.is_empty());
    assert_eq!(find(&articles, &analyses, &catalog, 3, &mut last), grouped);
    // Marked so that taking it again shows: no stories at all.
    last.members.clear();
    assert!(find(&articles, &analyses, &catalog, 3, &mut last).is_empty(), "taken as it was");
    // A changed date, or another window, is grouped again.
    Arc::make_mut(&mut articles[0]).published = None;
    assert!(!find(&articles, &analyses, &catalog, 3, &mut last).is_empty(), "grouped again");
    last.members.clear();
    assert!(!find(&articles, &analyses, &catalog, 2, &mut last).is_empty(), "grouped again");
}

#[test]
fn the_hard_cases_group_as_they_should() {
    let mut expected: Vec<Vec<String>> = STORIES.iter().map(|s| s.iter().map(|n| (*n).to_owned()).collect()).collect();
    expected.sort();
    assert_eq!(stories_of(CASES), expected);
}

#[test]
fn a_story_keeps_its_key_when_a_later_article_joins() {
    let without: Vec<Case> = CASES.iter().filter(|c| c.0 != "quake-a3").copied().collect();
    let before = stories_of(&without);
    let after = stories_of(CASES);
    let first =
        |stories: &[Vec<String>]| stories.iter().find(|s| s.contains(&"quake-a2".to_owned())).map(|s| s[0].clone());
    assert_eq!(first(&before), Some("quake-a1".to_owned()));
    assert_eq!(first(&before), first(&after));
}

#[test]
fn headlines_name_stories_by_their_shared_words() {
    let titles = ["بوتين يجتمع مع الأسد في موسكو", "لقاء بوتين والأسد في الكرملين", "الأسد في موسكو"];
    let articles: Vec<Arc<Article>> = titles
        .iter()
        .enumerate()
        .map(|(n, title)| {
            let file = format!("---\ntitle: \"{title}\"\n---\nنص\n");
            Arc::new(parse_article(Path::new(&format!("{n}.md")), &file).expect("valid").article)
        })
        .collect();
    assert_eq!(headline(&articles, &[0, 1, 2]), 0);
}

/// The preview server may put grouping off when only what articles say
/// changed: the stories of the last build are taken as they were, marked
/// stale (the build says articles were edited; the grouping does not read
/// them all to find out), and the next build groups them anew. A changed
/// order (a date) is never put off: the members would name other articles.
#[test]
fn a_deferred_grouping_takes_the_last_stories_and_says_they_are_stale() {
    let (catalog, mut articles, mut analyses) = analysed(CASES);
    let mut last = Grouping::default();
    let grouped = find(&articles, &analyses, &catalog, 3, &mut last);
    assert!(!last.is_stale());
    // Two earthquake reports lose what made them one story.
    for n in [0, 1] {
        Arc::make_mut(&mut analyses[n]).signature = Default::default();
    }
    last.defer();
    last.articles_edited(true);
    assert_eq!(find(&articles, &analyses, &catalog, 3, &mut last), grouped, "taken as it was");
    assert!(last.is_stale());
    let regrouped = find(&articles, &analyses, &catalog, 3, &mut last);
    assert_ne!(regrouped, grouped, "grouped anew when not deferred");
    assert!(!last.is_stale());
    last.defer();
    assert_eq!(find(&articles, &analyses, &catalog, 3, &mut last), regrouped, "nothing changed");
    assert!(!last.is_stale());
    Arc::make_mut(&mut articles[2]).published = None;
    last.defer();
    last.articles_edited(true);
    find(&articles, &analyses, &catalog, 3, &mut last);
    assert!(!last.is_stale(), "a changed date is grouped anew");
}

/// Making the articles' vectors a block at a time groups them as making
/// them all at once does, whatever the block's size.
#[test]
fn the_grouping_is_the_same_in_blocks_of_any_size() {
    let (_, articles, analyses) = analysed(CASES);
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| oldest_order(&articles[a], &articles[b]));
    let items: Vec<group::Item> = order
        .iter()
        .map(|&n| group::Item {
            day: articles[n].published.map(|p| day_number(p.date)),
            signature: &analyses[n].signature,
            entities: &analyses[n].mentions.entities,
        })
        .collect();
    let whole = group::group_in_blocks(&items, 3, items.len());
    assert!(!whole.is_empty(), "the cases make stories");
    for block in [1, 2, 3, 5] {
        assert_eq!(group::group_in_blocks(&items, 3, block), whole, "blocks of {block}");
    }
}
