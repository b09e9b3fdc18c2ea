#!/usr/bin/env python3
"""Writes src/suggest/places.txt, the places every archive may mention, for
`fihris entities suggest`.

usage: scripts/make-places.py [PACKAGES_DIR]

The names come from two well-kept public sources, fetched with npm (`npm
pack`, so nothing is installed) unless PACKAGES_DIR already holds the
unpacked packages (PACKAGES_DIR/cldr-localenames-full/, …):

- Unicode CLDR 48 (npm `cldr-localenames-full` and `cldr-dates-full`, Unicode
  License v3): the Arabic names of territories, with their short and variant
  forms, and the exemplar cities of time zones;
- `i18n-iso-countries` 7.14 (MIT): the other Arabic names it gives countries
  (روسيا البيضاء، المجر، الدنمارك، بورما).

Left out: names that are also ordinary Arabic words or not places (ORDINARY),
CLDR's groupings that are no place (NOT_PLACES), and names written with a
dash (الكونغو - برازافيل), which no text writes that way. A name with another
in parentheses (ميانمار (بورما)) gives both (OTHER_NAMES). Standard library only.
"""

import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "suggest" / "places.txt"

PACKAGES = {
    "cldr-localenames-full": "48.2.0",
    "cldr-dates-full": "48.2.0",
    "i18n-iso-countries": "7.14.0",
}

# Exemplar cities whose names are also common words: ترك "left", واك
# (Wake Island) and استر (Easter Island) read as word fragments; كانتون is
# also the Swiss "canton".
ORDINARY = {"ترك", "واك", "استر", "كانتون"}

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


def names(root: Path) -> set[str]:
    locale = package(root, "cldr-localenames-full") / "main" / "ar" / "territories.json"
    territories = json.loads(locale.read_text(encoding="utf-8"))["main"]["ar"]["localeDisplayNames"]["territories"]
    dates = package(root, "cldr-dates-full") / "main" / "ar" / "timeZoneNames.json"
    zones = json.loads(dates.read_text(encoding="utf-8"))["main"]["ar"]["dates"]["timeZoneNames"]["zone"]
    countries = json.loads((package(root, "i18n-iso-countries") / "langs" / "ar.json").read_text(encoding="utf-8"))
    found: list[str] = [*territories.values(), *exemplar_cities(zones)]
    for value in countries["countries"].values():
        found.extend(value if isinstance(value, list) else [value])
    out = set()
    for name in found:
        # ميانمار (بورما): the name, and what the parentheses hold when it
        # is another name of the place (not a description: منطقة إدارية خاصة).
        outside, _, inside = name.partition("(")
        parts = [outside, OTHER_NAMES.get(inside.strip(" )"), "")]
        for part in parts:
            part = " ".join(part.split())
            # Territory codes that are no place (001, 150) have digits.
            if not part or " - " in part or re.search(r"[0-9]", part):
                continue
            if part in ORDINARY or part in NOT_PLACES or territory_code(part):
                continue
            out.add(part)
    return out


def territory_code(name: str) -> bool:
    return re.fullmatch(r"[A-Z0-9]+", name) is not None


HEADER = """\
# Places every archive may mention: the Arabic names of countries, territories,
# regions and cities in Unicode CLDR 48 (territory names, with their short and
# variant forms, and the exemplar cities of time zones) and the other names of
# countries in i18n-iso-countries 7.14, less those that are also ordinary words
# (ترك، واك، استر) or not places. `entities suggest` takes a name found here for
# a place. Written by scripts/make-places.py; do not edit by hand.
# CLDR data: Unicode License v3, (c) Unicode, Inc. i18n-iso-countries: MIT,
# (c) widdix GmbH.
"""


def main() -> None:
    if len(sys.argv) > 1:
        found = names(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as work:
            found = names(unpack(Path(work)))
    OUT.write_text(HEADER + "".join(f"{name}\n" for name in sorted(found)), encoding="utf-8")
    print(f"{OUT.relative_to(REPO)}: {len(found)} names")


if __name__ == "__main__":
    main()
