//! Words that ordinary Arabic text does not use ([`super::super::rare`]).

use super::proposals;

/// Whether a name is proposed (as its name or a variant).
fn proposed(bodies: &[&str], name: &str) -> bool {
    proposals(bodies).iter().any(|s| s.name == name || s.variants.iter().any(|v| v == name))
}

#[test]
fn a_rare_word_in_two_articles_is_proposed() {
    let articles = [
        "وقالت المصادر إن الأمطار الأخيرة أنعشت الحقول المحيطة بأسكاون هذا الموسم.",
        "ويشتكي المزارعون عبر ممر خنجراب من غلاء الأسمدة، بعد أن عرفت أسكاون موسما جيدا.",
        "وأعلنت السلطات إعادة فتح ممر خنجراب أمام الشاحنات.",
    ];
    assert!(proposed(&articles, "أسكاون"), "{:?}", proposals(&articles));
    assert!(proposed(&articles, "خنجراب"), "{:?}", proposals(&articles));
}

#[test]
fn a_rare_word_after_a_preposition_of_place_is_still_rare() {
    let articles = [
        "وتعبر الشاحنات يوميا مركز الحدود قادمة من طريبيل، وما يرافقها من تأخير.",
        "وعادت الشاحنات أمس إلى طريبيل بعد إغلاق دام يومين.",
    ];
    let found = proposals(&articles);
    assert!(found.iter().any(|s| s.name == "طريبيل" && s.kind == Some(crate::entities::Kind::Place)), "{found:?}");
}

#[test]
fn a_rare_word_after_a_word_with_the_conjunction_begins_a_name() {
    // Not the rest of the name that باتجاه began (الرطبة ومنفذ).
    let articles = [
        "وتمتد المرحلة الثانية من حديثة باتجاه الرطبة ومنفذ طريبيل الحدودي.",
        "وتعبر الشاحنات يوميا قادمة من طريبيل، وما يرافقها من تأخير.",
    ];
    assert!(proposed(&articles, "طريبيل"), "{:?}", proposals(&articles));
}

#[test]
fn a_rare_word_in_one_article_is_no_name_yet() {
    let articles = ["وقالت المصادر إن الأمطار أنعشت الحقول المحيطة بأسكاون.", "وارتفعت أسعار الأسمدة هذا الموسم."];
    let found = proposals(&articles);
    assert!(found.iter().all(|s| !s.name.contains("أسكاون")), "{found:?}");
}

#[test]
fn ordinary_words_with_pronouns_and_learned_words_with_the_article_are_no_names() {
    let articles = [
        "وزار الوفد كنائسها القديمة وتفقد مدينتها، ثم تحدث عن التراكوما في المنطقة.",
        "وأغلقت السلطات كنائسها ورممت مدينتها، وحذرت من التراكوما مجددا.",
    ];
    for word in ["كنائسها", "مدينتها", "التراكوما"] {
        assert!(!proposed(&articles, word), "{word}: {:?}", proposals(&articles));
    }
}

#[test]
fn a_conjunction_before_a_rare_word_is_dropped_unless_the_word_stands_inside_a_name() {
    let articles = [
        "وتضررت قرى الختمية والحلنقة ومكرام من السيول.",
        "وتعطلت الطرق المؤدية إلى الحلنقة ومكرام بعد الأمطار.",
        "وقال المبعوث الأمريكي ستيف ويتكوف إن الزيارة مهمة.",
        "وأضاف ويتكوف أن المحادثات ستستمر.",
        "وأكد ويتكوف أن الاتفاق قريب.",
    ];
    let found = proposals(&articles);
    assert!(proposed(&articles, "مكرام"), "{found:?}");
    assert!(!proposed(&articles, "ومكرام"), "{found:?}");
    assert!(!proposed(&articles, "يتكوف"), "{found:?}");
}

#[test]
fn a_rare_word_that_starts_with_fa_keeps_it_and_a_rare_dual_verb_is_no_name() {
    let articles = [
        "وقال عالم الآثار الألماني ديتريش فيلدونغ إن المعبد يهددان بانهياره السيل والملح.",
        "وأشرف فيلدونغ على حفريات المعبد، فيما يهددان الجفاف والرياح الحقول.",
        "وقال فيلدونغ إن الحفريات مستمرة.",
    ];
    let found = proposals(&articles);
    assert!(proposed(&articles, "فيلدونغ"), "{found:?}");
    assert!(!proposed(&articles, "يلدونغ"), "{found:?}");
    assert!(!proposed(&articles, "يهددان"), "{found:?}");
}

#[test]
fn a_head_of_place_names_before_a_rare_word_is_the_names_first_word() {
    let articles = [
        "وزار الوفد مواقع المصورات الصفراء وود بانقا من شمال الخرطوم، ثم توجه نحو تل مرديخ.",
        "وتشمل الجولة النقعة وود بانقا، ويأمل المنظمون أن تشمل تل مرديخ أيضا.",
    ];
    let found = proposals(&articles);
    assert!(proposed(&articles, "ود بانقا"), "{found:?}");
    assert!(proposed(&articles, "تل مرديخ"), "{found:?}");
    assert!(!proposed(&articles, "بانقا"), "{found:?}");
}

#[test]
fn a_rare_word_with_the_article_after_a_preposition_of_place_is_a_place() {
    let articles = [
        "وانطلقت القافلة صباحا من العفرون نحو المدية، وسط إجراءات أمنية.",
        "وتضررت الحقول في العفرون بعد الفيضانات الأخيرة.",
        "وشارك الوفد في الاجتماع الذي عقد في المقر الجديد.",
        "وعاد الوفد من الاجتماع إلى المقر مساء.",
    ];
    let found = proposals(&articles);
    assert!(found.iter().any(|s| s.name == "العفرون" && s.kind == Some(crate::entities::Kind::Place)), "{found:?}");
    // Words of ordinary text with the article after في are none.
    for word in ["الاجتماع", "المقر"] {
        assert!(!proposed(&articles, word), "{word}: {found:?}");
    }
}
