"""make loadtest: 60 seconds of mixed load on gunicorn with the production settings on PostgreSQL.

Sets up a fresh database (LOADTEST_DATABASE_URL, default bochum2015_loadtest on the local
server; it is dropped and created anew) with the demo content, collects the static files, starts
gunicorn, runs locust headless, then prints requests, failures, latency percentiles, the status
codes and how many confirmed participation requests are in the database. Exits 1 when a target
is missed: any 5xx, a confirmed request missing from the database, page p95 of 500 ms or more.
"""

import csv
import json
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import dj_database_url
import psycopg2

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "loadtest"
BIN = Path(sys.executable).parent
DATABASE_URL = os.environ.get("LOADTEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bochum2015_loadtest")
PORT = os.environ.get("LOADTEST_PORT", "8765")
DURATION = os.environ.get("LOADTEST_DURATION", "60s")
USERS = os.environ.get("LOADTEST_USERS", "20")
WORKERS = os.environ.get("LOADTEST_WORKERS", str(2 * (os.cpu_count() or 1) + 1))
PAGE_P95_TARGET_MS = 500

URLS_SCRIPT = """
import json
from wagtail.models import Page
from network.models import CompanyDirectoryPage, NetworkPage
from news.models import NewsIndexPage
live = lambda model: [page.url for page in model.objects.live()]
print(json.dumps({
    "pages": [page.url for page in Page.objects.live().filter(depth__gte=2)],
    "networks": [page.participation_url() for page in NetworkPage.objects.live()],
    "directories": live(CompanyDirectoryPage),
    "news": live(NewsIndexPage),
}))
"""

COUNT_SCRIPT = """
import json, os
from network.models import ParticipationRequest
emails = json.load(open(os.environ["LOADTEST_RESULTS"]))["confirmed"]
print(ParticipationRequest.objects.filter(email__in=emails).values("email").distinct().count())
"""


def step(message):
    print(f"== {message}", flush=True)


def fresh_database():
    config = dj_database_url.parse(DATABASE_URL)
    name = config["NAME"]
    if "loadtest" not in name:
        sys.exit(f"Refusing to drop {name!r}: the load test's database name must contain 'loadtest'.")
    admin = psycopg2.connect(
        dbname="postgres",
        user=config["USER"],
        password=config["PASSWORD"] or None,
        host=config["HOST"],
        port=config["PORT"] or 5432,
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def environment():
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bochum2015.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/9"),
        "STATIC_ROOT": str(WORK / "static"),
        "MEDIA_ROOT": str(WORK / "media"),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{PORT}",
        "LOG_LEVEL": "WARNING",
    }


def manage(env, *args, capture=False):
    result = subprocess.run(  # noqa: S603
        [str(BIN / "python"), "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=capture, text=True
    )
    return result.stdout


def wait_for_health(server):
    for _ in range(120):
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped (exit {server.returncode}); see {WORK / 'gunicorn.log'}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit("gunicorn did not become healthy within a minute")


def percentiles(stats_csv):
    rows = {}
    with open(stats_csv) as handle:
        for row in csv.DictReader(handle):
            rows[row["Name"]] = row
    return rows


def main():
    WORK.mkdir(parents=True, exist_ok=True)
    env = environment()
    step(f"fresh database {urlparse(DATABASE_URL).path.lstrip('/')} with the demo content")
    fresh_database()
    manage(env, "compile_catalogues")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo_content", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    redis_flush(env["REDIS_URL"])
    urls = manage(env, "shell", "-c", URLS_SCRIPT, capture=True).strip().splitlines()[-1]
    (WORK / "urls.json").write_text(urls)

    step(f"gunicorn with {WORKERS} workers on 127.0.0.1:{PORT}")
    log = open(WORK / "gunicorn.log", "w")  # noqa: SIM115 (open while the server runs)
    server = subprocess.Popen(  # noqa: S603
        [str(BIN / "gunicorn"), "bochum2015.wsgi", "--workers", WORKERS, "--bind", f"127.0.0.1:{PORT}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for_health(server)
        step(f"locust: {USERS} visitors for {DURATION}")
        results = WORK / "results.json"
        subprocess.run(  # noqa: S603
            [
                str(BIN / "locust"),
                "-f",
                str(ROOT / "loadtest" / "locustfile.py"),
                "--headless",
                "--users",
                USERS,
                "--spawn-rate",
                "5",
                "--run-time",
                DURATION,
                "--host",
                f"http://127.0.0.1:{PORT}",
                "--csv",
                str(WORK / "stats"),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env={**os.environ, "LOADTEST_URLS": str(WORK / "urls.json"), "LOADTEST_RESULTS": str(results)},
            check=False,
        )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        log.close()

    return report(env, results)


def redis_flush(url):
    """The load test's own Redis database starts empty, so the first requests really render."""
    import redis

    redis.Redis.from_url(url).flushdb()


def report(env, results):
    stats = percentiles(WORK / "stats_stats.csv")
    outcome = json.loads(results.read_text())
    env = {**env, "LOADTEST_RESULTS": str(results)}
    found = int(manage(env, "shell", "-c", COUNT_SCRIPT, capture=True).strip().splitlines()[-1])
    total = stats["Aggregated"]
    step("summary")
    print(f"{'name':28} {'requests':>9} {'failures':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for name, row in stats.items():
        print(
            f"{name:28} {row['Request Count']:>9} {row['Failure Count']:>9} {row['50%']:>8} {row['95%']:>8} "
            f"{row['99%']:>8} {float(row['Max Response Time']):>8.0f}"
        )
    codes = outcome["status_codes"]
    server_errors = sum(count for code, count in codes.items() if code.startswith("5"))
    confirmed = len(outcome["confirmed"])
    page_p95 = float(stats["page"]["95%"]) if "page" in stats else float("nan")
    print(f"status codes: {dict(sorted(codes.items()))}")
    print(f"requests: {total['Request Count']}, failures: {total['Failure Count']}, 5xx: {server_errors}")
    print(f"confirmed participation requests: {confirmed}, found in the database: {found}")
    print(f"page p95: {page_p95:.0f} ms (target < {PAGE_P95_TARGET_MS} ms)")
    missed = []
    if server_errors:
        missed.append(f"{server_errors} responses with 5xx")
    if found != confirmed:
        missed.append(f"{confirmed - found} confirmed requests missing from the database")
    if not page_p95 < PAGE_P95_TARGET_MS:
        missed.append("page p95 over target")
    if missed:
        print("TARGETS MISSED: " + "; ".join(missed))
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
