#!/usr/bin/env python3
"""The cost of finding quotations at 10,000 articles (or --articles N).

Makes a corpus with make-corpus.py (--flavor plain; its path from
--make-corpus or $MAKE_CORPUS), then runs `cargo bench --bench quotes_cost`
on it, which analyses every article on one thread and times quote finding
apart from the rest of the analysis.

usage: quotes_cost.py --make-corpus PATH [--articles 10000] [--work DIR]
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--make-corpus", default=os.environ.get("MAKE_CORPUS"), help="make-corpus.py (or $MAKE_CORPUS)")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--work", type=Path, help="where the corpus goes (reused when there); default a temp folder")
    args = parser.parse_args()
    if not args.make_corpus:
        sys.exit("say where make-corpus.py is: --make-corpus PATH or MAKE_CORPUS=PATH")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        site = work / f"plain-{args.articles}"
        if not (site / "site.toml").is_file():
            subprocess.run(
                [sys.executable, args.make_corpus, "--articles", str(args.articles), "--out", str(site), "--flavor", "plain", "--seed", "1"],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        subprocess.run(["cargo", "bench", "--bench", "quotes_cost", "--", str(site)], cwd=REPO, check=True)


if __name__ == "__main__":
    main()
