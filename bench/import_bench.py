#!/usr/bin/env python3
"""How well `fihris import` reads web pages, beside trafilatura in the same run.

Two measures:

  python3 bench/import_bench.py extraction [BENCHMARK_DIR]
      The ScrapingHub/Zyte article-extraction benchmark (181 pages and their
      true article bodies, MIT; https://github.com/scrapinghub/article-extraction-benchmark).
      BENCHMARK_DIR (or $FIHRIS_EXTRACTION_BENCHMARK) is a copy of it: html/*.html.gz,
      ground-truth.json and evaluate.py. It is copied to a temporary folder
      and scored there with its own evaluate.py: shingle precision, recall and
      F1 of the body, with bootstrap error bars. Pages per second of each.

  python3 bench/import_bench.py pages SET_DIR
      A set of Arabic pages with their truth: SET_DIR/truth.json (a list of
      {file, kind, title, date, outlet, outlet_host, url, author,
      first_sentence, last_sentence, boilerplate}), the files under SET_DIR
      (pages/*.html, text/*.txt), and optionally SET_DIR/sources.toml as the
      site's list of outlets. Share of pages with the right title, date,
      outlet (its name, or its host), URL, first and last sentence of the
      text, and the boilerplate lines left in the text; trafilatura on the
      same HTML pages (it does not read text files).

fihris is run as `target/release/fihris` (or $FIHRIS); build it first with
`cargo build --release`. trafilatura: `pip install trafilatura lxml_html_clean`.
"""

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fihris_binary():
    path = Path(os.environ.get("FIHRIS", ROOT / "target" / "release" / "fihris"))
    if not path.exists():
        sys.exit(f"no fihris binary at {path}: run `cargo build --release` (or set FIHRIS)")
    return path


def run_fihris(inputs, site=None, into=None):
    """`fihris import --dry-run --format json` over `inputs`: {input path: report}, seconds."""
    command = [str(fihris_binary()), "import", "--dry-run", "--format", "json"]
    if site:
        command += ["--root", str(site)]
    if into:
        command += ["--into", str(into)]
    command += [str(p) for p in inputs]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"fihris failed:\n{done.stderr}")
    reports = {}
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            report = json.loads(line)
            if "file" in report:
                reports[report["input"]] = report
    return reports, seconds


def markdown_text(markdown):
    """The text of fihris's Markdown body, without its markup."""
    lines = []
    for line in markdown.splitlines():
        line = re.sub(r"^(#+ |> ?|- |\d+\. |\|)", "", line.strip())
        line = line.replace("\\", "")
        if line and not line.startswith("<http") and not set(line) <= set("-| "):
            lines.append(line)
    return "\n".join(lines)


def trafilatura_module():
    try:
        import trafilatura
    except ImportError:
        sys.exit("trafilatura is missing: pip install trafilatura lxml_html_clean")
    return trafilatura


def extraction(args):
    source = args.benchmark or os.environ.get("FIHRIS_EXTRACTION_BENCHMARK")
    if not source:
        sys.exit("name the benchmark's folder (or set FIHRIS_EXTRACTION_BENCHMARK)")
    trafilatura = trafilatura_module()
    with tempfile.TemporaryDirectory() as temp:
        bench = Path(temp) / "benchmark"
        shutil.copytree(source, bench)
        (bench / "output").mkdir(exist_ok=True)
        for old in (bench / "output").glob("*.json"):
            old.unlink()
        pages = sorted((bench / "html").glob("*.html.gz"))
        ids = [p.name[: -len(".html.gz")] for p in pages]
        reports, fihris_seconds = run_fihris(pages, into=Path(temp) / "articles")
        by_id = {Path(k.split(" (")[0]).name[: -len(".html.gz")]: v for k, v in reports.items()}
        fihris_out = {i: {"articleBody": markdown_text(by_id[i]["body"]) if i in by_id else ""} for i in ids}
        (bench / "output" / "fihris.json").write_text(json.dumps(fihris_out))

        start = time.perf_counter()
        traf_out = {}
        for page, i in zip(pages, ids):
            text = trafilatura.extract(gzip.open(page).read(), include_comments=False)
            traf_out[i] = {"articleBody": text or ""}
        traf_seconds = time.perf_counter() - start
        (bench / "output" / "trafilatura.json").write_text(json.dumps(traf_out))

        sys.path.insert(0, str(bench))
        import evaluate

        truth = evaluate.load_json(bench / "ground-truth.json")
        print(f"{len(ids)} pages of the article-extraction benchmark")
        print(f"{'':<24}{'F1':>16}{'precision':>16}{'recall':>16}{'pages/s':>10}")
        for name, output, seconds in [
            ("fihris", fihris_out, fihris_seconds),
            (f"trafilatura {trafilatura.__version__}", traf_out, traf_seconds),
        ]:
            m = evaluate.evaluate(truth, output, 1000)
            cell = lambda k: f"{m[k]:.3f} ± {m[k + '_std']:.3f}"
            print(f"{name:<24}{cell('f1'):>16}{cell('precision'):>16}{cell('recall'):>16}{len(ids) / seconds:>10.1f}")
        print("(fihris's time is one process for all pages, startup included; trafilatura's is the extraction alone)")


def key(text):
    """A loose form for comparing short fields: NFKC, no tashkeel or tatweel, alef forms folded, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text or "")
    text = re.sub("[\u064b-\u065f\u0670\u0640\u200b-\u200f]", "", text)
    text = re.sub("[أإآٱ]", "ا", text).replace("ى", "ي").replace("ة", "ه")
    return " ".join(text.split()).strip()


def same_outlet(name, host, truth):
    if not truth.get("outlet") and not truth.get("outlet_host"):
        return not name
    host = (host or "").lower().removeprefix("www.")
    if truth.get("outlet_host") and host and host == truth["outlet_host"].lower().removeprefix("www."):
        return True
    return bool(name) and key(name) == key(truth.get("outlet"))


def same_url(got, want):
    norm = lambda u: (u or "").strip().rstrip("/")
    return norm(got) == norm(want)


def score_page(truth, title, date, outlet, host, url, text):
    body = " ".join((text or "").split())
    first = " ".join((truth.get("first_sentence") or "").split())
    last = " ".join((truth.get("last_sentence") or "").split())
    return {
        "title": key(title) == key(truth.get("title")),
        "date": (date or None) == (truth.get("date") or None),
        "outlet": same_outlet(outlet, host, truth),
        "url": same_url(url, truth.get("url")),
        "first": bool(body) and body.startswith(first),
        "last": bool(body) and body.endswith(last),
        "leaked": sum(1 for line in truth.get("boilerplate") or [] if " ".join(line.split()) in body),
    }


def pages(args):
    folder = Path(args.set)
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        (site / "content").mkdir(parents=True)
        (site / "site.toml").write_text('title = "bench"\nbase_url = "https://example.org/"\n')
        if (folder / "sources.toml").exists():
            shutil.copy(folder / "sources.toml", site / "content" / "sources.toml")
        files = [folder / t["file"] for t in truth]
        reports, fihris_seconds = run_fihris(files, site=site)
        rows = {"fihris": [], "trafilatura": []}
        html_count = 0
        traf_seconds = 0.0
        trafilatura = trafilatura_module()
        for t, path in zip(truth, files):
            report = reports.get(str(path))
            if report:
                source = report["source"]
                got = score_page(t, report["title"], report["date"], source.get("name") or source.get("key"),
                                 source.get("host"), report["url"], markdown_text(report["body"]))
            else:
                got = score_page(t, None, None, None, None, None, "")
            rows["fihris"].append((t, got))
            if path.suffix in (".html", ".htm"):
                html_count += 1
                raw = path.read_bytes()
                start = time.perf_counter()
                doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
                traf_seconds += time.perf_counter() - start
                d = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
                host = re.sub(r"^https?://([^/]+).*$", r"\1", d.get("url") or "") if d.get("url") else None
                rows["trafilatura"].append((t, score_page(t, d.get("title"), d.get("date"), d.get("sitename"), host,
                                                          d.get("url"), d.get("text"))))
        print(f"{len(truth)} pages in {folder.name} ({html_count} HTML, {len(truth) - html_count} text)")
        fields = ["title", "date", "outlet", "url", "first", "last"]
        header = "".join(f"{f:>9}" for f in fields)
        print(f"{'':<14}{'pages':>6}{header}{'leaked':>8}{'pages/s':>9}")
        html_only = [(t, g) for t, g in rows["fihris"] if t["file"].endswith((".html", ".htm"))]
        text_only = [(t, g) for t, g in rows["fihris"] if not t["file"].endswith((".html", ".htm"))]
        if text_only and html_only:
            rows = {"fihris": rows["fihris"], "  HTML": html_only, "  text": text_only, "trafilatura": rows["trafilatura"]}
        for name, scored in rows.items():
            if not scored:
                continue
            n = len(scored)
            cells = "".join(f"{100 * sum(g[f] for _, g in scored) / n:>8.0f}%" for f in fields)
            leaked = sum(g["leaked"] for _, g in scored)
            if name == "fihris":
                speed = f"{len(files) / fihris_seconds:>9.1f}"
            elif name == "trafilatura":
                speed = f"{html_count / max(traf_seconds, 1e-9):>9.1f}"
            else:
                speed = ""
            print(f"{name:<14}{n:>6}{cells}{leaked:>8}{speed}")
        if args.verbose:
            for name, scored in rows.items():
                if name.startswith(" "):
                    continue
                for t, g in scored:
                    misses = [f for f in fields if not g[f]] + (["leaked"] if g["leaked"] else [])
                    if misses:
                        print(f"  {name}: {t['file']}: {', '.join(misses)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extraction", help="the public article-extraction benchmark")
    e.add_argument("benchmark", nargs="?")
    p = sub.add_parser("pages", help="a set of Arabic pages with truth.json")
    p.add_argument("set")
    p.add_argument("-v", "--verbose", action="store_true", help="list each page's misses")
    args = parser.parse_args()
    {"extraction": extraction, "pages": pages}[args.command](args)


if __name__ == "__main__":
    main()
