//! The excerpt of each entity in an article: the sentence of the body where
//! it is first named (by a certain spelling in prose when there is one), cut
//! near [`EXCERPT_CHARS`] characters around the name, with the name's place in
//! it so that a page can mark it. Entity pages show it under each article;
//! an article's excerpts are made from its text and mentions when the first
//! such page is rendered, and kept for the others, compactly
//! ([`compact`](super::compact)): entities named in one short sentence share
//! its text, one byte an Arabic letter.

use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::body::Body;
use super::compact::{Stored, Texts, TextsBuilder};
use super::mentions::Mention;
use crate::arabic::sentences::Sentences;
use crate::content::markdown::Place;
use crate::entities::EntityId;

/// About how long an excerpt is, in characters (a sentence longer than
/// [`WHOLE_SENTENCE_CHARS`] is cut to this around the name).
pub const EXCERPT_CHARS: usize = 160;
/// A sentence up to this long is kept whole.
const WHOLE_SENTENCE_CHARS: usize = 190;

/// The excerpts of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Excerpts {
    /// The distinct texts, whitespace collapsed.
    texts: Texts,
    /// One per entity named in the body, sorted by entity.
    entries: Vec<Excerpt>,
}

/// Entity `entity` is named at bytes `name_start..name_end` of `text` (as
/// read back). Sixteen bytes, as an article has one for each entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Excerpt {
    entity: EntityId,
    text: Stored,
    name_start: u16,
    name_end: u16,
}

impl Excerpts {
    /// The excerpt of `entity` and the bytes of its name in it; `None` when
    /// the body does not name it (only the title or the front matter does).
    pub fn of(&self, entity: EntityId) -> Option<(Cow<'_, str>, Range<usize>)> {
        let i = self.entries.binary_search_by_key(&entity, |e| e.entity).ok()?;
        let entry = self.entries[i];
        let text = self.texts.get(entry.text);
        let name = usize::from(entry.name_start)..usize::from(entry.name_end);
        (text.get(name.clone()).is_some()).then_some((text, name))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// What each excerpt is, hashed, without its text.
    pub fn digests(&self) -> ExcerptDigests {
        use std::hash::{Hash, Hasher};
        let digest = |e: &Excerpt| {
            let mut hasher = xxhash_rust::xxh3::Xxh3::new();
            (self.texts.kept(e.text), e.name_start, e.name_end).hash(&mut hasher);
            (e.entity, hasher.finish())
        };
        let (entities, digests): (Vec<EntityId>, Vec<u64>) = self.entries.iter().map(digest).unzip();
        ExcerptDigests { entities: entities.into_boxed_slice(), digests: digests.into_boxed_slice() }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The excerpts of an article, hashed by entity (in entity order): what the
/// analysis keeps of them, for the fingerprints of the pages that show them.
/// The entities and the digests apart: as pairs they took 16 bytes each.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcerptDigests {
    entities: Box<[EntityId]>,
    digests: Box<[u64]>,
}

impl ExcerptDigests {
    /// The digest of the excerpt of `entity`, if the body names it.
    pub fn of(&self, entity: EntityId) -> Option<u64> {
        self.entities.binary_search(&entity).ok().map(|i| self.digests[i])
    }
}

/// How good a mention is for an excerpt: a certain spelling in prose first,
/// then any spelling in prose, then a heading, list item or link text.
fn rank(mention: &Mention) -> u8 {
    match (mention.place, mention.certain) {
        (Place::Prose, true) => 0,
        (Place::Prose, false) => 1,
        _ => 2,
    }
}

/// The excerpts of the entities that `mentions` (an article's, unpacked)
/// name in `body`, of those that `wanted` keeps.
pub fn excerpts(body: &Body, mentions: &[Mention], wanted: impl Fn(EntityId) -> bool) -> Excerpts {
    let mut best: FxHashMap<EntityId, &Mention> = FxHashMap::default();
    for mention in mentions.iter().filter(|m| m.run.is_some() && wanted(m.entity)) {
        let better = best.get(&mention.entity).is_none_or(|b| rank(mention) < rank(b));
        if better {
            best.insert(mention.entity, mention);
        }
    }
    let mut chosen: Vec<&Mention> = best.into_values().collect();
    chosen.sort_by_key(|m| m.entity);
    let mut texts = TextsBuilder::default();
    let mut entries = Vec::with_capacity(chosen.len());
    // Each block is split into sentences once, however many names it has.
    let mut sentences: Vec<Option<Sentences>> = body.blocks.iter().map(|_| None).collect();
    for mention in chosen {
        let Some(run) = mention.run.and_then(|r| body.runs.get(r as usize)) else { continue };
        let text = &body.blocks[run.block as usize].text;
        let name = (run.start + mention.start) as usize..(run.start + mention.end) as usize;
        let sentences = sentences[run.block as usize].get_or_insert_with(|| Sentences::of(text));
        let Some((excerpt, marked)) = cut_around(text, name, sentences) else { continue };
        // Excerpts are short; the bounds only keep the offsets' types honest.
        let (Ok(name_start), Ok(name_end), Some(text)) =
            (u16::try_from(marked.start), u16::try_from(marked.end), texts.store(&excerpt))
        else {
            continue;
        };
        entries.push(Excerpt { entity: mention.entity, text, name_start, name_end });
    }
    Excerpts { texts: texts.finish(), entries }
}

/// The sentence of `text` around bytes `name` (from `sentences`, those of
/// `text`), cut near [`EXCERPT_CHARS`] characters around the name at word
/// boundaries with an ellipsis, whitespace collapsed; with the name's bytes
/// in the result.
fn cut_around(text: &str, name: Range<usize>, sentences: &mut Sentences) -> Option<(String, Range<usize>)> {
    if name.start >= name.end || name.end > text.len() || !text.is_char_boundary(name.start) {
        return None;
    }
    let (start, end) = match sentences.around(name.start) {
        Some(sentence) => (sentence.start, sentence.end.max(name.end)),
        None => (0, text.len()),
    };
    let before = collapse(&text[start..name.start]);
    let named = collapse(&text[name.clone()]);
    let after = collapse(&text[name.end..end]);
    let (before, after) = (before.trim_start(), after.trim_end());
    let (before_chars, named_chars, after_chars) =
        (before.chars().count(), named.chars().count(), after.chars().count());
    let (before, after) = if before_chars + named_chars + after_chars <= WHOLE_SENTENCE_CHARS {
        (before.to_owned(), after.to_owned())
    } else {
        let room = EXCERPT_CHARS.saturating_sub(named_chars);
        // Some of what comes before, the rest after (what is said of the name).
        let before_room = before_chars.min((room / 3).max(room.saturating_sub(after_chars)));
        let after_room = room - before_room;
        (keep_end(before, before_room), keep_start(after, after_room))
    };
    let marked = before.len()..before.len() + named.len();
    Some((format!("{before}{named}{after}"), marked))
}

/// Runs of whitespace as one space.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Up to `kept`, the text is in `out`; the rest is copied when a run of
    // whitespace other than one space is met, or at the end.
    let mut kept = 0;
    let mut at = 0;
    // A whitespace character starts with an ASCII byte or with C2, E1, E2 or
    // E3 (U+0085 … U+3000): the letters between are not decoded.
    let candidate = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1..=0xE3);
    while let Some(found) = text.as_bytes()[at..].iter().position(candidate) {
        let start = at + found;
        let end = text[start..].find(|c: char| !c.is_whitespace()).map_or(text.len(), |n| start + n);
        if end == start {
            // Not whitespace after all («, “…).
            at = start + text[start..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        if &text[start..end] != " " {
            out.push_str(&text[kept..start]);
            out.push(' ');
            kept = end;
        }
        at = end;
    }
    out.push_str(&text[kept..]);
    out
}

/// The last `limit` characters of `text`, from a word's start, after an
/// ellipsis when something was cut.
fn keep_end(text: &str, limit: usize) -> String {
    let count = text.chars().count();
    if count <= limit {
        return text.to_owned();
    }
    let tail: String = text.chars().skip(count - limit).collect();
    let tail = match tail.find(' ') {
        Some(space) if space + 1 < tail.len() => &tail[space + 1..],
        _ => "",
    };
    format!("…{tail}")
}

/// The first `limit` characters of `text`, up to a word's end, with an
/// ellipsis when something was cut.
fn keep_start(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let head: String = text.chars().take(limit).collect();
    let head = match head.rfind(' ') {
        Some(space) => &head[..space],
        None => "",
    };
    format!("{}…", head.trim_end_matches(['،', ',', '؛', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt(text: &str, name: &str) -> (String, String) {
        let at = text.find(name).expect("the name is in the text");
        let (excerpt, marked) = cut_around(text, at..at + name.len(), &mut Sentences::of(text)).expect("an excerpt");
        let shown = excerpt[marked].to_owned();
        (excerpt, shown)
    }

    #[test]
    fn the_sentence_that_names_the_entity() {
        let table = [
            (
                "وصل الوفد صباحًا. وقال بوتين للأسد إنه قلق من التصعيد. ثم غادر.",
                "بوتين",
                "وقال بوتين للأسد إنه قلق من التصعيد. ",
            ),
            ("هل زار الأسد موسكو؟ نعم، زارها أمس.", "موسكو", "هل زار الأسد موسكو؟ "),
            ("ذكرت   الخدمة  الصحفية أن بوتين اجتمع بالأسد", "بوتين", "ذكرت الخدمة الصحفية أن بوتين اجتمع بالأسد"),
            // A number with a decimal point does not end a sentence.
            ("ارتفع النفط 3.5 في المئة بعد تصريح بوتين.", "بوتين", "ارتفع النفط 3.5 في المئة بعد تصريح بوتين."),
        ];
        for (text, name, expected) in table {
            let (excerpt, marked) = excerpt(text, name);
            assert_eq!(excerpt.trim_end(), expected.trim_end(), "{text}");
            assert_eq!(marked, name);
        }
    }

    #[test]
    fn whitespace_collapses_to_one_space() {
        let table = [
            ("", ""),
            ("  ", " "),
            ("قال  بوتين\n\tفي\u{00A0}\u{2003}موسكو ", "قال بوتين في موسكو "),
            (" «نعم»\u{3000}» ", " «نعم» » "),
            ("a\u{0085}b\u{2028}c\u{200B}d", "a b c\u{200B}d"),
        ];
        for (text, collapsed) in table {
            assert_eq!(collapse(text), collapsed, "{text:?}");
        }
    }

    proptest::proptest! {
        /// What whitespace a text has, it keeps as single spaces: before,
        /// between and after its words.
        #[test]
        fn collapsing_keeps_the_words(text in "[ a\t\n\u{00A0}\u{2003}\u{3000}\u{0085}\u{1680}\u{2028}\u{200B}«»بـé€]{0,20}") {
            let words: Vec<&str> = text.split_whitespace().collect();
            let expected = match words.is_empty() {
                true if text.is_empty() => String::new(),
                true => " ".to_owned(),
                false => {
                    let lead = if text.starts_with(char::is_whitespace) { " " } else { "" };
                    let trail = if text.ends_with(char::is_whitespace) { " " } else { "" };
                    format!("{lead}{}{trail}", words.join(" "))
                }
            };
            proptest::prop_assert_eq!(collapse(&text), expected);
        }
    }

    #[test]
    fn a_long_sentence_is_cut_around_the_name() {
        let before = "كلمة ".repeat(60);
        let after = " تفصيل".repeat(60);
        let text = format!("{before}قال فلاديمير بوتين{after}.");
        let (cut, marked) = excerpt(&text, "فلاديمير بوتين");
        assert_eq!(marked, "فلاديمير بوتين");
        let chars = cut.chars().count();
        assert!((EXCERPT_CHARS - 20..=EXCERPT_CHARS + 2).contains(&chars), "{chars}: {cut}");
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
        // Whole words only.
        assert!(!cut.contains("كل…") && cut.starts_with("…كلمة"), "{cut}");
        // A name near the start keeps all that comes before it.
        let text = format!("قال بوتين{after}.");
        let (excerpt, _) = excerpt(&text, "بوتين");
        assert!(excerpt.starts_with("قال بوتين"), "{excerpt}");
    }

    #[test]
    fn the_first_certain_mention_in_prose_is_chosen() {
        let body = Body::read("# الأسد\n\nزأر الأسد. ثم قال بشار الأسد كلامًا.\n");
        let at = |run: u32, word: &str| {
            let text = body.text(&body.runs[run as usize]);
            let start = text.find(word).expect("in the run") as u32;
            (start, start + word.len() as u32)
        };
        let mention = |run: u32, word: &str, place: Place, certain: bool| {
            let (start, end) = at(run, word);
            Mention { entity: 7, run: Some(run), start, end, place, certain }
        };
        let mentions = [
            Mention { entity: 9, run: None, start: 0, end: 4, place: Place::Heading, certain: true },
            mention(0, "الأسد", Place::Heading, false),
            mention(1, "الأسد", Place::Prose, false),
            mention(1, "بشار الأسد", Place::Prose, true),
        ];
        let excerpts = excerpts(&body, &mentions, |_| true);
        let (text, name) = excerpts.of(7).expect("an excerpt");
        assert_eq!((text.as_ref(), &text[name]), ("ثم قال بشار الأسد كلامًا.", "بشار الأسد"));
        // Kept in one byte a letter, and an entry in sixteen bytes.
        assert_eq!(excerpts.texts.size(), text.chars().count());
        assert_eq!(std::mem::size_of::<Excerpt>(), 16);
        // Named in the title only: no excerpt.
        assert!(excerpts.of(9).is_none());
        assert_eq!(excerpts.len(), 1);
    }

    #[test]
    fn texts_come_back_as_they_were() {
        let table = [
            ("قال بوتين: «نعم» ثم ضحك.", "بوتين"),
            ("يقول Vladimir Putin إن 2024 عام مهم.", "Vladimir Putin"),
            ("وبُوتِيـــن في موسكو", "وبُوتِيـــن"),
            // Not in Windows-1256: kept in UTF-8.
            ("بوتين 🙂 في موسكو", "بوتين"),
            ("بوتين ی پ ک ۲۰۲۴", "بوتين"),
        ];
        for (text, name) in table {
            let body = Body::read(text);
            let at = text.find(name).expect("the name is in the text");
            let (start, end) = (at as u32, (at + name.len()) as u32);
            let mention = Mention { entity: 1, run: Some(0), start, end, place: Place::Prose, certain: true };
            let mentions = [mention];
            let excerpts = excerpts(&body, &mentions, |_| true);
            let (excerpt, marked) = excerpts.of(1).expect("an excerpt");
            assert_eq!((excerpt.as_ref(), &excerpt[marked]), (text, name));
            // Pages make them again from the text alone, without its words.
            assert_eq!(super::excerpts(&Body::read_text(text), &mentions, |_| true), excerpts, "{text}");
        }
    }

    #[test]
    fn bad_ranges_give_nothing() {
        let cut = |name: Range<usize>| cut_around("بوتين", name, &mut Sentences::of("بوتين"));
        assert!(cut(1..3).is_none());
        assert!(cut(0..40).is_none());
        assert!(cut(2..2).is_none());
    }
}
