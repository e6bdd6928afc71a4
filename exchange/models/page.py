"""The cooperation exchange's page of each language (`/de/kooperationsboerse/`,
`/en/cooperation-exchange/`) and its sub-routes: each public entry (`<id>-<slug>/`, cached like
a page), and, never cached, the form to post an entry, the confirmation and renewal links of the
e-mails and the form to answer an entry. Confirming and renewing take a click on a button
(POST): mail scanners that open every link in a message change nothing."""

import logging

from django.conf import settings
from django.core import signing
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path

from core.models import IntroBodyPage
from core.pagination import paginate
from core.routes import SIGNED_VALUE, RouteWords
from core.serving import default_locale
from localization.linked import in_locale
from network.models import Company, CompanyDirectoryPage, Competence
from network.models.competences import labels_in_locale, sort_key
from pagecache.events import public_change

from .. import tasks
from ..forms import AnswerForm, EntryPostForm, ExchangeFilterForm, answer_consent_wording, entry_consent_wording
from ..tokens import confirmed_entry_id, renewal
from .entries import Answer, Entry, client_hash

logger = logging.getLogger(__name__)

# The words of the addresses in each language.
WORDS = RouteWords(
    {
        "de": {
            "post": "eintragen",
            "sent": "gesendet",
            "confirm": "bestaetigen",
            "renew": "verlaengern",
            "answer": "antworten",
        },
        "en": {"post": "post", "sent": "sent", "confirm": "confirm", "renew": "renew", "answer": "answer"},
    }
)
_ENTRY = r"(?P<pk>[0-9]+)-(?P<slug>[-a-z0-9]+)"
# Companies with matching competences shown next to an entry.
MATCHING_COMPANIES = 6


def _rate_limited(form):
    form.add_error(
        None,
        gettext(
            "We have received several messages from you within the last hour. "
            "Please try again later or write to us directly."
        ),
    )
    return form


class ExchangeIndexPage(RoutablePageMixin, IntroBodyPage):
    """The public offers and requests, filterable by kind and theme (every combination its own
    address), and below it each entry's own address."""

    per_page = 20

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("cooperation exchange")

    # Addresses

    def _words(self):
        return WORDS.of(self.locale.language_code)

    def _check(self, step, word):
        WORDS.check(self.locale.language_code, step, word)

    def reverse_subpage(self, name, args=None, kwargs=None):
        """The steps' addresses in the page's language whoever asks (the e-mails name only the token)."""
        words, kwargs = self._words(), dict(kwargs or {})
        if name in ("exchange_post", "exchange_post_sent"):
            kwargs.setdefault("word", words["post"])
        if name == "exchange_post_sent":
            kwargs.setdefault("step", words["sent"])
        if name in ("exchange_confirm", "exchange_renew"):
            kwargs.setdefault("word", words[name.removeprefix("exchange_")])
        if name in ("exchange_answer", "exchange_answer_sent"):
            kwargs.setdefault("word", words["answer"])
        if name == "exchange_answer_sent":
            kwargs.setdefault("step", words["sent"])
        return super().reverse_subpage(name, args=args, kwargs=kwargs)

    def sub_url(self, request, name, **kwargs):
        return self.get_url(request) + self.reverse_subpage(name, kwargs=kwargs)

    def entry_url(self, entry, request=None):
        return self.sub_url(request, "exchange_entry", pk=entry.pk, slug=entry.slug)

    def post_url(self, request=None):
        return self.sub_url(request, "exchange_post")

    def _render(self, request, template, status=200, **context):
        response = self.render(request, listing=False, template=f"exchange/{template}.html", context_overrides=context)
        response.status_code = status
        return response

    # The list

    def public_entries(self):
        return Entry.objects.public().filter(page=self)

    def get_context(self, request, *args, entry=None, listing=True, **kwargs):
        """The list (with `listing`), one entry's page (with `entry`), or neither (the forms and steps)."""
        context = super().get_context(request, *args, **kwargs)
        context["post_url"] = self.post_url(request)
        if entry is not None:
            context.update(self.entry_context(request, entry))
        if entry is not None or not listing:
            return context
        form = ExchangeFilterForm(request.GET or None)
        entries = self.public_entries().order_by("-first_published_at", "-pk")
        if form.is_bound and not form.is_valid():
            # A choice that does not exist (an old or mistyped link): its error, and no list that ignores it.
            entries = entries.none()
        elif form.is_bound:
            for name in ("kind", "theme"):
                if form.cleaned_data[name]:
                    entries = entries.filter(**{name: form.cleaned_data[name]})
        page_obj = paginate(request, entries, self.per_page)
        base = self.get_url(request)
        items = list(page_obj.object_list)
        for entry in items:
            entry.url = base + self.reverse_subpage("exchange_entry", kwargs={"pk": entry.pk, "slug": entry.slug})
        filtered = any(request.GET.get(name) for name in ("kind", "theme"))
        context.update(filter_form=form, page_obj=page_obj, entries=items, filtered=filtered)
        return context

    # One entry

    def entry_context(self, request, entry):
        german = default_locale(request)
        labels = labels_in_locale(entry.competences.all(), self.locale)
        # The directory of the same site and language: a sibling below the same home page.
        directory = CompanyDirectoryPage.objects.live().sibling_of(self).first()
        company_url = ""
        if entry.company is not None and entry.company.live and directory is not None and entry.company.slug:
            company_url = directory.company_url(entry.company, request)
        # The entry's German competences, whether or not translated into the page's language.
        keys = entry.competences.values("translation_key")
        found = list(
            Company.objects.live()
            .filter(locale=german, competences__translation_key__in=keys)
            .exclude(pk=entry.company_id or 0)
            .annotate(shared=Count("competences"))
            .order_by("-shared", "name")[:MATCHING_COMPANIES]
        )
        matching = [
            {"company": shown, "url": directory.company_url(source, request) if directory and source.slug else ""}
            for source, shown in zip(found, in_locale(found, self.locale, Company.objects.live()), strict=True)
        ]
        entry_url = self.entry_url(entry, request)
        return {
            "entry": entry,
            "entry_url": entry_url,
            # An entry exists in its own language only: the switcher leads to the other home page.
            "language_urls": {self.locale.language_code: entry_url},
            "breadcrumb_title": entry.title,
            "competences": sorted(labels.values(), key=lambda label: label.sort_key),
            "company_url": company_url,
            "matching_companies": matching,
            "answer_url": self.sub_url(request, "exchange_answer", pk=entry.pk, slug=entry.slug),
        }

    def _public_entry(self, pk):
        entry = self.public_entries().select_related("company").filter(pk=pk).first()
        if entry is None:
            raise Http404
        return entry

    @re_path(rf"^{_ENTRY}/$", name="exchange_entry")
    def entry_page(self, request, pk, slug):
        entry = self._public_entry(pk)
        if slug != entry.slug:
            return redirect(self.entry_url(entry, request), permanent=True)
        return self.render(request, entry=entry, template="exchange/entry_page.html")

    # Posting an entry

    def post_form(self, request, data=None):
        german = default_locale(request)
        vocabulary = list(Competence.objects.filter(locale=german))
        labels = labels_in_locale(Competence.objects.filter(locale=german), self.locale)
        competences = sorted(
            ((str(c.pk), labels[c.translation_key].name) for c in vocabulary if c.translation_key in labels),
            key=lambda choice: sort_key(choice[1]),
        )
        companies = Company.objects.live().filter(locale=german).order_by("name").values_list("pk", "name")
        return EntryPostForm(data, competences=competences, companies=[(str(pk), name) for pk, name in companies])

    @re_path(rf"^(?P<word>{WORDS.pattern('post')})/$", name="exchange_post")
    @method_decorator(never_cache)
    def post_entry(self, request, word):
        """GET shows the form; POST stores the entry (not public) and e-mails the confirmation link."""
        self._check("post", word)
        if request.method != "POST":
            return self._render(request, "post_form_page", form=self.post_form(request))
        form = self.post_form(request, request.POST)
        sent_url = self.sub_url(request, "exchange_post_sent")
        if form.honeypot_filled():
            logger.info("Exchange form of page %s: honeypot filled, answered like a success", self.pk)
            return redirect(sent_url)
        if not form.is_valid():
            return self._render(request, "post_form_page", form=form)
        if form.sent_too_fast():
            # Perhaps a bot, perhaps a browser's autofill: stored all the same, since only the link
            # in the e-mail (which a person must open) brings the entry to the moderators.
            logger.info("Exchange form of page %s sent very fast", self.pk)
        client = client_hash(request)
        if Entry.objects.over_rate_limit(form.cleaned_data["email"], client):
            return self._render(request, "post_form_page", status=429, form=_rate_limited(form))
        self.store_entry(form.cleaned_data, client)
        return redirect(sent_url)

    def store_entry(self, data, client=""):
        now = timezone.now()
        company = Company.objects.live().filter(pk=data["company"]).first() if data["company"] else None
        entry = Entry.objects.create(
            page=self,
            locale=self.locale,
            kind=data["kind"],
            theme=data["theme"],
            title=data["title"],
            description=data["description"],
            company=company,
            company_name=data["company_name"],
            contact_name=data["contact_name"],
            email=data["email"],
            consent_text=str(entry_consent_wording()),
            consented_at=now,
            created_at=now,
            client_hash=client,
        )
        entry.competences.set([int(pk) for pk in data["competences"]])
        entry.save()
        tasks.send_after_commit(entry, "confirm")
        return entry

    @re_path(rf"^(?P<word>{WORDS.pattern('post')})/(?P<step>{WORDS.pattern('sent')})/$", name="exchange_post_sent")
    @method_decorator(never_cache)
    def post_sent(self, request, word, step):
        self._check("post", word)
        self._check("sent", step)
        return self._render(request, "post_sent")

    @re_path(rf"^(?P<word>{WORDS.pattern('confirm')})/(?P<token>{SIGNED_VALUE})/$", name="exchange_confirm")
    @method_decorator(never_cache)
    def confirm(self, request, word, token):
        """GET shows the button, POST confirms the address; confirming again changes nothing."""
        self._check("confirm", word)
        try:
            pk = confirmed_entry_id(token)
        except signing.SignatureExpired:
            return self._render(request, "link_invalid", status=400, state="expired")
        except (signing.BadSignature, ValueError, TypeError):
            return self._render(request, "link_invalid", status=400, state="invalid")
        entry = Entry.objects.filter(pk=pk, page=self).first()
        if entry is None:
            return self._render(request, "link_invalid", status=400, state="expired")
        if request.method == "POST" and entry.confirm_email():
            logger.info("Exchange entry %s confirmed, waiting for moderation", entry.pk)
            if not entry.live:
                tasks.notify_moderators_after_commit(entry)
            if entry.is_public():
                # A moderator published it before its poster confirmed: now cached lists show it.
                public_change()
        return self._render(request, "confirm", entry=entry)

    @re_path(rf"^(?P<word>{WORDS.pattern('renew')})/(?P<token>{SIGNED_VALUE})/$", name="exchange_renew")
    @method_decorator(never_cache)
    def renew(self, request, word, token):
        """GET shows the button, POST extends the entry by EXCHANGE_ENTRY_MONTHS; the same link
        again changes nothing."""
        self._check("renew", word)
        try:
            pk, expires = renewal(token)
        except signing.SignatureExpired:
            return self._render(request, "link_invalid", status=400, state="expired")
        except (signing.BadSignature, ValueError, TypeError):
            return self._render(request, "link_invalid", status=400, state="invalid")
        entry = Entry.objects.filter(pk=pk, page=self, live=True).first()
        if entry is None:
            return self._render(request, "link_invalid", status=400, state="expired")
        renewed = False
        if request.method == "POST":
            was_public = entry.is_public()
            renewed = entry.renew(expires)
            if renewed and not was_public:
                # Public again: cached lists must show it.
                public_change()
        pending = entry.expires_at is not None and int(entry.expires_at.timestamp()) == expires
        return self._render(
            request,
            "renew",
            entry=entry,
            pending=pending,
            renewed=renewed,
            entry_url=self.entry_url(entry, request),
            months=settings.EXCHANGE_ENTRY_MONTHS,
        )

    # Answering an entry

    @re_path(rf"^{_ENTRY}/(?P<word>{WORDS.pattern('answer')})/$", name="exchange_answer")
    @method_decorator(never_cache)
    def answer(self, request, pk, slug, word):
        """GET shows the form; POST stores the answer and relays it to the poster by e-mail."""
        self._check("answer", word)
        entry = self._public_entry(pk)
        context = {"entry": entry, "entry_url": self.entry_url(entry, request)}
        if request.method != "POST":
            return self._render(request, "answer_form_page", form=AnswerForm(), **context)
        form = AnswerForm(request.POST)
        sent_url = self.sub_url(request, "exchange_answer_sent", pk=entry.pk, slug=entry.slug)
        if form.honeypot_filled():
            logger.info("Exchange answer to entry %s: honeypot filled, answered like a success", entry.pk)
            return redirect(sent_url)
        if not form.is_valid():
            return self._render(request, "answer_form_page", form=form, **context)
        if form.sent_too_fast():
            # Perhaps a bot, perhaps a browser's autofill: the person sees why and sends it once more.
            return self._render(request, "answer_form_page", form=form.ask_once_more(), **context)
        client = client_hash(request)
        if Answer.objects.over_rate_limit(form.cleaned_data["email"], client):
            return self._render(request, "answer_form_page", status=429, form=_rate_limited(form), **context)
        data = form.cleaned_data
        now = timezone.now()
        answer = Answer.objects.create(
            entry=entry,
            name=data["name"],
            company=data["company"],
            email=data["email"],
            message=data["message"],
            consent_text=str(answer_consent_wording()),
            consented_at=now,
            created_at=now,
            client_hash=client,
        )
        tasks.relay_after_commit(answer)
        return redirect(sent_url)

    @re_path(
        rf"^{_ENTRY}/(?P<word>{WORDS.pattern('answer')})/(?P<step>{WORDS.pattern('sent')})/$",
        name="exchange_answer_sent",
    )
    @method_decorator(never_cache)
    def answer_sent(self, request, pk, slug, word, step):
        self._check("answer", word)
        self._check("sent", step)
        entry = self._public_entry(pk)
        return self._render(request, "answer_sent", entry=entry, entry_url=self.entry_url(entry, request))
