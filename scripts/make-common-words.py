#!/usr/bin/env python3
"""Writes src/suggest/common_words.txt, the words of ordinary Arabic text, for
`fihris entities suggest`: a word of the archive that is none of them (nor one
of them after a proclitic) and recurs across articles is most often a name
(أسكاون، خنجراب، شفيونتيك).

It also writes src/suggest/frequent_definite_words.txt, the definite words
of a Zipf frequency of 5.0 or more (الحكومة، العالم، الحدود, about one in a
hundred thousand words): after a place and و they are ordinary nouns
(سوريا والعالم), where rarer ones are most often places (المفرق والزرقاء).

usage: scripts/make-common-words.py

The words are those of PyPI `wordfreq` 3.1.1's Arabic list (its "best" list,
from Wikipedia, subtitles, news, books, the web and social media; the code
Apache 2.0, the data CC BY-SA 4.0, which the file written keeps) with a Zipf
frequency of 2.0 or more, about one in ten million words. Below that the list
holds mostly names, misspellings and rare forms. Each word is written as
matching reads it (docs/arabic.md §1: no tashkeel or tatweel, one alef, ى as
ي, ة as ه), and a word that is another one after proclitic letters
(والسوق is و + السوق, للسوق is ل + السوق) is left out when that other word is
kept, since the tool strips them the same way before looking a word up.
Needs `wordfreq` (pip install wordfreq==3.1.1) besides the standard library.
"""

import math
import re
from pathlib import Path

from wordfreq import get_frequency_dict

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "suggest" / "common_words.txt"
FREQUENT_DEFINITE_OUT = REPO / "src" / "suggest" / "frequent_definite_words.txt"

MIN_ZIPF = 2.0
FREQUENT_ZIPF = 5.0
ARABIC_WORD = re.compile("^[\u0621-\u064a\u064b-\u0652\u0670\u0671]+$")
TASHKEEL = re.compile("[\u064b-\u065f\u0670\u0640]")
FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def key(word: str) -> str:
    """The word as matching reads it (src/arabic/normalize.rs)."""
    return TASHKEEL.sub("", word).translate(FOLDS)


def stripped_forms(word: str) -> list[str]:
    """The word without a proclitic chain [و|ف]? [ب|ل|ك]?, or with لل read as
    ل + ال, keeping three letters at least (src/arabic/tokens.rs)."""
    forms = []
    for base in (0, 1) if word[:1] in "وف" else (0,):
        if base:
            forms.append(word[base:])
        rest = word[base:]
        if rest.startswith("لل"):
            forms.append("ال" + rest[2:])
        if rest[:1] in "بلك":
            forms.append(rest[1:])
    return [f for f in forms if len(f) >= 3]


def zipf(frequency: float) -> float:
    """A word's frequency on the Zipf scale: log10 of its count per billion words."""
    return math.log10(frequency * 1e9)


def main() -> None:
    frequencies = get_frequency_dict("ar", "best")
    words = {
        key(word)
        for word, frequency in frequencies.items()
        if ARABIC_WORD.match(word) and zipf(frequency) >= MIN_ZIPF
    }
    # Shorter words first, so that a word is left out only for one that is
    # kept (كبيره for بيره, which stays though it is ب + يره); among words of
    # one length in code point order, so that the list is the same on every
    # run (الابتكار before للابتكار, which then goes).
    kept: set[str] = set()
    for word in sorted(words, key=lambda w: (len(w), w)):
        if not any(form in kept for form in stripped_forms(word)):
            kept.add(word)
    kept = sorted(kept)
    header = (
        "# Words of ordinary Arabic text, as matching reads them: those of wordfreq 3.1.1's\n"
        "# Arabic list (https://github.com/rspeer/wordfreq) with a Zipf frequency of 2.0 or\n"
        "# more, without the forms that are another word after proclitics. Written by\n"
        "# scripts/make-common-words.py. Derived from wordfreq's data, this file is\n"
        "# licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).\n"
    )
    OUT.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} words in {OUT.relative_to(REPO)}")

    frequent = sorted(
        {
            key(word)
            for word, frequency in frequencies.items()
            if ARABIC_WORD.match(word) and word.startswith("ال") and zipf(frequency) >= FREQUENT_ZIPF
        }
    )
    header = (
        "# The definite words of ordinary Arabic text that are most frequent, as matching\n"
        "# reads them: those of wordfreq 3.1.1's Arabic list (https://github.com/rspeer/wordfreq)\n"
        "# with a Zipf frequency of 5.0 or more. Written by scripts/make-common-words.py.\n"
        "# Derived from wordfreq's data, this file is licensed under CC BY-SA 4.0\n"
        "# (https://creativecommons.org/licenses/by-sa/4.0/).\n"
    )
    FREQUENT_DEFINITE_OUT.write_text(header + "\n".join(frequent) + "\n", encoding="utf-8")
    print(f"{len(frequent)} words in {FREQUENT_DEFINITE_OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
