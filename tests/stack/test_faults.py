"""Faults the stack survives (issue 16, item 5): an app node killed under load, every app node
down, Redis down. Each test restores what it broke."""

import collections
import threading
import time

import pytest
import requests

from tests.stack.conftest import Editor

WARM_PAGES = ["/de/", "/en/", "/de/aktuelles/", "/en/news/", "/de/netzwerke/netzwerk-produktion/"]


class Load:
    """A small load loop: `threads` visitors each asking pages the cache does not hold (a query
    string of their own), so every request goes through nginx to an app node."""

    def __init__(self, stack, threads=4):
        self.stack = stack
        self.threads = threads
        self.results = []  # (start, end, status or error)
        self.lock = threading.Lock()
        self.running = threading.Event()

    def visitor(self, number):
        session = requests.Session()
        count = 0
        while self.running.is_set():
            count += 1
            path = WARM_PAGES[count % len(WARM_PAGES)] + f"?load={number}-{count}-{time.monotonic_ns()}"
            started = time.monotonic()
            try:
                status = self.stack.get(path, session=session, timeout=30).status_code
            except requests.RequestException as error:
                status = type(error).__name__
            with self.lock:
                self.results.append((started, time.monotonic(), status))

    def __enter__(self):
        self.running.set()
        self.workers = [threading.Thread(target=self.visitor, args=(n,)) for n in range(self.threads)]
        for worker in self.workers:
            worker.start()
        return self

    def __exit__(self, *exc):
        self.running.clear()
        for worker in self.workers:
            worker.join(timeout=60)

    def wait_for(self, count, since, seconds=60):
        """Until `count` requests sent after `since` have been answered (or `seconds` passed)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with self.lock:
                if sum(1 for result in self.results if result[0] > since) >= count:
                    return
            time.sleep(0.1)

    def failed(self):
        return [result for result in self.results if result[2] != 200]


@pytest.fixture
def app_nodes_restored(stack):
    yield
    for node in ("app1", "app2"):
        stack.service("start", node)
    stack.wait_healthy()
    # Restarted nodes have loaded nothing yet (code, templates, fragments): warm each worker of
    # each, past the caches, as the nodes were before, so the next test does not time a cold start.
    for node in stack.env["STACK_APP_URLS"].split(","):
        for path in WARM_PAGES:
            stack.fetch_all([node + path] * 4, headers={"Cookie": "sessionid=warm-up"})


def test_one_app_node_killed_under_load_fails_no_request(stack, app_nodes_restored):
    with Load(stack) as load:
        # Enough requests under way before and after the kill, however busy the machine is.
        load.wait_for(20, since=0)
        killing = time.monotonic()
        stack.service("kill", "app1")
        killed = time.monotonic()
        load.wait_for(40, since=killed)
    # In flight: sent before the node was dead and answered after the kill began.
    in_flight = [result for result in load.results if result[0] <= killed and result[1] >= killing]
    after = [result for result in load.results if result[0] > killed]
    failed = load.failed()
    print(f"\n{len(load.results)} requests, {len(failed)} failed, {len(in_flight)} in flight at the kill,", end=" ")
    print(f"{len(after)} after it; failures: {collections.Counter(result[2] for result in failed)}")
    assert len(failed) <= len(in_flight)
    assert after and all(result[2] == 200 for result in after)


def test_all_app_nodes_down_varnish_serves_what_it_has(stack, app_nodes_restored):
    pages = {path: stack.get(path).text for path in WARM_PAGES}
    for path in WARM_PAGES:
        # Expired, but kept for stale-if-error, as after s-maxage.
        assert stack.request_from("127.0.0.1", "PURGE", path, {"X-Purge-Soft": "1"}) == 200
    stack.service("kill", "app1")
    stack.service("kill", "app2")
    # Varnish's probe finds the site down within a few seconds; an address it never cached fails.
    deadline = time.monotonic() + 15
    while stack.get("/de/?never-cached").status_code != 503 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert stack.get("/de/?never-cached").status_code == 503
    time.sleep(1)
    for path, text in pages.items():
        stale = stack.get(path)
        assert stale.status_code == 200 and stale.headers["X-Cache"] == "HIT"
        assert stale.text == text


def test_redis_down_pages_still_served(stack):
    nginx = stack.env["STACK_NGINX_URL"]
    assert requests.get(nginx + "/healthz", timeout=10).json()["cache"] == "ok"
    started = time.monotonic()
    for path in WARM_PAGES:
        stack.get(f"{path}?redis-up={time.monotonic_ns()}")
    with_redis = time.monotonic() - started
    stack.service("stop", "redis")
    try:
        assert requests.get(nginx + "/healthz", timeout=10).json() == {
            "status": "ok",
            "database": "ok",
            "cache": "unavailable",
        }
        started = time.monotonic()
        answers = [stack.get(f"{path}?redis-down={time.monotonic_ns()}") for path in WARM_PAGES]
        seconds = time.monotonic() - started
        print(f"\n{len(answers)} uncached pages in {with_redis:.2f} s with Redis, {seconds:.2f} s without")
        assert [answer.status_code for answer in answers] == [200] * len(WARM_PAGES)
        assert all(answer.headers["X-Cache"] == "MISS" for answer in answers)
        assert stack.get(WARM_PAGES[0]).status_code == 200
    finally:
        stack.service("start", "redis")
    assert requests.get(nginx + "/healthz", timeout=10).json()["cache"] == "ok"


def test_worker_down_publishing_works_and_purges_catch_up(stack):
    pytest.importorskip("pagecache.tasks")  # the purges on publishing
    editor = Editor(stack, seed=16)
    try:
        deadline = time.monotonic() + 10
        while editor.ask("tasks")["unfinished"] and time.monotonic() < deadline:
            time.sleep(0.1)
        stack.fetch_all([stack.url("/de/ueber-uns/")] * 2)
        stack.service("stop", "worker")
        try:
            answer = editor.ask("act publish ueber-uns")
            published = time.monotonic()
            paths = answer["paths"]
            # Published (the site renders it) while Varnish still has the page: nothing purges it.
            time.sleep(1)
            stale = [path for path in paths if stack.get(path).content != stack.truth(path)[1]]
            assert stale, "Varnish was purged without a worker"
        finally:
            stack.service("start", "worker")
        restarted = time.monotonic()
        deadline = restarted + 15
        while any(stack.get(path).content != stack.truth(path)[1] for path in paths):
            assert time.monotonic() < deadline, "the purges did not catch up with the worker back"
            time.sleep(0.1)
        print(
            f"\nworker down {restarted - published:.1f} s after the publish; fresh "
            f"{time.monotonic() - restarted:.2f} s after it started again"
        )
    finally:
        editor.close()
