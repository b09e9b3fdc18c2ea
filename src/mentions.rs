//! Finding what an article mentions (DESIGN.md, "Finding mentions"): the
//! matcher run over the title and the body's text runs, weak spellings kept only
//! where a strong one of the same entity stands, front-matter additions and
//! `not:` applied, and the mentions that become links chosen. A pure function of
//! one article, mapped over the corpus in parallel.

use pulldown_cmark::Event;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::config::LinkMentions;
use crate::content::markdown::{self, Place, PlaceTracker};
use crate::content::{Article, Located};
use crate::diagnostics::Diagnostic;
use crate::entities::matcher::{Found, Scratch};
use crate::entities::{Catalog, EntityId, Kind, Matcher};

/// A mention that becomes a link: bytes `start..end` of text run `run`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkSite {
    pub run: u32,
    pub start: u32,
    pub end: u32,
    pub entity: EntityId,
}

/// What an article mentions, resolved against the catalog.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleEntities {
    /// The publishing outlet.
    pub source: Option<EntityId>,
    /// Every entity of the article with the number of times its text names it
    /// (0 for one only the front matter adds), in entity order.
    pub entities: Vec<(EntityId, u32)>,
    /// The mentions to link, in text order.
    pub links: Vec<LinkSite>,
}

impl ArticleEntities {
    pub fn contains(&self, entity: EntityId) -> bool {
        self.entities.binary_search_by_key(&entity, |&(e, _)| e).is_ok()
    }
}

/// Everything [`analyze`] needs that is shared by all articles.
pub struct Finder<'a> {
    pub catalog: &'a Catalog,
    pub matcher: &'a Matcher,
    pub link_mentions: LinkMentions,
}

struct Candidate<'m> {
    found: Found<'m>,
    /// The text run, or `None` for the title.
    run: Option<u32>,
    linkable: bool,
}

/// Finds the entities of `article`; unknown references in its front matter are
/// returned as errors (the rest of the article is still analysed).
pub fn analyze(article: &Article, finder: &Finder, scratch: &mut Scratch) -> (ArticleEntities, Vec<Diagnostic>) {
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

    let candidates = find_candidates(article, finder.matcher, scratch);
    // A weak or shared spelling counts for an entity that the article names
    // with a certain spelling, or that its front matter names; a shared one
    // only when exactly one of its claimants is so named.
    let supported: FxHashSet<EntityId> =
        candidates.iter().filter_map(|c| c.found.certain()).chain(added.iter().copied()).collect();
    let resolved = candidates.into_iter().filter_map(|c| {
        let mut named =
            c.found.eligible().map(|cl| cl.entity).filter(|e| c.found.certain() == Some(*e) || supported.contains(e));
        match (named.next(), named.next()) {
            (Some(entity), None) if !excluded.contains(&entity) => Some((entity, c)),
            _ => None,
        }
    });

    let resolved: Vec<(EntityId, Candidate)> = resolved.collect();
    let mut counts: Vec<(EntityId, u32)> = resolved.iter().map(|&(entity, _)| (entity, 1)).collect();
    let linkable = resolved.iter().filter_map(|(entity, c)| {
        let run = c.run.filter(|_| c.linkable)?;
        Some((
            *entity,
            c.found.certain() == Some(*entity),
            LinkSite { run, start: c.found.link_start as u32, end: c.found.end as u32, entity: *entity },
        ))
    });
    let links: Vec<LinkSite> = match finder.link_mentions {
        LinkMentions::None => Vec::new(),
        LinkMentions::All => linkable.map(|(_, _, site)| site).collect(),
        LinkMentions::First => {
            // The first certain spelling of each entity, else its first weak one:
            // a weak spelling may be an ordinary word (سورية "Syrian").
            let mut first: FxHashMap<EntityId, (bool, LinkSite)> = FxHashMap::default();
            for (entity, certain, site) in linkable {
                match first.get(&entity) {
                    Some(&(true, _)) => {}
                    Some(&(false, _)) if !certain => {}
                    _ => {
                        first.insert(entity, (certain, site));
                    }
                }
            }
            let mut links: Vec<LinkSite> = first.into_values().map(|(_, site)| site).collect();
            links.sort_by_key(|l| (l.run, l.start));
            links
        }
    };
    counts.extend(added.iter().filter(|e| !excluded.contains(e)).map(|&e| (e, 0)));
    counts.sort_unstable();
    let mut entities: Vec<(EntityId, u32)> = Vec::with_capacity(counts.len());
    for (entity, count) in counts {
        match entities.last_mut() {
            Some((last, total)) if *last == entity => *total += count,
            _ => entities.push((entity, count)),
        }
    }
    (ArticleEntities { source, entities, links }, diagnostics)
}

/// Every name in the title and the body, in order (the title first).
fn find_candidates<'m>(article: &Article, matcher: &'m Matcher, scratch: &mut Scratch) -> Vec<Candidate<'m>> {
    let mut found = Vec::new();
    matcher.find(&article.title, scratch, &mut found);
    let mut candidates: Vec<Candidate> =
        found.drain(..).map(|found| Candidate { found, run: None, linkable: false }).collect();
    let mut tracker = PlaceTracker::default();
    let mut run = 0u32;
    for event in markdown::events(&article.body) {
        tracker.step(&event);
        let Event::Text(text) = &event else { continue };
        let place = tracker.place();
        if !matches!(place, Place::Code | Place::Image) {
            matcher.find(text, scratch, &mut found);
            let linkable = place == Place::Prose;
            candidates.extend(found.drain(..).map(|found| Candidate { found, run: Some(run), linkable }));
        }
        run += 1;
    }
    candidates
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
    use crate::content::parse_article;
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
        let finder = Finder { catalog: &catalog, matcher: &matcher, link_mentions: policy };
        let (found, diagnostics) = analyze(&article, &finder, &mut Scratch::default());
        let entities = found.entities.iter().map(|&(e, n)| (catalog.get(e).key.clone(), n)).collect();
        let links = found.links.iter().map(|l| catalog.get(l.entity).key.clone()).collect();
        (entities, links, diagnostics)
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
        let finder = Finder { catalog: &catalog, matcher: &matcher, link_mentions: LinkMentions::All };
        let keys_of = |text: &str| {
            let article = parse_article(Path::new("a.md"), text).expect("valid");
            let (found, _) = analyze(&article, &finder, &mut Scratch::default());
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
        let finder = Finder { catalog: &catalog, matcher: &matcher, link_mentions: LinkMentions::First };
        let article = parse_article(Path::new("a.md"), text).expect("valid");
        let (found, _) = analyze(&article, &finder, &mut Scratch::default());
        let run = "زار الأسد دمشق ثم قال بشار الأسد.";
        assert_eq!(found.links.len(), 1);
        assert_eq!(found.links[0].start as usize, run.find("بشار").expect("in the text"));
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
