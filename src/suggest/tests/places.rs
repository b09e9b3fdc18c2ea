//! Evidence of places: nouns of place and their duals and plurals, lists
//! around known places, datelines, landforms, seas and regions.

use super::{Case, assert_one_name, check};
use crate::entities::Kind;

#[test]
fn places() {
    check(&[
        Case {
            rule: "the dual of a noun of place before two names",
            articles: &["وضربت الفيضانات ولايتي سطيف وباتنة شرقي البلاد."],
            proposed: &[("سطيف", Kind::Place), ("باتنة", Kind::Place)],
            not_proposed: &["وباتنة"],
        },
        Case {
            rule: "the dual of a noun of place before two names, the second shaped like a nisba",
            articles: &["وهطلت الأمطار الغزيرة في مدينتي حديبو وقلنسية وقرى الساحل."],
            proposed: &[("حديبو", Kind::Place), ("قلنسية", Kind::Place)],
            not_proposed: &["قرى الساحل"],
        },
        Case {
            rule: "the nominative dual of a noun of place, and a loose noun's dual before two names joined by و",
            articles: &[
                "وأعلنت مدينتا عنيزة والرس تعطيل الدراسة.",
                "ووصلت الشحنات إلى ميناءي سفاجا ونويبع. وفتحت النيابة تحقيق قضائي مستقل وشامل.",
                "وتوقفت الملاحة في ميناءي البلدين. ووصلت السفينة إلى ميناءي سفاجا ونويبع.",
            ],
            proposed: &[("عنيزة", Kind::Place), ("الرس", Kind::Place), ("سفاجا", Kind::Place), ("نويبع", Kind::Place)],
            not_proposed: &["ميناءي سفاجا", "مدينتا عنيزة", "مستقل", "البلدين", "ميناءي البلدين"],
        },
        Case {
            rule: "a plural noun of place before a definite name begins a list when the list's next name has no article",
            articles: &[
                "ويمر الخط الجديد بمحافظات الدوادمي وعفيف والمويه قبل أن يصل إلى جدة.",
                "وزار الوزير مخيمات النازحين واللاجئين في الشمال.",
            ],
            proposed: &[("الدوادمي", Kind::Place), ("عفيف", Kind::Place), ("المويه", Kind::Place)],
            not_proposed: &["النازحين", "اللاجئين"],
        },
        Case {
            rule: "a definite name in a list with a known place, unless it is a frequent noun of ordinary text",
            articles: &[
                "وهطلت الأمطار على إربد والزرقاء. وامتد الأثر إلى الأردن والعالم. وزار الوفد مصر والحدود.",
                "وتأثرت الطرق في إربد والزرقاء، وامتد الأثر إلى سوريا والعالم. ووصل الوفد إلى تركيا والحدود.",
            ],
            proposed: &[("الزرقاء", Kind::Place)],
            not_proposed: &["العالم", "الحدود"],
        },
        Case {
            rule: "a head of names is not all of a name, however many names it heads",
            articles: &[
                "وعاد الهدوء إلى مخيم عين الحلوة قرب صيدا. ووصلت الحافلات إلى بلدة عين التوتة.",
                "وشهد مخيم عين الحلوة اشتباكات. وتقع بلدة عين الفيجة قرب دمشق، وقرية عين العسل شرقا.",
            ],
            proposed: &[("عين الحلوة", Kind::Place)],
            not_proposed: &["عين"],
        },
        Case {
            rule: "a byline where a dateline would stand names no place",
            articles: &[
                "كتب - محرر الشؤون الرياضية\n\nتعادل الفريقان في المباراة.",
                "كتب - محرر الشؤون المحلية\n\nافتتح المحافظ الطريق الجديد.",
            ],
            proposed: &[],
            not_proposed: &["كتب"],
        },
        Case {
            rule: "a beach is a noun of place, used loosely; the waters it lies on are not its name",
            articles: &[
                "ويقصد الزوار شاطئ الوطية. وجلس الصيادون على شاطئ البحر.",
                "وامتلأ شاطئ الوطية بالمصطافين، فيما أغلق شاطئ البحيرة.",
            ],
            proposed: &[("الوطية", Kind::Place)],
            not_proposed: &["البحر", "البحيرة", "شاطئ الوطية"],
        },
        Case {
            rule: "a known place that begins with و stays whole in a list",
            articles: &["ووقعت اتفاقية بين ميناء صحار وميناءي وهران وجيجل."],
            proposed: &[("وهران", Kind::Place), ("صحار", Kind::Place), ("جيجل", Kind::Place)],
            not_proposed: &["هران", "ميناءي"],
        },
        Case {
            rule: "a known place of two words whose first has two letters, after و",
            articles: &["وتمتد الشبكة إلى البصرة وذي قار والمثنى."],
            proposed: &[("ذي قار", Kind::Place), ("البصرة", Kind::Place)],
            not_proposed: &["ذي"],
        },
        Case {
            rule: "a known place of several words that starts with أبو is no one's name",
            articles: &["وينقل الخط الخام من حقول أبو ظبي مباشرة إلى الساحل."],
            proposed: &[("أبو ظبي", Kind::Place)],
            not_proposed: &["أبو ظبي مباشرة"],
        },
        Case {
            rule: "a verbal noun after ل or ب begins no place's name",
            articles: &[
                "ويضطر المرضى إلى التنقل نحو صفاقس وتونس العاصمة لإجراء عمليات جراحية.",
                "ويسافر المرضى إلى العاصمة لإجراء فحوصات دقيقة.",
            ],
            proposed: &[("صفاقس", Kind::Place)],
            not_proposed: &["لإجراء", "إجراء"],
        },
        Case {
            rule: "a delta before a name, and الخليج alone as a region",
            articles: &["وانتشر الجراد في دلتا طوكر.", "ويعمل أطباء عرب في أوروبا والخليج."],
            proposed: &[("طوكر", Kind::Place), ("الخليج", Kind::Place)],
            not_proposed: &["دلتا طوكر"],
        },
        Case {
            rule: "a basin before a name",
            articles: &[
                "وتحول الوزارة كميات إضافية من حوض الديسة إلى العاصمة.",
                "وتتقاسم دول حوض البحر المتوسط المخاطر نفسها.",
            ],
            proposed: &[("الديسة", Kind::Place), ("البحر المتوسط", Kind::Place)],
            not_proposed: &["حوض الديسة"],
        },
        Case {
            rule: "the dual of منطقة before two names",
            articles: &["وامتدت الاشتباكات إلى منطقتي الهرمل والقصير على الحدود."],
            proposed: &[("الهرمل", Kind::Place), ("القصير", Kind::Place)],
            not_proposed: &["والقصير"],
        },
        Case {
            rule: "a direction after a sure noun of place",
            articles: &["ونزح الآلاف في ولاية جنوب كردفان خلال الأسبوع."],
            proposed: &[("جنوب كردفان", Kind::Place)],
            not_proposed: &["كردفان"],
        },
        Case {
            rule: "a place's words are settled among places (دير الزور beside دير شبيغل)",
            articles: &[
                "وقصفت الطائرات مدينة دير الزور، وفق شهود.",
                "وعاد النازحون إلى مدينة دير الزور، أمس.",
                "المصدر: دير شبيغل",
                "المصدر: دير شبيغل",
                "المصدر: دير شبيغل",
                "المصدر: دير شبيغل",
            ],
            proposed: &[("دير الزور", Kind::Place), ("دير شبيغل", Kind::Source)],
            not_proposed: &["دير"],
        },
        Case {
            rule: "seas and oceans, whole after a noun of place",
            articles: &[
                "وأبحرت السفن في منطقة البحر الأبيض المتوسط أمس.",
                "ووصلت الناقلة إلى المحيط الهادئ.",
                "واجتمع قادة دول الخليج العربية.",
                "وتحدث الوزير عن المحيط الإقليمي للبلاد وعن منطقة المحيط الحيوي.",
            ],
            proposed: &[("البحر الأبيض المتوسط", Kind::Place), ("المحيط الهادئ", Kind::Place)],
            not_proposed: &["البحر", "الخليج العربية", "المحيط الإقليمي", "المحيط الحيوي"],
        },
        Case {
            rule: "a noun and its indefinite adjective is no place",
            articles: &["وشهدت العاصمة مظاهرات شعبية واسعة."],
            proposed: &[],
            not_proposed: &["مظاهرات شعبية", "مظاهرات"],
        },
        Case {
            rule: "a number joined by و to a known place is no place",
            articles: &["وفازت تونس وواحدة من جاراتها بالجائزة."],
            proposed: &[("تونس", Kind::Place)],
            not_proposed: &["احدة", "واحدة"],
        },
        Case {
            rule: "a list joined by و that holds a known place and closes with the phrase",
            articles: &[
                "وسجلت الإصابات في المكلا وسيحوت وحديبو، بحسب الوزارة.",
                "وامتدت الاحتجاجات إلى برشلونة وجيرونا ولاردة.",
                "وتوقفت الرحلات في بيت لحم وطولكرم.",
                "وفي ترهونة ومسلاتة وطرابلس انقطعت الكهرباء.",
            ],
            proposed: &[
                ("سيحوت", Kind::Place),
                ("حديبو", Kind::Place),
                ("جيرونا", Kind::Place),
                ("لاردة", Kind::Place),
                ("ترهونة", Kind::Place),
                ("مسلاتة", Kind::Place),
            ],
            not_proposed: &["وسيحوت", "ولاردة"],
        },
        Case {
            rule: "a list that runs on into the clause is no list of places",
            articles: &[
                "وشهدت البرتغال وأجزاء واسعة من غرب أوروبا الكسوف.",
                "وغادر الوفد القاهرة وبعدها بساعات وصل الرئيس.",
                "وسار المحتجون من بغداد وصولا إلى الحلة.",
                "وعادت الكهرباء إلى عطبرة وأجزاء من الخرطوم.",
            ],
            proposed: &[("البرتغال", Kind::Place)],
            not_proposed: &["أجزاء", "اسعة", "واسعة", "بعدها", "صولا", "وصولا"],
        },
        Case {
            rule: "a plural noun of place before a list that begins with a known place",
            articles: &["وتركزت الوفيات في مديريات المكلا والشحر وغيل باوزير."],
            proposed: &[("الشحر", Kind::Place), ("غيل باوزير", Kind::Place)],
            not_proposed: &["والشحر"],
        },
        Case {
            rule: "جهة, the Moroccan region, before a name; not an official body",
            articles: &[
                "وضربت العاصفة جهة سوس ماسة ليلا.",
                "وأعلنت جهة سوس ماسة خطة للطوارئ.",
                "ولم تعلن أي جهة رسمية مسؤوليتها.",
            ],
            proposed: &[("سوس ماسة", Kind::Place)],
            not_proposed: &["رسمية"],
        },
        Case {
            rule: "country names of i18n-iso-countries beside CLDR's",
            articles: &["وزار الوفد المجر ثم الدنمارك."],
            proposed: &[("المجر", Kind::Place), ("الدنمارك", Kind::Place)],
            not_proposed: &[],
        },
        Case {
            rule: "a landform's noun is part of its name, a town's is not",
            articles: &[
                "وغادر الأجداد قرى جبل لبنان بحثا عن حياة جديدة.",
                "وتطل المحافظة على مضيق هرمز الذي تمر عبره الناقلات.",
                "وتوقفت الحافلات في مدينة طبرقة، وفي وادي خالد شمالا.",
            ],
            proposed: &[
                ("جبل لبنان", Kind::Place),
                ("مضيق هرمز", Kind::Place),
                ("وادي خالد", Kind::Place),
                ("طبرقة", Kind::Place),
            ],
            not_proposed: &["هرمز", "خالد", "مدينة طبرقة"],
        },
        Case {
            rule: "a definite noun of land with a direction agreeing with it is a region",
            articles: &[
                "وهطلت أمطار غزيرة على المنطقة الشرقية وبالساحل الشمالي، وفي البر الغربي بالأقصر.",
                "وشمل الانقطاع الجزء الشمالي من المدينة والأحياء الشرقية، وتابعه الإعلام الغربي.",
                "وقال الرئيس الكوري الجنوبي إن الضفة الشرقية للنهر آمنة.",
            ],
            proposed: &[
                ("المنطقة الشرقية", Kind::Place),
                ("الساحل الشمالي", Kind::Place),
                ("البر الغربي", Kind::Place),
            ],
            not_proposed: &["الجزء الشمالي", "الأحياء الشرقية", "الإعلام الغربي", "الكوري الجنوبي", "الضفة الشرقية"],
        },
        Case {
            rule: "an airport, port or refinery named after where it stands names the place",
            articles: &[
                "وهبطت الطائرة في مطار الغيضة، فيما رست السفينة في مرفأ جونية.",
                "وبدأ تشغيل الوحدة الجديدة في مصفاة الزور جنوب البلاد.",
            ],
            proposed: &[("الغيضة", Kind::Place), ("جونية", Kind::Place), ("الزور", Kind::Place)],
            not_proposed: &["مطار الغيضة", "مصفاة الزور"],
        },
        Case {
            rule: "a river or lake keeps its noun; a river's name that is no country's or city's stands alone too",
            articles: &[
                "وارتفع منسوب نهر جوبا قرب الحدود، كما ارتفع نهر النيجر.",
                "وتراجعت مياه بحيرة تشاد وبحيرة عسل، فيما فاض نهر النيل في الخرطوم ونهر وخش في طاجيكستان.",
            ],
            proposed: &[
                ("نهر جوبا", Kind::Place),
                ("نهر النيجر", Kind::Place),
                ("بحيرة تشاد", Kind::Place),
                ("نهر النيل", Kind::Place),
                ("النيل", Kind::Place),
                ("نهر وخش", Kind::Place),
                ("وخش", Kind::Place),
            ],
            not_proposed: &["عسل"],
        },
        Case {
            rule: "a known place listed with and without a space is one, and sure",
            articles: &["وتختتم المنافسات في شوارع أبوظبي، بعد مراحل في أنقرة وأبو ظبي."],
            proposed: &[("أبوظبي", Kind::Place)],
            not_proposed: &[],
        },
        Case {
            rule: "a valley's or a range's name without the article stands alone too",
            articles: &[
                "وجرفت السيول منازل في وادي هونزا، فيما قطعت الانهيارات الطريق في جبال قراقرم.",
                "وزار الوفد المزارعين في وادي الحيتان وسفوح جبال الأطلس ووادي بني خروص.",
            ],
            proposed: &[
                ("وادي هونزا", Kind::Place),
                ("هونزا", Kind::Place),
                ("جبال قراقرم", Kind::Place),
                ("قراقرم", Kind::Place),
                ("وادي الحيتان", Kind::Place),
            ],
            not_proposed: &["الحيتان", "الأطلس", "بني"],
        },
        Case {
            rule: "a town named like a person, and a given name joined by و to another name",
            articles: &["ووصل أول قطار إلى مدينة بشار أمس.", "ويربط الخط الجديد بين بشار وتندوف."],
            proposed: &[("بشار", Kind::Place)],
            not_proposed: &["بشار وتندوف"],
        },
        Case {
            rule: "regions that CLDR does not name",
            articles: &[
                "ويعيد الاتفاق خلط الأوراق في القرن الأفريقي وفي البلقان.",
                "وتضم البطولة ثمانية فرق من محافظات الضفة الغربية.",
            ],
            proposed: &[("القرن الأفريقي", Kind::Place), ("البلقان", Kind::Place), ("الضفة الغربية", Kind::Place)],
            not_proposed: &[],
        },
        Case {
            rule: "cities of GeoNames, with no cue word, in any of their spellings",
            articles: &["ووصل الوفد إلى جدة قادما من صنعاء، ثم توجه إلى وهران.", "وغادر الحجاج جده بعد الموسم."],
            proposed: &[("جدة", Kind::Place), ("صنعاء", Kind::Place), ("وهران", Kind::Place)],
            not_proposed: &[],
        },
        Case {
            rule: "first-level subdivisions, with no cue word and without their unit's noun",
            articles: &["وتراجع الإنتاج في شبوة وحضرموت، بينما ارتفع في كاليفورنيا.", "وعاد الهدوء إلى سيدي بوزيد."],
            proposed: &[
                ("شبوة", Kind::Place),
                ("حضرموت", Kind::Place),
                ("كاليفورنيا", Kind::Place),
                ("سيدي بوزيد", Kind::Place),
            ],
            not_proposed: &["ولاية سيدي بوزيد"],
        },
        Case {
            rule: "a region split into states named by directions, and a country's short form",
            articles: &["وتتواصل المعارك في دارفور وكردفان منذ أشهر.", "ووصل الوفد إلى الإمارات أمس."],
            proposed: &[("دارفور", Kind::Place), ("كردفان", Kind::Place), ("الإمارات", Kind::Place)],
            not_proposed: &[],
        },
        Case {
            rule: "a subdivision's name that is also an ordinary word or an outlet is not known",
            articles: &["وقال مراسل الجزيرة إن الحل المطروح على البحيرة يتطلب قوة وصبرا."],
            proposed: &[],
            not_proposed: &["الجزيرة", "المطروح", "البحيرة", "قوة"],
        },
        Case {
            rule: "the plural of a noun of place before a list of names",
            articles: &["وجرت الأودية في ولايات صلالة وطاقة ومرباط.", "وسجلت حرائق في بلديتي تيشي وأوقاس."],
            proposed: &[
                ("صلالة", Kind::Place),
                ("طاقة", Kind::Place),
                ("مرباط", Kind::Place),
                ("تيشي", Kind::Place),
                ("أوقاس", Kind::Place),
            ],
            not_proposed: &["وطاقة", "صلالة وطاقة"],
        },
        Case {
            rule: "areas and quarters before a list of names (مناطق، أحياء)",
            articles: &[
                "وتجمعت مياه الأمطار في مناطق سموحة والمنتزه والعجمي.",
                "ونقل المصابون من أحياء سموحة والعجمي إلى المستشفى.",
                "وشهدت مناطق واسعة من البلاد أمطارا غزيرة.",
            ],
            proposed: &[("المنتزه", Kind::Place), ("سموحة", Kind::Place), ("العجمي", Kind::Place)],
            not_proposed: &["واسعة"],
        },
        Case {
            rule: "a plural of a noun of place before one name or a definite word is no list",
            articles: &["وعلق سكان في قرى تابعة لقضاء بستك.", "وامتدت الأمطار إلى ولايات السلطنة ومحافظاتها."],
            proposed: &[],
            not_proposed: &["تابعة", "السلطنة"],
        },
        Case {
            rule: "a title in a list of places starts the name, whole",
            articles: &["واندلعت احتجاجات في مديريتي المنصورة والشيخ عثمان مساء أمس."],
            proposed: &[("المنصورة", Kind::Place), ("الشيخ عثمان", Kind::Place)],
            not_proposed: &["الشيخ"],
        },
        Case {
            rule: "sure evidence in two articles outweighs an ordinary word",
            articles: &[
                "وتوفي شخصان في ولاية طاقة بمحافظة ظفار.",
                "وجرت الأودية في ولايات صلالة وطاقة.",
                "وارتفعت أسعار الطاقة وقال الخبراء إن طاقة الشبكة محدودة.",
            ],
            proposed: &[("طاقة", Kind::Place)],
            not_proposed: &["الطاقة"],
        },
        Case {
            rule: "nouns of Tunisia's districts, of the holy sites, of deserts and mines",
            articles: &[
                "ووصل الحجاج إلى مشعر منى.",
                "وتجمع المحتجون في معتمدية جبنيانة.",
                "وعلقت السيارات في رمال صحراء النفود الكبير.",
                "وتقع الآثار على أطراف صحراء النفود الكبير.",
                "وانطلق القطار من منجم غار جبيلات.",
                "ويقدر احتياطي منجم غار جبيلات بمليارات الأطنان.",
            ],
            proposed: &[
                ("منى", Kind::Place),
                ("جبنيانة", Kind::Place),
                ("النفود الكبير", Kind::Place),
                ("غار جبيلات", Kind::Place),
            ],
            not_proposed: &["مشعر منى", "معتمدية جبنيانة", "صحراء النفود"],
        },
        Case {
            rule: "قضاء before a definite word is spending time",
            articles: &["واضطرت العائلات إلى قضاء الليل في العراء.", "وأمضت الأسر قضاء الليل في السيارات في ليل بارد."],
            proposed: &[],
            not_proposed: &["الليل"],
        },
        Case {
            rule: "رغم is a preposition, after a noun of place too",
            articles: &["وخرج المتظاهرون إلى شوارع العاصمة رغم الحر.", "وتواصل العمل رغم الانقطاع."],
            proposed: &[],
            not_proposed: &["رغم"],
        },
        Case {
            rule: "the field of a ministry is no place",
            articles: &["وقال مسؤولون بمديرية السياحة إن الموسم جيد.", "وأعلنت وزارة السياحة عن كشف جديد."],
            proposed: &[],
            not_proposed: &["السياحة"],
        },
        Case {
            rule: "a given name after a region named by a direction begins its head's name",
            articles: &[
                "وقال رئيس ولاية جنوب الغرب عبد العزيز لفتاغرين إن الطريق آمن.",
                "وافتتح رئيس ولاية جنوب الغرب عبد العزيز لفتاغرين المستشفى.",
            ],
            proposed: &[("جنوب الغرب", Kind::Place)],
            not_proposed: &["جنوب الغرب عبد العزيز", "جنوب الغرب عبد"],
        },
        Case {
            rule: "a noun of place counted by a number names no place",
            articles: &[
                "وجرت الانتخابات في 63 ولاية موزعة على محافظات السلطنة.",
                "وتوزعت المراكز على 12 ولاية موزعة في البلاد.",
            ],
            proposed: &[],
            not_proposed: &["موزعة"],
        },
        Case {
            rule: "وأدى is a verb, not وادي",
            articles: &["وأدى ارتفاع الملوحة إلى نفوق الماشية.", "وأدى ارتفاع الأسعار إلى احتجاجات."],
            proposed: &[],
            not_proposed: &["ارتفاع", "وأدى ارتفاع"],
        },
        Case {
            rule: "a definite adjective between a definite noun of place and a known place",
            articles: &["ووقعت الحكومة في العاصمة المؤقتة عدن اتفاقا مع النقابة."],
            proposed: &[("عدن", Kind::Place)],
            not_proposed: &["المؤقتة"],
        },
        Case {
            rule: "a city's name that is also an ordinary word or a given name is not known",
            articles: &["ونشرت الصحيفة صور الشهداء في المدينة الجديدة، وقال بشار إن المشهد مؤلم."],
            proposed: &[],
            not_proposed: &["صور", "الجديدة", "المدينة", "بشار", "الشهداء"],
        },
    ]);
}

#[test]
fn an_ordinary_word_ranks_by_the_articles_with_evidence_of_a_name() {
    // الذهب is a noun of place's name once and the metal four times;
    // تيميمون is a town's name twice and nowhere else.
    let found = super::proposals(&[
        "ووصل الزوار إلى مدينة الذهب في الصحراء.",
        "وارتفع سعر الذهب في الأسواق.",
        "ويبحث المنقبون عن الذهب في الوديان.",
        "وصدرت البلاد أطنانا من الذهب.",
        "وتراجع الطلب على الذهب هذا الشهر.",
        "وافتتح المهرجان في مدينة تيميمون.",
        "وتستقبل مدينة تيميمون آلاف السياح.",
    ]);
    let rank = |name: &str| found.iter().position(|s| s.name == name).unwrap_or_else(|| panic!("{name}: {found:?}"));
    assert!(rank("تيميمون") < rank("الذهب"), "تيميمون ranks below الذهب: {found:?}");
}

#[test]
fn two_names_of_one_place() {
    assert_one_name(
        &[
            "وتربط الممرات الموانئ المصرية على البحر المتوسط بأوروبا.",
            "قبل أن تدخل السفينة البحر الأبيض المتوسط عبر مضيق جبل طارق.",
        ],
        "البحر المتوسط",
        "البحر الأبيض المتوسط",
    );
    // A country CLDR and i18n-iso-countries name two ways.
    assert_one_name(
        &[
            "ويمر الأنبوب عبر غانا وكوت ديفوار وليبيريا قبل أن يبلغ السنغال.",
            "ووقعت ساحل العاج اتفاق الانضمام إلى المشروع في أبيدجان.",
        ],
        "كوت ديفوار",
        "ساحل العاج",
    );
}

/// A known place's other name, where a list has the place, is proposed as
/// its alias: ساحل العاج for the listed كوت ديفوار.
#[test]
fn another_name_of_a_listed_place_is_its_alias() {
    use crate::entities::{Catalog, Kind};
    let (catalog, problems) = Catalog::from_lists(&[(
        Kind::Place,
        Kind::Place.list_path(),
        "[ivory-coast]\nname = \"كوت ديفوار\"\n".to_owned(),
    )]);
    assert!(problems.is_empty(), "{problems:?}");
    let text = "---\ntitle: \"خبر\"\n---\n\nووقعت ساحل العاج اتفاق الانضمام إلى المشروع في أبيدجان.\n";
    let article = crate::content::parse_article(std::path::Path::new("0.md"), text).expect("an article");
    let found = super::super::suggest(&[article], &catalog, &super::super::Options { kind: None, min_articles: 1 });
    assert!(
        found.aliases.iter().any(|a| a.entity == "ivory-coast" && a.alias == "ساحل العاج"),
        "aliases: {:?}",
        found.aliases
    );
    assert!(found.suggestions.iter().all(|s| s.name != "ساحل العاج"), "{:?}", found.suggestions);
}

#[test]
fn a_landform_with_its_noun_and_without() {
    assert_one_name(
        &[
            "وتقع المدينة الأثرية على ضفاف نهر دجلة شمال بغداد.",
            "وامتدت أعمال الترميم إلى الضفة الشرقية لدجلة قرب المدينة.",
        ],
        "نهر دجلة",
        "دجلة",
    );
    assert_one_name(
        &["وتساقطت الثلوج على جبال علقان القريبة من الحدود.", "وشمل التساقط جبل اللوز وعلقان في منطقة تبوك."],
        "جبال علقان",
        "علقان",
    );
}

#[test]
fn towns_and_names_inside_names() {
    check(&[
        Case {
            rule: "a smaller town is a known place when its name is no common word",
            articles: &["وأعلنت بلدية الرويس عن توسعة الميناء.", "واحتفل مشجعو خيخون بالصعود."],
            proposed: &[("الرويس", Kind::Place), ("خيخون", Kind::Place)],
            not_proposed: &[],
        },
        Case {
            rule: "a town's name read as a common word after a letter is not known (أطار, رانس)",
            articles: &["وقال في إطار زيارته إن العلاقات جيدة.", "وقال في مقابلة مع فرانس 24 إن الوضع صعب."],
            proposed: &[],
            not_proposed: &["إطار", "أطار", "رانس"],
        },
        Case {
            rule: "a known place's name at the end of a person's after a title is the person's",
            articles: &["وتألق الحارس ياسين بونو في المباراة.", "وأشاد المدرب بالحارس ياسين بونو بعد التصدي."],
            proposed: &[("ياسين بونو", Kind::Person)],
            not_proposed: &["بونو"],
        },
    ]);
}

#[test]
fn a_region_with_and_without_its_first_word_is_one_place() {
    let bodies = [
        "وكانت القوافل تنقل البضائع بين بلاد الشام والحجاز.",
        "وعرفت الأسواق تجارا من مصر والشام والعراق.",
        "وقال الباحث إن شبه الجزيرة العربية كانت أكثر خضرة.",
        "وعرفت الجزيرة العربية أمطارا غزيرة قبل آلاف السنين.",
    ];
    assert_one_name(&bodies, "بلاد الشام", "الشام");
    assert_one_name(&bodies, "شبه الجزيرة العربية", "الجزيرة العربية");
}

/// A name in a list ends before an adverbial accusative (بحثا عن), and a
/// foreign name written with an alef before its first consonants and
/// without is one place.
#[test]
fn a_list_name_ends_before_an_accusative_and_a_prothetic_alef_is_one_place() {
    const ARTICLES: &[&str] = &[
        "والحد من الهجرة نحو نواكشوط وانواذيبو بحثا عن الخدمات الأساسية.",
        "وتمتد المحمية بين نواذيبو شمالا وقرية المامغار جنوبا.",
    ];
    check(&[Case {
        rule: "a list's name before بحثا",
        articles: ARTICLES,
        proposed: &[("انواذيبو", Kind::Place)],
        not_proposed: &["انواذيبو بحثا"],
    }]);
    assert_one_name(ARTICLES, "نواذيبو", "انواذيبو");
    // A noun with the pronoun ها is no accusative: the list does not end there.
    check(&[Case {
        rule: "a pronoun is no accusative",
        articles: &["وتفرغ الشركات البضائع في الخليج العربي وإعادة شحنها من البحر الأحمر."],
        proposed: &[],
        not_proposed: &["إعادة"],
    }]);
}
