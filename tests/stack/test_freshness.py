"""Correctness of the front cache (issue 16, item 3): a seeded random sequence of editor actions
against the running stack, and after each a crawl of the pages it touched and the lists: every
page through Varnish is what the site now renders within two seconds, and a draft save purges
nothing (no purge task, no ban in Varnish, the cached pages stay hits)."""

import os
import random
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.stack.conftest import Editor

# The purges on publishing (issue 16, item 3) live in pagecache.tasks.
pytest.importorskip("pagecache.tasks")

ACTIONS = int(os.environ.get("STACK_FRESHNESS_ACTIONS", "200"))
SEED = int(os.environ.get("STACK_FRESHNESS_SEED", "2015"))
FRESH_WITHIN = 2.0
KINDS = ("publish", "draft", "create", "unpublish", "delete", "move", "snippet", "translation")
WEIGHTS = (5, 4, 2, 2, 1, 1, 2, 3)
LISTS = ["/de/", "/en/", "/de/aktuelles/", "/en/news/", "/de/aktuelles/feed/", "/sitemap-pages.xml"]


def through_varnish(stack, path, session):
    asked = time.monotonic()
    response = session.get(stack.url(path), allow_redirects=False, timeout=30)
    return response.status_code, response.content, response.headers.get("X-Cache"), asked


def wait_idle(editor, seconds=10):
    deadline = time.monotonic() + seconds
    while editor.ask("tasks")["unfinished"] and time.monotonic() < deadline:
        time.sleep(0.1)
    return editor.ask("tasks")


def test_no_stale_page_after_editor_actions_and_no_purge_after_a_draft(stack):
    rng = random.Random(SEED)  # noqa: S311 (a reproducible sequence)
    editor = Editor(stack, SEED)
    sessions = [requests.Session() for _ in range(8)]
    stale, latencies, changed_latencies, draft_purges, draft_misses, counts = [], [], [], [], [], {}
    started = time.monotonic()
    try:
        with ThreadPoolExecutor(8) as pool:
            for number in range(ACTIONS):
                kind = rng.choices(KINDS, WEIGHTS)[0]
                counts[kind] = counts.get(kind, 0) + 1
                if kind == "draft":
                    before = wait_idle(editor)
                    bans = stack.varnish_counter("MAIN.bans_added")
                    for path in LISTS:
                        through_varnish(stack, path, sessions[0])
                    answer = editor.ask("act draft")
                    time.sleep(0.6)  # three polls of the worker
                    after = editor.ask("tasks")
                    if after["purges"] != before["purges"] or stack.varnish_counter("MAIN.bans_added") != bans:
                        draft_purges.append(number)
                    for path in LISTS:
                        if through_varnish(stack, path, sessions[0])[2] != "HIT":
                            draft_misses.append((number, path))
                    continue
                answer = editor.ask(f"act {kind}")
                committed = time.monotonic()
                pending = set(LISTS + answer["paths"])
                changed = set()
                while pending:
                    paths = sorted(pending)
                    pairs = list(
                        pool.map(
                            lambda item: (
                                through_varnish(stack, item[1], sessions[2 * item[0] % 8]),
                                stack.truth(item[1], sessions[(2 * item[0] + 1) % 8]),
                            ),
                            enumerate(paths),
                        )
                    )
                    for path, (cached, rendered) in zip(paths, pairs, strict=True):
                        # Fresh when Varnish answered a request sent then with what the site renders.
                        if cached[:2] == rendered:
                            pending.discard(path)
                            latencies.append(cached[3] - committed)
                            if path in changed:
                                changed_latencies.append(cached[3] - committed)
                        elif cached[3] - committed > FRESH_WITHIN:
                            stale.append((number, kind, path))
                            pending.discard(path)
                        else:
                            changed.add(path)
                    if pending and time.monotonic() - committed > FRESH_WITHIN + 5:
                        stale += [(number, kind, path) for path in sorted(pending)]
                        break
                    if pending:
                        time.sleep(0.05)
    finally:
        editor.close()
    seconds = time.monotonic() - started
    changed_latencies.sort()
    print(f"\n{ACTIONS} actions {counts} in {seconds:.0f} s; {len(latencies)} pages checked,", end=" ")
    if changed_latencies:
        print(
            f"{len(changed_latencies)} of them changed: fresh through Varnish after p50 "
            f"{statistics.median(changed_latencies):.2f} s, p99 "
            f"{changed_latencies[max(0, round(len(changed_latencies) * 0.99) - 1)]:.2f} s, "
            f"max {changed_latencies[-1]:.2f} s;",
            end=" ",
        )
    print(f"stale after {FRESH_WITHIN} s: {stale}; purges after a draft save: {len(draft_purges)}")
    assert stale == []
    assert draft_purges == []
    assert draft_misses == []
