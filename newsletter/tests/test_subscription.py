"""Subscribing, confirming and unsubscribing on the newsletter pages (locmem e-mail backend)."""

import re
import time
from datetime import timedelta
from unittest import mock

import pytest

from django.core import mail, signing
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from home.models import HomePage
from home.tests.page_types import PageTypeTestCase
from newsletter.forms import _SIGNING_SALT
from newsletter.models import NewsletterPage, Subscriber

from .factories import SubscriberFactory, bilingual_newsletter

pytestmark = pytest.mark.django_db

# The button of a confirm or unsubscribe page (the menu has a button too).
SUBMIT = '<button class="button" type="submit">'
GERMAN_FORM, ENGLISH_FORM = "/de/newsletter/abonnieren/", "/en/newsletter/subscribe/"


@pytest.fixture
def newsletter():
    return bilingual_newsletter()


def _form(email="erika@muster-metall.example", **fields):
    return {
        "email": email,
        "consent": "on",
        "homepage": "",
        "started": signing.dumps(time.time() - 30, salt=_SIGNING_SALT),
        **fields,
    }


def _link(message, pattern):
    return re.sub(r"^https?://[^/]+", "", re.search(pattern, message.body).group(0))


def test_each_language_page_links_to_its_form_which_is_never_cached(client, newsletter):
    assert GERMAN_FORM in client.get("/de/newsletter/").content.decode()
    assert ENGLISH_FORM in client.get("/en/newsletter/").content.decode()
    german = client.get(GERMAN_FORM)
    english = client.get(ENGLISH_FORM)
    assert "Gesundheitswirtschaft" in german.content.decode()
    assert "Health economy" in english.content.decode() and "Gesundheitswirtschaft" not in english.content.decode()
    for response in (german, english):
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert client.get("/de/newsletter/subscribe/").status_code == 404


def test_subscribing_stores_the_request_then_mails_the_confirmation_link_in_the_language(client, newsletter):
    response = client.post(ENGLISH_FORM, _form(sectors=[str(newsletter.english_sector.translation_key)]))
    assert response.status_code == 302
    assert response["Location"] == "/en/newsletter/subscribe/sent/"
    subscriber = Subscriber.objects.get(email="erika@muster-metall.example")
    assert subscriber.status == "pending"
    assert subscriber.locale.language_code == "en"
    assert subscriber.sector_keys == [str(newsletter.sector.translation_key)]
    assert not subscriber.all_news and subscriber.consent_text.startswith("I agree")

    [message] = mail.outbox
    assert message.to == ["erika@muster-metall.example"]
    assert message.from_email == "Bochum 2015 <noreply@example.org>"
    assert message.subject == "Please confirm your newsletter subscription"
    html = message.alternatives[0][0]
    assert '<html lang="en">' in html
    assert "Legal notice" in message.body and "/en/legal-notice/" in message.body
    assert re.search(r"/en/newsletter/confirm/\S+/", message.body)
    assert "Please check your inbox" in client.get(response["Location"]).content.decode()


def test_the_link_in_the_e_mail_confirms_with_a_button_and_a_second_click_changes_nothing(client, newsletter):
    client.post(GERMAN_FORM, _form(all_news="on"))
    path = _link(mail.outbox[0], r"https?://\S+/de/newsletter/bestaetigen/\S+/")
    assert SUBMIT in client.get(path).content.decode()
    assert Subscriber.objects.get().status == "pending"

    confirmed = client.post(path)
    assert confirmed.status_code == 200 and SUBMIT not in confirmed.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == "confirmed"
    first_confirmation = subscriber.confirmed_at
    assert client.post(path).status_code == 200
    assert Subscriber.objects.get().confirmed_at == first_confirmation


def test_an_expired_or_broken_link_confirms_nothing(client, newsletter):
    client.post(GERMAN_FORM, _form(all_news="on"))
    path = _link(mail.outbox[0], r"https?://\S+/de/newsletter/bestaetigen/\S+/")
    with override_settings(NEWSLETTER_CONFIRM_HOURS=0):
        assert client.post(path).status_code == 400
    assert client.post(path[:-8] + "x/").status_code == 400
    assert Subscriber.objects.get().status == "pending"


def test_a_filled_honeypot_is_answered_like_a_success_and_stores_nothing(client, newsletter):
    response = client.post(GERMAN_FORM, _form(all_news="on", homepage="http://spam.example"))
    assert response.status_code == 302
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_a_form_sent_very_fast_is_stored_all_the_same(client, newsletter):
    client.post(GERMAN_FORM, _form(all_news="on", started=signing.dumps(time.time(), salt=_SIGNING_SALT)))
    assert Subscriber.objects.get().status == "pending"
    assert len(mail.outbox) == 1


def test_a_subscription_needs_a_topic_and_the_consent(client, newsletter):
    response = client.post(GERMAN_FORM, {**_form(), "consent": ""})
    text = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in text
    assert not Subscriber.objects.exists()


def test_the_answer_is_the_same_for_a_subscribed_address_whose_new_topics_wait_for_confirmation(client, newsletter):
    subscriber = SubscriberFactory(email="erika@muster-metall.example", locale=newsletter.german.locale, all_news=True)
    response = client.post(GERMAN_FORM, _form(networks=[str(newsletter.network.translation_key)]))
    assert response["Location"] == "/de/newsletter/abonnieren/gesendet/"
    subscriber.refresh_from_db()
    assert subscriber.all_news and subscriber.network_keys == []
    [message] = mail.outbox
    path = _link(message, r"https?://\S+/de/newsletter/bestaetigen/\S+/")
    client.post(path)
    subscriber.refresh_from_db()
    assert not subscriber.all_news
    assert subscriber.network_keys == [str(newsletter.network.translation_key)]
    assert subscriber.requested is None


def test_more_than_five_requests_an_hour_get_a_polite_refusal(client, newsletter):
    for _ in range(5):
        assert client.post(GERMAN_FORM, _form(all_news="on")).status_code == 302
    refused = client.post(GERMAN_FORM, _form(all_news="on"))
    assert refused.status_code == 429
    assert 'role="alert"' in refused.content.decode()


def test_a_failing_mail_server_loses_no_subscription(client, newsletter):
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=ConnectionRefusedError):
        response = client.post(GERMAN_FORM, _form(all_news="on"))
    assert response.status_code == 302
    assert Subscriber.objects.get().email == "erika@muster-metall.example"


def test_unsubscribe_shows_a_button_and_a_one_click_post_without_cookie_or_token_deletes_the_address(newsletter):
    from newsletter.emails import unsubscribe_url

    subscriber = SubscriberFactory(locale=newsletter.english.locale)
    path = re.sub(r"^https?://[^/]+", "", unsubscribe_url(newsletter.english, subscriber))
    assert path.startswith("/en/newsletter/unsubscribe/")
    mail_program = Client(enforce_csrf_checks=True)
    page = mail_program.get(path)
    assert page.status_code == 200 and SUBMIT in page.content.decode()
    assert "no-store" in page["Cache-Control"] or "no-cache" in page["Cache-Control"]
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()

    response = mail_program.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
    assert mail_program.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert mail_program.get(path).status_code == 200
    assert mail_program.get(path.replace("/unsubscribe/", "/abmelden/")).status_code == 404
    assert mail_program.post("/en/newsletter/unsubscribe/broken/token/").status_code == 400


def test_unconfirmed_subscriptions_and_changes_expire(newsletter):
    old = timezone.now() - timedelta(hours=49)
    locale = newsletter.german.locale
    expired = SubscriberFactory(locale=locale, status="pending", confirmed_at=None, requested_at=old)
    fresh = SubscriberFactory(locale=locale, status="pending", confirmed_at=None)
    changed = SubscriberFactory(locale=locale, requested={"all_news": False}, requested_at=old)
    call_command("delete_unconfirmed_newsletter_subscriptions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not Subscriber.objects.filter(pk=expired.pk).exists()
    assert Subscriber.objects.filter(pk=fresh.pk).exists()
    changed.refresh_from_db()
    assert changed.requested is None and changed.status == "confirmed"


class NewsletterPageTypeTest(PageTypeTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.newsletter = bilingual_newsletter()
        cls.tree = cls.newsletter.tree

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(NewsletterPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsletterPage, set())
        self.assertFalse(NewsletterPage.can_create_at(self.tree.german_home))  # one per language

    def test_german_page_and_its_form(self):
        self.assertGermanPageWorks(self.newsletter.german)
        self.assertPageIsRoutable(self.newsletter.german, "/abonnieren/")
        self.assertPageIsRenderable(self.newsletter.german, "/abonnieren/")

    def test_english_page_and_its_form(self):
        self.assertEnglishPageWorks(self.newsletter.english)
        self.assertPageIsRoutable(self.newsletter.english, "/subscribe/")
        self.assertPageIsRenderable(self.newsletter.english, "/subscribe/")
