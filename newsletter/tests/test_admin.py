"""Issues in the admin: editors compose, fill, preview and test; only moderators send, to the
confirmed subscribers of the issue's language and topics, through the task queue (the immediate
backend here); moderators see and erase subscribers."""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from editorial.roles import EDITORS, MODERATORS, TRANSLATORS
from home.tests.factories import translate_into_english
from network.models import BERLIN
from network.tests.factories import MeetingPageFactory
from news.tests.factories import NewsArticlePageFactory, NewsIndexPageFactory
from newsletter.models import Delivery, Issue, Subscriber

from .factories import IssueFactory, SubscriberFactory, bilingual_newsletter

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsletter():
    newsletter = bilingual_newsletter()
    call_command("setup_roles", verbosity=0)
    return newsletter


def _log_in(client, django_user_model, group_name):
    user = django_user_model.objects.create_user(
        f"user-{group_name}", f"{group_name.lower()}@bochum2015.example", "an-unguessable-password"
    )
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user, "django.contrib.auth.backends.ModelBackend")
    return user


def _url(name, *args):
    return reverse(f"newsletter_issues:{name}", args=args)


def _content(newsletter):
    news = NewsIndexPageFactory(parent=newsletter.tree.german_home, slug="aktuelles")
    old = NewsArticlePageFactory(parent=news, title="Alter Beitrag", date=datetime.date(2020, 1, 1))
    new = NewsArticlePageFactory(parent=news, title="Neuer Beitrag", date=datetime.date(2030, 1, 1))
    start = timezone.now().astimezone(BERLIN).replace(microsecond=0) + datetime.timedelta(days=10)
    meeting = MeetingPageFactory(parent=newsletter.network, title="Treffen im Test", start=start)
    return old, new, meeting


def test_editors_fill_an_issue_with_the_newest_news_and_next_events_and_preview_it(
    client, django_user_model, newsletter
):
    _old, new, meeting = _content(newsletter)
    _log_in(client, django_user_model, EDITORS)
    issue = IssueFactory(locale=newsletter.german.locale, subject="Neues im März")
    assert client.get(_url("index")).status_code == 200
    assert client.get(_url("edit", issue.pk)).status_code == 200
    client.post(_url("send", issue.pk), {"action": "prefill"})
    assert [item.page_id for item in issue.items.order_by("sort_order")][:1] == [new.pk]
    assert meeting.pk in set(issue.items.values_list("page_id", flat=True))

    html = client.get(_url("preview", issue.pk)).content.decode()
    assert '<html lang="de">' in html and "Neuer Beitrag" in html and "Treffen im Test" in html
    text = client.get(_url("preview", issue.pk), {"format": "text"}).content.decode()
    assert "Neuer Beitrag" in text and "<p>" not in text
    assert "Impressum" in text


def test_editors_send_a_test_to_themselves_without_anyone_else(client, django_user_model, newsletter):
    SubscriberFactory(locale=newsletter.german.locale)
    editor = _log_in(client, django_user_model, EDITORS)
    issue = IssueFactory(locale=newsletter.german.locale, subject="Neues im März")
    client.post(_url("send", issue.pk), {"action": "test"})
    [message] = mail.outbox
    assert message.to == [editor.email]
    assert message.subject == "[Test] Neues im März"
    assert "List-Unsubscribe" not in message.extra_headers
    assert Issue.objects.get(pk=issue.pk).status == "draft" and not Delivery.objects.exists()


def test_only_moderators_send_to_the_confirmed_subscribers_of_the_language_and_topics(
    client, django_user_model, newsletter, django_capture_on_commit_callbacks
):
    german = newsletter.german.locale
    everything = SubscriberFactory(locale=german, email="alles@test.example")
    sector = SubscriberFactory(
        locale=german,
        email="branche@test.example",
        all_news=False,
        sector_keys=[str(newsletter.sector.translation_key)],
    )
    SubscriberFactory(
        locale=german,
        email="netzwerk@test.example",
        all_news=False,
        network_keys=[str(newsletter.network.translation_key)],
    )
    SubscriberFactory(locale=german, email="offen@test.example", status="pending", confirmed_at=None)
    SubscriberFactory(locale=newsletter.english.locale, email="english@test.example")
    issue = IssueFactory(locale=german, subject="Gesundheit in Bochum")
    issue.sectors.add(newsletter.english_sector)  # the same topic in the other language

    _log_in(client, django_user_model, EDITORS)
    assert client.post(_url("send", issue.pk), {"action": "send"}).status_code in (302, 403)
    assert mail.outbox == [] and Issue.objects.get(pk=issue.pk).status == "draft"

    _log_in(client, django_user_model, MODERATORS)
    page = client.get(_url("send", issue.pk)).content.decode()
    assert "2" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("send", issue.pk), {"action": "send"})
    assert sorted(message.to[0] for message in mail.outbox) == sorted([everything.email, sector.email])
    for message in mail.outbox:
        assert message.subject == "Gesundheit in Bochum"
        assert message.from_email == "Bochum 2015 <noreply@example.org>"
        unsubscribe = message.extra_headers["List-Unsubscribe"]
        assert unsubscribe.startswith("<http://") and "/de/newsletter/abmelden/" in unsubscribe
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert unsubscribe.strip("<>") in message.body
        assert '<html lang="de">' in message.alternatives[0][0]
        assert "Impressum" in message.body
    issue.refresh_from_db()
    assert issue.status == "sent" and issue.sent_at is not None
    assert issue.progress()["sent"] == issue.progress()["total"] == 2
    assert "2 / 2" in client.get(_url("index")).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("send", issue.pk), {"action": "send"})
    assert len(mail.outbox) == 2
    assert client.get(_url("edit", issue.pk)).status_code == 302  # a sent issue is not edited


def test_moderators_see_and_erase_subscribers_and_editors_do_not(client, django_user_model, newsletter):
    subscriber = SubscriberFactory(locale=newsletter.german.locale, email="loeschen@test.example")
    index = reverse("newsletter_subscribers:index")
    _log_in(client, django_user_model, EDITORS)
    assert client.get(index).status_code == 302
    _log_in(client, django_user_model, TRANSLATORS)
    assert client.get(index).status_code == 302
    _log_in(client, django_user_model, MODERATORS)
    assert "loeschen@test.example" in client.get(index).content.decode()
    client.post(reverse("newsletter_subscribers:delete", args=[subscriber.pk]))
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_editors_compose_an_issue_from_chosen_pages_of_its_language(client, django_user_model, newsletter):
    _old, new, meeting = _content(newsletter)
    english_article = translate_into_english(new, title="New article", slug="new-article", teaser="A teaser.")
    _log_in(client, django_user_model, EDITORS)

    def compose(*pages):
        data = nested_form_data(
            {
                "subject": "Ausgabe im Test",
                "locale": newsletter.german.locale.pk,
                "intro": "Hallo.",
                "items": inline_formset([{"page": page.pk} for page in pages]),
            }
        )
        return client.post(_url("add"), {**data, "sectors": [newsletter.sector.pk]})

    refused = compose(english_article)
    assert refused.status_code == 200 and not Issue.objects.filter(subject="Ausgabe im Test").exists()
    assert compose(meeting, new).status_code == 302
    issue = Issue.objects.get(subject="Ausgabe im Test")
    assert [page.pk for page in issue.pages()] == [meeting.pk, new.pk]
    assert issue.topic_keys() == [str(newsletter.sector.translation_key)]
