"""An editor working on the stack's content, for the freshness test: run with the stack's
environment (`python -m tests.stack.editor SEED`), it reads one command a line on stdin and answers
one JSON line on stdout. Each action goes through Wagtail's own actions (publish, unpublish, move,
delete), as the admin's views do, and names the addresses it changed.

Commands: `act NAME` (publish, draft, create, unpublish, delete, move, snippet, translation: on a
page or snippet the editor picks at random, seeded), `act publish SLUG` (that German page), `tasks`
(purges queued so far, tasks unfinished)."""

import json
import os
import random
import re
import sys
import uuid

import django


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bochum2015.settings.stack")
    django.setup()


class Editor:
    def __init__(self, seed):
        from django.contrib.auth import get_user_model

        self.rng = random.Random(seed)  # noqa: S311 (a reproducible sequence, not a secret)
        self.user = get_user_model().objects.get(username="admin")
        self.counter = 0
        self.created = []

    def mark(self, title):
        self.counter += 1
        base = re.sub(r" · \d+$", "", title)
        return f"{base} · {self.counter}"

    @staticmethod
    def path(page):
        page.refresh_from_db()
        return page.get_url(None) if page.live else None

    def german_pages(self, *models):
        from wagtail.models import Locale

        german = Locale.objects.get(language_code="de")
        pages = []
        for model in models:
            pages += list(model.objects.filter(locale=german).exclude(pk__in=self.created).order_by("pk"))
        return pages

    def act(self, name, *slug):
        paths, publishes = getattr(self, name)(*slug)
        return {"action": name, "paths": sorted({path for path in paths if path}), "publishes": publishes}

    # The actions: each returns the addresses it touched and whether it is a public event.

    def publish(self, slug=None):
        from home.models import StandardPage
        from news.models import NewsArticlePage

        pages = self.german_pages(NewsArticlePage, StandardPage)
        page = next(p for p in pages if p.slug == slug) if slug else self.rng.choice(pages).specific
        before = self.path(page)
        page.title = self.mark(page.title)
        page.save_revision(user=self.user).publish(user=self.user)
        return [before, self.path(page)], True

    def draft(self):
        from home.models import StandardPage
        from news.models import NewsArticlePage

        page = self.rng.choice(self.german_pages(NewsArticlePage, StandardPage)).specific
        page.title = self.mark(page.title)
        page.save_revision(user=self.user)  # what the editor's autosave and "Save draft" do
        return [self.path(page)], False

    def create(self):
        import datetime

        from wagtail.rich_text import RichText

        from news.models import NewsArticlePage, NewsIndexPage

        index = NewsIndexPage.objects.get(locale__language_code="de")
        self.counter += 1
        title = f"Neuer Beitrag {self.counter}"
        page = NewsArticlePage(
            title=title,
            slug=f"neuer-beitrag-{uuid.uuid4().hex[:12]}",
            date=datetime.date.today(),
            teaser=f"Anreißer zu {title}.",
            body=[("paragraph", RichText(f"<p>Text zu {title}.</p>"))],
            live=False,
        )
        index.add_child(instance=page)
        page.save_revision(user=self.user).publish(user=self.user)
        self.created.append(page.pk)
        return [self.path(page), index.get_url(None)], True

    def unpublish(self):
        from wagtail.actions.unpublish_page import UnpublishPageAction

        from news.models import NewsArticlePage

        live = list(NewsArticlePage.objects.filter(pk__in=self.created, live=True))
        if not live:
            return self.create()
        page = self.rng.choice(live)
        before = self.path(page)
        UnpublishPageAction(page, user=self.user).execute()
        return [before], True

    def delete(self):
        from wagtail.actions.delete_page import DeletePageAction

        from news.models import NewsArticlePage

        pages = list(NewsArticlePage.objects.filter(pk__in=self.created))
        if not pages:
            return self.create()
        page = self.rng.choice(pages)
        before = page.get_url(None) if page.live else None
        DeletePageAction(page, user=self.user).execute()
        self.created.remove(page.pk)
        return [before], True

    def move(self):
        from wagtail.actions.move_page import MovePageAction

        from home.models import HomePage, StandardPage

        german = {"locale__language_code": "de"}
        about = StandardPage.objects.get(slug="ueber-uns", **german)
        imprint = StandardPage.objects.get(slug="impressum", **german)
        home = HomePage.objects.get(**german)
        before = self.path(imprint)
        target = home if imprint.get_parent().pk == about.pk else about
        MovePageAction(imprint, target, pos="last-child", user=self.user).execute()
        return [before, self.path(imprint)], True

    def snippet(self):
        from network.models import Company

        company = self.rng.choice(list(Company.objects.filter(locale__language_code="de").order_by("pk")))
        company.name = self.mark(company.name)
        company.save()
        return ["/de/unternehmen/", "/en/companies/"], True

    def translation(self):
        from news.models import NewsArticlePage

        pages = list(NewsArticlePage.objects.filter(locale__language_code="en", live=True).order_by("pk"))
        page = self.rng.choice(pages)
        page.title = self.mark(page.title)
        page.save_revision(user=self.user).publish(user=self.user)
        return [self.path(page)], True


def tasks():
    """The front-cache purges queued so far, and the tasks of any kind not finished yet."""
    from django_tasks_db.models import DBTaskResult

    return {
        "purges": DBTaskResult.objects.filter(task_path__endswith=".purge_caches").count(),
        "unfinished": DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).count(),
    }


def main():
    setup()
    editor = Editor(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    for line in sys.stdin:
        command, *rest = line.split()
        answer = editor.act(*rest) if command == "act" else tasks()
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
