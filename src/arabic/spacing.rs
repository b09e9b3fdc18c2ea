//! Spacing variants of compound names (docs/arabic.md §2.8, an addition): عبد before
//! a name with the article is written apart or joined (عبد الفتاح and
//! عبدالفتاح, عبد الله and عبدالله), and so is أبو before a name (أبو ظبي and
//! أبوظبي, أبو مازن and أبومازن) and a given name's first part before الدين
//! (عز الدين and عزالدين, نور الدين and نورالدين). Outlets differ, and
//! hashtags always join, so a listed name matches in both spellings. أبو apart before a name is also
//! declined (قضاء أبي الخصيب, التقى أبا مازن), so a name with it matches in
//! its three cases. Pure functions of word keys.

use super::normalize::letter_count;

/// The key of عبد ("servant of"), which starts many names.
const ABD: &str = "عبد";
/// The key of أبو ("father of").
const ABU: &str = "ابو";
/// The keys of أبو in its three cases: nominative, genitive (أبي) and
/// accusative (أبا).
const ABU_CASES: [&str; 3] = [ABU, "ابي", "ابا"];
const ARTICLE: &str = "ال";
/// The key of الدين ("of the faith"), which ends the first part of many
/// given names.
const DIN: &str = "الدين";
/// The keys of the words that make a given name with الدين (عز الدين،
/// نور الدين، صلاح الدين، محيي الدين), as the names of the region are
/// written apart and joined. A list, not any word: رجال الدين ("clerics")
/// is no name, and a listed word that ends in الدين (الوالدين) is no
/// compound.
#[rustfmt::skip]
const DIN_HEADS: [&str; 41] = [
    "نور", "عز", "صلاح", "سيف", "علاء", "بدر", "نجم", "شمس", "تاج", "جمال", "كمال", "خير", "زين", "شرف", "محيي",
    "محي", "بهاء", "فخر", "ضياء", "سعد", "عماد", "حسام", "شهاب", "ناصر", "قطب", "معين", "نصر", "عصام", "ولي", "مجد",
    "جلال", "نظام", "سراج", "برهان", "حميد", "ركن", "قمر", "صفي", "تقي", "رضي", "لسان",
];

/// Whether two word keys make a compound that is also written as one word
/// (عبد الفتاح، أبو ظبي، عز الدين): two words of one name.
pub fn joinable(first: &str, second: &str) -> bool {
    match first {
        // عبد + a name with the article: عبد الله, عبد الفتاح (not عبد ربه,
        // which some outlets join too, but rarely enough to leave alone).
        ABD => second.starts_with(ARTICLE) && letter_count(second) >= 4,
        ABU => letter_count(second) >= 2,
        _ => second == DIN && DIN_HEADS.contains(&first),
    }
}

/// Where a one-word key splits into a compound: after عبد or أبو, or
/// before الدين.
fn split_point(word: &str) -> Option<usize> {
    [ABD, ABU]
        .into_iter()
        .find_map(|head| {
            let rest = word.strip_prefix(head)?;
            joinable(head, rest).then_some(head.len())
        })
        .or_else(|| word.strip_suffix(DIN).filter(|head| joinable(head, DIN)).map(str::len))
}

/// Every other way of spacing the words of a name (as keys): each compound
/// joined or apart. The name's own spacing is not included.
pub fn spacing_variants(words: &[&str]) -> Vec<Vec<String>> {
    let mut spellings = Vec::new();
    respell(words, &mut Vec::new(), &mut spellings);
    let own: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
    spellings.retain(|s| *s != own);
    spellings.dedup();
    spellings
}

fn respell(words: &[&str], prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let Some((&first, rest)) = words.split_first() else {
        out.push(prefix.clone());
        return;
    };
    // أبو, أبي or أبا before another word: each of the three.
    let cases: &[&str] = if ABU_CASES.contains(&first) && !rest.is_empty() { &ABU_CASES } else { &[first] };
    for case in cases {
        prefix.push((*case).to_owned());
        respell(rest, prefix, out);
        prefix.pop();
    }
    if let Some(at) = split_point(first) {
        let heads: &[&str] = if &first[..at] == ABU { &ABU_CASES } else { &[&first[..at]] };
        for head in heads {
            prefix.extend([(*head).to_owned(), first[at..].to_owned()]);
            respell(rest, prefix, out);
            prefix.truncate(prefix.len() - 2);
        }
    }
    let nominative = if cases.len() > 1 { ABU } else { first };
    if let Some(&second) = rest.first().filter(|second| joinable(nominative, second)) {
        prefix.push(format!("{nominative}{second}"));
        respell(&rest[1..], prefix, out);
        prefix.pop();
    }
}

/// The words of a name with every compound joined, and أبو in its
/// nominative: one form for all its spacings and cases (عبد الفتاح and
/// عبدالفتاح both give عبدالفتاح; أبي الخصيب and أبو الخصيب, ابوالخصيب).
pub fn joined(words: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, &word) in words.iter().enumerate() {
        let word = if ABU_CASES.contains(&word) && i + 1 < words.len() { ABU } else { word };
        match out.last_mut() {
            Some(last) if joinable(last, word) => last.push_str(word),
            _ => out.push(word.to_owned()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arabic::key;

    fn keys(name: &str) -> Vec<String> {
        name.split(' ').map(key).collect()
    }

    /// docs/arabic.md §2.8 (compound names): the spellings a listed name also matches.
    #[test]
    fn spacing_table() {
        let table: [(&str, &[&str]); 14] = [
            ("عبد الفتاح البرهان", &["عبدالفتاح البرهان"]),
            ("عبدالفتاح البرهان", &["عبد الفتاح البرهان"]),
            ("الملك عبد الله الثاني", &["الملك عبدالله الثاني"]),
            ("أبو ظبي", &["ابي ظبي", "ابا ظبي", "ابوظبي"]),
            ("أبوظبي", &["ابو ظبي", "ابي ظبي", "ابا ظبي"]),
            ("أبي الخصيب", &["ابو الخصيب", "ابا الخصيب", "ابوالخصيب"]),
            ("محمود عباس أبو مازن", &["محمود عباس ابي مازن", "محمود عباس ابا مازن", "محمود عباس ابومازن"]),
            // Only عبد + the article: عبد ربه and عبدي (a family name) stay as they are.
            ("عبد ربه منصور هادي", &[]),
            ("مظلوم عبدي", &[]),
            ("عز الدين بن الشيخ", &["عزالدين بن الشيخ"]),
            ("نورالدين بوصوار", &["نور الدين بوصوار"]),
            // Only a given name's part: رجال الدين is "clerics", الوالدين "the parents".
            ("رجال الدين", &[]),
            ("الوالدين", &[]),
            ("بوتين", &[]),
        ];
        for (name, expected) in table {
            let words = keys(name);
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let got: Vec<String> = spacing_variants(&words).into_iter().map(|v| v.join(" ")).collect();
            let expected: Vec<String> = expected.iter().map(|e| keys(e).join(" ")).collect();
            assert_eq!(got, expected, "spacings of {name}");
        }
    }

    #[test]
    fn two_compounds_give_every_combination() {
        let words = keys("عبد الله أبو زيد");
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let got: Vec<String> = spacing_variants(&words).into_iter().map(|v| v.join(" ")).collect();
        assert_eq!(
            got,
            [
                "عبد الله ابي زيد",
                "عبد الله ابا زيد",
                "عبد الله ابوزيد",
                "عبدالله ابو زيد",
                "عبدالله ابي زيد",
                "عبدالله ابا زيد",
                "عبدالله ابوزيد"
            ]
        );
    }

    #[test]
    fn joined_is_one_form_for_every_spacing() {
        for name in ["عبد الفتاح البرهان", "عبدالفتاح البرهان"] {
            let words = keys(name);
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            assert_eq!(joined(&words), ["عبدالفتاح", "البرهان"]);
        }
        for name in ["أبو الخصيب", "أبي الخصيب", "أبا الخصيب", "أبوالخصيب"] {
            let words = keys(name);
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            assert_eq!(joined(&words), [key("أبوالخصيب")], "{name}");
        }
        for name in ["صلاح الدين", "صلاحالدين"] {
            let words = keys(name);
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            assert_eq!(joined(&words), [key("صلاحالدين")], "{name}");
        }
        // Alone, أبي is "my father": no name to decline.
        assert_eq!(joined(&[key("أبي").as_str()]), [key("أبي")]);
    }
}
