"""Front-cache backends for `wagtail.contrib.frontend_cache` that purge *everything below* the
addresses they are given, and say when they failed.

The purge task (pagecache.tasks) hands each backend the root of every site: one public event
changes pages no list of addresses names (lists, navigation, feeds, the sitemap, search results
and their query-string variants, both languages). Wagtail's own backends purge exactly the
addresses given and only log a failure, so the task would report success for a purge that never
happened; these raise PurgeFailed instead, and the task tries again (pagecache.tasks).

- VarnishBackend: one `BAN` per root (deploy/varnish/bochum2015.vcl: `X-Ban-Url`, a regular
  expression over path and query, and `X-Ban-Host`), accepted only from the `purgers` ACL; the
  VCL answers 200 only when it added the ban.
- CloudflareBackend: purge by hostname (`{"hosts": [...]}`), checked in Cloudflare's answer.
- CloudfrontBackend: an invalidation of `/*`.

Which of them run is configured by environment variables (README, *Configuration*;
bochum2015.settings.caching).
"""

import re
import uuid
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

import requests

from wagtail import __version__
from wagtail.contrib.frontend_cache.backends import cloudflare, cloudfront, http

from pagecache.tasks import PurgeFailed

TIMEOUT_SECONDS = 10


def _host(url):
    return urlsplit(url).netloc


def _path(url):
    return urlsplit(url).path or "/"


class VarnishBackend(http.HTTPBackend):
    """Bans everything below each address in Varnish (LOCATION: where Varnish listens)."""

    def ban_request(self, url):
        return Request(  # noqa: S310 - LOCATION is configured
            urlunsplit((self.cache_scheme, self.cache_netloc, "/", "", "")),
            method="BAN",
            headers={
                "X-Ban-Url": "^" + re.escape(_path(url)),
                "X-Ban-Host": _host(url),
                "User-Agent": "Wagtail-frontendcache/" + __version__,
            },
        )

    def purge_batch(self, urls):
        failures = []
        for url in urls:
            try:
                with urlopen(self.ban_request(url), timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 - as above
                    status = response.status
            except HTTPError as error:
                status = error.code
            except (URLError, OSError) as error:
                failures.append(f"{url}: {getattr(error, 'reason', error)}")
                continue
            if status != 200:
                failures.append(f"{url}: Varnish answered {status}")
        if failures:
            raise PurgeFailed("; ".join(failures))

    def purge(self, url):
        self.purge_batch([url])


class CloudflareBackend(cloudflare.CloudflareBackend):
    """Purges every cached address of each host (ZONEID, and BEARER_TOKEN or EMAIL and API_KEY)."""

    def request_body(self, urls):
        return {"hosts": sorted({urlsplit(url).hostname for url in urls})}

    def purge_batch(self, urls):
        headers = {"Content-Type": "application/json"}
        if self.cloudflare_token:
            headers["Authorization"] = f"Bearer {self.cloudflare_token}"
        else:
            headers["X-Auth-Email"] = self.cloudflare_email
            headers["X-Auth-Key"] = self.cloudflare_api_key
        try:
            response = requests.post(
                self.cloudflare_purge_endpoint_url, json=self.request_body(urls), headers=headers, timeout=30
            )
            answer = response.json()
        except (requests.RequestException, ValueError) as error:
            raise PurgeFailed(f"Cloudflare: {error}") from error
        if response.status_code != 200 or not answer.get("success"):
            messages = ", ".join(str(error.get("message")) for error in answer.get("errors", []))
            raise PurgeFailed(f"Cloudflare answered {response.status_code}: {messages}")

    def purge(self, url):
        self.purge_batch([url])


class CloudfrontBackend(cloudfront.CloudfrontBackend):
    """Invalidates every path of the distribution below each address (DISTRIBUTION_ID)."""

    def paths(self, urls):
        return sorted({_path(url) + "*" for url in urls})

    def purge_batch(self, urls):
        import botocore

        paths = self.paths(urls)
        try:
            self.client.create_invalidation(
                DistributionId=self.cloudfront_distribution_id,
                InvalidationBatch={
                    "Paths": {"Quantity": len(paths), "Items": paths},
                    "CallerReference": uuid.uuid4().hex,
                },
            )
        except (botocore.exceptions.BotoCoreError, botocore.exceptions.ClientError) as error:
            raise PurgeFailed(f"CloudFront: {error}") from error

    def purge(self, url):
        self.purge_batch([url])
