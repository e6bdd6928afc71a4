"""The cooperation exchange as visitors, posters and moderators use it, in both languages:
posting with double opt-in, moderation, expiry and renewal, answers relayed, spam traps, rate
limits, retention, and the queries of the list and the entry pages."""

import datetime
import re
import time

import pytest

from django.core import mail, signing
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from exchange.forms import _ANSWER_SALT, _POST_SALT
from exchange.models import Answer, Entry
from network.tests.factories import CompanyDirectoryPageFactory, CompanyFactory, CompetenceFactory

from .factories import AnswerFactory, EntryFactory

pytestmark = pytest.mark.django_db

POSTER = "erika@muster-metall.example"
ANSWERER = "max@beispiel.example"
GERMAN_WORDS = ["Kooperationsbörse", "Angebot", "Gesuch", "Eintrag", "Unternehmen", "Antworten", "Datenschutz"]


def _post_data(**changes):
    data = {
        "kind": "request",
        "theme": "production",
        "title": "Partner für Laserschneiden gesucht",
        "description": "Wir suchen einen Partner für Kleinserien.",
        "company_name": "Muster Metall GmbH",
        "company": "",
        "contact_name": "Erika Muster",
        "email": POSTER,
        "consent": "on",
        "homepage": "",
        "started": signing.dumps(time.time() - 60, salt=_POST_SALT),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _answer_data(**changes):
    data = {
        "name": "Max Beispiel",
        "company": "Beispiel AG",
        "email": ANSWERER,
        "message": "Wir schneiden Bleche bis 20 mm und hätten Kapazität.",
        "consent": "on",
        "homepage": "",
        "started": signing.dumps(time.time() - 60, salt=_ANSWER_SALT),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _link(message, word):
    url = re.search(rf"https?://\S+/{word}/\S+/", message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def _publish(entry):
    entry.save_revision().publish()
    entry.refresh_from_db()
    return entry


def test_posting_confirming_and_approving_an_entry_end_to_end(
    client, exchange_tree, django_capture_on_commit_callbacks
):
    page = exchange_tree.german
    form = client.get(f"{page.url}eintragen/")
    assert form.status_code == 200
    assert "no-store" in form["Cache-Control"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{page.url}eintragen/", _post_data())
    assert response.status_code == 302
    assert response["Location"] == f"{page.url}eintragen/gesendet/"
    entry = Entry.objects.get(email=POSTER)
    assert not entry.live
    assert entry.email_confirmed_at is None
    assert entry.page_id == page.pk
    assert entry.consent_text and entry.consented_at
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [POSTER]
    assert "Partner für Laserschneiden gesucht" in message.subject
    link = _link(message, "bestaetigen")

    # A mail scanner's GET confirms nothing; the button's POST does, once.
    assert client.get(link).status_code == 200
    assert Entry.objects.get(pk=entry.pk).email_confirmed_at is None
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(link).status_code == 200
    confirmed_at = Entry.objects.get(pk=entry.pk).email_confirmed_at
    assert confirmed_at is not None
    # The initiative is told, without the poster's data.
    notice = mail.outbox[-1]
    assert notice.to == ["info@example.org"]
    assert f"/admin/snippets/exchange/entry/edit/{entry.pk}/" in notice.body
    assert POSTER not in notice.body
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(link).status_code == 200
    assert len(mail.outbox) == 2  # confirming again tells nobody again
    assert Entry.objects.get(pk=entry.pk).email_confirmed_at == confirmed_at
    assert list(Entry.objects.waiting_for_moderation()) == [entry]

    # Not public before a moderator approves it.
    assert "Partner für Laserschneiden" not in client.get(page.url).content.decode()
    assert client.get(f"{page.url}{entry.pk}-{entry.slug}/").status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        entry = _publish(Entry.objects.get(pk=entry.pk))
    assert entry.expires_at > timezone.now() + datetime.timedelta(days=150)
    assert mail.outbox[-1].to == [POSTER]
    assert f"{page.url}{entry.pk}-{entry.slug}/" in mail.outbox[-1].body
    listing = client.get(page.url).content.decode()
    assert "Partner für Laserschneiden gesucht" in listing
    detail = client.get(f"{page.url}{entry.pk}-{entry.slug}/")
    assert detail.status_code == 200
    assert "Muster Metall GmbH" in detail.content.decode()


def test_field_errors_keep_what_was_typed(client, exchange_tree):
    response = client.post(f"{exchange_tree.german.url}eintragen/", _post_data(email="kein-mail", consent=None))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Partner für Laserschneiden gesucht"' in html
    assert "Wir suchen einen Partner für Kleinserien." in html
    assert 'id="exchange-errors"' in html
    assert not Entry.objects.filter(page=exchange_tree.german).exists()
    assert not mail.outbox


def test_a_filled_in_honeypot_stores_nothing_and_looks_like_success(client, exchange_tree):
    response = client.post(f"{exchange_tree.english.url}post/", _post_data(homepage="http://spam.example"))
    assert response.status_code == 302
    assert response["Location"].endswith("/post/sent/")
    assert not Entry.objects.filter(page=exchange_tree.english).exists()
    assert not mail.outbox


def test_a_form_sent_very_fast_is_stored_all_the_same(client, exchange_tree, django_capture_on_commit_callbacks):
    fast = signing.dumps(time.time(), salt=_POST_SALT)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{exchange_tree.german.url}eintragen/", _post_data(started=fast))
    assert response.status_code == 302
    assert Entry.objects.filter(email=POSTER).count() == 1
    assert len(mail.outbox) == 1


def test_rate_limit_per_email_address(client, exchange_tree):
    for _ in range(5):
        assert client.post(f"{exchange_tree.german.url}eintragen/", _post_data()).status_code == 302
    response = client.post(f"{exchange_tree.german.url}eintragen/", _post_data())
    assert response.status_code == 429
    assert Entry.objects.filter(page=exchange_tree.german).count() == 5


def test_company_from_the_directory_is_linked_and_matching_companies_are_shown(client, exchange_tree):
    tree = exchange_tree.site_tree
    CompanyDirectoryPageFactory(parent=tree.german_home, title="Unternehmen", slug="unternehmen")
    laser = CompetenceFactory(name="Laserschneiden")
    poster = CompanyFactory(name="Muster Metall GmbH")
    match = CompanyFactory(name="Laserwerk Linden GmbH")
    draft = CompanyFactory(name="Noch-nicht-freigegeben GmbH")
    for company in (poster, match, draft):
        company.competences.set([laser])
        company.save()
    type(draft).objects.filter(pk=draft.pk).update(live=False)  # waiting for moderation in the directory
    CompanyFactory(name="Fremdfirma GmbH")
    page = exchange_tree.german
    client.post(f"{page.url}eintragen/", _post_data(company=str(poster.pk), competences=[str(laser.pk)]))
    entry = Entry.objects.get(email=POSTER)
    assert entry.company == poster
    assert list(entry.competences.all()) == [laser]
    entry.confirm_email()
    entry = _publish(entry)
    html = client.get(f"{page.url}{entry.pk}-{entry.slug}/").content.decode()
    assert '<a href="/de/unternehmen/muster-metall-gmbh/">Muster Metall GmbH</a>' in html
    assert '<a href="/de/unternehmen/laserwerk-linden-gmbh/">Laserwerk Linden GmbH</a>' in html
    assert "Fremdfirma" not in html
    assert "Noch-nicht-freigegeben" not in html
    assert "Laserschneiden" in html


def test_expired_entries_disappear_and_renewal_extends_them_once(
    client, exchange_tree, django_capture_on_commit_callbacks
):
    page = exchange_tree.english
    soon = EntryFactory(page=page, title="Sales partner wanted", email=POSTER)
    soon.expires_at = timezone.now() + datetime.timedelta(days=5)
    soon.save()
    gone = EntryFactory(page=page, title="Old offer", expires_at=timezone.now() - datetime.timedelta(days=1))
    listing = client.get(page.url).content.decode()
    assert "Sales partner wanted" in listing
    assert "Old offer" not in listing
    assert client.get(f"{page.url}{gone.pk}-{gone.slug}/").status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_exchange_renewals", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [message.to for message in mail.outbox] == [[POSTER]]
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_exchange_renewals", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1  # once per period
    link = _link(mail.outbox[0], "renew")
    old_end = Entry.objects.get(pk=soon.pk).expires_at
    assert client.get(link).status_code == 200
    assert Entry.objects.get(pk=soon.pk).expires_at == old_end  # a GET renews nothing
    assert client.post(link).status_code == 200
    renewed = Entry.objects.get(pk=soon.pk)
    assert renewed.expires_at > old_end + datetime.timedelta(days=150)
    assert renewed.renewal_sent_at is None
    assert client.post(link).status_code == 200
    assert Entry.objects.get(pk=soon.pk).expires_at == renewed.expires_at  # the same link again: no change


def test_an_answer_is_relayed_to_the_poster_whose_address_is_never_shown(
    client, exchange_tree, django_capture_on_commit_callbacks
):
    page = exchange_tree.german
    entry = EntryFactory(page=page, title="Freie Fräskapazität", email=POSTER)
    entry_url = f"{page.url}{entry.pk}-{entry.slug}/"
    responses = [client.get(page.url), client.get(entry_url), client.get(f"{entry_url}antworten/")]
    # The list and the entry are cached like pages; the form is the visitor's own (CSRF token).
    assert "public" in responses[0]["Cache-Control"] and "public" in responses[1]["Cache-Control"]
    assert "no-store" in responses[2]["Cache-Control"]
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(f"{entry_url}antworten/", _answer_data())
    assert sent.status_code == 302
    responses.append(client.get(sent["Location"]))
    for response in responses:
        assert response.status_code == 200
        assert POSTER not in response.content.decode()
        assert "muster-metall" not in response.content.decode()
    answer = Answer.objects.get()
    assert answer.relayed_at is not None
    to_poster, to_answerer = mail.outbox
    assert to_poster.to == [POSTER]
    assert to_poster.reply_to == [ANSWERER]
    assert "Wir schneiden Bleche bis 20 mm" in to_poster.body
    assert to_answerer.to == [ANSWERER]
    assert POSTER not in to_answerer.body
    assert POSTER not in to_answerer.alternatives[0][0]
    assert "Wir schneiden Bleche" not in to_answerer.body  # no free text of the answerer in the copy


def test_an_answer_sent_very_fast_is_shown_again_and_sent_once_more(client, exchange_tree):
    entry = EntryFactory(page=exchange_tree.english, title="Training partner")
    url = f"{exchange_tree.english.url}{entry.pk}-{entry.slug}/answer/"
    fast = signing.dumps(time.time(), salt=_ANSWER_SALT)
    again = client.post(url, _answer_data(started=fast))
    html = again.content.decode()
    assert again.status_code == 200
    assert "has not been sent yet" in html
    assert "Wir schneiden Bleche bis 20 mm" in html
    assert not Answer.objects.exists()
    confirmed = re.search(r'name="confirmed" value="([^"]+)"', html).group(1)
    response = client.post(url, _answer_data(started=fast, confirmed=confirmed))
    assert response.status_code == 302
    assert Answer.objects.count() == 1


def test_answers_honeypot_and_rate_limit(client, exchange_tree):
    entry = EntryFactory(page=exchange_tree.german)
    url = f"{exchange_tree.german.url}{entry.pk}-{entry.slug}/antworten/"
    assert client.post(url, _answer_data(homepage="x")).status_code == 302
    assert not Answer.objects.exists()
    for _ in range(5):
        assert client.post(url, _answer_data()).status_code == 302
    assert client.post(url, _answer_data()).status_code == 429
    assert Answer.objects.count() == 5


def test_entries_of_one_page_only_and_filters_each_with_its_own_address(client, exchange_tree):
    german, english = exchange_tree.german, exchange_tree.english
    EntryFactory(page=german, title="Vertriebspartner gesucht", kind="request", theme="sales")
    EntryFactory(page=german, title="Ausbildungsplätze im Verbund", kind="offer", theme="training")
    EntryFactory(page=english, title="Marketing cooperation", kind="offer", theme="marketing")
    html = client.get(f"{german.url}?kind=request&theme=sales").content.decode()
    assert "Vertriebspartner gesucht" in html
    assert "Ausbildungsplätze" not in html
    assert "Marketing cooperation" not in html
    assert "Ausbildungsplätze" in client.get(f"{german.url}?kind=offer").content.decode()
    assert "filter-form__reset" in html
    assert "filter-form__reset" not in client.get(f"{german.url}?page=1").content.decode()  # no filter: no reset
    bad = client.get(f"{german.url}?theme=nonsense").content.decode()
    assert "Vertriebspartner" not in bad
    english_html = client.get(english.url).content.decode()
    assert "Marketing cooperation" in english_html
    assert "Vertriebspartner" not in english_html


def test_english_pages_have_no_german_words(client, exchange_tree):
    page = exchange_tree.english
    entry = EntryFactory(page=page, title="Production capacity free", description="Two milling centres.")
    urls = [
        page.url,
        f"{page.url}{entry.pk}-{entry.slug}/",
        f"{page.url}post/",
        f"{page.url}{entry.pk}-{entry.slug}/answer/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="en">' in html
        for word in GERMAN_WORDS:
            assert word not in html, (url, word)


@pytest.mark.parametrize("language", ["de", "en"])
def test_list_and_entry_pages_cost_the_same_queries_for_one_and_ten_entries(client, exchange_tree, language):
    page = exchange_tree.german if language == "de" else exchange_tree.english
    laser, milling = CompetenceFactory(name="Laserschneiden"), CompetenceFactory(name="Fräsen")
    for number in range(3):
        company = CompanyFactory(name=f"Passend {number} GmbH")
        company.competences.set([laser, milling])
        company.save()

    def counted(url):
        cache.clear()  # rendered afresh, not the page cache's copy
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    first = EntryFactory(page=page, competences=[laser, milling])
    entry_url = f"{page.url}{first.pk}-{first.slug}/"
    client.get(page.url)  # the site's data, read once per content change
    one = (counted(page.url), counted(entry_url))
    assert "Passend 2 GmbH" in client.get(entry_url).content.decode()
    for _ in range(9):
        EntryFactory(page=page, competences=[laser])
    ten = (counted(page.url), counted(entry_url))
    assert one == ten


def test_retention_deletes_expired_and_unconfirmed_entries_and_old_answers(exchange_tree):
    page = exchange_tree.german
    long_ago = timezone.now() - datetime.timedelta(days=40)
    expired = EntryFactory(page=page, expires_at=long_ago)
    unconfirmed = EntryFactory(page=page, pending=True, created_at=long_ago)
    current = EntryFactory(page=page)
    AnswerFactory(entry=expired)
    old_answer = AnswerFactory(entry=current, created_at=long_ago)
    new_answer = AnswerFactory(entry=current)
    call_command("delete_old_exchange_entries", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(Entry.objects.filter(page=page)) == [current]
    assert list(Answer.objects.filter(entry__page=page)) == [new_answer]
    assert not Entry.objects.filter(pk__in=[expired.pk, unconfirmed.pk]).exists()
    assert not Answer.objects.filter(pk=old_answer.pk).exists()


def test_the_sitemap_lists_public_entries_in_their_language(client, exchange_tree):
    german = EntryFactory(page=exchange_tree.german, title="Vertriebspartner gesucht")
    english = EntryFactory(page=exchange_tree.english, title="Marketing partner")
    hidden = EntryFactory(page=exchange_tree.german, title="Noch nicht frei", pending=True)
    assert "http://testserver/sitemap-exchange.xml" in client.get("/sitemap.xml").content.decode()
    xml = client.get("/sitemap-exchange.xml").content.decode()
    german_url = f"http://testserver/de/kooperationsboerse/{german.pk}-{german.slug}/"
    english_url = f"http://testserver/en/cooperation-exchange/{english.pk}-{english.slug}/"
    assert f"<loc>{german_url}</loc>" in xml
    assert f"<loc>{english_url}</loc>" in xml
    assert f"/{hidden.pk}-" not in xml
    for url in (german_url, english_url):
        assert client.get(url.removeprefix("http://testserver")).status_code == 200


def test_each_page_answers_only_at_the_words_of_its_language(client, exchange_tree):
    entry = EntryFactory(page=exchange_tree.german)
    german, english = exchange_tree.german.url, exchange_tree.english.url
    assert client.get(f"{german}eintragen/").status_code == 200
    assert client.get(f"{german}post/").status_code == 404
    assert client.get(f"{english}eintragen/").status_code == 404
    assert client.get(f"{german}{entry.pk}-{entry.slug}/answer/").status_code == 404
    assert client.get(f"{english}{entry.pk}-{entry.slug}/").status_code == 404  # a German entry
    wrong_slug = client.get(f"{german}{entry.pk}-anders/")
    assert wrong_slug.status_code == 301
    assert wrong_slug["Location"] == f"{german}{entry.pk}-{entry.slug}/"
