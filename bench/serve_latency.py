"""Live-reload latency of `fihris serve`: from saving an article to the `reload` event open pages receive.

Starts `fihris serve` on a copy of a generated corpus, listens to its
server-sent events like a browser page does, appends a sentence to one article
at a time, and times each save until the next `reload` event.  The figure
includes the file watcher's debounce (DEBOUNCE in src/serve/mod.rs) and the
incremental rebuild.  Run it from anywhere:

    python3 bench/serve_latency.py                      # 10,000 articles, 20 edits
    python3 bench/serve_latency.py --size 1000 --edits 5 --work /tmp/fihris-bench

Standard library only (Python 3.11); shares the corpus and binary lookup of run.py.
"""

import argparse
import http.client
import queue
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TextIO

from run import ensure_corpus, find_fihris, find_make_corpus

# Far longer than the watcher's debounce, so that each edit is a rebuild of its own.
PAUSE_BETWEEN_EDITS_S = 1.5
RELOAD_TIMEOUT_S = 10.0
STARTUP_TIMEOUT_S = 600.0
EVENTS_PATH = "/__fihris/events"  # under the base path, `/` when serve has no --base-url
# What the server prints when the changed pages are in place, just before the reload event.
REBUILT_LINE = re.compile(r"^rendered \d+ pages in \d+ ms$")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(server: subprocess.Popen, port: int) -> None:
    """Returns once the server answers HTTP; it answers only after its first build."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"fihris serve exited with code {server.returncode} before answering")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/")
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.1)
        finally:
            connection.close()
    sys.exit(f"fihris serve did not answer within {STARTUP_TIMEOUT_S:.0f} s")


def open_events(port: int) -> http.client.HTTPResponse:
    """Subscribes to the live events; the server has subscribed us once the headers are back."""
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", EVENTS_PATH, headers={"Accept": "text/event-stream"})
    response = connection.getresponse()
    if response.status != 200:
        sys.exit(f"GET {EVENTS_PATH} answered {response.status}")
    return response


def read_events(stream: http.client.HTTPResponse, events: queue.Queue) -> None:
    """Puts (perf_counter at arrival, event name, data) on `events` for each event of the stream."""
    name, data = "", []
    for raw in iter(stream.readline, b""):
        line = raw.decode("utf-8").rstrip("\r\n")
        if line == "":
            if name or data:
                events.put((time.perf_counter(), name or "message", "\n".join(data)))
            name, data = "", []
        elif line.startswith(":"):
            continue  # keep-alive comment
        else:
            field, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if field == "event":
                name = value
            elif field == "data":
                data.append(value)


def articles_to_edit(site: Path, edits: int) -> list[Path]:
    """`edits` different articles spread evenly over the sorted list, the same on every run."""
    articles = sorted((site / "content/articles").glob("*.md"))
    if edits > len(articles):
        sys.exit(f"--edits {edits} is more than the {len(articles)} articles")
    return [articles[i * len(articles) // edits] for i in range(edits)]


def new_lines(log: TextIO) -> list[str]:
    """What the server printed since the last call."""
    return log.read().splitlines()


def measure_edits(site: Path, edits: int, events: queue.Queue, server_log: TextIO, pause_s: float) -> list[float]:
    """Edits one article at a time; the milliseconds from each save to the next reload event."""
    latencies_ms = []
    for number, article in enumerate(articles_to_edit(site, edits), start=1):
        # Events left over from the previous edit (a save seen as two batches) are not this one's.
        while not events.empty():
            events.get_nowait()
        with article.open("a", encoding="utf-8") as file:
            file.write(f"\nفقرة جديدة رقم {number}.\n")
        saved = time.perf_counter()
        while True:
            try:
                arrived, name, data = events.get(timeout=RELOAD_TIMEOUT_S)
            except queue.Empty:
                sys.exit(f"edit {number}: no reload event within {RELOAD_TIMEOUT_S:.0f} s")
            if name == "problems":
                sys.exit(f"edit {number}: the server reported problems instead of reloading:\n{data}")
            if name == "reload":
                break
        latency_ms = (arrived - saved) * 1000
        latencies_ms.append(latency_ms)
        # The server prints its rebuild's own time before it sends the event.
        rebuilt = [line for line in new_lines(server_log) if REBUILT_LINE.match(line)]
        server_says = f"  (server: {rebuilt[-1]})" if rebuilt else ""
        print(f"edit {number:>3}  {article.name:<28} {latency_ms:8.1f} ms{server_says}", flush=True)
        time.sleep(pause_s)
    return latencies_ms


def serve_and_edit(fihris: Path, site: Path, port: int, edits: int, logs: Path, pause_s: float) -> list[float]:
    """Runs the server on `site` for the edits, and stops it whatever happens."""
    # Output goes to files: a full pipe would block the server, and warnings can be long.
    stdout_path, stderr_path = logs / "stdout.txt", logs / "stderr.txt"
    with open(stdout_path, "wb") as server_out, open(stderr_path, "wb") as server_err, \
            open(stdout_path, encoding="utf-8") as server_log:
        started = time.perf_counter()
        server = subprocess.Popen([str(fihris), "serve", "--root", str(site), "--port", str(port)],
                                  stdin=subprocess.DEVNULL, stdout=server_out, stderr=server_err)
        try:
            wait_until_serving(server, port)
            first_build = next((line for line in new_lines(server_log) if line.startswith("built ")), "?")
            print(f"answering HTTP after {time.perf_counter() - started:.2f} s (server: {first_build})")
            events: queue.Queue = queue.Queue()
            stream = open_events(port)
            threading.Thread(target=read_events, args=(stream, events), daemon=True).start()
            return measure_edits(site, edits, events, server_log, pause_s)
        except (Exception, SystemExit):
            tail = stderr_path.read_text(encoding="utf-8", errors="replace")[-3000:]
            sys.stderr.write(f"--- end of fihris serve's stderr ---\n{tail}\n---\n")
            raise
        finally:
            stop(server)


def stop(server: subprocess.Popen) -> None:
    """Ctrl-C as a user would (a graceful stop), then a kill if it lingers."""
    if server.poll() is None:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=10000, help="articles in the corpus (default: 10000)")
    parser.add_argument("--edits", type=int, default=20, help="articles to edit, one at a time (default: 20)")
    parser.add_argument("--work", help="folder for corpora, reused when they are in it (default: a new temporary "
                                       "folder)")
    parser.add_argument("--pause", type=float, default=PAUSE_BETWEEN_EDITS_S,
                        help=f"seconds between edits, longer than the work after each reload (default: {PAUSE_BETWEEN_EDITS_S})")
    parser.add_argument("--fihris", help="fihris binary (default: target/dist/fihris, built if missing)")
    parser.add_argument("--make-corpus", help="make-corpus.py (default: shared/bench/ beside or above the repository)")
    args = parser.parse_args()

    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="fihris-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = ensure_corpus(find_make_corpus(args.make_corpus), work, "plain", args.size)
    fihris = find_fihris(args.fihris)
    # The edits go to a copy, so the corpus stays as made for the build benchmark.
    scratch = Path(tempfile.mkdtemp(prefix="serve-", dir=work))
    site = scratch / "site"
    shutil.copytree(corpus, site)
    port = free_port()
    print(f"fihris serve on {args.size:,} articles (a copy of {corpus}), port {port}")

    try:
        latencies_ms = serve_and_edit(fihris, site, port, args.edits, logs=scratch, pause_s=args.pause)
    finally:
        shutil.rmtree(scratch)

    print(f"\nsave to reload event over {len(latencies_ms)} edits: median {statistics.median(latencies_ms):.1f} ms, "
          f"min {min(latencies_ms):.1f} ms, max {max(latencies_ms):.1f} ms")
    print("(includes the file watcher's debounce, DEBOUNCE in src/serve/mod.rs)")


if __name__ == "__main__":
    main()
