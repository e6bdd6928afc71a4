"""The stack's suite: Varnish, nginx, two app nodes, the task worker, Redis and S3 (moto) as
`make stack` starts them, asked over HTTP from the outside. It runs only with `-m stack`
(`make test-stack`, which starts the stack when it is not running); `make test` does not collect it."""

import http.client
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

    def wait_healthy(self, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url("/de/"), timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise AssertionError("The stack does not serve /de/")


@pytest.fixture(scope="session")
def stack(request):
    if not ENV_FILE.exists():
        pytest.exit("deploy/stack.env is missing: `make test-stack` starts the stack", returncode=3)
    stack = Stack(read_env())
    stack.wait_healthy()
    return stack
