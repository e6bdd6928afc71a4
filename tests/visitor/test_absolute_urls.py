"""Every absolute address the site hands out names the host and port it is served at."""

import re
import subprocess

import pytest

from django.conf import settings
from django.core import mail

from wagtail.models import Site

from demo.home import set_site_address
from network.forms import started_value

pytestmark = pytest.mark.django_db

BASE = "http://127.0.0.1:8811"


def test_make_run_gives_the_site_the_port_it_serves_on():
    commands = subprocess.run(  # noqa: S603
        ["make", "-n", "run", "PORT=8811"],  # noqa: S607
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin"},
    ).stdout
    demo = next(line for line in commands.splitlines() if "load_demo_content" in line)
    server = next(line for line in commands.splitlines() if "runserver" in line)
    assert f"WAGTAILADMIN_BASE_URL={BASE} " in demo
    assert f"WAGTAILADMIN_BASE_URL={BASE} " in server
    assert server.endswith("127.0.0.1:8811")


@pytest.fixture
def served_on_8811(settings, client, complete_site):
    settings.WAGTAILADMIN_BASE_URL = BASE
    site = Site.objects.get(is_default_site=True)
    set_site_address(site)
    site.save()
    client.defaults["HTTP_HOST"] = "127.0.0.1:8811"
    return client


def _absolute_urls(text):
    return re.findall(r"https?://[^\s\"'<>]+", text)


def _assert_all_on_8811(urls, where):
    ours = [url for url in urls if "example" not in url and "w3.org" not in url and "schema.org" not in url]
    assert ours, f"no absolute address in {where}"
    wrong = [url for url in ours if not url.startswith(BASE + "/")]
    assert not wrong, f"{where}: {wrong}"


def test_canonical_and_open_graph_links_use_the_configured_port(served_on_8811, complete_site):
    pages = [complete_site.german("home"), complete_site.english("standard"), complete_site.german("network")]
    for url in [page.url for page in pages]:
        html = served_on_8811.get(url).content.decode()
        head = html.split("</head>")[0]
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', head).group(1)
        og_url = re.search(r'<meta property="og:url" content="([^"]+)"', head).group(1)
        _assert_all_on_8811([canonical, og_url], url)


def test_sitemap_locations_use_the_configured_port(served_on_8811):
    index = served_on_8811.get("/sitemap.xml").content.decode()
    _assert_all_on_8811(re.findall(r"<loc>(.*?)</loc>", index), "sitemap index")
    pages = served_on_8811.get("/sitemap-pages.xml").content.decode()
    _assert_all_on_8811(re.findall(r"<loc>(.*?)</loc>", pages), "sitemap")
    _assert_all_on_8811(re.findall(r'href="([^"]+)"', pages), "sitemap alternates")


def test_calendar_file_links_use_the_configured_port(served_on_8811, complete_site):
    ics = served_on_8811.get(complete_site.german("network").url + "ical/").content.decode()
    urls = re.findall(r"^URL[^:]*:(.*)$", ics.replace("\r\n ", ""), re.M)
    _assert_all_on_8811([url.strip() for url in urls], "calendar")


def test_admin_link_in_the_participation_email_uses_the_configured_port(served_on_8811, complete_site, monkeypatch):
    monkeypatch.setattr("network.forms.ParticipationForm.min_fill_seconds", 0)
    served_on_8811.post(
        complete_site.german("network").url + "teilnehmen/",
        {
            "company": "Muster Metall GmbH",
            "contact_name": "Erika Muster",
            "email": "erika@muster-metall.example",
            "message": "Wir fräsen Aluminium.",
            "consent": "on",
            "homepage": "",
            "started": started_value(),
        },
    )
    [message] = mail.outbox
    _assert_all_on_8811(_absolute_urls(message.body), "participation e-mail")
