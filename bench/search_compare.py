"""Client-side search on an Arabic news site: fihris's own index against Pagefind.

Part 1, answers: builds the demo site (five articles in content/articles/), runs
Pagefind over the same output with its defaults (no data-pagefind-body on
fihris's pages, so Pagefind indexes the whole <body> of every HTML page: menus,
the "in this article" entity lists, the "other coverage" boxes and the entity
and index pages too), then in headless Chromium asks both engines 25 Arabic
queries and compares the article sets they return with the sets an independent
oracle in this file computes from the articles' text.

Part 2, cost on 10,000 articles: builds the generated corpus with fihris (twice;
the search index can't be turned off, so its whole build time is reported),
indexes it with Pagefind (`nice npx pagefind --site`), and reports wall time and
peak RSS of both, the size of search/ and pagefind/, and, for 5 queries, the
bytes each engine fetched (cold cache) until its first result's details were in
hand.

    python3 bench/search_compare.py                      # everything
    python3 bench/search_compare.py --skip-large         # part 1 only (seconds)
    python3 bench/search_compare.py --json out.json --work /tmp/fihris-search-compare

Needs: node/npm/npx (pagefind and playwright-core are installed from npm into
--npm-dir when missing), Debian's /usr/bin/chromium (never downloaded), and the
fihris release binary (copied to /tmp/fihris-search-bin; no cargo). Standard
library only (Python 3.11).
"""

import argparse
import gzip
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.parse
import urllib.request
from pathlib import Path

from run import find_make_corpus

HERE = Path(__file__).resolve().parent
BROWSER_HELPER = HERE / "search_compare_browser.mjs"
CHROMIUM = "/usr/bin/chromium"

# The queries of part 1 and, by hand, the word each one asks for: the query's
# key (docs/arabic.md §1) with the proclitic chain that is really there
# removed. The oracle checks that each stem is one of the forms the chain rule
# can make of its query, so the table can't drift from the rule.
QUERIES = [
    ("موسكو", "موسكو"), ("بموسكو", "موسكو"), ("لموسكو", "موسكو"), ("وموسكو", "موسكو"),
    ("بوتين", "بوتين"), ("وبوتين", "بوتين"), ("لبوتين", "بوتين"), ("بوتن", "بوتن"),
    ("الأسد", "الاسد"), ("للأسد", "الاسد"), ("والأسد", "الاسد"),
    ("أردوغان", "اردوغان"), ("إردوغان", "اردوغان"), ("اردوغان", "اردوغان"),
    ("سوريا", "سوريا"), ("وسوريا", "سوريا"), ("لسوريا", "سوريا"),
    ("الكرملين", "الكرملين"), ("بالكرملين", "الكرملين"),
    ("تركيا", "تركيا"), ("وتركيا", "تركيا"),
    ("أنقرة", "انقره"), ("وأنقرة", "انقره"),
    ("دمشق", "دمشق"), ("ودمشق", "دمشق"),
]
# Part 2: two seed names and three words picked from the generated corpus (a rare
# one, one in about a third of the articles, one in about half).
# With their stems, for the oracle's article counts.
LARGE_QUERIES = [("موسكو", "موسكو"), ("لبوتين", "بوتين"), ("القاهرة", "القاهره"), ("كازاخستان", "كازاخستان"),
                 ("الحكومة", "الحكومه")]


# ---------------------------------------------------------------- the oracle
# Deliberately simpler than fihris's Rust and JS code, and written without them.

TASHKEEL = re.compile("[\u064b-\u065f\u0670\u0610-\u061a\u06d6-\u06ed\u0640]")  # and tatweel
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
WORD = re.compile(r"\w+")


def normalize(text: str) -> str:
    """Alef forms to ا, ى to ي, ة to ه; tashkeel and tatweel dropped."""
    return TASHKEEL.sub("", unicodedata.normalize("NFKC", text)).translate(FOLD)


def forms(word: str) -> set[str]:
    """A normalized word and what remains of it after a proclitic chain [وف]?[بلك]?, or with لل read as ال."""
    out = {word}
    for rest in ([word, word[1:]] if word[:1] in "وف" else [word]):
        out.add(rest)
        if rest[:1] in "بلك":
            out.add(rest[1:])
        if rest.startswith("لل"):
            out.add("ال" + rest[2:])
    return {f for f in out if f}


def article_text(path: Path) -> tuple[str, str, str]:
    """(slug, title, title + body) of a Markdown article with YAML-ish front matter."""
    raw = path.read_text(encoding="utf-8")
    _, front, body = raw.split("---", 2)
    fields = {}
    for line in front.strip().splitlines():
        if ":" in line:
            name, value = line.split(":", 1)
            value = re.sub(r"\s+#.*$", "", value).strip().strip('"')
            fields[name.strip()] = value
    slug = fields.get("slug") or path.stem
    return slug, fields.get("title", ""), fields.get("title", "") + "\n" + body


def oracle_counts(articles_dir: Path, queries: list[tuple[str, str]]) -> dict:
    """How many articles the oracle expects for each (query, stem)."""
    for q, stem in queries:
        if stem not in forms(normalize(q)):
            sys.exit(f"oracle table: {stem} is not a proclitic-chain form of {q}")
    counts = {q: 0 for q, _ in queries}
    for path in articles_dir.glob("*.md"):
        found = set()
        for w in set(WORD.findall(normalize(article_text(path)[2]))):
            found |= forms(w)
        for q, stem in queries:
            counts[q] += stem in found
    return counts


def oracle(articles_dir: Path) -> tuple[dict, dict]:
    """Expected article slugs for every query, and the titles by slug."""
    words_of = {}
    titles = {}
    for path in sorted(articles_dir.glob("*.md")):
        slug, title, text = article_text(path)
        titles[slug] = title
        words_of[slug] = set(WORD.findall(normalize(text)))
    expected = {}
    for query, stem in QUERIES:
        if stem not in forms(normalize(query)):
            sys.exit(f"oracle table: {stem} is not a proclitic-chain form of {query}")
        expected[query] = sorted(slug for slug, words in words_of.items()
                                 if any(stem in forms(w) for w in words))
    return expected, titles


# ---------------------------------------------------------------- processes

def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure(argv: list[str], cwd: Path | None = None) -> dict:
    """Runs argv to its end: wall seconds, CPU seconds and peak RSS (KiB, from wait4:
    the largest of the process and the descendants it waited for)."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    if process.returncode != 0:
        sys.stderr.write(text)
        sys.exit(f"failed with exit code {process.returncode}: {' '.join(argv)}")
    return {"wall_s": round(wall, 3), "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
            "peak_rss_kib": usage.ru_maxrss, "output": text}


def ensure_npm(npm_dir: Path) -> None:
    """pagefind (with its platform binary package) and playwright-core, from npm, in npm_dir."""
    if (npm_dir / "node_modules/pagefind").is_dir() and (npm_dir / "node_modules/playwright-core").is_dir():
        return
    npm_dir.mkdir(parents=True, exist_ok=True)
    if not (npm_dir / "package.json").exists():
        (npm_dir / "package.json").write_text('{"name": "fihris-search-compare", "private": true}\n')
    log(f"npm install pagefind playwright-core in {npm_dir}")
    # playwright-core never downloads a browser by itself; the env var says so twice.
    env = dict(os.environ, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD="1")
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "pagefind", "playwright-core"],
                   cwd=npm_dir, env=env, check=True)


def pagefind_version(npm_dir: Path) -> str:
    out = subprocess.run(["npx", "--no-install", "pagefind", "--version"], cwd=npm_dir,
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def build_fihris(fihris: Path, root: Path, out: Path) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    result = measure([str(fihris), "build", "--root", str(root), "--out", str(out)])
    log(result["output"].strip().splitlines()[-1] if result["output"].strip() else "fihris built")
    return result


def run_pagefind(npm_dir: Path, site: Path) -> dict:
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    result = measure(["nice", "-n", "10", "npx", "--no-install", "pagefind", "--site", str(site)], cwd=npm_dir)
    indexed = re.findall(r"Indexed (\d+) (pages|words)", result["output"])
    result.update({kind: int(n) for n, kind in indexed})
    result["body_note"] = ("no data-pagefind-body element: indexed every <body>"
                           if "Did not find a data-pagefind-body" in result["output"] else "data-pagefind-body found")
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """python3 -m http.server on a free port of 127.0.0.1, serving `folder`; stopped on exit."""

    def __init__(self, folder: Path):
        self.folder = folder

    def __enter__(self):
        self.port = free_port()
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1", "--directory", str(self.folder)],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log)
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(self.base + "/robots.txt", timeout=1).read()
                return self
            except OSError:
                time.sleep(0.1)
        self.__exit__()
        sys.exit("http.server did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def browser(npm_dir: Path, config: dict, timeout: int) -> list:
    """Runs the Node helper (playwright-core driving /usr/bin/chromium) and returns its JSON."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(config, f, ensure_ascii=False)
    env = dict(os.environ, PLAYWRIGHT_DIR=str(npm_dir), PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD="1")
    # Own process group, so a timeout ends Node and the Chromium it started, nothing else.
    process = subprocess.Popen(["node", str(BROWSER_HELPER), f.name], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        sys.exit("browser helper timed out")
    finally:
        os.unlink(f.name)
    if process.returncode != 0:
        sys.stderr.write(err.decode("utf-8", "replace"))
        sys.exit(f"browser helper failed ({process.returncode})")
    return json.loads(out)


BLANK = '<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>\n'


def add_blank_page(site: Path) -> str:
    """An empty page in the built site (added after Pagefind ran, so not indexed) to start cold from."""
    (site / "__bench").mkdir(exist_ok=True)
    (site / "__bench/blank.html").write_text(BLANK)
    return "/__bench/blank.html"


# ---------------------------------------------------------------- sizes

def folder_size(folder: Path, with_gzip: bool = True) -> dict:
    files = [p for p in folder.rglob("*") if p.is_file()]
    raw = sum(p.stat().st_size for p in files)
    du = subprocess.run(["du", "-sk", str(folder)], capture_output=True, text=True, check=True)
    out = {"files": len(files), "bytes": raw, "disk_kib": int(du.stdout.split()[0])}
    if with_gzip:
        out["gzip6_bytes"] = sum(len(gzip.compress(p.read_bytes(), 6)) for p in files)
    return out


_gzip_cache: dict = {}


def file_for(site: Path, url: str) -> Path | None:
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    local = site / path.lstrip("/")
    if local.is_dir():
        local = local / "index.html"
    return local if local.is_file() else None


def gzip_size(local: Path) -> int:
    if local not in _gzip_cache:
        _gzip_cache[local] = len(gzip.compress(local.read_bytes(), 6))
    return _gzip_cache[local]


CODE = re.compile(r"/(search\.js|pagefind/pagefind\.js|pagefind/pagefind-worker\.js|pagefind/wasm\.[^/]*)$")


def fetched(site: Path, run: dict) -> dict:
    """What one cold query fetched: the union of the page's Performance API entries and the
    browser's network events (Pagefind's worker fetches appear only in the latter). Bytes are
    the files' sizes on disk (http.server sends them as they are) and gzip -6 of them."""
    urls = {}
    for e in run["perf"]:
        urls.setdefault(e["url"], {})["perf"] = e["encodedBodySize"]
    for e in run["network"]:
        urls.setdefault(e["url"], {})["net"] = e["responseBodySize"]
    total = code = gz = 0
    files = []
    for url, seen in sorted(urls.items()):
        local = file_for(site, url)
        size = local.stat().st_size if local else max(seen.get("perf") or 0, seen.get("net") or 0)
        g = gzip_size(local) if local else size
        total += size
        gz += g
        if CODE.search(urllib.parse.urlsplit(url).path):
            code += size
        files.append({"url": urllib.parse.urlsplit(url).path, "bytes": size, "gzip6": g,
                      "perf_encoded": seen.get("perf"), "cdp_body": seen.get("net")})
    return {
        "requests": len(urls),
        "bytes": total,
        "code_bytes": code,
        "index_bytes": total - code,
        "gzip6_bytes": gz,
        "perf_api_bytes": sum(e["encodedBodySize"] for e in run["perf"]),
        "perf_api_transfer": sum(e["transferSize"] for e in run["perf"]),
        "perf_api_requests": len(run["perf"]),
        "files": files,
    }


# ---------------------------------------------------------------- tables

def table(headers: list[str], rows: list[list], aligns: str | None = None) -> str:
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    aligns = aligns or "l" * len(headers)

    def line(row):
        return "  ".join(c.rjust(w) if a == "r" else c.ljust(w) for c, w, a in zip(row, widths, aligns)).rstrip()

    return "\n".join([line(cells[0]), "  ".join("-" * w for w in widths)] + [line(r) for r in cells[1:]])


def kib(n: int) -> str:
    return f"{n / 1024:,.1f} KiB"


def mib(n: int) -> str:
    return f"{n / 1024 / 1024:,.1f} MiB"


# ---------------------------------------------------------------- parts

def article_slug(url: str) -> str | None:
    m = re.fullmatch(r"/articles/([^/]+)/(index\.html)?", urllib.parse.urlsplit(url).path)
    return m.group(1) if m else None


def part_answers(args, fihris: Path, work: Path) -> dict:
    root = args.root
    expected, titles = oracle(root / "content/articles")
    labels = {slug: chr(ord("A") + i) for i, slug in enumerate(sorted(titles))}

    def letters(slugs) -> str:
        return "".join(sorted(labels.get(s, "?") for s in slugs)) or "-"

    out = work / "demo-out"
    log(f"building the demo site into {out}")
    build = build_fihris(fihris, root, out)
    log("pagefind --site (demo)")
    pf = run_pagefind(args.npm_dir, out)
    with Server(out) as server:
        log(f"asking {len(QUERIES)} queries in Chromium ({server.base}/search/)")
        runs = browser(args.npm_dir, {"base": server.base, "mode": "answers", "page": "/search/",
                                      "queries": [q for q, _ in QUERIES], "chromium": args.chromium}, 300)
    rows = []
    record = []
    right_f = right_p = 0
    for (query, stem), run in zip(QUERIES, runs):
        want = set(expected[query])
        f_urls = run["fihris"]["urls"]
        f_set = {article_slug(u) for u in f_urls}
        p_urls = run["pagefind"]["urls"]
        p_set = {article_slug(u) for u in p_urls if article_slug(u)}
        p_other = [u for u in p_urls if not article_slug(u)]
        f_ok = f_set == want and len(f_urls) == len(f_set)
        p_ok = p_set == want
        right_f += f_ok
        right_p += p_ok
        names = ",".join(u.strip("/").split("/")[-1] for u in run["fihris"]["entities"]) or "-"
        rows.append([query, stem, f"{len(want)} {letters(want)}",
                     f"{len(f_set)} {letters(f_set)} {'right' if f_ok else 'WRONG'}",
                     f"{len(p_set)} {letters(p_set)} {'right' if p_ok else 'WRONG'}",
                     len(p_other), names])
        record.append({"query": query, "stem": stem, "expected": sorted(want),
                       "fihris": {"urls": f_urls, "articles": sorted(s for s in f_set if s), "right": f_ok,
                                  "entities": run["fihris"]["entities"], "ms": run["fihris"]["ms"]},
                       "pagefind": {"urls": p_urls, "articles": sorted(p_set), "other_pages": len(p_other),
                                    "right": p_ok, "ms": run["pagefind"]["ms"]}})

    print("\n== Part 1: answers on the demo site (5 articles) ==")
    print(f"fihris build: {build['wall_s']:.2f} s; Pagefind {args.pagefind_version}: {pf.get('pages')} pages, "
          f"{pf.get('words')} words, {pf['wall_s']:.2f} s ({pf['body_note']})")
    print("Articles:")
    for slug in sorted(titles):
        print(f"  {labels[slug]} = {slug}  {titles[slug]}")
    print("Oracle: title + body of each article, normalized (أ إ آ ٱ -> ا, ى -> ي, ة -> ه, tashkeel and tatweel\n"
          "dropped); a word counts when it, or it with a proclitic chain [وف]?[بلك]? removed, or with لل read as\n"
          "ال (after an optional و/ف), equals the query's stem. Spelling variants count only through that\n"
          "normalization: بوتن and بوتين are different words (fihris offers Putin's page for بوتن as a name, shown\n"
          "in the last column, but that is not an article result). Pagefind: only /articles/ URLs are compared;\n"
          "the other pages it returns (entity pages, home, indexes) are counted in 'PF other'.")
    print(table(["query", "stem", "expected", "fihris found", "Pagefind articles", "PF other", "fihris names"],
                rows, "lllllrl"))
    print(f"answers right: fihris {right_f}/{len(QUERIES)}, Pagefind {right_p}/{len(QUERIES)}")
    wrong = [r for r in record if not r["fihris"]["right"] or not r["pagefind"]["right"]]
    if wrong:
        print("Wrong answers (expected / found; - missing, + extra):")
        for r in wrong:
            for engine in ("fihris", "pagefind"):
                if r[engine]["right"]:
                    continue
                got, want = set(r[engine]["articles"]), set(r["expected"])
                print(f"  {engine:8} {r['query']}: expected {letters(want)}, found {letters(got)}"
                      f"  -{letters(want - got) if want - got else ''} +{letters(got - want) if got - want else ''}")
    return {"build": {k: v for k, v in build.items() if k != "output"},
            "pagefind": {k: v for k, v in pf.items() if k != "output"},
            "articles": {labels[s]: s for s in labels}, "queries": record,
            "right": {"fihris": right_f, "pagefind": right_p, "of": len(QUERIES)}}


def ensure_corpus(args) -> Path:
    corpus = args.corpus
    if (corpus / "content/articles").is_dir():
        n = sum(1 for _ in (corpus / "content/articles").glob("*.md"))
        if n != args.articles:
            log(f"note: {corpus} has {n} articles, not {args.articles}")
        return corpus
    partial = corpus.with_name(corpus.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    log(f"making {corpus}")
    make_corpus = args.make_corpus or find_make_corpus(None)
    subprocess.run([sys.executable, str(make_corpus), "--flavor", "plain", "--articles", str(args.articles),
                    "--seed", "1", "--out", str(partial)], check=True)
    partial.rename(corpus)
    return corpus


def part_large(args, fihris: Path, work: Path) -> dict:
    corpus = ensure_corpus(args)
    out = work / "large-out"
    load_before = os.getloadavg()
    builds = []
    for i in range(2):
        log(f"fihris build of {corpus} (run {i + 1}/2)")
        builds.append(build_fihris(fihris, corpus, out))
    html_pages = sum(1 for _ in out.rglob("*.html"))
    log(f"nice npx pagefind --site {out} ({html_pages} HTML files)")
    pf = run_pagefind(args.npm_dir, out)
    pf["load_after"] = os.getloadavg()
    site_size = folder_size(out, with_gzip=False)
    search_size = folder_size(out / "search")
    pagefind_size = folder_size(out / "pagefind")
    blank = add_blank_page(out)
    with Server(out) as server:
        log(f"measuring bytes for {len(LARGE_QUERIES)} queries, cold, in Chromium")
        runs = browser(args.npm_dir, {"base": server.base, "mode": "bytes", "page": blank,
                                      "queries": [q for q, _ in LARGE_QUERIES], "chromium": args.chromium}, 900)
    shutil.rmtree(out / "__bench", ignore_errors=True)
    log("oracle counts on the corpus")
    expected = oracle_counts(corpus / "content/articles", LARGE_QUERIES)

    print(f"\n== Part 2: {args.articles:,} generated articles ({corpus}) ==")
    print(f"fihris output: {html_pages:,} HTML files, {site_size['files']:,} files, {mib(site_size['bytes'])} "
          f"(before Pagefind); Pagefind indexed {pf.get('pages', '?'):,} pages, {pf.get('words', '?'):,} words "
          f"({pf['body_note']})")
    rows = [[f"fihris build, run {i + 1} (whole site + search index)", f"{b['wall_s']:.2f}", f"{b['cpu_s']:.2f}",
             f"{b['peak_rss_kib'] / 1024:,.0f}"] for i, b in enumerate(builds)]
    rows.append(["nice npx pagefind --site (index only)", f"{pf['wall_s']:.2f}", f"{pf['cpu_s']:.2f}",
                 f"{pf['peak_rss_kib'] / 1024:,.0f}"])
    print(table(["step", "wall s", "CPU s", "peak RSS MiB"], rows, "lrrr"))
    print(f"(machine: {os.cpu_count()} CPUs; load average before the builds {load_before[0]:.2f}, "
          f"after Pagefind {pf['load_after'][0]:.2f})")
    print("(fihris can't build without its index, so its rows are the whole build; Pagefind's row is on top of it.\n"
          " Peak RSS from wait4: the largest of the process and the children it waited for, so npx's Node\n"
          " wrapper and the pagefind binary it runs are both covered.)")
    print()
    print(table(["index folder", "files", "bytes", "on disk (du)", "gzip -6 of every file"],
                [["fihris search/", f"{search_size['files']:,}", mib(search_size["bytes"]),
                  f"{search_size['disk_kib'] / 1024:,.1f} MiB", mib(search_size["gzip6_bytes"])],
                 ["Pagefind pagefind/", f"{pagefind_size['files']:,}", mib(pagefind_size["bytes"]),
                  f"{pagefind_size['disk_kib'] / 1024:,.1f} MiB", mib(pagefind_size["gzip6_bytes"])]],
                "lrrrr"))
    print("(fihris also ships search.js at the site root, outside search/; Pagefind's folder includes its UI\n"
          " bundles, wasm and worker, and its index files are gzip-compressed already.)")

    rows = []
    record = []
    for run in runs:
        f = fetched(out, run)
        res = run["result"]
        first = res.get("first") or "-"
        rows.append([run["query"], run["engine"], expected[run["query"]], res.get("total", 0), first if len(first) < 40 else first[:37] + "...",
                     f["requests"], kib(f["bytes"]), kib(f["code_bytes"]), kib(f["index_bytes"]), kib(f["gzip6_bytes"]),
                     f"{kib(f['perf_api_bytes'])} ({f['perf_api_requests']})", run["ms"]])
        record.append({"query": run["query"], "engine": run["engine"], "oracle_articles": expected[run["query"]],
                       "result": res, "ms": run["ms"],
                       **{k: v for k, v in f.items()}})
    print()
    print("Bytes fetched from a cold cache (new browser context per query and engine, blank page of the site)\n"
          "until the first result's details were available. 'bytes' = files as served by http.server (no gzip);\n"
          "'code' = search.js, or pagefind.js + worker + wasm; 'gzip -6' = the same files compressed here;\n"
          "'Perf API' = performance.getEntriesByType('resource') of the page (encodedBodySize, requests):\n"
          "it misses what Pagefind's web worker fetches, so 'bytes' takes the union with CDP network events.\n"
          "'oracle' = articles the oracle of part 1 expects; 'results' = fihris's articles, or every page\n"
          "Pagefind returned (entity and list pages included).")
    print(table(["query", "engine", "oracle", "results", "first result", "req", "bytes", "code", "index", "gzip -6",
                 "Perf API only", "ms"], rows, "llrrlrrrrrrr"))
    totals = {}
    for r in record:
        t = totals.setdefault(r["engine"], {"bytes": 0, "gzip6_bytes": 0, "index_bytes": 0})
        for k in t:
            t[k] += r[k]
    n = len(LARGE_QUERIES)
    print("mean per query: " + "; ".join(
        f"{e} {kib(t['bytes'] // n)} ({kib(t['index_bytes'] // n)} index, {kib(t['gzip6_bytes'] // n)} gzip)"
        for e, t in totals.items()))
    return {"corpus": str(corpus), "articles": args.articles, "html_files": html_pages,
            "site_before_pagefind": site_size,
            "fihris_builds": [{k: v for k, v in b.items() if k != "output"} for b in builds],
            "pagefind": {k: v for k, v in pf.items() if k != "output"},
            "search_folder": search_size, "pagefind_folder": pagefind_size, "first_result": record}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=HERE.parent, help="fihris repository (default: parent of bench/)")
    parser.add_argument("--fihris", type=Path, help="fihris binary (default: ROOT/target/dist/fihris, copied to "
                        "/tmp/fihris-search-bin)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/fihris-search-compare"), help="build outputs")
    parser.add_argument("--npm-dir", type=Path, default=Path("/tmp/fihris-search-npm"),
                        help="folder with node_modules/pagefind and playwright-core (installed when missing)")
    parser.add_argument("--chromium", default=CHROMIUM)
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/fihris-bench/plain-10000"),
                        help="plain-flavor corpus (made with make-corpus.py when missing)")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--make-corpus", type=Path, default=None,
                        help="make-corpus.py (default: shared/bench/ beside or above the repository)")
    parser.add_argument("--skip-large", action="store_true", help="part 1 only")
    parser.add_argument("--json", type=Path, help="write the raw numbers here")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    args.root = args.root.resolve()
    args.npm_dir = args.npm_dir.resolve()

    if args.fihris is None:
        source = args.root / "target/dist/fihris"
        if not source.is_file():
            sys.exit(f"{source} not found: build it with cargo build --profile dist, or pass --fihris")
        args.fihris = Path("/tmp/fihris-search-bin")
        shutil.copy2(source, args.fihris)
    if not Path(args.chromium).is_file():
        sys.exit(f"{args.chromium} not found (apt-get install chromium); no browser is downloaded")
    ensure_npm(args.npm_dir)
    args.pagefind_version = pagefind_version(args.npm_dir)
    args.work.mkdir(parents=True, exist_ok=True)

    report = {"pagefind_version": args.pagefind_version,
              "chromium": subprocess.run([args.chromium, "--version"], capture_output=True, text=True).stdout.strip(),
              "fihris_commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=args.root,
                                              capture_output=True, text=True).stdout.strip()}
    report["answers"] = part_answers(args, args.fihris, args.work)
    if not args.skip_large:
        report["large"] = part_large(args, args.fihris, args.work)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1))
        log(f"wrote {args.json}")


if __name__ == "__main__":
    main()
