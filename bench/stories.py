"""What grouping stories adds to a build: 10,000 and 100,000 articles.

Makes corpora with make-corpus.py (`--flavor plain`), builds each with
`fihris build --timings` into a fresh folder (by default under /dev/shm, so
the disk is out of the measure), and prints for each run the whole build's
wall time and peak memory, the time of reading and analysing (of which
grouping stories is a part), how long grouping took, and how many stories the
build found.

    python3 bench/stories.py --make-corpus PATH/make-corpus.py
    python3 bench/stories.py --sizes 10000 --runs 3 --work /tmp/fihris-stories

The generator's path comes from --make-corpus, else $MAKE_CORPUS, else
shared/bench/ beside or above the repository. Standard library only.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def find_make_corpus(requested):
    for candidate in (requested, os.environ.get("MAKE_CORPUS")):
        if candidate:
            return Path(candidate)
    for candidate in (REPO.parent / "shared/bench/make-corpus.py", REPO.parent.parent / "shared/bench/make-corpus.py"):
        if candidate.is_file():
            return candidate
    sys.exit("make-corpus.py not found: pass --make-corpus PATH or set MAKE_CORPUS")


def corpus(make_corpus, work, size):
    site = work / f"plain-{size}"
    if not (site / "site.toml").is_file():
        print(f"making {size} articles in {site}", flush=True)
        subprocess.run([sys.executable, str(make_corpus), "--articles", str(size), "--out", str(site),
                        "--flavor", "plain", "--seed", "1"], check=True)
    return site


def build(fihris, site, out_root):
    """One build into a fresh folder: its figures, and how many stories it found."""
    out = Path(tempfile.mkdtemp(dir=out_root)) / "public"
    log = tempfile.TemporaryFile(mode="w+")
    start = time.perf_counter()
    child = subprocess.Popen([str(fihris), "build", "--root", str(site), "--out", str(out), "--timings"],
                             stdout=log, stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    log.seek(0)
    text = log.read()
    if status != 0:
        sys.exit(text)
    stories = len(json.loads((out / "data/stories.json").read_text())["stories"])
    shutil.rmtree(out.parent, ignore_errors=True)
    step = lambda name: float(re.search(rf"{re.escape(name)}\s+([0-9.]+) ms", text).group(1)) / 1000
    return {
        "wall": wall,
        "peak_mib": usage.ru_maxrss / 1024,
        "analyse": step("read and analyse"),
        "grouping": step("(grouping stories)"),
        "stories": stories,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "fihris-stories-bench"))
    parser.add_argument("--out-dir", default="/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir())
    parser.add_argument("--make-corpus")
    parser.add_argument("--fihris", default=str(REPO / "target/release/fihris"))
    parser.add_argument("--json", help="also write the runs here")
    args = parser.parse_args()
    fihris = Path(args.fihris)
    if not fihris.is_file():
        subprocess.run(["cargo", "build", "--release"], cwd=REPO, check=True)
    make_corpus = find_make_corpus(args.make_corpus)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    results = {}
    for size in args.sizes:
        site = corpus(make_corpus, work, size)
        runs = [build(fihris, site, args.out_dir) for _ in range(args.runs)]
        results[size] = runs
        median = lambda key: statistics.median(r[key] for r in runs)
        print(f"{size:>7} articles: build {median('wall'):.2f} s wall, peak {max(r['peak_mib'] for r in runs):.0f} MiB; "
              f"read and analyse {median('analyse'):.2f} s, of which grouping stories {median('grouping') * 1000:.0f} ms "
              f"{runs[0]['stories']} stories (median of {len(runs)})", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


main()
