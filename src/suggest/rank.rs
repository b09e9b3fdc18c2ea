//! Which names to propose and in what order: a name needs one sure or likely
//! piece of evidence, or hints in two articles; a one-word name that the
//! archive also writes with the article added or removed (الوقت and وقت) is
//! an ordinary word unless a dateline, a known place, the front matter or a
//! credit line vouches for it, or sure evidence in two articles; nor is a word that follows a minister or a
//! ministry somewhere (السياحة). The kind is the one its evidence points to
//! most, article by article. Names are ranked by the evidence of each article
//! plus the number of articles (for a word of ordinary text, those with
//! evidence): how sure, then how frequent.

use rustc_hash::FxHashMap;

use super::candidates::Reason;
use super::count::Tally;
use super::rare::is_common_word;
use super::variants::Listed;
use super::{Context, Group, NewAlias, Options, Suggestion, Suggestions};
use crate::arabic::slug::slugify;
use crate::content::ArticleFile;
use crate::entities::{Catalog, Kind};

/// A hashtag or a nationality alone proposes a name found in this many
/// articles, and so does the line that opens this many.
const HINT_ARTICLES: usize = 2;
/// A one-word name is an ordinary word when its form with the article added or
/// removed is at least this share of its own count (names almost never are).
const ALTERNATE_SHARE: f64 = 0.1;
/// Sure evidence in this many articles makes a name of an ordinary word.
const SURE_ARTICLES: usize = 2;
/// Characters of context on each side of a name.
const CONTEXT_CHARS: usize = 40;

/// The best weight of each kind in each article, summed over articles.
fn kind_scores(evidence: &[(u32, Reason)]) -> [(Kind, u32); 3] {
    let mut best: FxHashMap<(u32, Kind), u32> = FxHashMap::default();
    for &(article, reason) in evidence {
        if let Some(kind) = reason.kind() {
            let weight = best.entry((article, kind)).or_default();
            *weight = (*weight).max(reason.weight());
        }
    }
    let mut scores = [(Kind::Person, 0), (Kind::Place, 0), (Kind::Source, 0)];
    for ((_, kind), weight) in best {
        if let Some(score) = scores.iter_mut().find(|(k, _)| *k == kind) {
            score.1 += weight;
        }
    }
    scores
}

/// The kind the evidence points to most; `None` when nothing points anywhere.
pub fn kind_of(evidence: &[(u32, Reason)]) -> Option<Kind> {
    let scores = kind_scores(evidence);
    let (kind, score) = scores.iter().copied().fold((Kind::Person, 0), |best, s| if s.1 > best.1 { s } else { best });
    (score > 0).then_some(kind)
}

/// The sum over articles of the best weight of any kind.
fn evidence_score(evidence: &[(u32, Reason)]) -> u32 {
    let mut best: FxHashMap<u32, u32> = FxHashMap::default();
    for &(article, reason) in evidence {
        let weight = best.entry(article).or_default();
        *weight = (*weight).max(reason.weight());
    }
    best.values().sum()
}

/// How often the archive names it, for ranking: the articles it occurs in;
/// for a word of ordinary text (الذهب، الخامس) only those with evidence,
/// as elsewhere it is mostly the word (منقبين عن الذهب، مدينة الذهب). Not
/// for a place vouched for by a dateline or the list of known places.
fn frequency(group: &Group, tally: &Tally, name_key: &str, articles: usize) -> usize {
    let vouched = group.evidence.iter().any(|(_, r)| matches!(r, Reason::Dateline | Reason::KnownPlace));
    if vouched || name_key.contains(' ') || !is_common_word(name_key) {
        return articles;
    }
    distinct(group.evidence.iter().map(|(a, _)| *a).chain(tally.alone.iter().copied()))
}

/// How many articles are among `articles`, each counted once.
fn distinct(articles: impl Iterator<Item = u32>) -> usize {
    let mut articles: Vec<u32> = articles.collect();
    articles.sort_unstable();
    articles.dedup();
    articles.len()
}

fn is_proposed(group: &Group, tally: &Tally) -> bool {
    // The articles with evidence, and those that write a person's family
    // name alone (الألماني رالف رانغنيك here, أقر رانغنيك there).
    let evidence_articles = distinct(group.evidence.iter().map(|(a, _)| *a).chain(tally.alone.iter().copied()));
    let vouched = group
        .evidence
        .iter()
        .any(|(_, r)| matches!(r, Reason::Dateline | Reason::KnownPlace | Reason::FrontMatter | Reason::Credit));
    if vouched {
        return true;
    }
    // مديرية السياحة beside وزارة السياحة: a field of government.
    if group.evidence.iter().any(|(_, r)| *r == Reason::Domain) {
        return false;
    }
    let strongest = group.evidence.iter().map(|(_, r)| r.weight()).max().unwrap_or(0);
    if strongest < 2 {
        // A preposition alone says little (في مقتل، في إطار): only a hashtag
        // or a nationality before the name (السعودي يزيد الراجحي, but also
        // مع السوداني تناول سبل), or a word ordinary text does not use
        // ([`super::rare`]), in several articles, or the line that opens
        // several articles, is proposed on hints alone.
        let hinted =
            group.evidence.iter().any(|(_, r)| matches!(r, Reason::Hashtag | Reason::Nationality | Reason::Rare));
        let opened = distinct(group.evidence.iter().filter(|(_, r)| *r == Reason::OpeningLine).map(|(a, _)| *a));
        return hinted && evidence_articles >= HINT_ARTICLES || opened >= HINT_ARTICLES;
    }
    // ولاية طاقة in two articles: sure evidence twice outweighs the ordinary
    // word (طاقة "energy", الطاقة).
    let sure = distinct(group.evidence.iter().filter(|(_, r)| r.weight() >= 3).map(|(a, _)| *a));
    (tally.alternates as f64) < ALTERNATE_SHARE * tally.count.max(1) as f64
        || tally.alternates == 0
        || sure >= SURE_ARTICLES
}

/// Picks, orders and describes the names to propose.
pub fn rank(
    corpus: &[ArticleFile],
    catalog: &Catalog,
    groups: Vec<Group>,
    tallies: Vec<Tally>,
    options: &Options,
) -> Suggestions {
    let listed = Listed::new(catalog);
    let mut aliases: Vec<NewAlias> = Vec::new();
    let mut scored: Vec<(u32, Suggestion)> = Vec::new();
    for (group, tally) in groups.iter().zip(&tallies) {
        let kind = group.kind();
        // A spelling added to be counted ([`super::variants::spelled_elsewhere`])
        // says what the name is only where the archive writes it.
        let in_archive = |i: usize| group.spellings[i].found() || tally.spellings[i] > 0;
        let known = (0..group.spellings.len())
            .find(|&i| in_archive(i) && listed.has(&group.spellings[i].key))
            .map(|i| group.spellings[i].key.as_str());
        let entity = match known {
            Some(spelling) => listed.entity_of(spelling),
            None => listed.variant_of(&group.spellings[0].key, kind),
        };
        if known.is_some() || entity.is_some() {
            if let Some(id) = entity {
                let entity = catalog.get(id);
                for (i, (spelling, &count)) in group.spellings.iter().zip(&tally.spellings).enumerate() {
                    if count > 0 && !listed.has(&spelling.key) {
                        aliases.push(NewAlias {
                            entity: entity.key.clone(),
                            kind: entity.kind,
                            alias: written(group, tally, i),
                            count,
                        });
                    }
                }
            }
            continue;
        }
        if !is_proposed(group, tally) || options.kind.is_some_and(|k| Some(k) != kind) {
            continue;
        }
        let mut articles = tally.articles.clone();
        articles.extend(group.evidence.iter().map(|(a, _)| *a));
        articles.extend(&tally.alone);
        articles.sort_unstable();
        articles.dedup();
        if articles.len() < options.min_articles {
            continue;
        }
        // Spellings with a proclitic (لتميم بن حمد) count for the one without.
        let mut uses: Vec<usize> = tally.spellings.clone();
        let mut counted_for_another = vec![false; uses.len()];
        for (i, spelling) in group.spellings.iter().enumerate() {
            if let Some(bare) = group.spellings.iter().position(|s| is_proclitic_form(&spelling.key, &s.key)) {
                uses[bare] += uses[i];
                uses[i] = 0;
                counted_for_another[i] = true;
            }
        }
        // A spelling found only inside a longer one of the name (وخش in نهر
        // وخش) still names it alone elsewhere.
        let mut by_use: Vec<(usize, usize)> =
            uses.iter().copied().enumerate().filter(|&(i, _)| !counted_for_another[i] && in_archive(i)).collect();
        by_use.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        // A person goes by the fullest name in common use (فلاديمير بوتين over
        // بوتين); a place or an outlet by its commonest spelling.
        let words = |i: usize| group.spellings[i].key.matches(' ').count();
        let name_at = match kind {
            Some(Kind::Person) => by_use
                .iter()
                .filter(|(i, n)| *n >= 2 && words(*i) > 0)
                .max_by_key(|(i, n)| (*n, words(*i)))
                .or(by_use.first())
                .map_or(0, |(i, _)| *i),
            // Ties go to the longer spelling: وكالة الأنباء العراقية over واع.
            _ => by_use.iter().max_by_key(|(i, n)| (*n, words(*i))).map_or(0, |(i, _)| *i),
        };
        let name_key = group.spellings[name_at].key.as_str();
        // A given name alone (محمد) is nobody in particular; a place may
        // have one for its name (مدينة بشار).
        let place_or_outlet = matches!(kind, Some(Kind::Place | Kind::Source));
        if !name_key.contains(' ') && super::words::class(name_key).given_name && !place_or_outlet {
            continue;
        }
        let name = written(group, tally, name_at);
        let variants = by_use.iter().filter(|(i, _)| *i != name_at).map(|(i, _)| written(group, tally, *i)).collect();
        let mut reasons: Vec<Reason> = group.evidence.iter().map(|(_, r)| *r).collect();
        reasons.sort_by(|a, b| b.weight().cmp(&a.weight()).then_with(|| a.cmp(b)));
        let mut described: Vec<&'static str> = Vec::new();
        for reason in reasons {
            if !described.contains(&reason.describe()) {
                described.push(reason.describe());
            }
        }
        let score = evidence_score(&group.evidence) + frequency(group, tally, name_key, articles.len()) as u32;
        let contexts = tally.quotes.iter().filter_map(|(a, written)| context(corpus, *a, written)).collect();
        scored.push((
            score,
            Suggestion {
                key: String::new(),
                name,
                kind,
                count: tally.count.max(1),
                articles: articles.len(),
                variants,
                contexts,
                reasons: described,
            },
        ));
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| b.1.count.cmp(&a.1.count)).then_with(|| a.1.name.cmp(&b.1.name)));
    let mut taken: Vec<String> = catalog.entities.iter().map(|e| e.key.clone()).collect();
    let suggestions = scored
        .into_iter()
        .map(|(_, mut suggestion)| {
            suggestion.key = unique_key(&suggestion.name, &mut taken);
            suggestion
        })
        .collect();
    let mut found = Suggestions { suggestions, aliases: Vec::new() };
    found.add_aliases(aliases);
    found
}

/// A spelling as the articles write it: as found, or else as first counted.
fn written(group: &Group, tally: &Tally, spelling: usize) -> String {
    let found = &group.spellings[spelling];
    [&found.written, &tally.written[spelling], &found.key]
        .into_iter()
        .find(|w| !w.is_empty())
        .cloned()
        .unwrap_or_default()
}

/// Whether `form` is `bare` with proclitics on its first word.
fn is_proclitic_form(form: &str, bare: &str) -> bool {
    let (first, rest) = form.split_once(' ').unwrap_or((form, ""));
    let mut variants = Vec::new();
    crate::arabic::tokens::proclitic_variants(first, &mut variants);
    let mut buf = String::new();
    variants.into_iter().any(|v| {
        let stripped = v.write(first, &mut buf);
        let whole = if rest.is_empty() { stripped.to_owned() } else { format!("{stripped} {rest}") };
        whole == bare
    })
}

/// The name's slug, made unique among `taken` with -2, -3 ….
fn unique_key(name: &str, taken: &mut Vec<String>) -> String {
    let base = slugify(name).unwrap_or_else(|| "entity".to_owned());
    let mut key = base.clone();
    let mut n = 2;
    while taken.contains(&key) {
        key = format!("{base}-{n}");
        n += 1;
    }
    taken.push(key.clone());
    key
}

/// The line of the article's body around `written`, cut to a window.
fn context(corpus: &[ArticleFile], article: u32, written: &str) -> Option<Context> {
    let article = corpus.get(article as usize)?;
    let offset = article.body.find(written)?;
    let line_start = article.body[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = article.body[offset..].find('\n').map_or(article.body.len(), |i| offset + i);
    let before: String = {
        let chars: Vec<char> = article.body[line_start..offset].chars().collect();
        let cut = chars.len().saturating_sub(CONTEXT_CHARS);
        let text: String = chars[cut..].iter().collect();
        if cut > 0 { format!("…{}", text.trim_start()) } else { text }
    };
    let after: String = {
        let rest = &article.body[offset + written.len()..line_end];
        let text: String = rest.chars().take(CONTEXT_CHARS).collect();
        if text.len() < rest.len() { format!("{}…", text.trim_end()) } else { text }
    };
    Some(Context {
        file: article.article.path.clone(),
        line: article.body_location(offset).line,
        text: format!("{before}{written}{after}"),
    })
}
