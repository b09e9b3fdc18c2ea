"""Entity-list benchmark: `fihris check` on sites whose entity lists are
large, in the two shapes that were quadratic (issue 11).

- people: --entries people, each with two aliases (each entry's line was
  found by reading the list from its start);
- places: --entries places, each `in` the one before it, a chain as deep as
  the list is long (each `in` kept a copy of the whole list).

Each site also has a few articles that name some of them.  For each, the
script runs `fihris check --timings` --runs times and prints the median wall
time, CPU time (user + system), peak memory (max RSS) and the time of the
`load` step, which reads and checks the lists (the rest is mostly rendering
a page and a feed for every entity, which `check` does to find template and
link errors).  Goals: 20,000 entries in under a second, 20,000 places with
`in` in under 200 MiB.

    python3 bench/entity_lists.py                       # 20,000 entries, 3 runs
    python3 bench/entity_lists.py --entries 5000 --runs 5 --fihris target/dist/fihris

Standard library only (Python 3.11).
"""

import argparse
import os
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


def write_site(root: Path, entries: int, shape: str) -> None:
    """A site with `entries` entities of `shape` (people or places) and ten
    of each other kind."""
    people_count = entries if shape == "people" else 10
    place_count = entries if shape == "places" else 10
    content = root / "content"
    (content / "articles").mkdir(parents=True)
    (root / "site.toml").write_text('title = "قوائم كبيرة"\nbase_url = "https://example.org/"\n', encoding="utf-8")
    people = []
    for n in range(people_count):
        first, family = name(n), name(n + entries)
        people.append(f'[p{n}]\nname = "{first} {family}"\naliases = ["{first} {family}ي", "ال{first} {family}"]\n'
                      f'description = "شخص رقم {n}"\n')
    (content / "people.toml").write_text("\n".join(people), encoding="utf-8")
    places = []
    for n in range(place_count):
        within = f'in = "c{n - 1}"\n' if n else ""
        places.append(f'[c{n}]\nname = "{name(n + 2 * entries)} {name(n + 3 * entries)}"\nkind = "city"\n{within}')
    (content / "places.toml").write_text("\n".join(places), encoding="utf-8")
    sources = [f'[s{n}]\nname = "{name(n + 4 * entries)} {name(n + 5 * entries)}"\nkind = "website"\n'
               for n in range(10)]
    (content / "sources.toml").write_text("\n".join(sources), encoding="utf-8")
    for a in range(20):
        person, place = a * 37 % people_count, a * 53 % place_count
        named = [name(person) + " " + name(person + entries), name(place + 2 * entries) + " " + name(place + 3 * entries)]
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


def run_once(fihris: Path, root: Path) -> tuple[float, float, float, float]:
    """Wall seconds, CPU seconds, peak MiB and the load step's seconds of one
    `fihris check --timings` (in a child of its own, so that its usage is
    that run's alone)."""
    script = ("import resource, subprocess, sys, time\n"
              "start = time.perf_counter()\n"
              "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
              "took = time.perf_counter() - start\n"
              "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
              "load = [l.split()[1] for l in done.stdout.splitlines() if l.strip().startswith('load ')]\n"
              "print(done.returncode, took, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, "
              "float(load[0]) / 1000 if load else -1)\n"
              "sys.stderr.write(done.stderr[-2000:] if done.returncode else '')\n")
    result = subprocess.run([sys.executable, "-c", script, str(fihris), "check", "--timings", "--root", str(root)],
                            capture_output=True, text=True, check=True)
    code, took, cpu, peak, load = result.stdout.split()
    if code != "0":
        sys.exit(f"fihris check failed ({code}):\n{result.stderr}")
    return float(took), float(cpu), float(peak), float(load)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=20_000, help="people, then places (default 20,000)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--fihris", help="fihris binary (default: target/dist/fihris, built if missing)")
    args = parser.parse_args()
    fihris = find_fihris(args.fihris)
    print(f"fihris check --timings, median of {args.runs} runs; {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    for shape, what in [("people", "people with two aliases each"), ("places", "places, each `in` the one before")]:
        with tempfile.TemporaryDirectory() as work:
            root = Path(work) / "site"
            write_site(root, args.entries, shape)
            runs = [run_once(fihris, root) for _ in range(args.runs)]
        took, cpu, peak, load = (statistics.median(r[i] for r in runs) for i in range(4))
        print(f"{args.entries:,} {what}: {took:.2f} s wall, {cpu:.2f} s CPU, {peak:.0f} MiB peak; "
              f"the load step {load:.3f} s", flush=True)


if __name__ == "__main__":
    main()
