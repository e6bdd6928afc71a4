"""Mixed load on the production server: visitors browse both languages, search the company
directory and filter the news, and companies send valid and invalid participation requests.

Each simulated visitor comes from an address of its own (127.0.1.N), as real visitors do, so
the participation form's per-address limit applies per visitor, not to the whole test. The
confirmed requests (redirect to the thanks page) are written to LOADTEST_RESULTS for the runner
to look up in the database."""

import itertools
import json
import os
import random
import re
import time
import uuid
from collections import Counter

from locust import HttpUser, between, events, task
from urllib3 import PoolManager

RESULTS = os.environ.get("LOADTEST_RESULTS", "var/loadtest/results.json")
_addresses = (f"127.0.1.{n}" for n in itertools.count(1))
status_codes = Counter()
confirmed = []
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STARTED = re.compile(r'name="started" value="([^"]+)"')
PAGES = []
NETWORKS = []
DIRECTORIES = []
NEWS = []
SEARCH_WORDS = ["stahl", "Bochum", "auto", "GmbH", "Maschinen", "xyz", "ö", "<b>"]


@events.request.add_listener
def count_status(response=None, exception=None, **kwargs):
    status_codes[response.status_code if response is not None else "error"] += 1


@events.test_start.add_listener
def read_addresses(**kwargs):
    """The runner lists the live pages by kind (LOADTEST_URLS) after loading the demo content."""
    with open(os.environ.get("LOADTEST_URLS", "var/loadtest/urls.json")) as urls:
        found = json.load(urls)
    PAGES.extend(found["pages"])
    NETWORKS.extend(found["networks"])  # the addresses of their participation forms
    DIRECTORIES.extend(found["directories"])
    NEWS.extend(found["news"])


@events.quit.add_listener
def write_results(**kwargs):
    os.makedirs(os.path.dirname(RESULTS) or ".", exist_ok=True)
    with open(RESULTS, "w") as out:
        json.dump({"status_codes": {str(k): v for k, v in status_codes.items()}, "confirmed": confirmed}, out)


class Visitor(HttpUser):
    wait_time = between(0.5, 2)

    def __init__(self, *args, **kwargs):
        # A visitor's own source address: a connection pool bound to it.
        self.pool_manager = PoolManager(source_address=(next(_addresses), 0), maxsize=2)
        super().__init__(*args, **kwargs)
        # As the TLS-terminating proxy in front of gunicorn sends it.
        self.client.headers["X-Forwarded-Proto"] = "https"

    def language_headers(self):
        return {"Accept-Language": random.choice(["de-DE,de;q=0.9", "en-GB,en;q=0.8"])}

    @task(10)
    def browse(self):
        path = random.choice(PAGES)
        self.client.get(path, name="page", headers=self.language_headers())

    @task(2)
    def search_directory(self):
        if DIRECTORIES:
            params = {"q": random.choice(SEARCH_WORDS), "page": random.choice(["1", "2", "99"])}
            self.client.get(random.choice(DIRECTORIES), params=params, name="search")

    @task(2)
    def filter_news(self):
        if NEWS:
            params = random.choice([{"year": "2015"}, {"page": "2"}, {"tag": "netzwerk"}, {"year": "1999"}])
            self.client.get(random.choice(NEWS), params=params, name="news filter")

    def _form(self, network):
        page = self.client.get(network, name="participation form")
        csrf, started = CSRF.search(page.text), STARTED.search(page.text)
        if page.status_code != 200 or not csrf or not started:
            return None
        origin = self.host.replace("http://", "https://")
        return {
            "cookies": {"csrftoken": page.cookies.get("csrftoken") or self.client.cookies.get("csrftoken", "")},
            "headers": {"Origin": origin, "Referer": origin + network},
            "data": {"csrfmiddlewaretoken": csrf.group(1), "started": started.group(1)},
        }

    @task(2)
    def request_participation(self):
        """Reads the form like a person (more than the form's 3 s bot threshold), then sends it."""
        if not NETWORKS:
            return
        network = random.choice(NETWORKS)
        form = self._form(network)
        if form is None:
            return
        time.sleep(random.uniform(3.5, 5))
        valid = random.random() < 0.6
        email = f"lt-{uuid.uuid4().hex[:12]}@example.org"
        data = {
            **form["data"],
            "company": "Lasttest GmbH",
            "contact_name": "Erika Muster",
            "email": email if valid else "not-an-address",
            "phone": "",
            "message": "Wir möchten im Netzwerk mitarbeiten.",
        }
        if valid:
            data["consent"] = "on"
        with self.client.post(
            network,
            data=data,
            cookies=form["cookies"],
            headers=form["headers"],
            name="participation " + ("valid" if valid else "invalid"),
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if valid and response.status_code == 302 and "/thanks/" in response.headers.get("Location", ""):
                confirmed.append(email)
                response.success()
            elif valid and response.status_code == 429:
                response.success()  # the form's limit per visitor: a polite refusal, not a fault
            elif not valid and response.status_code == 200:
                response.success()  # the form again with its errors
            else:
                response.failure(f"unexpected {response.status_code}")
