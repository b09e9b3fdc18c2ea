//! Finding what an article mentions (docs/arabic.md §2): the
//! matcher run over the title and the body's text runs, weak spellings kept only
//! where a strong one of the same entity stands, front-matter additions and
//! `not:` applied. Every mention is kept with its place; which of them become
//! links is decided when the page is rendered ([`links`]). A pure function of
//! one article, mapped over the corpus in parallel.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::arabic::tokens::WordSlice;
use crate::config::LinkMentions;
use crate::content::markdown::Place;
use crate::content::{Article, Located};
use crate::diagnostics::Diagnostic;
use crate::entities::matcher::{Found, Scratch};
use crate::entities::{Catalog, EntityId, Kind, Matcher};

/// A name in the text, resolved to the entity it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub entity: EntityId,
    /// The text run of the body, or `None` for the title.
    pub run: Option<u32>,
    /// Bytes of the run's text (or the title): the name with the proclitics
    /// that join it (ب ل ك ال), not a leading و or ف, which do not join the
    /// next letter and are left out of a link (docs/arabic.md §2.11).
    pub start: u32,
    pub end: u32,
    /// Where it stands; the title counts as a heading.
    pub place: Place,
    /// Named by a spelling that only this entity has and that is not weak.
    pub certain: bool,
}

/// A mention that becomes a link: bytes `start..end` of text run `run`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkSite {
    pub run: u32,
    pub start: u32,
    pub end: u32,
    pub entity: EntityId,
}

/// What an article mentions, resolved against the catalog.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mentions {
    /// The publishing outlet.
    pub source: Option<EntityId>,
    /// Every entity of the article with the number of times its text names it
    /// (0 for one only the front matter adds), in entity order.
    pub entities: Vec<(EntityId, u32)>,
    /// Every mention, in text order (the title first).
    pub mentions: MentionList,
}

/// Mentions packed for keeping: every analysis is kept for the whole build,
/// and at 24 bytes a mention its mentions were the largest part of it (75
/// in an article of the benchmark's corpus); packed, one takes about 8.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionList(Box<[u8]>);

/// A [`Mention`] as [`MentionList`] stores it, with variable-length
/// integers (postcard's): small numbers take one byte.
#[derive(Serialize, Deserialize)]
struct PackedMention {
    entity: EntityId,
    /// 0 for the title, else the run's number plus one.
    run: u32,
    start: u32,
    len: u32,
    place: Place,
    certain: bool,
}

impl MentionList {
    pub fn pack(mentions: &[Mention]) -> MentionList {
        let packed: Vec<PackedMention> = mentions
            .iter()
            .map(|m| PackedMention {
                entity: m.entity,
                run: m.run.map_or(0, |r| r + 1),
                start: m.start,
                len: m.end - m.start,
                place: m.place,
                certain: m.certain,
            })
            .collect();
        // Writing plain numbers into memory cannot fail.
        MentionList(postcard::to_allocvec(&packed).unwrap_or_default().into_boxed_slice())
    }

    /// The mentions, in text order.
    pub fn unpack(&self) -> Vec<Mention> {
        let packed: Vec<PackedMention> = postcard::from_bytes(&self.0).unwrap_or_default();
        packed
            .into_iter()
            .map(|m| Mention {
                entity: m.entity,
                run: m.run.checked_sub(1),
                start: m.start,
                end: m.start + m.len,
                place: m.place,
                certain: m.certain,
            })
            .collect()
    }
}

impl Mentions {
    pub fn contains(&self, entity: EntityId) -> bool {
        self.entities.binary_search_by_key(&entity, |&(e, _)| e).is_ok()
    }

    /// The mentions that become links under `policy`, in text order: with
    /// `first`, the first certain spelling of each entity in prose, else its
    /// first weak one (a weak spelling may be an ordinary word: سورية "Syrian").
    pub fn links(&self, policy: LinkMentions) -> Vec<LinkSite> {
        let linkable = self.mentions.unpack().into_iter().filter_map(|m| {
            let run = m.run.filter(|_| m.place == Place::Prose)?;
            Some((m.certain, LinkSite { run, start: m.start, end: m.end, entity: m.entity }))
        });
        match policy {
            LinkMentions::None => Vec::new(),
            LinkMentions::All => linkable.map(|(_, site)| site).collect(),
            LinkMentions::First => {
                let mut first: FxHashMap<EntityId, (bool, LinkSite)> = FxHashMap::default();
                for (certain, site) in linkable {
                    match first.get(&site.entity) {
                        Some(&(true, _)) => {}
                        Some(&(false, _)) if !certain => {}
                        _ => {
                            first.insert(site.entity, (certain, site));
                        }
                    }
                }
                let mut links: Vec<LinkSite> = first.into_values().map(|(_, site)| site).collect();
                links.sort_by_key(|l| (l.run, l.start));
                links
            }
        }
    }
}

/// Everything [`find`] needs that is shared by all articles.
pub struct Finder<'a> {
    pub catalog: &'a Catalog,
    pub matcher: &'a Matcher,
}

/// Every name in the title and the body's shown text, in order (the title
/// first), before they are weighed against each other.
#[derive(Default)]
pub struct Candidates<'m> {
    list: Vec<Candidate<'m>>,
    found: Vec<Found<'m>>,
}

struct Candidate<'m> {
    found: Found<'m>,
    run: Option<u32>,
    place: Place,
}

impl<'m> Candidates<'m> {
    /// Adds the names among `words` of `text` (the title when `run` is
    /// `None`), standing in `place`; the text is `text[from..]` (the words'
    /// offsets are in `text`, a mention's in the run).
    pub fn add(
        &mut self,
        matcher: &'m Matcher,
        (text, words): (&str, WordSlice),
        from: usize,
        run: Option<u32>,
        place: Place,
        scratch: &mut Scratch,
    ) {
        if !is_named_in(place) {
            return;
        }
        matcher.find_in(text, words, scratch, &mut self.found);
        self.list.extend(self.found.drain(..).map(|found| Candidate {
            found: Found {
                start: found.start - from,
                end: found.end - from,
                link_start: found.link_start - from,
                ..found
            },
            run,
            place,
        }));
    }
}

/// Whether names in text standing in `place` are mentions (not in code, an
/// image's description or a hidden element).
fn is_named_in(place: Place) -> bool {
    !matches!(place, Place::Code | Place::Image | Place::Hidden)
}

/// Settles the entities of `article` from the names its text gives
/// (`candidates`) and its front matter; unknown references in its front
/// matter are returned as errors (the rest of the article is still analysed).
pub fn find(article: &Article, candidates: Candidates, finder: &Finder) -> (Mentions, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut resolve = |kind: Kind, reference: &Located<String>, key: &str| -> Option<EntityId> {
        let found = finder.catalog.resolve(kind, &reference.value);
        if found.is_none() {
            diagnostics.push(unknown_reference(article, finder.catalog, kind, reference, key));
        }
        found
    };
    let source = article.source.as_ref().and_then(|s| resolve(Kind::Source, s, "source"));
    let mut added: Vec<EntityId> = source.into_iter().collect();
    for (kind, key, references) in [
        (Kind::Person, "people", &article.people),
        (Kind::Place, "places", &article.places),
        (Kind::Source, "sources", &article.sources),
    ] {
        added.extend(references.iter().filter_map(|r| resolve(kind, r, key)));
    }
    let excluded: FxHashSet<EntityId> = article
        .not
        .iter()
        .filter_map(|r| {
            let found = Kind::ALL.iter().find_map(|&k| finder.catalog.resolve(k, &r.value));
            if found.is_none() {
                diagnostics.push(unknown_reference(article, finder.catalog, Kind::Person, r, "not"));
            }
            found
        })
        .collect();

    let candidates = candidates.list;
    // A weak or shared spelling counts for an entity that the article names
    // with a certain spelling, or that its front matter names; a shared one
    // only when exactly one of its claimants is so named.
    let supported: FxHashSet<EntityId> =
        candidates.iter().filter_map(|c| c.found.certain()).chain(added.iter().copied()).collect();
    let mentions: Vec<Mention> = candidates
        .into_iter()
        .filter_map(|c| {
            let certain = c.found.certain();
            let mut named =
                c.found.eligible().map(|cl| cl.entity).filter(|e| certain == Some(*e) || supported.contains(e));
            match (named.next(), named.next()) {
                (Some(entity), None) if !excluded.contains(&entity) => Some(Mention {
                    entity,
                    run: c.run,
                    start: c.found.link_start as u32,
                    end: c.found.end as u32,
                    place: c.place,
                    certain: certain == Some(entity),
                }),
                _ => None,
            }
        })
        .collect();

    let mut counts: Vec<(EntityId, u32)> = mentions.iter().map(|m| (m.entity, 1)).collect();
    counts.extend(added.iter().filter(|e| !excluded.contains(e)).map(|&e| (e, 0)));
    counts.sort_unstable();
    let mut entities: Vec<(EntityId, u32)> = Vec::with_capacity(counts.len());
    for (entity, count) in counts {
        match entities.last_mut() {
            Some((last, total)) if *last == entity => *total += count,
            _ => entities.push((entity, count)),
        }
    }
    (Mentions { source, entities, mentions: MentionList::pack(&mentions) }, diagnostics)
}

fn unknown_reference(
    article: &Article,
    catalog: &Catalog,
    kind: Kind,
    reference: &Located<String>,
    key: &str,
) -> Diagnostic {
    let keys = catalog.keys_of(kind);
    let help = match crate::diagnostics::closest(&reference.value, keys.iter().map(String::as_str)) {
        Some(near) => format!("did you mean `{near}`? Or add [{}] to {}", reference.value, kind.list_path().display()),
        None => format!("use a key of {} or add [{}] there", kind.list_path().display(), reference.value),
    };
    Diagnostic::error(format!("`{key}` names an unknown entity: {:?}", reference.value))
        .in_file(&article.path)
        .at(reference.location.clone())
        .with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ArticleFile, parse_article};
    use std::path::Path;

    const PEOPLE: &str = "[assad]\nname = \"بشار الأسد\"\nweak = [\"الأسد\"]\n\n[putin]\nname = \"فلاديمير بوتين\"\naliases = [\"بوتين\"]\n";
    const SOURCES: &str =
        "[alhurra]\nname = \"الحرة\"\naliases = [\"قناة الحرة\"]\nweak = [\"الحرة\"]\n\n[sana]\nname = \"سانا\"\n";
    const PLACES: &str = "[vienna]\nname = \"فيينا\"\n";

    fn analyze_text(text: &str, policy: LinkMentions) -> (Vec<(String, u32)>, Vec<String>, Vec<Diagnostic>) {
        let (catalog, problems) = Catalog::from_lists(&[
            (Kind::Person, Kind::Person.list_path(), PEOPLE.to_owned()),
            (Kind::Place, Kind::Place.list_path(), PLACES.to_owned()),
            (Kind::Source, Kind::Source.list_path(), SOURCES.to_owned()),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        let matcher = Matcher::new(&catalog);
        let article = parse_article(Path::new("a.md"), text).expect("valid article");
        let (found, diagnostics) = find_in(&article, &catalog, &matcher);
        let entities = found.entities.iter().map(|&(e, n)| (catalog.get(e).key.clone(), n)).collect();
        let links = found.links(policy).iter().map(|l| catalog.get(l.entity).key.clone()).collect();
        (entities, links, diagnostics)
    }

    fn find_in(file: &ArticleFile, catalog: &Catalog, matcher: &Matcher) -> (Mentions, Vec<Diagnostic>) {
        let finder = Finder { catalog, matcher };
        let (analysis, problems) =
            crate::analysis::analyze(file, &finder, &Default::default(), &mut Scratch::default());
        (analysis.mentions, problems)
    }

    fn keys(entities: &[(String, u32)]) -> Vec<&str> {
        entities.iter().map(|(k, _)| k.as_str()).collect()
    }

    #[test]
    fn weak_alias_needs_a_strong_one() {
        let (alone, _, _) = analyze_text("---\ntitle: x\n---\nزئير الأسد في الغابة.\n", LinkMentions::First);
        assert!(alone.is_empty(), "{alone:?}");
        let (with_name, links, _) = analyze_text("---\ntitle: x\n---\nقال بشار الأسد إن الأسد …\n", LinkMentions::First);
        assert_eq!(with_name, [("assad".to_owned(), 2)]);
        assert_eq!(links, ["assad"]);
        // The front matter naming the entity supports its weak spellings too.
        let (added, _, _) = analyze_text("---\ntitle: x\npeople: [assad]\n---\nالأسد\n", LinkMentions::First);
        assert_eq!(added, [("assad".to_owned(), 1)]);
        let (source, _, _) = analyze_text("---\ntitle: x\nsource: alhurra\n---\nقالت الحرة\n", LinkMentions::First);
        assert_eq!(source, [("alhurra".to_owned(), 1)]);
    }

    #[test]
    fn a_shared_family_name_counts_for_the_one_named_in_full() {
        let extra = "\n[maher]\nname = \"ماهر الشرع\"\naliases = [\"الشرع\"]\n\n[ahmed]\nname = \"أحمد الشرع\"\naliases = [\"الشرع\"]\n";
        let (catalog, _) = Catalog::from_lists(&[(Kind::Person, Kind::Person.list_path(), format!("{PEOPLE}{extra}"))]);
        let matcher = Matcher::new(&catalog);
        let keys_of = |text: &str| {
            let article = parse_article(Path::new("a.md"), text).expect("valid");
            let (found, _) = find_in(&article, &catalog, &matcher);
            found.entities.iter().map(|&(e, n)| (catalog.get(e).key.clone(), n)).collect::<Vec<_>>()
        };
        assert_eq!(keys_of("---\ntitle: x\n---\nقال أحمد الشرع إن الشرع …\n"), [("ahmed".to_owned(), 2)]);
        assert!(keys_of("---\ntitle: x\n---\nقال الشرع …\n").is_empty());
        assert_eq!(
            keys_of("---\ntitle: x\n---\nأحمد الشرع وماهر الشرع والشرع\n"),
            [("ahmed".to_owned(), 1), ("maher".to_owned(), 1)]
        );
    }

    #[test]
    fn the_first_certain_spelling_is_linked_before_a_weak_one() {
        let text = "---\ntitle: x\n---\nزار الأسد دمشق ثم قال بشار الأسد.\n";
        let (_, links, _) = analyze_text(text, LinkMentions::First);
        assert_eq!(links, ["assad"]);
        let (catalog, _) = Catalog::from_lists(&[(Kind::Person, Kind::Person.list_path(), PEOPLE.to_owned())]);
        let matcher = Matcher::new(&catalog);
        let article = parse_article(Path::new("a.md"), text).expect("valid");
        let (found, _) = find_in(&article, &catalog, &matcher);
        let run = "زار الأسد دمشق ثم قال بشار الأسد.";
        let links = found.links(LinkMentions::First);
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].start as usize, run.find("بشار").expect("in the text"));
        // Every mention is kept, the weak one too, with its place.
        let mentions = found.mentions.unpack();
        assert_eq!(mentions.len(), 2);
        assert!(!mentions[0].certain && mentions[1].certain);
    }

    /// Packed mentions come back as they were, the title's (no run) and
    /// large offsets among them.
    #[test]
    fn packed_mentions_come_back_whole() {
        let mentions = [
            Mention { entity: 0, run: None, start: 0, end: 10, place: Place::Heading, certain: true },
            Mention { entity: 509, run: Some(0), start: 3, end: 20, place: Place::Prose, certain: false },
            Mention { entity: 7, run: Some(4_000), start: 70_000, end: 70_030, place: Place::Link, certain: true },
        ];
        assert_eq!(MentionList::pack(&mentions).unpack(), mentions);
        assert!(MentionList::default().unpack().is_empty());
    }

    #[test]
    fn not_drops_a_detection() {
        let text = "---\ntitle: x\nnot: [vienna]\n---\nاتفاقيات فيينا وبوتين\n";
        let (entities, links, diagnostics) = analyze_text(text, LinkMentions::First);
        assert!(diagnostics.is_empty());
        assert_eq!(keys(&entities), ["putin"]);
        assert_eq!(links, ["putin"]);
    }

    #[test]
    fn link_policy() {
        let text = "---\ntitle: بوتين\n---\n# بوتين\n\nقال بوتين وبوتين [بوتين](/x) `بوتين`.\n\n```\nبوتين\n```\n";
        let (entities, first, _) = analyze_text(text, LinkMentions::First);
        // Title, heading, two in prose, one in a link text; code is not text.
        assert_eq!(entities, [("putin".to_owned(), 5)]);
        assert_eq!(first, ["putin"]);
        let (_, all, _) = analyze_text(text, LinkMentions::All);
        assert_eq!(all, ["putin", "putin"]);
        let (_, none, _) = analyze_text(text, LinkMentions::None);
        assert!(none.is_empty());
    }

    #[test]
    fn front_matter_adds_and_unknown_keys_fail() {
        let (entities, _, diagnostics) =
            analyze_text("---\ntitle: x\nsources: [sana]\npeople: [putn]\n---\nنص\n", LinkMentions::First);
        assert_eq!(entities, [("sana".to_owned(), 0)]);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].location.as_ref().map(|l| l.line), Some(4));
        assert!(diagnostics[0].help.as_deref().unwrap_or_default().contains("`putin`"), "{}", diagnostics[0]);
    }
}
