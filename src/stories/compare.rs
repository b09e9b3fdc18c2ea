//! What a story page compares, from its articles' bodies and analyses: the
//! passages two articles carry word for word (a reprint of an agency's copy,
//! credited or not) with the share of each that is reprinted, the figures
//! that articles attach to the same words with different values, and the
//! statements each article quotes, the same statement in other words grouped
//! together. Pure functions of the story's few articles, run when its page is
//! rendered.

use rustc_hash::FxHashMap;

use crate::analysis::body::Body;
use crate::analysis::figures::Figure;
use crate::analysis::quotes::Quotes;
use crate::analysis::signature::{ContentWord, SHINGLE, canonical, content_words, shingles, term_hash};
use crate::arabic::key;
use crate::arabic::stopwords::is_function_word;
use crate::arabic::tokens::Words;
use crate::entities::EntityId;

/// A passage shorter than this many content words is not a reprint (a
/// shared quotation of a sentence is not copy).
pub const MIN_PASSAGE: usize = 12;
/// Matching runs this many content words apart are one passage (an edited
/// word or two inside a copied paragraph).
const GAP: usize = 3;
/// At most this many passages are shown for a pair.
pub const PASSAGES: usize = 3;

/// The text of an article as the comparison reads it.
pub struct Text {
    body: Body,
    words: Vec<ContentWord>,
}

impl Text {
    pub fn read(markdown: &str) -> Text {
        let body = Body::read(markdown);
        let words = content_words(&body);
        Text { body, words }
    }

    /// How many content words it has.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The text of content words `range` as written (function words between
    /// them included), a new block starting after " … ".
    fn passage(&self, range: std::ops::Range<usize>) -> String {
        let mut pieces: Vec<String> = Vec::new();
        let mut start = range.start;
        while start < range.end {
            let block = self.words[start].block;
            let end = (start..range.end).take_while(|&n| self.words[n].block == block).last().unwrap_or(start);
            let text = &self.body.blocks[block as usize].text;
            pieces.push(text[self.words[start].start as usize..self.words[end].end as usize].to_owned());
            start = end + 1;
        }
        pieces.join(" … ")
    }
}

/// Passages two texts share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    /// The two texts (indexes into what [`shared_text`] was given).
    pub a: usize,
    pub b: usize,
    /// How many content words of each are in shared passages.
    pub words_a: usize,
    pub words_b: usize,
    /// The longest passages as `a` writes them, longest first.
    pub passages: Vec<String>,
}

/// The `limit` pairs of `texts` that share the most in passages of at least
/// [`MIN_PASSAGE`] content words, the most shared first. A story may have
/// dozens of articles: each text's shingles are indexed once, and only the
/// pairs shown have their passages written out.
pub fn shared_text(texts: &[Text], limit: usize) -> Vec<Shared> {
    let hashes: Vec<Vec<u32>> = texts.iter().map(|t| shingles(&t.words)).collect();
    let places: Vec<FxHashMap<u32, Vec<u32>>> = hashes
        .iter()
        .map(|hashes| {
            hashes.iter().enumerate().fold(FxHashMap::default(), |mut map, (n, &h)| {
                map.entry(h).or_insert_with(Vec::new).push(n as u32);
                map
            })
        })
        .collect();
    let mut found = Vec::new();
    for (a, hashes_a) in hashes.iter().enumerate() {
        for (b, places_b) in places.iter().enumerate().skip(a + 1) {
            if let Some(shared) = pair(texts, hashes_a, places_b, a, b) {
                found.push(shared);
            }
        }
    }
    found.sort_by_key(|(s, _)| (std::cmp::Reverse(s.words_a.max(s.words_b)), s.a, s.b));
    found.truncate(limit);
    found
        .into_iter()
        .map(|(mut shared, mut longest)| {
            longest.sort_by_key(|r| (std::cmp::Reverse(r.len()), r.start));
            shared.passages = longest.into_iter().take(PASSAGES).map(|r| texts[shared.a].passage(r)).collect();
            shared
        })
        .collect()
}

/// The content words of `a` and of `b` covered by shingles the other has
/// (`hashes_a`, and where each shingle of `b` is), merged into runs: the
/// pair without its passages, and the runs of `a`.
fn pair(
    texts: &[Text],
    hashes_a: &[u32],
    places_b: &FxHashMap<u32, Vec<u32>>,
    a: usize,
    b: usize,
) -> Option<(Shared, Vec<std::ops::Range<usize>>)> {
    let mut covered_a = vec![false; texts[a].len()];
    let mut covered_b = vec![false; texts[b].len()];
    for (n, h) in hashes_a.iter().enumerate() {
        if let Some(places) = places_b.get(h) {
            covered_a[n..n + SHINGLE].iter_mut().for_each(|c| *c = true);
            for &m in places {
                let m = m as usize;
                covered_b[m..m + SHINGLE].iter_mut().for_each(|c| *c = true);
            }
        }
    }
    let runs_a = runs(&covered_a);
    let runs_b = runs(&covered_b);
    let words = |runs: &[std::ops::Range<usize>]| runs.iter().map(|r| r.len()).sum::<usize>();
    if runs_a.is_empty() || runs_b.is_empty() {
        return None;
    }
    let shared = Shared { a, b, words_a: words(&runs_a), words_b: words(&runs_b), passages: Vec::new() };
    Some((shared, runs_a))
}

/// Runs of covered words at least [`MIN_PASSAGE`] long, runs at most
/// [`GAP`] words apart joined.
fn runs(covered: &[bool]) -> Vec<std::ops::Range<usize>> {
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    let mut n = 0;
    while n < covered.len() {
        if !covered[n] {
            n += 1;
            continue;
        }
        let start = n;
        while n < covered.len() && covered[n] {
            n += 1;
        }
        match runs.last_mut() {
            Some(last) if start - last.end <= GAP => last.end = n,
            _ => runs.push(start..n),
        }
    }
    runs.retain(|r| r.len() >= MIN_PASSAGE);
    runs
}

/// Figures that articles attach to one word, with different values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Differing<'a> {
    /// The compared form of the word they share.
    pub word: &'a str,
    /// For each article (in the order given), its figure with that word.
    pub figures: Vec<Option<&'a Figure>>,
}

/// Words that every figure has near it and that say nothing of what it counts.
fn is_vague(word: &str) -> bool {
    matches!(
        word,
        "%" | "قال"
            | "اكثر"
            | "اقل"
            | "نحو"
            | "حوالي"
            | "اضاف"
            | "بلغ"
            | "وصل"
            | "عدد"
            | "يوم"
            | "ايام"
    )
}

/// For the figures of each article, the words that two or more articles
/// attach figures of different values to, the most widely shared first; rows
/// that show the same figures as an earlier row are left out.
pub fn differing_figures<'a>(figures: &[&'a [Figure]], limit: usize) -> Vec<Differing<'a>> {
    let mut by_word: FxHashMap<&'a str, Vec<Option<&'a Figure>>> = FxHashMap::default();
    for (n, list) in figures.iter().enumerate() {
        for figure in list.iter() {
            for word in figure.context_words() {
                if is_vague(word) {
                    continue;
                }
                let row = by_word.entry(word).or_insert_with(|| vec![None; figures.len()]);
                row[n].get_or_insert(figure);
            }
        }
    }
    let mut rows: Vec<Differing<'a>> = by_word
        .into_iter()
        .filter(|(_, row)| {
            let mut values: Vec<&str> = row.iter().flatten().map(|f| &*f.value).collect();
            values.sort_unstable();
            values.dedup();
            row.iter().flatten().count() >= 2 && values.len() >= 2
        })
        .map(|(word, figures)| Differing { word, figures })
        .collect();
    rows.sort_by(|a, b| {
        let count = |r: &Differing| r.figures.iter().flatten().count();
        count(b).cmp(&count(a)).then_with(|| a.word.cmp(b.word))
    });
    let mut kept: Vec<Differing<'a>> = Vec::new();
    for row in rows {
        let same = kept.iter().any(|k| {
            k.figures.iter().zip(&row.figures).all(|(x, y)| match (x, y) {
                (Some(x), Some(y)) => std::ptr::eq(*x, *y),
                (None, None) => true,
                _ => false,
            })
        });
        if !same && kept.len() < limit {
            kept.push(row);
        }
    }
    kept
}

/// Two quotations are one statement when this share of the content words of
/// the shorter one are in the other: wordings of one statement keep most of
/// its words (a reporter's paraphrase, a translation edited), two statements
/// of one speaker share few.
const SAME_STATEMENT: f64 = 0.5;
/// ... and at least this many of them (two one-word quotations are not one
/// statement for sharing that word).
const SAME_STATEMENT_WORDS: usize = 2;

/// Who said a statement: a listed person, or the words that name a speaker
/// who is not one (متحدث باسم الجيش), by their key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Speaker {
    Listed(EntityId),
    Named(String),
}

/// One statement as the story's articles carry it: for each article, the
/// number of its quotation that carries it (the first, where it quotes it
/// more than once), or none.
#[derive(Debug)]
pub struct Statement {
    pub speaker: Speaker,
    pub carried: Vec<Option<usize>>,
}

impl Statement {
    /// How many of the articles carry it.
    pub fn carriers(&self) -> usize {
        self.carried.iter().flatten().count()
    }
}

/// The statements the articles quote, those carried by the most articles
/// first (then in the order the articles carry them), at most `limit`.
/// `quotes` are the articles' quotations, in the story's order.
pub fn statements(quotes: &[&Quotes], limit: usize) -> Vec<Statement> {
    // The first quotation of each wording, in the story's order: (speaker, its
    // content words sorted, article, quotation).
    let mut statements: Vec<(Statement, Vec<u32>)> = Vec::new();
    for (article, list) in quotes.iter().enumerate() {
        for (n, quote) in list.iter().enumerate() {
            let speaker = match quote.speaker {
                Some(person) => Speaker::Listed(person),
                None => {
                    let named = key(&list.speaker_text(quote));
                    if named.is_empty() {
                        continue;
                    }
                    Speaker::Named(named)
                }
            };
            let words = statement_words(&list.text(quote));
            // An article quoting one statement twice keeps its first quotation of it.
            let same = statements
                .iter_mut()
                .find(|(statement, other)| statement.speaker == speaker && same_statement(&words, other));
            match same {
                Some((statement, other)) => {
                    statement.carried[article].get_or_insert(n);
                    if words.len() > other.len() {
                        *other = words;
                    }
                }
                None => {
                    let mut carried = vec![None; quotes.len()];
                    carried[article] = Some(n);
                    statements.push((Statement { speaker, carried }, words));
                }
            }
        }
    }
    let mut statements: Vec<Statement> = statements.into_iter().map(|(s, _)| s).collect();
    // A stable sort keeps the story's order among equals.
    statements.sort_by_key(|s| std::cmp::Reverse(s.carriers()));
    statements.truncate(limit);
    statements
}

/// The content words of a quotation, compared as stories compare words,
/// sorted and without repeats.
fn statement_words(text: &str) -> Vec<u32> {
    let words = Words::of(text);
    let mut hashes: Vec<u32> = words
        .iter()
        .filter(|(_, word_key)| !is_function_word(word_key) && word_key.chars().count() >= 2)
        .map(|(_, word_key)| term_hash(canonical(word_key)))
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

fn same_statement(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let shorter = a.len().min(b.len());
    shared >= SAME_STATEMENT_WORDS && shared as f64 >= SAME_STATEMENT * shorter as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::figures::figures;

    const WIRE: &str = "افتتح معرض الكتاب الدولي اليوم الثلاثاء دورته الثلاثين بمشاركة أكثر من 800 دار نشر من 40 دولة، وتحل الثقافة الإسبانية ضيف شرف على المعرض الذي يستمر عشرة أيام. ويتضمن برنامج المعرض ندوات فكرية وأمسيات شعرية وتوقيعات لإصدارات جديدة، إضافة إلى جناح خاص بكتب الأطفال.\n";

    #[test]
    fn a_reprint_is_found_with_its_share() {
        let reprint = format!(
            "متابعة ثقافية.\n\n{}\nوقال زوار إن الأسعار مرتفعة هذا العام مقارنة بالدورة الماضية.\n",
            WIRE.replace("، إضافة إلى جناح خاص بكتب الأطفال", "")
        );
        let other = "ضرب زلزال بقوة ست درجات جنوب البلاد صباح اليوم وأدى إلى انهيار عشرات المنازل القديمة.\n";
        let texts = [Text::read(WIRE), Text::read(&reprint), Text::read(other)];
        let shared = shared_text(&texts, usize::MAX);
        assert_eq!(shared.len(), 1, "{shared:?}");
        let pair = &shared[0];
        assert_eq!((pair.a, pair.b), (0, 1));
        assert!(pair.words_a * 10 >= texts[0].len() * 8, "{} of {}", pair.words_a, texts[0].len());
        assert!(pair.words_b < texts[1].len(), "the reprint's own sentence is not shared");
        assert!(pair.passages[0].starts_with("افتتح معرض الكتاب"), "{:?}", pair.passages);
    }

    #[test]
    fn a_shared_sentence_is_not_a_reprint() {
        let a = Text::read("قال الوزير إن الاجتماع مهم جدا للبلدين. ثم غادر القاعة دون أسئلة من الصحفيين الحاضرين.\n");
        let b = Text::read("أكد الوزير أن الاجتماع مهم جدا للبلدين، في مؤتمر صحفي عقده بعد الظهر في مقر الوزارة.\n");
        assert!(shared_text(&[a, b], usize::MAX).is_empty());
    }

    #[test]
    fn differing_tolls_line_up() {
        let texts = [
            "لقي 3 أشخاص مصرعهم وأصيب 45 آخرون إثر الزلزال.\n",
            "قال مسؤولون إن سبعة أشخاص على الأقل لقوا حتفهم وأصيب نحو 120 آخرين.\n",
            "ارتفعت حصيلة ضحايا الزلزال إلى 11 قتيلا و230 مصابا.\n",
        ];
        let found: Vec<Vec<Figure>> = texts.iter().map(|t| figures(&Body::read(t))).collect();
        let lists: Vec<&[Figure]> = found.iter().map(Vec::as_slice).collect();
        let rows = differing_figures(&lists, 8);
        let people = rows.iter().find(|r| r.word == "اشخاص").expect("a row for اشخاص");
        let values: Vec<Option<&str>> = people.figures.iter().map(|f| f.map(|f| &*f.value)).collect();
        assert_eq!(values, [Some("3"), Some("7"), None]);
    }

    /// The quotations of `bodies`, each read as an article of its own, with
    /// two listed people.
    fn quotations(bodies: &[&str]) -> (crate::entities::Catalog, Vec<Quotes>) {
        use crate::entities::{Catalog, Kind, Matcher};
        const PEOPLE: &str = "[attaf]\nname = \"أحمد عطاف\"\naliases = [\"عطاف\"]\n\n[lavrov]\nname = \"سيرغي لافروف\"\naliases = [\"لافروف\"]\n";
        let (catalog, problems) = Catalog::from_lists(&[(Kind::Person, Kind::Person.list_path(), PEOPLE.to_owned())]);
        assert!(problems.is_empty(), "{problems:?}");
        let matcher = Matcher::new(&catalog);
        let finder = crate::analysis::Finder { catalog: &catalog, matcher: &matcher };
        let quotes = bodies
            .iter()
            .map(|body| {
                let file = crate::content::parse_article(
                    std::path::Path::new("a.md"),
                    &format!("---\ntitle: عنوان\n---\n{body}\n"),
                )
                .expect("valid");
                let mut scratch = crate::entities::matcher::Scratch::default();
                crate::analysis::analyze(&file, &finder, &Default::default(), &mut scratch).0.quotes
            })
            .collect();
        (catalog, quotes)
    }

    #[test]
    fn one_statement_in_other_words_is_grouped() {
        let (catalog, quotes) = quotations(&[
            "قال وزير الخارجية أحمد عطاف إن «الجزائر ترفض أي تدخل أجنبي في شؤون دول الساحل». وأضاف أن «الحوار هو الطريق الوحيد».",
            "وأكد عطاف أن بلاده «ترفض رفضا قاطعا أي تدخل أجنبي في شؤون دول منطقة الساحل».",
            "قال لافروف إن «موسكو تدعم الحوار بين دول الساحل». وقال متحدث باسم الجيش إن «الوضع تحت السيطرة».",
        ]);
        let refs: Vec<&Quotes> = quotes.iter().collect();
        let found = statements(&refs, 10);
        let attaf = Speaker::Listed(catalog.resolve(crate::entities::Kind::Person, "attaf").expect("attaf"));
        let lavrov = Speaker::Listed(catalog.resolve(crate::entities::Kind::Person, "lavrov").expect("lavrov"));
        // Carried by two articles: first.
        assert_eq!(found[0].speaker, attaf);
        assert_eq!(found[0].carried, [Some(0), Some(0), None], "{found:?}");
        assert_eq!(found[0].carriers(), 2);
        let of = |speaker: &Speaker| found.iter().filter(|s| &s.speaker == speaker).count();
        // Attaf's second statement is another statement; Lavrov's speaks of
        // dialogue too, but is Lavrov's.
        assert_eq!(of(&attaf), 2, "{found:?}");
        assert_eq!(of(&lavrov), 1, "{found:?}");
        assert!(found.iter().any(|s| s.speaker == Speaker::Named(crate::arabic::key("متحدث باسم الجيش"))), "{found:?}");
        assert_eq!(statements(&refs, 1).len(), 1);
    }
}
