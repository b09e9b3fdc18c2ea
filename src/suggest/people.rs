//! Evidence of people, for [`super::candidates`]: a title before a name
//! (الرئيس بوتين) or a profession (الفنانة المصرية يسرا), a role and its
//! complement (وزير الخارجية الأمريكي أنتوني بلينكن), a verb of speech (قال
//! نتنياهو), a common given name or a بن/أبو chain (محمد بن سلمان), and the
//! name a person is known by (محمد حمدان دقلو المعروف بـ«حميدتي»).

use super::candidates::{
    Finder, MAX_COMPLEMENT_WORDS, MAX_NAME_WORDS, NameWord, Reason, Text, strip_written_proclitics,
};
use super::known_places::{is_known_place, is_nationality_in_place_name, known_place_of_words_at};
use super::rare::{is_common_word, is_plural_of_people};
use super::shapes::{
    ends_name, has_article_proclitic, is_conjoined, is_cue_or_role, is_definite, is_inflected, is_nisba,
    is_noun_and_adjective, looks_like_verb,
};
use super::words::{class, is_ordinal, is_particle};
use crate::arabic::cues::cue_kind;
use crate::arabic::normalize::letter_count;
use crate::arabic::spacing::joinable;
use crate::arabic::stopwords::is_function_word;
use crate::entities::Kind;

/// "Known as" (المعروف بـ«حميدتي»، الملقب بأبي علي): the name a person goes by follows.
const KNOWN_AS: [&str; 6] = ["المعروف", "المعروفة", "الملقب", "الملقبة", "المكنى", "المكناة"];

/// Nationalities, as keys without the article and the ending, whose
/// country's name does not give them: إنجلترا (الإنجليزي), النمسا
/// (النمساوي), ساحل العاج (الإيفواري), البوسنة والهرسك (البوسني), بيرو
/// (البيروفي), الكونغو (الكونغولي), أوزبكستان (الأوزبكي).
#[rustfmt::skip]
const NATIONALITIES_APART: &[&str] = &[
    "انجليز", "انكليز", "نمساو", "ايفوار", "بوسن", "بيروف", "كونغول", "اوزبك", "طاجيك", "قرغيز", "تركمان",
    "ملغاش", "زيمبابو", "بوركين", "اوروغويان", "باراغويان",
];

/// Nationalities of two words, the direction first: الجنوب أفريقي.
const COMPOUND_NATIONALITIES: [(&str, &str); 2] = [("الجنوب", "افريقي"), ("الجنوب", "افريقيه")];

/// Whether a word may begin a nationality standing as a noun: a nisba, after
/// و too, or the first word of a compound one.
pub(super) fn may_start_nationality(key: &str) -> bool {
    is_nisba(key)
        || key.strip_prefix('و').is_some_and(is_nisba)
        || COMPOUND_NATIONALITIES.iter().any(|(first, _)| *first == key)
}

/// A definite nisba of a known place (الفرنسي، السعودية، العراقي،
/// الأمريكية): the nationality it names.
pub(super) fn is_nationality(key: &str) -> bool {
    let Some(stem) = key.strip_prefix("ال").and_then(|k| k.strip_suffix("يه").or_else(|| k.strip_suffix('ي')))
    else {
        return false;
    };
    // فرنسا، العراق، إسبانيا، السعودية; الولايات المتحدة الأمريكية.
    letter_count(stem) >= 3
        && ([stem.to_owned(), format!("ال{stem}"), format!("{stem}ا"), format!("{stem}يا"), format!("ال{stem}يه")]
            .iter()
            .any(|place| is_known_place(place))
            || is_nationality_in_place_name(&format!("ال{stem}يه"))
            || NATIONALITIES_APART.contains(&stem))
}

/// Whether words `j` and `j + 1` say where an envoy or ambassador is sent
/// (السفير لدى مصر، المبعوث إلى السودان): إلى or لدى and a known place.
fn is_sent_to_place(t: &Text, j: usize) -> bool {
    t.joined(j) && matches!(t.key(j), "الي" | "لدي") && t.joined(j + 1) && is_known_place(t.key(j + 1))
}

impl Finder {
    pub(super) fn after_title(&mut self, t: &Text, i: usize, started: &mut [bool]) {
        let mut j = i + 1;
        // الملازم الأول نسيم برناوي: a rank's ordinal is the title's.
        if t.joined(j) && is_ordinal(t.key(j)) {
            j += 1;
        }
        // الرئيس السوري السابق بشار الأسد: skip what qualifies the title.
        while j < i + 3 && t.joined(j) && (is_nisba(t.key(j)) || class(t.key(j)).modifier) {
            j += 1;
        }
        if is_sent_to_place(t, j) {
            j += 2;
        }
        if t.joined(j) {
            self.take(Reason::Title, t, j, MAX_NAME_WORDS, false, started);
        }
    }

    /// الفنانة المصرية يسرا، المخرج الكوري الجنوبي بونغ جون هو، الكاتب الكبير
    /// نجيب محفوظ: after the definite words that qualify the profession, a
    /// name without the article. A profession also stands before ordinary
    /// definite nouns (اللاعب الأفضل), so the name may not start with one.
    pub(super) fn after_profession(&mut self, t: &Text, i: usize, started: &mut [bool]) {
        let mut j = i + 1;
        while j < i + 4 && t.joined(j) && is_definite(t.key(j)) && !class(t.key(j)).stop {
            j += 1;
        }
        if t.joined(j) && !t.is_definite(j) && !class(t.key(j)).common_subject {
            self.take(Reason::Title, t, j, MAX_NAME_WORDS, false, started);
        }
    }

    pub(super) fn after_role(&mut self, t: &Text, i: usize, started: &mut [bool]) {
        let mut j = i + 1;
        if class(t.key(i)).honorific {
            let next = t.key(j);
            if t.joined(j) && !t.is_definite(j) && !is_cue_or_role(next) && !class(next).common_subject {
                self.take(Reason::Title, t, j, MAX_NAME_WORDS, false, started);
            }
            return;
        }
        // A country follows the role (وزير خارجية روسيا) unless an adjective
        // already said whose it is (رئيسة الوزراء الإيطالية جورجيا ميلوني).
        let mut country_said = false;
        // Words the complement may hold beyond its count: where an envoy is
        // sent (المبعوث الأممي إلى السودان، السفير لدى مصر) and a name in
        // quotes (المدير العام لمؤسسة «روس آتوم» الروسية أليكسي ليخاتشوف).
        let mut beyond = 0;
        let mut sent = false;
        // The word after a closing quote follows on, though not joined;
        // not after a comma (حاكم دبي "رعاه الله"، فريق المهمة).
        let mut after_quote = None;
        let continues = |j: usize, after_quote: Option<usize>| t.joined(j) || after_quote == Some(j) && j < t.len();
        while j < i + 1 + MAX_COMPLEMENT_WORDS + beyond {
            if let Some(quoted) = self.quoted(t, j) {
                beyond += quoted.len();
                j += quoted.len();
                after_quote = t.joined_or_quoted(j).then_some(j);
                continue;
            }
            if !continues(j, after_quote) {
                break;
            }
            let key = t.key(j);
            if !sent && is_sent_to_place(t, j) {
                sent = true;
                beyond += 2;
                country_said = true;
                j += 2;
                continue;
            }
            let word = class(key);
            // سمو الأمير الحسين: the title that follows an honorific
            // introduces the name itself.
            if cue_kind(key) == Some(Kind::Person) {
                return;
            }
            // الاتحاد الأردني لكرة القدم: ل before a noun and its definite
            // complement belongs to the role's complement.
            let possessive =
                key.starts_with('ل') && letter_count(key) >= 4 && t.joined(j + 1) && is_definite(t.key(j + 1));
            let complement = word.complement
                || possessive
                || word.modifier
                // Not a relative pronoun (صاحب المقبرة والسنة التي بدأ فيها).
                || is_definite(key) && !word.given_name && !is_function_word(key)
                || has_article_proclitic(key)
                || is_known_place(key) && !country_said
                || key.starts_with('ل') && class(&key['ل'.len_utf8()..]).complement
                // المتحدث باسم خفر السواحل: after باسم comes what he speaks
                // for, a noun of any kind with its complement.
                || t.key(j - 1) == "باسم";
            if !complement {
                break;
            }
            country_said |= is_nisba(key);
            j += 1;
        }
        // ولي العهد الحسين بن عبدالله: the name starts a word before بن.
        if j > i + 2 && matches!(t.key(j), "بن" | "ابن" | "بنت") {
            j -= 1;
        }
        if j > i + 1 && continues(j, after_quote) && !class(t.key(j)).common_subject {
            self.take(Reason::Role, t, j, MAX_NAME_WORDS, false, started);
        }
    }

    /// وزيرا الخارجية هاكان فيدان وبدر عبد العاطي، الرئيسان تبون والغزواني:
    /// after a role in the dual and its definite complement, two names
    /// joined by و, the first closed by the و of the second.
    pub(super) fn after_dual_role(&mut self, t: &Text, i: usize, started: &mut [bool]) {
        let mut j = i + 1;
        while j < t.len().min(i + 1 + MAX_COMPLEMENT_WORDS) && t.joined(j) && is_definite(t.key(j)) {
            let word = class(t.key(j));
            if word.given_name || is_function_word(t.key(j)) {
                break;
            }
            j += 1;
        }
        // وزيرا الخارجية: without the article the dual is in the construct
        // state, and its complement follows.
        if j == i + 1 && !is_definite(t.key(i).strip_prefix('و').unwrap_or(t.key(i))) {
            return;
        }
        // محمد ولد الشيخ: ولد is a particle of lineage, no conjunction.
        let conjoined = |k: usize| t.key(k).starts_with('و') && !is_particle(t.key(k));
        let Some(second) =
            (j + 1..t.len().min(j + MAX_NAME_WORDS)).take_while(|&k| t.joined(k)).find(|&k| conjoined(k))
        else {
            return;
        };
        let bare = &t.key(second)['و'.len_utf8()..];
        let second_first = t.name_word_as(second, bare);
        let first: Vec<NameWord> = (j..second).map(|k| t.name_word(k)).collect();
        if started[j..=second].iter().any(|&s| s)
            || letter_count(bare) < 3
            || !first.iter().all(|w| self.is_name_word(w))
            || !self.is_name_word(&second_first)
        {
            return;
        }
        let rest = if t.joined(second + 1) {
            self.material(t, second + 1, MAX_NAME_WORDS - 1, false, true)
        } else {
            Vec::new()
        };
        let second_end = second + 1 + rest.len();
        started[j..second_end].fill(true);
        self.person_names.push((j..second, Reason::Role));
        self.person_names.push((second..second_end, Reason::Role));
        let n = first.len();
        self.push(Reason::Role, first, n, None);
        self.push(Reason::Role, std::iter::once(second_first).chain(rest).collect(), 1, None);
    }

    /// فيما حافظ القطري ناصر العطية، على الفرنسي سيباستيان لوب: a
    /// nationality standing as a noun (not after a definite noun it would
    /// qualify, الجيش السوري) before a name of two words or more.
    pub(super) fn after_nationality(&mut self, t: &Text, i: usize, started: &mut [bool]) {
        let j = i + 1;
        // والأمريكي غرانت هولواي: و begins another in a list of people.
        let (key, conjoined) = match t.key(i).strip_prefix('و') {
            Some(rest) if is_nisba(rest) => (rest, true),
            _ => (t.key(i), false),
        };
        // الجنوب أفريقي إرني إلس: the nationality's two words, from the first.
        let compound = COMPOUND_NATIONALITIES.contains(&(key, t.key(i + 1))) && t.joined(i + 1);
        let (i, j) = if compound { (i + 1, j + 1) } else { (i, j) };
        // وشهدت السعودية احتجاجات واسعة: a nisba that is a place's own name
        // is the place.
        if !(compound || is_nationality(key)) || is_known_place(key) || !t.joined(j) || started[j] {
            return;
        }
        if t.joined(i) && !conjoined && !compound {
            let before = t.key(i - 1);
            if is_definite(before) || has_article_proclitic(before) || is_known_place(before) {
                return;
            }
        }
        let first = t.key(j);
        if t.is_definite(j) || is_known_place(first) || class(first).common_subject {
            return;
        }
        let mut words = self.apposed_name(t, j);
        if let Some(next) = (j + 1..j + words.len()).find(|&k| started[k]) {
            words.truncate(next - j);
        }
        let named = words.iter().filter(|w| !is_particle(&w.key)).count();
        // لبحث العلاقات الثنائية: no noun with its adjective, anywhere in it.
        let phrase = (0..words.len()).any(|k| is_noun_and_adjective(&words[k..], true));
        if named < 2 || words.iter().any(|w| is_known_place(&w.key)) || phrase {
            return;
        }
        started[j] = true;
        self.person_names.push((j..j + words.len(), Reason::Nationality));
        self.push(Reason::Nationality, words, 2, None);
    }

    /// The name in apposition to a nationality from word `from`. There a
    /// name may begin like a verb in the imperfect (على البلجيكي ياسبر
    /// فيليبسن، الأوغندي يويري موسيفيني) when a word of a name follows; not
    /// السوري يواجه الأزمة، الأمريكي يواصل مساعيه (few names end in ه).
    fn apposed_name(&self, t: &Text, from: usize) -> Vec<NameWord> {
        let first = t.key(from);
        if !looks_like_verb(first, class(first)) || is_inflected(t.written(from), first, true) {
            return self.material(t, from, MAX_NAME_WORDS, false, true);
        }
        let rest = self.material(t, from + 1, MAX_NAME_WORDS - 1, false, true);
        match rest.first() {
            Some(w) if t.joined(from + 1) && !is_definite(&w.key) && !w.key.ends_with('ه') => {
                std::iter::once(t.name_word(from)).chain(rest).collect()
            }
            _ => Vec::new(),
        }
    }

    pub(super) fn after_speech(&mut self, t: &Text, i: usize, started: &mut [bool]) {
        let j = i + 1;
        if !t.joined(j) {
            return;
        }
        let key = t.key(j);
        // يقول شاب من أبناء المدينة: an ordinary noun and where he is from
        // stand for someone the story does not name.
        let someone_from = t.joined(j + 1) && t.key(j + 1) == "من" && is_common_word(key) && !class(key).given_name;
        if t.is_definite(j)
            || class(key).common_subject
            || someone_from
            || is_plural_of_people(key)
            || is_known_place(key)
            || is_cue_or_role(key)
        {
            return;
        }
        self.take(Reason::Speech, t, j, MAX_NAME_WORDS, false, started);
    }

    /// فيما حل شارل لوكلير ثالثا، وجاء أوسكار بياستري رابعا: the words
    /// after a verb of ranking name a competitor when the place they came
    /// closes the phrase soon after (through an apposition: حل شارل لوكلير
    /// سائق فيراري ثالثا). Not a definite word (حل الفريق ثانيا), which the
    /// nationality before a name (جاء الكيني أموس سيريم) finds on its own.
    pub(super) fn after_ranking(&mut self, t: &Text, i: usize, started: &mut [bool]) {
        let j = i + 1;
        if !t.joined(j) || t.is_definite(j) || is_known_place(t.key(j)) {
            return;
        }
        let ranked =
            (j + 1..t.len().min(j + MAX_NAME_WORDS + 2)).take_while(|&k| t.joined(k)).any(|k| class(t.key(k)).rank);
        if ranked {
            self.take(Reason::Ranked, t, j, MAX_NAME_WORDS, false, started);
        }
    }

    /// A common given name, or a chain with بن/أبو, starts a person's name.
    pub(super) fn chains(&mut self, t: &Text, i: usize, started: &mut [bool]) {
        let key = t.key(i);
        let word = class(key);
        let after_name = t.joined(i) && {
            let previous = class(t.key(i - 1));
            previous.given_name || is_particle(t.key(i - 1))
        };
        if after_name {
            return;
        }
        if !word.given_name && self.conjoined_given_name(t, i, started) {
            return;
        }
        // حقول أبو ظبي مباشرة: a known place of several words is no one's name.
        if known_place_of_words_at(t, i).is_some() {
            return;
        }
        // موسى التعمري; not على, which the key makes علي.
        let (reason, min_words) = if word.given_name && !ends_name(t.written(i), word) {
            (Reason::GivenName, 2)
        } else if (key == "ابو" || key == "بن" || key == "ابن") && t.joined(i + 1) {
            // أبو مازن; or محمد بن سلمان, started one word back.
            (Reason::Chain, 2)
        } else {
            return;
        };
        let from = if key == "بن" || key == "ابن" {
            if i == 0 || !t.joined(i) || started[i - 1] {
                return;
            }
            // عز الدين بن الشيخ: a compound given name is two words
            // (docs/arabic.md §2.8), and where a name already starts at the
            // first, the chain is in it.
            let compound = i >= 2 && t.joined(i - 1) && joinable(t.key(i - 2), t.key(i - 1));
            if !compound {
                i - 1
            } else if started[i - 2] {
                return;
            } else {
                i - 2
            }
        } else {
            i
        };
        let words = self.material(t, from, MAX_NAME_WORDS, false, true);
        // بين بشار وتندوف: a given name and a word joined to it by و are two
        // names, not one (وليد, itself a given name, is no conjunction).
        let conjoined = words.get(1).is_some_and(|w| is_conjoined(&w.key, class(&w.key)));
        if words.len() >= min_words && !conjoined {
            started[from] = true;
            self.person_names.push((from..from + words.len(), reason));
            let nickname = self.nickname(t, from + words.len());
            self.push(reason, words, min_words, nickname);
        }
    }

    /// موسى التعمري وعلي علوان: a common given name after the conjunction و
    /// starts the next name of a list, of two words at least. Returns
    /// whether it found one.
    fn conjoined_given_name(&mut self, t: &Text, i: usize, started: &mut [bool]) -> bool {
        let key = t.key(i);
        let Some(bare) = key.strip_prefix('و').filter(|rest| class(rest).given_name) else { return false };
        let written = strip_written_proclitics(t.written(i), key, bare);
        if ends_name(&written, class(bare)) || !t.joined(i + 1) {
            return false;
        }
        let rest = self.material(t, i + 1, MAX_NAME_WORDS - 1, false, true);
        let conjoined = rest.first().is_some_and(|w| is_conjoined(&w.key, class(&w.key)) || is_particle(&w.key));
        if rest.is_empty() || conjoined {
            return false;
        }
        started[i] = true;
        self.person_names.push((i..i + 1 + rest.len(), Reason::GivenName));
        let first = NameWord { key: bare.into(), written: written.into() };
        self.push(Reason::GivenName, std::iter::once(first).chain(rest).collect(), 2, None);
        true
    }

    /// The name a person is known by, after the name ends at word `end`:
    /// `المعروف بـ«حميدتي»`, `المعروف باسم أبو محمد`, `الملقب بحميدتي`.
    pub(super) fn nickname(&self, t: &Text, end: usize) -> Option<Vec<NameWord>> {
        let known_as = KNOWN_AS.iter().any(|k| crate::arabic::key(k) == t.key(end));
        if !known_as || !t.joined(end) || !t.joined_or_quoted(end + 1) {
            return None;
        }
        let by = t.key(end + 1);
        if by == "ب" || by == "باسم" {
            let name = self.quoted(t, end + 2).or_else(|| {
                let word = t.name_word(end + 2);
                (t.joined_or_quoted(end + 2) && self.is_name_word(&word)).then(|| vec![word])
            });
            return name.filter(|words| words.len() <= 3);
        }
        // بحميدتي: the name joined to ب.
        let rest = by.strip_prefix('ب').filter(|rest| crate::arabic::normalize::letter_count(rest) >= 3)?;
        let written = strip_written_proclitics(t.written(end + 1), by, rest);
        let word = NameWord { key: rest.into(), written: written.into() };
        self.is_name_word(&word).then(|| vec![word])
    }
}

#[cfg(test)]
mod tests {
    use super::is_nationality;

    /// A nationality is the nisba of a known place; other nisbas are not.
    #[test]
    fn nationalities_table() {
        let table = [
            ("الفرنسي", true),
            ("السعودية", true),
            ("الأمريكية", true),
            ("العراقي", true),
            ("الإسباني", true),
            ("الأمريكي", true),
            ("البريطانية", true),
            ("الإنجليزي", true),
            ("النمساوية", true),
            ("الجنوبي", false),
            ("العربي", false),
            ("العسكري", false),
            ("الثاني", false),
            ("الدولي", false),
            ("الوطني", false),
            ("الرسمي", false),
            ("الحالي", false),
        ];
        for (word, expected) in table {
            assert_eq!(is_nationality(&crate::arabic::key(word)), expected, "{word}");
        }
    }
}
