"""The front cache's purge (pagecache.tasks, pagecache.frontend): a ban of every site in Varnish
after a public event, retried with a growing delay while Varnish fails or cannot be reached, and
the front caches the environment selects (Varnish, Cloudflare, CloudFront), without a network."""

import logging
import socket
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from django.core.management import CommandError, call_command
from django.utils import timezone

from wagtail.contrib.frontend_cache.utils import get_backends

from bochum2015.settings.caching import front_cache
from home.tests.factories import StandardPageFactory, site_tree
from pagecache import frontend, tasks


class FakeVarnish:
    """Answers each request with the next of `statuses` (the last one from then on) and keeps it."""

    def __init__(self, statuses=(200,)):
        self.statuses = list(statuses)
        self.requests = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_BAN(self):  # noqa: N802 - the method's name
                fake.requests.append((self.command, self.path, dict(self.headers)))
                status = fake.statuses.pop(0) if len(fake.statuses) > 1 else fake.statuses[0]
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def varnish(settings):
    fake = FakeVarnish()
    settings.WAGTAILFRONTENDCACHE = front_cache({"FRONTEND_CACHE_URL": fake.url})
    yield fake
    fake.close()


@pytest.fixture
def queue(settings):
    """Tasks are kept, not run (django-tasks' dummy backend, which keeps `run_after` as a worker's queue does)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = tasks.purge_caches.get_backend()
    return lambda: [result for result in backend.results if result.task.name == "purge_caches"]


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(result):
    """What the worker does with a queued task."""
    return result.task.call(*result.args, **result.kwargs)


@pytest.mark.django_db
def test_publishing_bans_every_page_of_the_site_once_after_the_commit(
    varnish, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    tree = site_tree()
    page = StandardPageFactory(parent=tree.german_home)
    page.title = "Frisch veröffentlicht"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        assert varnish.requests == []  # not before the commit
    assert [(method, headers["X-Ban-Url"], headers["X-Ban-Host"]) for method, _, headers in varnish.requests] == [
        ("BAN", "^/", tree.site.root_url.split("://")[1])
    ]


@pytest.mark.django_db
def test_a_varnish_that_answers_500_is_logged_and_asked_again_until_it_succeeds(varnish, queue, caplog):
    varnish.statuses = [500, 500, 200]
    site_tree()
    with caplog.at_level(logging.WARNING, logger="pagecache.tasks"), pytest.raises(tasks.PurgeFailed):
        tasks.purge_caches.call()
    assert "Varnish answered 500" in caplog.text
    [retry] = queue()
    assert retry.kwargs == {"attempt": 2, "backend_names": ["varnish"]}
    assert abs(retry.task.run_after - (timezone.now() + timedelta(seconds=1))) < timedelta(seconds=1)
    with pytest.raises(tasks.PurgeFailed):
        run(retry)
    assert queue()[1].kwargs["attempt"] == 3
    assert abs(queue()[1].task.run_after - (timezone.now() + timedelta(seconds=2))) < timedelta(seconds=1)
    run(queue()[1])
    assert len(queue()) == 2
    assert len(varnish.requests) == 3


@pytest.mark.django_db
def test_a_varnish_that_refuses_the_connection_is_retried(settings, queue, caplog):
    settings.WAGTAILFRONTENDCACHE = front_cache({"FRONTEND_CACHE_URL": f"http://127.0.0.1:{closed_port()}"})
    site_tree()
    with caplog.at_level(logging.WARNING, logger="pagecache.tasks"), pytest.raises(tasks.PurgeFailed):
        tasks.purge_caches.call()
    assert "Connection refused" in caplog.text
    assert [result.kwargs["attempt"] for result in queue()] == [2]
    varnish = FakeVarnish()
    try:
        settings.WAGTAILFRONTENDCACHE = front_cache({"FRONTEND_CACHE_URL": varnish.url})
        run(queue()[0])
    finally:
        varnish.close()
    assert len(varnish.requests) == 1


@pytest.mark.django_db
def test_retries_end_once_the_front_caches_copies_have_expired(varnish, queue, settings, caplog):
    varnish.statuses = [503]
    settings.CACHE_S_MAXAGE = 3
    site_tree()
    with caplog.at_level(logging.ERROR, logger="pagecache.tasks"), pytest.raises(tasks.PurgeFailed):
        tasks.purge_caches.call(attempt=3)  # after 1 + 2 seconds of waiting
    assert "after 3 attempts" in caplog.text
    assert queue() == []


def test_the_environment_selects_the_front_caches():
    config = front_cache(
        {
            "FRONTEND_CACHE_URL": "http://10.0.0.5:6081",
            "FRONTEND_CACHE_CLOUDFLARE_ZONE_ID": "zone",
            "FRONTEND_CACHE_CLOUDFLARE_TOKEN": "token",
            "FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID": "E123",
        }
    )
    assert {name: settings["BACKEND"] for name, settings in config.items()} == {
        "varnish": "pagecache.frontend.VarnishBackend",
        "cloudflare": "pagecache.frontend.CloudflareBackend",
        "cloudfront": "pagecache.frontend.CloudfrontBackend",
    }
    assert front_cache({}) == {}
    config.pop("cloudfront")  # its backend needs boto3 (requirements-stack.txt), tested below
    backends = get_backends(config)
    assert isinstance(backends["varnish"], frontend.VarnishBackend)
    assert backends["varnish"].cache_netloc == "10.0.0.5:6081"
    assert backends["cloudflare"].cloudflare_zoneid == "zone"


class FakeResponse:
    def __init__(self, status_code, answer):
        self.status_code = status_code
        self.answer = answer

    def json(self):
        return self.answer


def test_cloudflare_purges_each_sites_host_and_reports_its_errors(monkeypatch):
    backend = get_backends(
        front_cache({"FRONTEND_CACHE_CLOUDFLARE_ZONE_ID": "z", "FRONTEND_CACHE_CLOUDFLARE_TOKEN": "t"})
    )["cloudflare"]
    sent = []
    answers = [
        FakeResponse(200, {"success": True}),
        FakeResponse(400, {"success": False, "errors": [{"message": "no"}]}),
    ]
    monkeypatch.setattr(frontend.requests, "post", lambda url, **kwargs: sent.append((url, kwargs)) or answers.pop(0))
    backend.purge_batch(["https://www.bochum2015.de/"])
    assert sent[0][0] == "https://api.cloudflare.com/client/v4/zones/z/purge_cache"
    assert sent[0][1]["json"] == {"hosts": ["www.bochum2015.de"]}
    assert sent[0][1]["headers"]["Authorization"] == "Bearer t"
    with pytest.raises(tasks.PurgeFailed, match="no"):
        backend.purge_batch(["https://www.bochum2015.de/"])


def test_cloudfront_invalidates_everything_below_the_root():
    pytest.importorskip("boto3")
    backend = get_backends(front_cache({"FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID": "E123"}))["cloudfront"]
    calls = []
    backend.client.create_invalidation = lambda **kwargs: calls.append(kwargs)
    backend.purge_batch(["https://www.bochum2015.de/"])
    assert calls[0]["DistributionId"] == "E123"
    assert calls[0]["InvalidationBatch"]["Paths"] == {"Quantity": 1, "Items": ["/*"]}


@pytest.mark.django_db
def test_an_operator_purges_everything_and_hears_when_it_failed(varnish, queue, capsys):
    site_tree()
    call_command("purge_caches")
    assert "every front cache is purged" in capsys.readouterr().out
    assert [headers["X-Ban-Url"] for _, _, headers in varnish.requests] == ["^/"]
    varnish.statuses = [500]
    with pytest.raises(CommandError, match="Varnish answered 500"):
        call_command("purge_caches")
