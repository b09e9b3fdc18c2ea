//! Why `entities suggest` takes a word for a name: each piece of evidence,
//! the kind it points to and how sure it makes the name.

use crate::entities::Kind;

/// Why a name was taken for one, with how sure that makes it (1 to 3) and
/// the kind it points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    /// After a title: الرئيس بوتين، الشيخ تميم.
    Title,
    /// After a role and its complement: وزير الخارجية الأمريكي أنتوني بلينكن.
    Role,
    /// After a verb of speech: قال نتنياهو.
    Speech,
    /// After a nationality standing as a noun: الفرنسي سيباستيان لوب.
    Nationality,
    /// Between a verb of ranking and a place: حل شارل لوكلير ثالثا.
    Ranked,
    /// Starts with a common given name: محمد شياع السوداني.
    GivenName,
    /// A chain with بن or أبو: محمد بن سلمان، أبو مازن.
    Chain,
    /// After a noun of place: مدينة حلب، محافظة صور.
    PlaceNoun,
    /// After a looser noun of place: منطقة، دولة، جزيرة.
    LoosePlaceNoun,
    /// After a preposition of place: في سوريا، قرب حلب.
    Locative,
    /// Opens a paragraph as a dateline: `الرباط -`.
    Dateline,
    /// A country, territory or city that every archive may mention.
    KnownPlace,
    /// After a noun of outlet: وكالة رويترز، صحيفة النهار.
    SourceNoun,
    /// After a looser noun of outlet: موقع، شبكة.
    LooseSourceNoun,
    /// After `لـ`, which introduces outlets: في تصريح لـ«الشرق الأوسط».
    ForOutlet,
    /// After a feminine verb of reporting: بحسب ما نقلته رويترز.
    Reported,
    /// An agency in parentheses: `(واع)`, `بيروت (رويترز) -`; or an outlet
    /// in quotes after a dateline's colon: `الرياض: «الشرق الأوسط»`.
    Abbreviation,
    /// The article's front matter names it as its outlet.
    FrontMatter,
    /// A credit line names it: `المصدر: الجزيرة + وكالات`.
    Credit,
    /// Joined by و to a known place: طهران وواشنطن.
    Coordinated,
    /// A noun of land with a direction: المنطقة الشرقية، الساحل الشمالي.
    Region,
    /// A hashtag: #عبدالفتاح_البرهان.
    Hashtag,
    /// The line that opens an article, alone: `الحرة:`.
    OpeningLine,
    /// Words no list of ordinary Arabic has: أسكاون، شفيونتيك.
    Rare,
    /// After a minister or a ministry (وزارة السياحة، وزير الثقافة): a
    /// field of government, which rules a word out as a name.
    Domain,
}

impl Reason {
    pub fn kind(self) -> Option<Kind> {
        match self {
            Reason::Title
            | Reason::Role
            | Reason::Speech
            | Reason::Nationality
            | Reason::Ranked
            | Reason::GivenName
            | Reason::Chain => Some(Kind::Person),
            Reason::PlaceNoun
            | Reason::LoosePlaceNoun
            | Reason::Locative
            | Reason::Dateline
            | Reason::KnownPlace
            | Reason::Coordinated
            | Reason::Region => Some(Kind::Place),
            Reason::SourceNoun
            | Reason::LooseSourceNoun
            | Reason::ForOutlet
            | Reason::Reported
            | Reason::Abbreviation
            | Reason::FrontMatter
            | Reason::Credit
            | Reason::OpeningLine => Some(Kind::Source),
            Reason::Hashtag | Reason::Rare | Reason::Domain => None,
        }
    }

    /// How sure the reason makes a name: 3 sure, 2 likely, 1 a hint, 0 none.
    pub fn weight(self) -> u32 {
        match self {
            Reason::Title
            | Reason::Role
            | Reason::PlaceNoun
            | Reason::Dateline
            | Reason::KnownPlace
            | Reason::SourceNoun
            | Reason::FrontMatter
            | Reason::Credit => 3,
            Reason::Speech
            | Reason::Ranked
            | Reason::GivenName
            | Reason::Chain
            | Reason::LoosePlaceNoun
            | Reason::LooseSourceNoun
            | Reason::ForOutlet
            | Reason::Reported
            | Reason::Abbreviation
            | Reason::Coordinated
            | Reason::Region => 2,
            Reason::Locative | Reason::Nationality | Reason::Hashtag | Reason::OpeningLine => 1,
            // A rare word is a name as often as not: it ranks a name no higher.
            Reason::Rare | Reason::Domain => 0,
        }
    }

    /// Whether the reason alone is enough to propose a name.
    pub fn is_weak(self) -> bool {
        self.weight() < 2
    }

    pub fn describe(self) -> &'static str {
        match self {
            Reason::Title => "after a title",
            Reason::Role => "after a role",
            Reason::Speech => "after a verb of speech",
            Reason::Nationality => "after a nationality",
            Reason::Ranked => "between a verb of ranking and a place",
            Reason::GivenName => "starts with a given name",
            Reason::Chain => "a بن/أبو name",
            Reason::PlaceNoun | Reason::LoosePlaceNoun => "after a noun of place",
            Reason::Locative => "after a preposition of place",
            Reason::Dateline => "a dateline",
            Reason::KnownPlace => "a known place",
            Reason::SourceNoun | Reason::LooseSourceNoun => "after a noun of outlet",
            Reason::ForOutlet => "after لـ",
            Reason::Reported => "after a verb of reporting",
            Reason::Abbreviation => "an agency in parentheses or a dateline",
            Reason::FrontMatter => "the article's source",
            Reason::Credit => "a credit line",
            Reason::Coordinated => "joined by و to a known place",
            Reason::Region => "a noun of land with a direction",
            Reason::Hashtag => "a hashtag",
            Reason::OpeningLine => "the line that opens an article",
            Reason::Rare => "words ordinary Arabic text does not use",
            Reason::Domain => "after a minister or a ministry",
        }
    }
}
