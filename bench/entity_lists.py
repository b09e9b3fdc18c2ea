"""Entity-list benchmark: how long `fihris check` takes, and how much memory,
on a site whose entity lists are large.

Writes a site with --entries people (each with two aliases), as many places
(each `in` the one before it, a chain as deep as the list is long) and a
tenth as many sources, plus a few articles that name some of them, then
times `fihris check` on it (--runs times, the median) and prints the wall
time and peak memory (max RSS) of each run.  Goals: 20,000 entries in under
a second, 20,000 places with `in` in under 200 MiB.

    python3 bench/entity_lists.py                       # 20,000 entries, 3 runs
    python3 bench/entity_lists.py --entries 5000 --runs 5 --fihris target/dist/fihris

Standard library only (Python 3.11).
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Letters to make names from: every entity gets a distinct Arabic name.
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def name(n: int, length: int = 4) -> str:
    """A distinct Arabic word for n: its digits in base 28, as letters."""
    letters = []
    for _ in range(length):
        letters.append(LETTERS[n % len(LETTERS)])
        n //= len(LETTERS)
    return "".join(letters)


def write_site(root: Path, entries: int) -> None:
    content = root / "content"
    (content / "articles").mkdir(parents=True)
    (root / "site.toml").write_text('title = "قوائم كبيرة"\nbase_url = "https://example.org/"\n', encoding="utf-8")
    people = []
    for n in range(entries):
        first, family = name(n), name(n + entries)
        people.append(f'[p{n}]\nname = "{first} {family}"\naliases = ["{first} {family}ي", "ال{first} {family}"]\n'
                      f'description = "شخص رقم {n}"\n')
    (content / "people.toml").write_text("\n".join(people), encoding="utf-8")
    places = []
    for n in range(entries):
        within = f'in = "c{n - 1}"\n' if n else ""
        places.append(f'[c{n}]\nname = "{name(n + 2 * entries)} {name(n + 3 * entries)}"\nkind = "city"\n{within}')
    (content / "places.toml").write_text("\n".join(places), encoding="utf-8")
    sources = [f'[s{n}]\nname = "{name(n + 4 * entries)} {name(n + 5 * entries)}"\nkind = "website"\n'
               for n in range(max(1, entries // 10))]
    (content / "sources.toml").write_text("\n".join(sources), encoding="utf-8")
    for a in range(20):
        named = [name(a * 37 % entries) + " " + name(a * 37 % entries + entries),
                 name(a * 53 % entries + 2 * entries) + " " + name(a * 53 % entries + 3 * entries)]
        body = f"قال {named[0]} في {named[1]} إن المحادثات ستستمر.\n"
        (content / "articles" / f"a{a}.md").write_text(
            f"---\ntitle: مقال {a}\ndate: 2024-07-{a % 28 + 1:02}\n---\n\n{body}", encoding="utf-8")


def find_fihris(requested: str | None) -> Path:
    """--fihris, else the release binary, built first when it is missing."""
    if requested:
        return Path(requested)
    binary = REPO / "target/dist/fihris"
    if not binary.is_file():
        print("building target/dist/fihris (cargo build --profile dist)", flush=True)
        subprocess.run(["cargo", "build", "--profile", "dist"], cwd=REPO, check=True)
    return binary


def run_once(fihris: Path, root: Path) -> tuple[float, float]:
    """Wall seconds and peak MiB of one `fihris check` (in a child of its own,
    so that max RSS is that run's alone)."""
    script = ("import resource, subprocess, sys, time\n"
              "start = time.perf_counter()\n"
              "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
              "took = time.perf_counter() - start\n"
              "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
              "print(done.returncode, took, peak)\n"
              "sys.stderr.write(done.stderr.decode(errors='replace')[-2000:] if done.returncode else '')\n")
    result = subprocess.run([sys.executable, "-c", script, str(fihris), "check", "--root", str(root)],
                            capture_output=True, text=True, check=True)
    code, took, peak = result.stdout.split()
    if code != "0":
        sys.exit(f"fihris check failed ({code}):\n{result.stderr}")
    return float(took), float(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=20_000, help="people, and places (default 20,000)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--fihris", help="fihris binary (default: target/dist/fihris, built if missing)")
    args = parser.parse_args()
    fihris = find_fihris(args.fihris)
    with tempfile.TemporaryDirectory() as work:
        root = Path(work) / "site"
        write_site(root, args.entries)
        sizes = {p.name: p.stat().st_size for p in (root / "content").glob("*.toml")}
        print(f"{args.entries:,} people, {args.entries:,} places (each `in` the one before), "
              f"{max(1, args.entries // 10):,} sources: "
              + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sorted(sizes.items())), flush=True)
        runs = [run_once(fihris, root) for _ in range(args.runs)]
    for n, (took, peak) in enumerate(runs, 1):
        print(f"  run {n}: {took:.3f} s, {peak:.0f} MiB peak")
    print(f"fihris check, median of {len(runs)}: {statistics.median(t for t, _ in runs):.3f} s, "
          f"{statistics.median(p for _, p in runs):.0f} MiB peak")


if __name__ == "__main__":
    main()
