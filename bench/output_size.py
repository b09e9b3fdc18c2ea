"""Where the bytes of a built fihris site go.

    python3 bench/output_size.py SITE                     # by part, and inside the pages
    python3 bench/output_size.py SITE --articles 10000    # and the largest archive that fits 1 GB
    python3 bench/output_size.py BEFORE --compare AFTER   # two builds of the same corpus side by side

Bytes are apparent sizes (what GitHub Pages counts against its 1 GB). The
parts are the site's folders as a reader knows them: articles, entity pages
(people, places, sources: first pages, archive pages, feeds, indexes),
data, search, stories, the rest. Inside the pages, the regions of an
article page (head and its JSON-LD, masthead and footer, the article, the
panel of names, the story box) and of an entity page's list (one item per
article), and the markup that repeats everywhere (class attributes,
`<bdi>`, `datetime`). Standard library only (Python 3.11).
"""

import argparse
import os
import re
import sys
from pathlib import Path

# GitHub Pages refuses sites over this many bytes.
PAGES_LIMIT = 10**9
ENTITY_SECTIONS = ("people", "places", "sources")


def part_of(relative: Path) -> str:
    """The part of the site a file belongs to, by its path in the output folder."""
    top = relative.parts[0] if len(relative.parts) > 1 else "(top)"
    if top == "articles":
        return "articles"
    if top in ENTITY_SECTIONS:
        if relative.name == "atom.xml":
            return "entity feeds"
        if len(relative.parts) == 2:
            return "entity indexes"
        if "page" in relative.parts:
            return "entity archive pages"
        return "entity first pages"
    if top in ("data", "search", "stories"):
        return top
    return "the rest"


def files_of(folder: Path):
    for directory, _, names in os.walk(folder):
        for name in names:
            path = Path(directory) / name
            yield path, path.relative_to(folder)


def parts(folder: Path) -> dict:
    """Bytes and files by part."""
    totals: dict = {}
    for path, relative in files_of(folder):
        entry = totals.setdefault(part_of(relative), [0, 0])
        entry[0] += path.stat().st_size
        entry[1] += 1
    return totals


def between(text: str, start: str, end: str) -> int:
    """Bytes (UTF-8) from the first `start` to the `end` after it, both included; 0 when absent."""
    i = text.find(start)
    if i < 0:
        return 0
    j = text.find(end, i)
    return len(text[i:j + len(end)].encode()) if j >= 0 else 0


MARKUP = {
    "class attributes": re.compile(r' class="[^"]*"'),
    "<bdi> tags": re.compile(r"</?bdi>"),
    "datetime attributes": re.compile(r' datetime="[^"]*"'),
    "dir attributes": re.compile(r' dir="[^"]*"'),
}


TAG = re.compile(r"<[^>]*>")


def visible(html: str) -> int:
    """Bytes of what is left without the tags: the floor under any markup."""
    return len(TAG.sub("", html).encode())


def markup(text: str, into: dict) -> None:
    for name, pattern in MARKUP.items():
        into[name] = into.get(name, 0) + sum(len(m) for m in pattern.findall(text))


# A link to an entity's page in an article's text (with the class it once had).
MENTION = re.compile(r'<a (?:class="mention[^"]*" )?href="[^"]*/(?:people|places|sources)/[^"]*">')


def article_regions(folder: Path) -> dict:
    """Mean bytes of each region of an article page, and of the markup that repeats."""
    regions: dict = {}
    pages = 0
    for path in (folder / "articles").glob("*/index.html"):
        text = path.read_text(encoding="utf-8")
        pages += 1
        article = text[text.find('<div class="article-body">'):text.find("</article>")]
        found = {
            "page": len(text.encode()),
            "<head>": between(text, "<head>", "</head>"),
            "  of which JSON-LD": between(text, '<script type="application/ld+json">', "</script>"),
            "masthead and footer": between(text, "<body>", "<main") + between(text, "</main>", "</html>"),
            "the article (header, image, body, tags)": between(text, "<article", "</article>"),
            "  of which mention links": sum(len(m.encode()) + len("</a>") for m in MENTION.findall(article)),
            "panel of names": between(text, "<aside", "</aside>"),
            "story box": between(text, '<section class="related', "</section>")
            or between(text, '<section class="story-box', "</section>"),
            "text a reader sees (no tags)": visible(text[text.find("<body>"):]),
        }
        markup(text, found)
        for name, count in found.items():
            regions[name] = regions.get(name, 0) + count
    return {name: count / pages for name, count in regions.items()} if pages else {}


def entity_list_items(folder: Path) -> dict:
    """Entity pages' article lists: items, their mean bytes, and the markup that repeats in them."""
    stats = {"items": 0, "item bytes": 0}
    item = re.compile(r"<li[ >].*?</li>", re.S)
    for section in ENTITY_SECTIONS:
        for path in (folder / section).glob("*/page/*/index.html"):
            text = path.read_text(encoding="utf-8")
            start = text.find("<ol class=\"article-list")
            if start < 0:
                start = text.find("<ol")
            listing = text[start:text.find("</ol>", start)]
            items = item.findall(listing)
            stats["items"] += len(items)
            stats["item bytes"] += sum(len(i.encode()) for i in items)
            stats["item text"] = stats.get("item text", 0) + sum(visible(i) for i in items)
            markup("".join(items), stats)
    return stats


def data_files(folder: Path) -> dict:
    return {path.name: path.stat().st_size for path in sorted((folder / "data").glob("*.json"))}


def report(folder: Path, articles: int | None) -> dict:
    by_part = parts(folder)
    total = sum(size for size, _ in by_part.values())
    return {
        "parts": by_part,
        "total": total,
        "articles": articles,
        "article page": article_regions(folder),
        "entity lists": entity_list_items(folder),
        "data": data_files(folder),
    }


def fits(total: int, articles: int) -> str:
    per_article = total / articles
    return f"{per_article / 1e3:.1f} kB per article: about {int(PAGES_LIMIT / per_article):,} articles fit in 1 GB"


def print_report(reports: list, labels: list) -> None:
    def row(name: str, values: list, scale: float = 1e6, unit: str = "MB", digits: int = 1) -> None:
        cells = "".join(f"{(v or 0) / scale:>14.{digits}f} {unit}" for v in values)
        print(f"  {name:<42}{cells}")

    head = "".join(f"{label:>17}" for label in labels)
    print(f"\nby part (apparent bytes){' ' * 18}{head}")
    names = sorted({n for r in reports for n in r["parts"]}, key=lambda n: -reports[0]["parts"].get(n, [0])[0])
    for name in names:
        row(name, [r["parts"].get(name, [0])[0] for r in reports])
    row("total", [r["total"] for r in reports])
    for r, label in zip(reports, labels):
        if r["articles"]:
            print(f"  {label}: {fits(r['total'], r['articles'])}")

    print("\nan article page, mean bytes")
    for name in reports[0]["article page"]:
        row(name, [r["article page"].get(name) for r in reports], 1, "B ", 0)
    print("\nentity archive pages' article lists")
    lists = [r["entity lists"] for r in reports]
    row("items", [l["items"] for l in lists], 1, "  ", 0)
    row("mean bytes of an item", [l["item bytes"] / max(l["items"], 1) for l in lists], 1, "B ", 0)
    row("  of which text a reader sees", [l.get("item text", 0) / max(l["items"], 1) for l in lists], 1, "B ", 0)
    for name in MARKUP:
        row(f"  {name}, per item", [l.get(name, 0) / max(l["items"], 1) for l in lists], 1, "B ", 0)
    print("\ndata files")
    for name in sorted({n for r in reports for n in r["data"]}):
        row(name, [r["data"].get(name) for r in reports], 1e6, "MB", 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", help="a built site (fihris build's output folder)")
    parser.add_argument("--compare", help="a second build of the same corpus, shown beside the first")
    parser.add_argument("--articles", type=int, help="how many articles the site has (for bytes per article)")
    args = parser.parse_args()
    sites = [Path(args.site)] + ([Path(args.compare)] if args.compare else [])
    for site in sites:
        if not (site / "articles").is_dir():
            sys.exit(f"{site}: not a built fihris site (no articles/ folder)")
    articles = args.articles or sum(1 for _ in (sites[0] / "articles").glob("*/index.html"))
    print_report([report(site, articles) for site in sites], [site.name for site in sites])


if __name__ == "__main__":
    main()
