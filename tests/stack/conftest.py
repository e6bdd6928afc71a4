"""The stack's suite: Varnish, nginx, two app nodes, the task worker, Redis and S3 (moto) as
`make stack` starts them, asked over HTTP from the outside. It runs only with `-m stack`
(`make test-stack`, which starts the stack when it is not running); `make test` does not collect it."""

import http.client
import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent.parent
ENV_FILE = ROOT / "deploy" / "stack.env"
STACK = ROOT / "deploy" / "stack.py"


def is_stack_run(config):
    return config.getoption("markexpr") == "stack"


def pytest_ignore_collect(collection_path, config):
    if collection_path.name.startswith("test_") and not is_stack_run(config):
        return True
    return None


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/stack/" in item.nodeid:
            item.add_marker(pytest.mark.stack)


def read_env():
    env = {}
    for line in ENV_FILE.read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            env[key] = value
    return env


class Stack:
    """The running stack as a visitor, an editor and an operator see it."""

    def __init__(self, env):
        self.env = env
        self.base = env["STACK_BASE_URL"]
        self.port = urlsplit(self.base).port

    def url(self, path):
        return urljoin(self.base + "/", path.lstrip("/"))

    def get(self, path, session=None, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 30)
        return (session or requests).get(self.url(path), **kwargs)

    def service(self, action, name):
        subprocess.run([sys.executable, str(STACK), action, name], cwd=ROOT, check=True)  # noqa: S603

    def manage(self, *args, stdin=None):
        """A management command against the stack (deploy/stack.env), as an operator runs one."""
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**os.environ, **self.env},
            input=stdin,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout

    def varnish_counter(self, name):
        output = subprocess.run(  # noqa: S603
            ["varnishstat", "-n", self.env["STACK_VARNISH_DIR"], "-1", "-f", name],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return int(output.split()[1])

    def request_from(self, source, method, path, headers=None):
        """A request to Varnish from another local address (127.0.0.2: not one of the purgers)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10, source_address=(source, 0))
        try:
            connection.request(method, path, headers={"Host": f"127.0.0.1:{self.port}", **(headers or {})})
            response = connection.getresponse()
            response.read()
            return response.status
        finally:
            connection.close()

    def public_urls(self):
        """Every address in the sitemaps (both languages), the sitemaps, robots.txt, the feeds
        and calendar files the pages link to."""
        sitemaps = [self.url("/sitemap.xml")]
        pages = []
        for sitemap in sitemaps:
            text = requests.get(sitemap, timeout=30).text
            for loc in re.findall(r"<loc>([^<]+)</loc>", text):
                (sitemaps if loc.endswith(".xml") else pages).append(loc)
        linked = set()
        for page in pages[:: max(1, len(pages) // 20)]:
            html = requests.get(page, timeout=30).text
            for href in re.findall(r'href="([^"]+(?:/feed/|/rss/|\.xml|/ical/))"', html):
                linked.add(urljoin(page, href))
        return sorted(set(pages) | set(sitemaps) | linked | {self.url("/robots.txt")})

    def fetch_all(self, urls, headers=None, workers=4):
        with ThreadPoolExecutor(workers) as pool:
            return list(
                pool.map(lambda url: requests.get(url, headers=headers, timeout=30, allow_redirects=False), urls)
            )

    def truth(self, path, session=requests):
        """What the site renders now: an app node through nginx, past Varnish and the page cache
        (a request with a session cookie is never answered from the page cache)."""
        response = session.get(
            self.env["STACK_NGINX_URL"] + path,
            headers={"Host": f"127.0.0.1:{self.port}", "Cookie": "sessionid=freshness-check"},
            allow_redirects=False,
            timeout=30,
        )
        return response.status_code, response.content

    def wait_quiet(self, quiet=1.5, seconds=15):
        """Until Varnish has added no ban for `quiet` seconds (a purge an earlier test caused, and its
        repeat a second later, would turn a hit into a miss)."""
        deadline = time.monotonic() + seconds
        bans, since = self.varnish_counter("MAIN.bans_added"), time.monotonic()
        while time.monotonic() < deadline and time.monotonic() - since < quiet:
            time.sleep(0.2)
            now = self.varnish_counter("MAIN.bans_added")
            if now != bans:
                bans, since = now, time.monotonic()

    def wait_healthy(self, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                # An address Varnish never holds: answered only once its probe finds the site up.
                if requests.get(self.url(f"/de/?up={time.monotonic_ns()}"), timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise AssertionError("The stack does not serve /de/")


class Editor:
    """An editor at work on the stack's content (tests/stack/editor.py in a process of its own)."""

    def __init__(self, stack, seed=0):
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "tests.stack.editor", str(seed)],
            cwd=ROOT,
            env={**os.environ, **stack.env},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, command):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "the editor process stopped"
        return json.loads(line)

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="session")
def stack(request):
    if not ENV_FILE.exists():
        pytest.exit("deploy/stack.env is missing: `make test-stack` starts the stack", returncode=3)
    stack = Stack(read_env())
    stack.wait_healthy()
    return stack
