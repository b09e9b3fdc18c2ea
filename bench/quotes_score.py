#!/usr/bin/env python3
"""Scores fihris's quotations against a hand-made set.

A set is a folder with `articles/NNN.md` (front matter `title`, `date` and
`outlet`, the outlet's name) and `truth.json`:

    {"people": [{"name": ..., "aliases": [...]}, ...],
     "quotes": [{"file", "text", "direct", "speaker" (a canonical name or null),
                 "speaker_text", "outlet_given_to" (a name or null)}, ...],
     "non_quotes": [{"file", "text"}, ...]}

The script makes a site of it (people.toml from "people"; sources.toml from
the outlets the articles name and the outlets statements were given to;
`outlet:` becomes `source:`), builds it with fihris, reads
`data/quotes.json` and prints, as JSON:

- found: the share of the set's quotations that fihris reports (a reported
  quotation matches one of the set when at least 60% of the set's words are
  in it and at least 40% of its words are the set's; each matches once);
- attributed: the share of the found ones whose speaker is the set's (a
  listed person, or none);
- non_quotes: how many of the set's non-quotations fihris reports;
- extra: reported quotations that match nothing in the set;
- direct and outlet: the share of found ones whose kind, and whose outlet
  (where the set has one), are right.

With --weak-surnames, one-word aliases are listed as `weak` (they count
only in an article that also names the person otherwise), as a site lists
family names that are also ordinary words (المصري "Egyptian").

usage: quotes_score.py SET [--fihris PATH] [--details FILE] [--weak-surnames]
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent


def key(text):
    """The matching key of docs/arabic.md §1, enough for comparing words."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub("[\u064b-\u065f\u0670\u0640\u200c-\u200f\u061c\ufeff]", "", text)
    text = re.sub("[أإآٱ]", "ا", text).replace("ى", "ي").replace("ة", "ه")
    return text.lower()


def words(text):
    return re.findall(r"\w+", key(text))


def overlap(truth, found):
    """(share of truth's words in found, share of found's words in truth)."""
    t, f = words(truth), words(found)
    if not t or not f:
        return 0.0, 0.0
    pool = list(f)
    common = 0
    for w in t:
        if w in pool:
            pool.remove(w)
            common += 1
    return common / len(t), common / len(f)


def people_of(truth):
    people = truth.get("people", [])
    if isinstance(people, dict):
        people = [
            {"name": name, "aliases": aliases if isinstance(aliases, list) else aliases.get("aliases", [])}
            for name, aliases in people.items()
        ]
    return [{"name": p["name"], "aliases": list(p.get("aliases", []))} for p in people]


def toml_string(text):
    return json.dumps(text, ensure_ascii=False)


def make_site(set_dir, truth, root, weak_surnames=False):
    people = people_of(truth)
    lines = []
    for n, person in enumerate(people):
        aliases = [a for a in person["aliases"] if key(a) != key(person["name"])]
        weak = [a for a in aliases if weak_surnames and len(words(a)) == 1]
        lines.append(
            f"[p{n}]\nname = {toml_string(person['name'])}\naliases = [{', '.join(map(toml_string, aliases))}]\n"
            f"weak = [{', '.join(map(toml_string, weak))}]\n"
        )
    (root / "content").mkdir(parents=True)
    (root / "content" / "people.toml").write_text("\n".join(lines), encoding="utf-8")
    (root / "content" / "places.toml").write_text("", encoding="utf-8")
    outlets = {}
    articles = sorted((set_dir / "articles").glob("*.md"))
    texts = {}
    for path in articles:
        text = path.read_text(encoding="utf-8")
        match = re.search(r"^outlet:\s*(.+?)\s*$", text, re.M)
        if match:
            outlets.setdefault(match.group(1).strip("\"'"), f"s{len(outlets)}")
        texts[path] = text
    for quote in truth.get("quotes", []):
        given = quote.get("outlet_given_to")
        if given:
            outlets.setdefault(given, f"s{len(outlets)}")
    sources = [f"[{k}]\nname = {toml_string(name)}\n" for name, k in outlets.items()]
    (root / "content" / "sources.toml").write_text("\n".join(sources), encoding="utf-8")
    folder = root / "content" / "articles"
    folder.mkdir()
    for path, text in texts.items():
        def source(match):
            return f"source: {outlets[match.group(1).strip(chr(34) + chr(39))]}"

        text = re.sub(r"^outlet:\s*(.+?)\s*$", source, text, count=1, flags=re.M)
        (folder / path.name).write_text(text, encoding="utf-8")
    (root / "site.toml").write_text('title = "quotes"\nbase_url = "https://example.org/"\n', encoding="utf-8")
    names = {f"p{n}": p["name"] for n, p in enumerate(people)}
    return names, {k: name for name, k in outlets.items()}


def score(set_dir, fihris, weak_surnames=False):
    truth = json.loads((set_dir / "truth.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        people, sources = make_site(set_dir, truth, root, weak_surnames)
        out = Path(tmp) / "public"
        run = subprocess.run([fihris, "build", "--root", str(root), "--out", str(out)], capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"fihris build failed:\n{run.stderr}")
        quoting = json.loads((out / "data" / "quotes.json").read_text(encoding="utf-8"))["articles"]
    by_article = {a["article"]: a["quotes"] for a in quoting}
    reported = [q for a in quoting for q in a["quotes"]]
    quotes = truth.get("quotes", [])
    matched = {}
    used = set()
    pairs = []
    for t_index, t in enumerate(quotes):
        slug = Path(t["file"]).stem
        for f_index, f in enumerate(by_article.get(slug, [])):
            cover, precision = overlap(t["text"], f["text"])
            if cover >= 0.6 and precision >= 0.4:
                pairs.append((cover + precision, t_index, slug, f_index))
    for _, t_index, slug, f_index in sorted(pairs, reverse=True):
        if t_index in matched or (slug, f_index) in used:
            continue
        matched[t_index] = by_article[slug][f_index]
        used.add((slug, f_index))
    right = direct = outlet_right = outlet_total = 0
    details = {"missed": [], "misattributed": [], "non_quotes_reported": [], "extra": []}
    for t_index, t in enumerate(quotes):
        f = matched.get(t_index)
        if f is None:
            details["missed"].append(t)
            continue
        speaker = people.get(f["speaker"]) if f["speaker"] else None
        if speaker == t.get("speaker"):
            right += 1
        else:
            details["misattributed"].append({"truth": t, "found": f, "found_speaker": speaker})
        direct += f["direct"] == t.get("direct")
        if t.get("outlet_given_to"):
            outlet_total += 1
            outlet_right += sources.get(f["outlet"]) == t["outlet_given_to"]
    non_quotes = 0
    for n in truth.get("non_quotes", []):
        slug = Path(n["file"]).stem
        for f_index, f in enumerate(by_article.get(slug, [])):
            if (slug, f_index) in used:
                continue
            cover, _ = overlap(n["text"], f["text"])
            if cover >= 0.5:
                non_quotes += 1
                details["non_quotes_reported"].append({"non_quote": n, "found": f})
                break
    for slug, found in by_article.items():
        details["extra"].extend(f for i, f in enumerate(found) if (slug, i) not in used)
    total, hits = len(quotes), len(matched)
    summary = {
        "quotes": total,
        "non_quote_cases": len(truth.get("non_quotes", [])),
        "reported": len(reported),
        "found": round(hits / total, 3) if total else None,
        "attributed": round(right / hits, 3) if hits else None,
        "non_quotes": non_quotes,
        "extra": len(details["extra"]),
        "direct": round(direct / hits, 3) if hits else None,
        "outlet": f"{outlet_right}/{outlet_total}",
    }
    return summary, details


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("set", type=Path)
    parser.add_argument("--fihris", default=os.environ.get("FIHRIS", str(HERE.parent / "target" / "debug" / "fihris")))
    parser.add_argument("--details", type=Path, help="write what was missed, misattributed and reported wrongly here")
    parser.add_argument("--weak-surnames", action="store_true", help="list one-word aliases as weak")
    args = parser.parse_args()
    summary, details = score(args.set, args.fihris, args.weak_surnames)
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    if args.details:
        args.details.write_text(json.dumps(details, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
