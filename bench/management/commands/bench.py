"""`make bench`: build the scale dataset in its own database, serve it with the production
settings under gunicorn (one worker per core) and measure every listed page with wrk, with the
page cache off and on, against a constant reference page through the same middleware.

This process never opens a database itself: every step that needs one runs as a child process
whose DATABASE_URL names the benchmark database (var/bench.sqlite3, or `<name>_bench` on the
PostgreSQL server of DATABASE_URL; `bench-small.sqlite3` and `<name>_bench_small` for the small size;
BENCH_DATABASE_URL overrides both). It prints figures and
writes var/bench/results.json; it asserts nothing."""

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from importlib.util import find_spec
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench import front_cache

WARM_UP_SECONDS = 2
# Runs of each page, taken in turn with as many of the reference view.
ROUNDS = 3
MEMORY_CHECKPOINTS = (2_000, 20_000)
# Pages slower than this uncached (p50) are left out of the memory run, which would otherwise
# take hours; the table shows them.
MEMORY_MAX_P50_MS = 1_000
# Publishes timed from commit to a fresh page through Varnish.
PUBLISHES = 50


def bench_database_url(size):
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(url)
        name = (parts.path.lstrip("/") or "bochum2015").removesuffix("_bench")
        # Each size its own database: a quick small run keeps the full dataset for --reuse.
        name += "_bench" if size == "full" else "_bench_small"
        return urlunsplit(parts._replace(path="/" + name))
    file = "bench.sqlite3" if size == "full" else "bench-small.sqlite3"
    return f"sqlite:///{Path(settings.BASE_DIR) / 'var' / file}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_kib(pid):
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:  # a worker gunicorn replaced (e.g. after its timeout)
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def worker_pids(server_pid):
    return [int(pid) for pid in Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text().split()]


def parse_duration_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def parse_wrk(output):
    """wrk's figures; latencies are None when no request finished within the run."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.M)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": round(rps, 1),
        "p50_ms": round(parse_duration_ms(p50.group(1)), 2) if p50 and rps else None,
        "p99_ms": round(parse_duration_ms(p99.group(1)), 2) if p99 and rps else None,
        "errors": (int(errors.group(1)) if errors else 0),
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def median_figures(runs):
    """One set of figures for several wrk runs of the same URL: the median of each figure."""

    def median(key):
        values = [run[key] for run in runs if run[key] is not None]
        return round(statistics.median(values), 2) if values else None

    return {
        "rps": median("rps"),
        "p50_ms": median("p50_ms"),
        "p99_ms": median("p99_ms"),
        "errors": sum(run["errors"] for run in runs),
    }


class Command(BaseCommand):
    help = "Build the scale dataset, serve it under gunicorn and measure the pages with wrk."

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=["small", "full"], default="full")
        parser.add_argument("--duration", type=int, default=None, help="Seconds per wrk run (small 5, full 10)")
        parser.add_argument("--connections", type=int, default=4, help="wrk connections (2 per worker)")
        parser.add_argument("--reuse", action="store_true", help="Keep the dataset of an earlier run")
        parser.add_argument("--skip-memory", action="store_true", help="Leave out the 20,000-request memory check")
        parser.add_argument(
            "--skip-front-cache", action="store_true", help="Leave out the pages through Varnish (front-cache rows)"
        )

    def handle(self, *args, size, duration, connections, reuse, skip_memory, skip_front_cache, **options):
        if not shutil.which("wrk"):
            raise CommandError("wrk is not installed (apt-get install wrk; `make bench` does this).")
        self.size = size
        self.duration = duration or (5 if size == "small" else 10)
        self.connections = connections
        self.workers = os.cpu_count() or 2
        self.out_dir = Path(settings.BASE_DIR) / "var" / "bench"
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.env = self.child_env()
        started = time.monotonic()

        if not reuse:
            self.prepare_database()
        self.run_child("migrate", "--noinput", "-v0")
        if not reuse:
            self.run_child("build_bench_data", "--size", size)
        self.run_child("collectstatic", "--noinput", "-v0")
        urls = json.loads(self.run_child("bench_probe", "urls", capture=True))

        reference_bytes = 0
        results = []
        references = {}
        memory = None
        for cache in ("off", "on"):
            queries = json.loads(
                self.run_child("bench_probe", "queries", cache, *[u["path"] for u in urls], capture=True)
            )
            with self.server(cache) as base:
                if cache == "off":
                    reference_bytes = len(self.fetch(base + urls[0]["path"]))
                reference_runs = []
                for url in urls:
                    body = self.fetch(base + url["path"])
                    # "A constant HTML page of the same size": the page's own size (answers of a few
                    # KB and of 160 KB cost the stack and wrk differently).
                    reference_url = f"{base}/bench-reference/?bytes={len(body)}"
                    figures, reference = self.measure_with_reference(base + url["path"], reference_url)
                    if len(body) == reference_bytes:
                        reference_runs += reference["runs"]
                    row = {
                        "name": url["name"],
                        "path": url["path"],
                        "kind": url["kind"],
                        "cache": cache,
                        "rps": figures["rps"],
                        "p50_ms": figures["p50_ms"],
                        "p99_ms": figures["p99_ms"],
                        "queries": queries[url["path"]]["queries"],
                        "queries_after_change": queries[url["path"]]["after_change"],
                        "bytes": len(body),
                        "ratio_to_reference": round(figures["rps"] / reference["rps"], 3),
                        "reference_rps": reference["rps"],
                        "reference_bytes": len(body),
                    }
                    results.append(row)
                    self.stdout.write(
                        f"  cache {cache:3} {url['name']:<22} {row['rps']:>8} req/s  p50 {row['p50_ms']!s:>7} ms  "
                        f"p99 {row['p99_ms']!s:>8} ms  {row['queries']:>2} queries "
                        f"({row['queries_after_change']} after a change)  {row['bytes']:>7} bytes  "
                        f"{row['ratio_to_reference']:.2f} of the reference ({reference['rps']} req/s)"
                        + (f"  !! {figures['errors']} error responses" if figures["errors"] else "")
                    )
                references[cache] = median_figures(reference_runs)
                if cache == "off" and not skip_memory:
                    memory = self.memory_check(base, [row for row in results if row["kind"] == "html"])

        publish_to_fresh = None
        if not skip_front_cache:
            if front_cache.available():
                rows, publish_to_fresh = self.front_cache_rows(urls)
                results += rows
            else:
                self.stdout.write("No front-cache rows: varnishd or nginx is missing (make bench installs them).")

        figures = ("rps", "p50_ms", "p99_ms")
        data = {
            "size": size,
            "reference": {k: references["off"][k] for k in figures},
            # Each row's ratio_to_reference is to the reference runs taken in turn with its own runs.
            "reference_by_cache": {cache: {k: ref[k] for k in figures} for cache, ref in references.items()},
            "pages": results,
            "publish_to_fresh": publish_to_fresh,
        }
        (self.out_dir / "results.json").write_text(json.dumps(data, indent=2) + "\n")
        self.print_table(data, reference_bytes, memory)
        self.stdout.write(f"Written to {self.out_dir / 'results.json'} in {time.monotonic() - started:.0f} s.")

    def front_cache_rows(self, urls):
        """Each page through Varnish (deploy/varnish/, a hit after the first request) against nginx
        serving a static file of the page's size, measured in turn like the other rows; then the
        time from publishing to a fresh page through Varnish (purged by the task worker)."""
        rows = []
        front = front_cache.FrontCache(self.out_dir)
        # Tasks queued in the database for a worker, which purges Varnish: as in production.
        purging = {"TASKS_BACKEND": "django_tasks_db.DatabaseBackend", "FRONTEND_CACHE_URL": front.varnish}
        with self.server("on", purging) as base:
            front.backend = urlsplit(base).netloc
            with front, self.task_worker(purging):
                self.stdout.write(f"Varnish on {front.varnish}, nginx on {front.nginx}")
                for url in urls:
                    page_url = front.varnish + url["path"]
                    body = self.fetch(page_url)
                    figures, reference = self.measure_with_reference(page_url, front.static_url(len(body)))
                    row = {
                        "name": url["name"],
                        "path": url["path"],
                        "kind": url["kind"],
                        "cache": "front",
                        "rps": figures["rps"],
                        "p50_ms": figures["p50_ms"],
                        "p99_ms": figures["p99_ms"],
                        "queries": 0,
                        "queries_after_change": 0,
                        "bytes": len(body),
                        "ratio_to_reference": round(figures["rps"] / reference["rps"], 3),
                        "reference_rps": reference["rps"],
                        "reference_bytes": len(body),
                    }
                    rows.append(row)
                    self.stdout.write(
                        f"  Varnish   {url['name']:<22} {row['rps']:>8} req/s  p50 {row['p50_ms']!s:>7} ms  "
                        f"p99 {row['p99_ms']!s:>8} ms  {row['bytes']:>7} bytes  "
                        f"{row['ratio_to_reference']:.2f} of nginx's static file ({reference['rps']} req/s)"
                        + (f"  !! {figures['errors']} error responses" if figures["errors"] else "")
                    )
                # Purges on publishing come with pagecache.tasks (issue 16, item 3).
                fresh = self.publish_to_fresh(front.varnish, purging) if find_spec("pagecache.tasks") else None
        return rows, fresh

    def publish_to_fresh(self, varnish, purging):
        seconds = sorted(
            json.loads(
                self.run_child(
                    "bench_probe", "publish-to-fresh", varnish, str(PUBLISHES), capture=True, extra_env=purging
                )
            )
        )
        fresh = {
            "publishes": len(seconds),
            "p50_s": round(statistics.median(seconds), 3),
            "p99_s": round(seconds[max(0, round(len(seconds) * 0.99) - 1)], 3),
            "max_s": round(seconds[-1], 3),
        }
        self.stdout.write(
            f"  publish to fresh through Varnish: p50 {fresh['p50_s']} s, p99 {fresh['p99_s']} s, "
            f"max {fresh['max_s']} s over {fresh['publishes']} publishes"
        )
        return fresh

    @contextlib.contextmanager
    def task_worker(self, extra_env):
        """django-tasks' database worker (manage.py db_worker), as the stack runs it."""
        worker = subprocess.Popen(  # noqa: S603
            [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "db_worker", "--interval", "0.1"]
            + ["--no-reload", "--no-startup-delay"],
            env={**self.env, **extra_env},
        )
        try:
            yield worker
        finally:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()

    # The benchmark database and the child processes

    def child_env(self):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bochum2015.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": bench_database_url(self.size),
            "STATIC_ROOT": str(self.out_dir / "static"),
            "MEDIA_ROOT": str(self.out_dir / "media"),
            "LOG_LEVEL": "WARNING",
            "BENCH_REFERENCE_VIEW": "1",
            "INSTALL_TOOLING": "1",
            "PYTHONUNBUFFERED": "1",
        }
        env.pop("BENCH_DATABASE_URL", None)
        return env

    def prepare_database(self):
        url = self.env["DATABASE_URL"]
        self.stdout.write(f"Benchmark database: {url}")
        if url.startswith("sqlite:///"):
            path = Path(url.removeprefix("sqlite:///"))
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            path.parent.mkdir(parents=True, exist_ok=True)
        else:
            name = urlsplit(url).path.lstrip("/")
            admin_url = urlunsplit(urlsplit(url)._replace(path="/postgres"))
            self.run_python(
                "import psycopg2, sys\n"
                "c = psycopg2.connect(sys.argv[1]); c.autocommit = True; cur = c.cursor()\n"
                "cur.execute('DROP DATABASE IF EXISTS \"' + sys.argv[2] + '\"')\n"
                "cur.execute('CREATE DATABASE \"' + sys.argv[2] + '\"')\n",
                admin_url,
                name,
            )
        shutil.rmtree(self.out_dir / "media", ignore_errors=True)

    def run_python(self, code, *args):
        subprocess.run([sys.executable, "-c", code, *args], check=True)  # noqa: S603

    def run_child(self, *args, capture=False, extra_env=None):
        command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *args]
        result = subprocess.run(  # noqa: S603
            command,
            env={**self.env, **(extra_env or {})},
            check=False,
            text=True,
            stdout=subprocess.PIPE if capture else None,
        )
        if result.returncode:
            raise CommandError(f"{' '.join(args)} failed with exit code {result.returncode}")
        return result.stdout

    # The server

    def server(self, cache, extra_env=None):
        return _Server(self, cache, extra_env)

    def fetch(self, url):
        with urllib.request.urlopen(url, timeout=300) as response:  # noqa: S310 - our own local server
            return response.read()

    def drain(self, url):
        """Wait until the workers have finished what an earlier run left queued (wrk stops
        waiting for slow responses when its run ends; gunicorn does not)."""
        threads = [threading.Thread(target=self.fetch, args=(url,)) for _ in range(self.connections)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def run_wrk(self, url, seconds):
        parts = urlsplit(url)
        self.drain(f"{parts.scheme}://{parts.netloc}/robots.txt")
        result = subprocess.run(  # noqa: S603
            ["wrk", "-t1", f"-c{self.connections}", f"-d{seconds}s", "--timeout", "60s", "--latency", url],  # noqa: S607
            check=True,
            capture_output=True,
            text=True,
        )
        return parse_wrk(result.stdout)

    def measure_with_reference(self, url, reference_url):
        """The page's figures and the reference's, from ROUNDS runs of each taken in turn (the
        duration split between them): a machine that gets faster or slower while the benchmark runs
        changes both alike, so their ratio holds. Each figure is the median of its runs."""
        seconds = max(2, round(self.duration / ROUNDS))
        for warm_up in (url, reference_url):
            self.run_wrk(warm_up, WARM_UP_SECONDS)
        page_runs, reference_runs = [], []
        for _round in range(ROUNDS):
            reference_runs.append(self.run_wrk(reference_url, seconds))
            page_runs.append(self.run_wrk(url, seconds))
        return median_figures(page_runs), {**median_figures(reference_runs), "runs": reference_runs}

    def memory_check(self, base, rows):
        """Each worker's memory after 2,000 and after 20,000 uncached requests, spread over the
        HTML pages that answer within MEMORY_MAX_P50_MS."""
        paths = [row["path"] for row in rows if row["p50_ms"] is not None and row["p50_ms"] <= MEMORY_MAX_P50_MS]
        slow = [row["name"] for row in rows if row["path"] not in paths]
        self.stdout.write(
            f"Memory: {MEMORY_CHECKPOINTS[1]:,} requests over {len(paths)} pages, cache off, "
            f"{self.connections} connections"
            + (f" (left out, slower than {MEMORY_MAX_P50_MS} ms: {', '.join(slow)})" if slow else "")
            + " ..."
        )
        if not paths:
            return None
        started = time.monotonic()
        sent = [0]
        lock = threading.Lock()
        readings = {}

        def client(limit):
            while True:
                with lock:
                    if sent[0] >= limit:
                        return
                    n = sent[0]
                    sent[0] += 1
                with urllib.request.urlopen(base + paths[n % len(paths)], timeout=120) as response:  # noqa: S310
                    response.read()

        for checkpoint in MEMORY_CHECKPOINTS:
            threads = [threading.Thread(target=client, args=(checkpoint,)) for _ in range(self.connections)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            readings[checkpoint] = {pid: rss_kib(pid) for pid in worker_pids(self.server_pid)}
            self.stdout.write(f"  {checkpoint:,} requests after {time.monotonic() - started:.0f} s")
        first, last = (readings[c] for c in MEMORY_CHECKPOINTS)
        return {
            pid: (first[pid], last[pid], (last[pid] - first[pid]) / first[pid] * 100)
            for pid in first
            if first[pid] and last.get(pid)
        }

    # The report

    def print_table(self, data, reference_bytes, memory):
        rule = "-" * 132
        self.stdout.write("")
        database = self.env["DATABASE_URL"].split(":")[0]
        cache = "Redis" if os.environ.get("REDIS_URL") else "local memory"
        self.stdout.write(
            f"Bochum 2015 benchmark, size {data['size']}, {self.workers} gunicorn workers, {database}, cache {cache}, "
            f"wrk {self.connections} connections x {self.duration} s"
        )
        self.stdout.write(rule)
        self.stdout.write(
            f"{'page':<24}{'cache':<6}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>10}{'queries':>9}{'changed':>9}{'bytes':>10}"
            f"{'ratio':>8}{'ref req/s':>11}  path"
        )
        self.stdout.write(rule)
        for cache, ref in data["reference_by_cache"].items():
            self.stdout.write(
                f"{'reference':<24}{cache:<6}{ref['rps']:>9}{ref['p50_ms']!s:>9}{ref['p99_ms']!s:>10}{0:>9}{0:>9}"
                f"{reference_bytes:>10}{1:>8.2f}{ref['rps']:>11}  /bench-reference/ (the home page's size)"
            )
        order = {"off": 0, "on": 1, "front": 2}
        for row in sorted(data["pages"], key=lambda r: order[r["cache"]]):
            self.stdout.write(
                f"{row['name']:<24}{row['cache']:<6}{row['rps']:>9}{row['p50_ms']!s:>9}{row['p99_ms']!s:>10}"
                f"{row['queries']:>9}{row['queries_after_change']:>9}{row['bytes']:>10}"
                f"{row['ratio_to_reference']:>8.2f}{row['reference_rps']:>11}  {row['path']}"
            )
        self.stdout.write(rule)
        if any(row["cache"] == "front" for row in data["pages"]):
            self.stdout.write(
                "cache 'front': through Varnish (a hit); ratio and ref req/s: nginx's static file of the same size"
            )
        fresh = data.get("publish_to_fresh")
        if fresh:
            self.stdout.write(
                f"publish to fresh through Varnish (worker, BAN): p50 {fresh['p50_s']} s, p99 {fresh['p99_s']} s, "
                f"max {fresh['max_s']} s over {fresh['publishes']} publishes"
            )
        if memory:
            for pid, (first, last, growth) in memory.items():
                self.stdout.write(
                    f"worker {pid}: {first / 1024:.1f} MiB after {MEMORY_CHECKPOINTS[0]:,} requests, "
                    f"{last / 1024:.1f} MiB after {MEMORY_CHECKPOINTS[1]:,} ({growth:+.1f} %)"
                )


class _Server:
    """gunicorn with the production settings, one sync worker per core, on a free port."""

    def __init__(self, command, cache, extra_env=None):
        self.command = command
        self.cache = cache
        self.extra_env = extra_env or {}

    def __enter__(self):
        cmd = self.command
        port = free_port()
        env = {**cmd.env, "PAGE_CACHE_SECONDS": "600" if self.cache == "on" else "0", **self.extra_env}
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        self.process = subprocess.Popen(  # noqa: S603
            [
                gunicorn,
                "bochum2015.wsgi:application",
                "-w",
                str(cmd.workers),
                "-b",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
                "--timeout",
                "120",
            ],
            env=env,
            cwd=settings.BASE_DIR,
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                cmd.fetch(base + "/robots.txt")
                break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.__exit__()
                    raise CommandError("gunicorn did not start") from None
                time.sleep(0.3)
        cmd.server_pid = self.process.pid
        cmd.stdout.write(f"gunicorn on {base}, page cache {self.cache}, workers {worker_pids(cmd.server_pid)}")
        return base

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
