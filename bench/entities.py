"""Entity benchmark: how well `fihris entities suggest` grows empty lists, how
well mentions are found with lists made from an annotated corpus, and how
fast `suggest` runs on a large archive.  Everything is printed in one run:

    python3 bench/entities.py --corpus tests/testsuite/fixtures/heldout-entities \\
        --make-corpus PATH/make-corpus.py [--before OLD_FIHRIS] [--fihris NEW_FIHRIS]

--corpus (or $FIHRIS_ENTITY_CORPUS) is an annotated corpus: articles/*.md (or
content/articles/*.md, as in tests/testsuite/fixtures/heldout-entities) and
truth.json (`entities`: name, kind, variants; `articles`: file and the entities
each names).  --make-corpus (or $FIHRIS_MAKE_CORPUS) is the benchmark corpus
generator, for the speed figure (10,000 articles by default).  --before is a
fihris binary built from older code, scored beside the current one for mentions.

Measures:
  suggest, with empty lists: the share of people, places and sources named in
    at least 2 articles that suggest proposes (anywhere, and within its first K
    proposals), the share of the first K that are entities of the corpus
    (K = 1.5 x the entities in >= 2 articles), and the share of those whose kind
    is guessed right;
  mentions: precision and recall of (article, entity) pairs found by a build,
    with lists made from the truth: names only, and names with every variant;
  speed: wall time of `suggest` on the generated corpus (median of --runs).

A proposal is an entity of the corpus when its name or one of its variants
has the matching key of one of the entity's variants (tashkeel and tatweel
dropped, alef forms, ى/ي and ة/ه folded, a hashtag's # and _ read as a space,
عبد ال… and أبو … joined).  Standard library only (Python 3.11).
"""

import argparse
import json
import resource
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

MARKS = re.compile("[\u064b-\u065f\u0670\u0610-\u061a\u06d6-\u06ed\u0640\u200c-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad]")
FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك"})


def key(text: str) -> str:
    """The matching key of a spelling (docs/arabic.md §1), with compounds joined."""
    text = MARKS.sub("", unicodedata.normalize("NFKC", text)).translate(FOLDS).lower()
    text = text.replace("#", " ").replace("_", " ")
    words = re.findall(r"\w+", text)
    joined = []
    for word in words:
        if joined and (joined[-1] == "ابو" or (joined[-1] == "عبد" and word.startswith("ال"))):
            joined[-1] += word
        else:
            joined.append(word)
    return " ".join(joined)


def bare_name(name: str) -> str:
    """A canonical name without its disambiguation: طرابلس (لبنان) → طرابلس."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()


def load_truth(corpus: Path):
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    entities = truth["entities"]
    articles_of = {e["name"]: set() for e in entities}
    for article in truth["articles"]:
        for entity in article["entities"]:
            articles_of.setdefault(entity["name"], set()).add(article["file"])
    return truth, entities, articles_of


def make_site(corpus: Path, lists: dict | None) -> Path:
    """A site with the corpus's articles and the given lists (kind → TOML)."""
    site = Path(tempfile.mkdtemp(prefix="fihris-entities-"))
    (site / "site.toml").write_text('title = "bench"\nbase_url = "https://example.org/"\n', encoding="utf-8")
    articles = corpus / "articles" if (corpus / "articles").is_dir() else corpus / "content" / "articles"
    shutil.copytree(articles, site / "content" / "articles")
    for kind, text in (lists or {}).items():
        (site / "content" / f"{kind}.toml").write_text(text, encoding="utf-8")
    return site


def score_suggest(fihris: Path, corpus: Path, extra: list[str]) -> dict:
    _, entities, articles_of = load_truth(corpus)
    site = make_site(corpus, None)
    try:
        out = subprocess.run([str(fihris), "entities", "suggest", "--root", str(site), "--format", "json", *extra],
                             check=True, capture_output=True, text=True).stdout
    finally:
        shutil.rmtree(site)
    proposals = json.loads(out)["suggestions"]
    keys_of = [{key(v) for v in [bare_name(e["name"]), *e["variants"]]} for e in entities]
    recurring = [i for i, e in enumerate(entities) if len(articles_of.get(e["name"], ())) >= 2]
    k = round(1.5 * len(recurring))

    def matched(proposal):
        spellings = {key(proposal["name"])} | {key(v) for v in proposal["variants"]}
        return [i for i, keys in enumerate(keys_of) if keys & spellings]

    matches = [matched(p) for p in proposals]
    found_all = set().union(*matches) if matches else set()
    found_k = set().union(*matches[:k]) if matches else set()
    real_k = [(p, m) for p, m in zip(proposals[:k], matches[:k]) if m]
    kind_right = [p for p, m in real_k if any(entities[i]["kind"] == p["kind"] for i in m)]
    by_kind = {}
    for kind in ("person", "place", "source"):
        of_kind = [i for i in recurring if entities[i]["kind"] == kind]
        by_kind[kind] = (sum(i in found_all for i in of_kind), len(of_kind))
    missed = [entities[i]["name"] for i in recurring if i not in found_all]
    wrong = [p["name"] for p, m in zip(proposals[:k], matches[:k]) if not m]
    return {
        "recurring": len(recurring),
        "k": k,
        "proposals": len(proposals),
        "recall_all": sum(i in found_all for i in recurring) / len(recurring),
        "recall_k": sum(i in found_k for i in recurring) / len(recurring),
        "precision_k": len(real_k) / min(k, len(proposals)) if proposals else 0.0,
        "kind_k": len(kind_right) / len(real_k) if real_k else 0.0,
        "by_kind": by_kind,
        "missed": missed,
        "not_entities": wrong,
    }


def toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def lists_from_truth(entities: list, with_variants: bool, common_words: frozenset = frozenset()) -> tuple[dict, dict]:
    """The three lists made from the truth, and entity key → truth name.  A
    name shared by two entities of one list keeps its qualifier in both; the
    spellings fihris refuses as common words are listed as weak, as its error
    says to."""
    sections = {"person": "people", "place": "places", "source": "sources"}
    lists = {s: [] for s in sections.values()}
    bare_counts, full_counts = {}, {}
    for entity in entities:
        bare = (sections[entity["kind"]], key(bare_name(entity["name"])))
        bare_counts[bare] = bare_counts.get(bare, 0) + 1
        full = (sections[entity["kind"]], key(entity["name"]))
        full_counts[full] = full_counts.get(full, 0) + 1
    key_to_name = {}
    for n, entity in enumerate(entities):
        section = sections[entity["kind"]]
        name = bare_name(entity["name"])
        if bare_counts[(section, key(name))] > 1:
            name = entity["name"]
        # Homonyms told apart by their vowel marks alone (عمّان, عُمان) are
        # one spelling to fihris: a user names one by what it is.
        if full_counts.get((section, key(name)), 0) > 1 and entity.get("description"):
            name = f"{name} ({entity['description']})"
        entity_key = f"e{n}"
        key_to_name[entity_key] = entity["name"]
        lines = [f"[{entity_key}]", f"name = {toml_string(name)}"]
        if with_variants:
            variants = sorted({v.lstrip("#") for v in entity["variants"]} - {name})
            if variants:
                lines.append("aliases = [" + ", ".join(toml_string(v) for v in variants) + "]")
            spellings = {name, *variants}
        else:
            spellings = {name}
        weak = sorted(spellings & common_words)
        if weak:
            lines.append("weak = [" + ", ".join(toml_string(w) for w in weak) + "]")
        lists[section].append("\n".join(lines))
    return {s: "\n\n".join(entries) + "\n" for s, entries in lists.items()}, key_to_name


COMMON_WORD_ERROR = re.compile(r'error: the alias "([^"]+)" of \[[^\]]+\] is also a common word')


def build_with_lists(fihris: Path, corpus: Path, entities: list, with_variants: bool):
    """Builds the corpus with lists from the truth; a second time with the
    common words fihris named listed as weak.  The build's data, or an error."""
    common_words = frozenset()
    for _ in range(2):
        lists, key_to_name = lists_from_truth(entities, with_variants, common_words)
        site = make_site(corpus, lists)
        try:
            result = subprocess.run([str(fihris), "build", "--root", str(site), "--out", str(site / "public")],
                                    capture_output=True, text=True)
            if result.returncode == 0:
                data = json.loads((site / "public" / "data" / "articles.json").read_text(encoding="utf-8"))
                return data, key_to_name
        finally:
            shutil.rmtree(site)
        named = frozenset(COMMON_WORD_ERROR.findall(result.stderr))
        if not named:
            break
        common_words |= named
    return {"error": result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "build failed"}, key_to_name


def score_mentions(fihris: Path, corpus: Path, with_variants: bool) -> dict:
    truth, entities, _ = load_truth(corpus)
    data, key_to_name = build_with_lists(fihris, corpus, entities, with_variants)
    if "error" in data:
        return data
    true_pairs = {(a["file"], e["name"]) for a in truth["articles"] for e in a["entities"]}
    slug_to_file = {Path(a["file"]).stem: a["file"] for a in truth["articles"]}
    found_pairs = set()
    for article in data["articles"]:
        file = slug_to_file.get(article["slug"])
        for kind in ("people", "places", "sources"):
            for key, mentions in article["entities"][kind]:
                if mentions > 0:
                    found_pairs.add((file, key_to_name[key]))
    hits = len(true_pairs & found_pairs)
    return {
        "precision": hits / len(found_pairs) if found_pairs else 0.0,
        "recall": hits / len(true_pairs),
        "false": sorted(found_pairs - true_pairs),
        "missed": sorted(true_pairs - found_pairs),
    }


def speed(fihris: Path, make_corpus: Path, work: Path, articles: int, runs: int) -> tuple[list[float], list[float]]:
    site = work / f"plain-{articles}"
    if not (site / "content").is_dir():
        subprocess.run([sys.executable, str(make_corpus), "--articles", str(articles), "--out", str(site),
                        "--flavor", "plain", "--seed", "1"], check=True, stdout=subprocess.DEVNULL)
    lists = [site / "content" / f"{k}.toml" for k in ("people", "places", "sources")]
    saved = work / f"lists-{articles}"
    saved.mkdir(exist_ok=True)
    for path in lists:
        if path.exists():
            shutil.move(str(path), saved / path.name)  # suggest starts from empty lists
    times, cpu = [], []
    try:
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([str(fihris), "entities", "suggest", "--root", str(site), "--format", "json"],
                           check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    finally:
        for path in lists:
            if (saved / path.name).exists():
                shutil.move(str(saved / path.name), path)
    return times, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=os.environ.get("FIHRIS_ENTITY_CORPUS"),
                        help="annotated corpus (articles/, truth.json)")
    parser.add_argument("--make-corpus", default=os.environ.get("FIHRIS_MAKE_CORPUS"),
                        help="make-corpus.py, for the speed figure")
    parser.add_argument("--fihris", default=str(REPO / "target/release/fihris"))
    parser.add_argument("--before", help="a fihris binary of older code, for mentions before the fixes")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "fihris-entities-bench"))
    parser.add_argument("--show", action="store_true", help="list the misses and the proposals that are no entity")
    args = parser.parse_args()
    fihris = Path(args.fihris)
    if not fihris.is_file():
        sys.exit(f"{fihris} not found: build it (cargo build --release) or pass --fihris")

    if args.corpus:
        corpus = Path(args.corpus)
        for label, extra in (("default (--min 2)", []), ("--min 1", ["--min", "1"])):
            s = score_suggest(fihris, corpus, extra)
            print(f"suggest {label}, empty lists, on {corpus.name}: {s['proposals']} proposals; "
                  f"{s['recurring']} entities in >= 2 articles, K = {s['k']}")
            print(f"  proposed (anywhere)      {s['recall_all']:.3f}   goal >= 0.9")
            print(f"  proposed (first K)       {s['recall_k']:.3f}")
            print(f"  entities in the first K  {s['precision_k']:.3f}   goal >= 0.8")
            print(f"  kind right (first K)     {s['kind_k']:.3f}   goal >= 0.9")
            for kind, (found, total) in s["by_kind"].items():
                print(f"    {kind:7} proposed {found}/{total}")
            if args.show:
                print("  missed: " + "، ".join(s["missed"]))
                print("  not entities (first K): " + "، ".join(s["not_entities"]))
        binaries = [("before", Path(args.before))] if args.before else []
        binaries.append(("now", fihris))
        print("mentions with lists from the truth: (article, entity) pairs")
        for label, binary in binaries:
            for with_variants in (False, True):
                m = score_mentions(binary, corpus, with_variants)
                mode = "names + variants" if with_variants else "names only"
                if "error" in m:
                    print(f"  {label:6} {mode:16} build failed: {m['error']}")
                    continue
                print(f"  {label:6} {mode:16} precision {m['precision']:.3f}  recall {m['recall']:.3f}")
                if args.show:
                    print("      false: " + "; ".join(f"{f} {n}" for f, n in m["false"]))
                    print("      missed: " + "; ".join(f"{f} {n}" for f, n in m["missed"]))
    if args.make_corpus:
        work = Path(args.work)
        work.mkdir(parents=True, exist_ok=True)
        times, cpu = speed(fihris, Path(args.make_corpus), work, args.articles, args.runs)
        print(f"speed: suggest on {args.articles:,} articles: median wall {statistics.median(times):.2f} s, "
              f"CPU (user + system) {statistics.median(cpu):.2f} s on {os.cpu_count()} cores "
              f"(wall of each run: {', '.join(f'{t:.2f}' for t in times)})")


if __name__ == "__main__":
    main()
