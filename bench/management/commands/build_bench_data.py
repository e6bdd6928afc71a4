"""The scale dataset of `make bench`, built with bulk inserts into an empty database.

Full size: 10,000 German news articles with English translations (20,000 article pages),
500 companies, 50 networks with 20 meetings and 2 projects each, spread over the focus
sectors, with tags and images. Pages are inserted in bulk with the tree paths treebeard would
give them (the tree passes `fixtree`'s checks at the end); English pages share their German
page's translation_key and are live, as a published wagtail-localize translation is (the
wagtail-localize bookkeeping of the demo content is not repeated 10,000 times).

Sections whose page types or snippets do not exist are left out, so the command runs at
every stage of the project. Refuses to run on a database that has more than the demo content."""

import datetime
import random
import time
import uuid

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

from demo.tools import ILLUSTRATION_NAMES, demo_image
from pagecache import events, generation

SIZES = {
    "full": {"articles": 10_000, "companies": 500, "networks": 50, "meetings": 20, "projects": 2, "images": 40},
    "small": {"articles": 600, "companies": 50, "networks": 5, "meetings": 4, "projects": 2, "images": 8},
}
BATCH = 1000
INDEX_CHUNK = 5000
WORDS_DE = [
    "Unternehmen",
    "Bochum",
    "Netzwerk",
    "Produktion",
    "Fachkräfte",
    "Innovation",
    "Automobil",
    "Zulieferer",
    "Maschinenbau",
    "Forschung",
    "Hochschule",
    "Wirtschaft",
    "Stadt",
    "Projekt",
    "Förderung",
    "Digitalisierung",
    "Fertigung",
    "Metall",
    "Logistik",
    "Region",
    "Ruhr",
    "Ausbildung",
    "Technologie",
    "Zukunft",
    "Standort",
    "Initiative",
    "Wachstum",
    "Treffen",
    "Partner",
    "Dienstleistung",
]
WORDS_EN = [
    "companies",
    "Bochum",
    "network",
    "production",
    "skills",
    "innovation",
    "automotive",
    "suppliers",
    "engineering",
    "research",
    "university",
    "economy",
    "city",
    "project",
    "funding",
    "digitalisation",
    "manufacturing",
    "metal",
    "logistics",
    "region",
    "Ruhr",
    "training",
    "technology",
    "future",
    "location",
    "initiative",
    "growth",
    "meeting",
    "partner",
    "services",
]


def model(label):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def sentence(rng, words, length=12):
    text = " ".join(rng.choice(words) for _ in range(length))
    return text[0].upper() + text[1:] + "."


def insert_rows(model_class, objects):
    """INSERT the model's own table rows (a page type's table below wagtailcore_page) in bulk."""
    fields = model_class._meta.local_concrete_fields
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 - names from the model
        quote(model_class._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    rows = [[field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields] for obj in objects]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


def with_tag_names(objects):
    """Give each news article in `objects` its tag_names() as a plain attribute, looked up for
    all of them in two queries: the tags linked to each article, shown in the article's locale
    and ordered as NewsTag's default ordering orders them."""
    Article, Tag = model("news.NewsArticlePage"), model("news.NewsTag")
    articles = [obj for obj in objects if Article is not None and isinstance(obj, Article)]
    if not articles:
        return
    keys = {}
    for article_id, key in (
        model("news.NewsArticleTag")
        .objects.filter(article_id__in=[a.pk for a in articles])
        .values_list("article_id", "tag__translation_key")
    ):
        keys.setdefault(article_id, set()).add(key)
    tags = {
        (tag.translation_key, tag.locale_id): tag
        for tag in Tag.objects.filter(
            translation_key__in={key for article_keys in keys.values() for key in article_keys}
        )
    }
    rank = {tag.pk: n for n, tag in enumerate(tags.values())}
    for article in articles:
        found = [tags[key, article.locale_id] for key in keys.get(article.pk, ()) if (key, article.locale_id) in tags]
        article.tag_names = " ".join(tag.name for tag in sorted(found, key=lambda tag: rank[tag.pk]))


def tree_problems():
    """What `manage.py fixtree` checks, in one query per page type instead of three queries per
    page: pages without their page type's row, then treebeard's find_problems() lists (ids with
    characters outside the alphabet, a bad path length, no parent, a wrong depth, a wrong
    numchild), in its order."""
    rows = list(Page.objects.order_by("path").values_list("pk", "path", "depth", "numchild", "content_type_id"))
    missing = []
    by_type = {}
    for pk, _path, _depth, _numchild, content_type_id in rows:
        by_type.setdefault(content_type_id, set()).add(pk)
    for content_type_id, pks in by_type.items():
        page_class = ContentType.objects.get_for_id(content_type_id).model_class()
        if page_class is not None and page_class is not Page:
            missing += pks - set(page_class.objects.filter(pk__in=pks).values_list("pk", flat=True))

    steplen, alphabet = Page.steplen, set(Page.alphabet)
    paths = {path for _pk, path, *_rest in rows}
    children = {}
    for _pk, path, *_rest in rows:
        if len(path) > steplen:
            children[path[:-steplen]] = children.get(path[:-steplen], 0) + 1
    evil_chars, bad_steplen, orphans, wrong_depth, wrong_numchild = [], [], [], [], []
    for pk, path, depth, numchild, _content_type_id in rows:
        if not set(path) <= alphabet:
            evil_chars.append(pk)
        elif len(path) % steplen:
            bad_steplen.append(pk)
        elif len(path) > steplen and path[:-steplen] not in paths:
            orphans.append(pk)
        elif depth != len(path) // steplen:
            wrong_depth.append(pk)
        elif children.get(path, 0) != numchild:
            wrong_numchild.append(pk)
    return sorted(missing), evil_chars, bad_steplen, orphans, wrong_depth, wrong_numchild


def add_pages(parent, pages):
    """Append unsaved page instances of one type as live children of `parent`: the base rows
    with bulk_create, the page type's rows with one INSERT per batch, paths as treebeard's
    add_child computes them."""
    if not pages:
        return pages
    page_class = type(pages[0])
    content_type = ContentType.objects.get_for_model(page_class)
    last_child = parent.get_last_child()
    step = Page._str2int(last_child.path[-Page.steplen :]) if last_child else 0
    now = timezone.now()
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    for number, page in enumerate(pages, start=step + 1):
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, number)
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type_id = content_type.pk
        page.locale_id = parent.locale_id
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
        page.draft_title = page.title
    base_rows = [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages]
    Page.objects.bulk_create(base_rows, batch_size=BATCH)
    for page, base in zip(pages, base_rows, strict=True):
        page.id = page.page_ptr_id = base.pk
    insert_rows(page_class, pages)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages


def translated_copies(pages, english_fields):
    """English versions of German page instances: same type and translation_key."""
    copies = []
    for page in pages:
        fields = {
            f.attname: getattr(page, f.attname)
            for f in type(page)._meta.concrete_fields
            if not f.primary_key and f.name not in ("page_ptr", "id")
        }
        copy = type(page)(**fields)
        for name, value in english_fields(page).items():
            setattr(copy, name, value)
        copies.append(copy)
    return copies


class Command(BaseCommand):
    help = "Build the scale dataset of `make bench` (in the benchmark database only)."

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=sorted(SIZES), default="full")

    def handle(self, *args, size, **options):
        self.sizes = SIZES[size]
        self.rng = random.Random(2015)  # noqa: S311 - repeatable test data
        self.started = time.monotonic()
        if Page.objects.count() > 2:
            raise CommandError("build_bench_data needs an empty database (the benchmark's own).")
        self.progress("loading the demo content")
        call_command("load_demo_content", "--no-users", verbosity=0)
        self.de = Locale.objects.get(language_code="de")
        self.en = Locale.objects.get(language_code="en")
        # One token bump at the end instead of one per row.
        events.disconnect_signals()
        try:
            with transaction.atomic():
                self.images = self.make_images()
                self.sectors = self.pages_by_locale("network.FocusSectorPage")
                self.companies = self.make_companies()
                self.networks = self.make_networks()
                self.make_meetings_and_projects()
                self.make_articles()
        finally:
            events.connect_signals()
        generation.bump_generation()
        self.check_tree()
        if model("news.SearchPage") or model("search.SearchPage"):
            self.build_search_index()
        # Fresh planner statistics and visibility maps, as autovacuum would make them some time
        # after a bulk load: without them PostgreSQL plans for empty tables and index-only scans
        # still read every row.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        self.progress(f"done: {Page.objects.count():,} pages")

    def progress(self, message):
        self.stdout.write(f"[{time.monotonic() - self.started:6.1f} s] {message}", ending="\n")
        self.stdout.flush()

    def pages_by_locale(self, label):
        page_class = model(label)
        if page_class is None:
            return {"de": [], "en": []}
        pages = page_class.objects.live().order_by("path")
        return {
            code: [p for p in pages if p.locale_id == locale.pk] for code, locale in (("de", self.de), ("en", self.en))
        }

    def parent(self, label, locale):
        page_class = model(label)
        return page_class.objects.live().get(locale=locale) if page_class else None

    def make_images(self):
        self.progress(f"{self.sizes['images']} images")
        return [
            demo_image(f"Benchmark-Bild {n + 1}", illustration=ILLUSTRATION_NAMES[n % len(ILLUSTRATION_NAMES)])
            for n in range(self.sizes["images"])
        ]

    def make_companies(self):
        Company = model("network.Company")
        if Company is None:
            return {"de": [], "en": []}
        count = self.sizes["companies"]
        self.progress(f"{count} companies in German and English")
        competences = self.make_competences()
        first = Company.objects.filter(locale=self.de).count()
        companies = {"de": [], "en": []}
        for code, locale, words in (("de", self.de, WORDS_DE), ("en", self.en, WORDS_EN)):
            rng = random.Random(2015)  # noqa: S311 - repeatable test data
            companies[code] = Company.objects.bulk_create(
                [
                    Company(
                        name=f"Bench {first + n + 1:04d} GmbH",
                        description=sentence(rng, words, 20),
                        city="Bochum",
                        locale=locale,
                        translation_key=uuid.uuid5(uuid.NAMESPACE_OID, f"bench-company-{first + n}"),
                        logo=self.images[n % len(self.images)],
                    )
                    for n in range(count)
                ],
                batch_size=BATCH,
            )
        german_sectors = self.sectors["de"]
        if german_sectors:
            through = Company.sectors.through
            through.objects.bulk_create(
                [
                    through(company_id=company.pk, focussectorpage_id=german_sectors[n % len(german_sectors)].pk)
                    for code in ("de", "en")
                    for n, company in enumerate(companies[code])
                ],
                batch_size=BATCH,
            )
        if competences:
            through = Company.competences.through
            through.objects.bulk_create(
                [
                    through(company_id=company.pk, competence_id=competences[(n + k) % len(competences)].pk)
                    for code in ("de", "en")
                    for n, company in enumerate(companies[code])
                    for k in range(3)
                ],
                batch_size=BATCH,
            )
        return companies

    def make_competences(self):
        """40 German competences in four groups, each with its English translation (the German
        ones returned: companies link to them)."""
        Competence = model("network.Competence")
        if Competence is None:
            return []
        groups = ["manufacturing", "materials", "engineering", "services"]
        german = []
        for n in range(40):
            key = uuid.uuid5(uuid.NAMESPACE_OID, f"bench-competence-{n}")
            competence, _ = Competence.objects.get_or_create(
                locale=self.de,
                translation_key=key,
                defaults={"name": f"Kompetenz {n}", "slug": f"kompetenz-{n}", "group": groups[n % len(groups)]},
            )
            Competence.objects.get_or_create(
                locale=self.en,
                translation_key=key,
                defaults={"name": f"Competence {n}", "slug": f"competence-{n}", "group": competence.group},
            )
            german.append(competence)
        return german

    def make_networks(self):
        NetworkPage = model("network.NetworkPage")
        count = self.sizes["networks"]
        self.progress(f"{count} networks in German and English")
        networks = {}
        first = NetworkPage.objects.filter(locale=self.de).count()
        german = add_pages(
            self.parent("network.NetworkIndexPage", self.de),
            [
                NetworkPage(
                    title=f"Netzwerk {first + n + 1}",
                    slug=f"netzwerk-{first + n + 1}",
                    intro=sentence(self.rng, WORDS_DE, 25),
                    translation_key=uuid.uuid4(),
                )
                for n in range(count)
            ],
        )
        networks["de"] = german
        networks["en"] = add_pages(
            self.parent("network.NetworkIndexPage", self.en),
            translated_copies(
                german,
                lambda p: {
                    "title": p.title.replace("Netzwerk", "Network"),
                    "slug": p.slug.replace("netzwerk", "network"),
                    "intro": sentence(self.rng, WORDS_EN, 25),
                },
            ),
        )
        self.link_networks(networks)
        return networks

    def link_networks(self, networks):
        """Sectors and member companies of each network, as editors would choose them (the
        German objects, shown in each page's own language)."""
        links = [
            ("network.NetworkSector", "sector_id", self.sectors["de"], 1),
            ("network.NetworkMember", "company_id", self.companies["de"], 10),
        ]
        for label, field, targets, per_network in links:
            link_model = model(label)
            if link_model is None or not targets:
                continue
            link_model.objects.bulk_create(
                [
                    link_model(
                        page_id=network.pk, sort_order=k, **{field: targets[(n * per_network + k) % len(targets)].pk}
                    )
                    for code in ("de", "en")
                    for n, network in enumerate(networks[code])
                    for k in range(per_network)
                ],
                batch_size=BATCH,
            )

    def make_meetings_and_projects(self):
        MeetingPage, ProjectPage = model("network.MeetingPage"), model("network.ProjectPage")
        if MeetingPage is None:
            return
        meetings, projects = self.sizes["meetings"], self.sizes["projects"]
        self.progress(f"{meetings} meetings and {projects} projects per network, in German and English")
        today = timezone.localdate()
        for german_network, english_network in zip(self.networks["de"], self.networks["en"], strict=True):
            german_meetings = []
            for n in range(meetings):
                day = today + datetime.timedelta(days=30 * (n - meetings // 2))
                start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(17, 0)))
                german_meetings.append(
                    MeetingPage(
                        title=f"{german_network.title}: Treffen {n + 1}",
                        slug=f"treffen-{n + 1}",
                        start=start,
                        end=start + datetime.timedelta(hours=2),
                        status="took_place" if day < today else "planned",
                        venue_name="Technologie-Zentrum Ruhr",
                        venue_address="Universitätsstraße 142, 44799 Bochum",
                        intro=sentence(self.rng, WORDS_DE, 20),
                        translation_key=uuid.uuid4(),
                    )
                )
            german_projects = [
                ProjectPage(
                    title=f"{german_network.title}: Projekt {n + 1}",
                    slug=f"projekt-{n + 1}",
                    intro=sentence(self.rng, WORDS_DE, 20),
                    translation_key=uuid.uuid4(),
                )
                for n in range(projects)
            ]
            for pages, replace in (
                (german_meetings, ("Treffen", "Meeting")),
                (german_projects, ("Projekt", "Project")),
            ):
                add_pages(german_network, pages)
                add_pages(
                    english_network,
                    translated_copies(
                        pages,
                        lambda p, replace=replace: {
                            "title": p.title.replace("Netzwerk", "Network").replace(*replace),
                            "slug": p.slug.replace(replace[0].lower(), replace[1].lower()),
                            "intro": sentence(self.rng, WORDS_EN, 20),
                        },
                    ),
                )

    def make_articles(self):
        Article = model("news.NewsArticlePage")
        if Article is None:
            return
        count = self.sizes["articles"]
        Tag = model("news.NewsTag")
        tags = {}
        for code, locale, prefix in (("de", self.de, "Thema"), ("en", self.en, "Topic")):
            tags[code] = [
                Tag.objects.get_or_create(
                    translation_key=uuid.uuid5(uuid.NAMESPACE_OID, f"bench-tag-{n}"),
                    locale=locale,
                    defaults={"name": f"{prefix} {n + 1}", "slug": f"{prefix.lower()}-{n + 1}"},
                )[0]
                for n in range(20)
            ]
        first = Article.objects.filter(locale=self.de).count()
        today = timezone.localdate()
        for code, locale, words, slug in (("de", self.de, WORDS_DE, "artikel"), ("en", self.en, WORDS_EN, "article")):
            self.progress(f"{count:,} articles ({code})")
            rng = random.Random(2015)  # noqa: S311 - the same choices in both languages
            index = self.parent("news.NewsIndexPage", locale)
            keys = [uuid.uuid5(uuid.NAMESPACE_OID, f"bench-article-{first + n}") for n in range(count)]
            for start in range(0, count, 2_000):
                pages = []
                for n in range(start, min(start + 2_000, count)):
                    image = self.images[n % len(self.images)]
                    pages.append(
                        Article(
                            title=sentence(rng, words, 6)[:-1],
                            slug=f"{slug}-{first + n + 1}",
                            date=today - datetime.timedelta(days=n // 3),
                            teaser=sentence(rng, words, 30),
                            lead_image_id=image.pk,
                            lead_image_alt=image.title,
                            body=[{"type": "paragraph", "value": f"<p>{sentence(rng, words, 80)}</p>"}] * 3,
                            translation_key=keys[n],
                        )
                    )
                add_pages(index, pages)
                self.link_articles(pages, tags["de"])
                self.progress(f"  {min(start + 2_000, count):,}")

    def link_articles(self, articles, tags):
        """Two tags, a sector and (every fifth) a network per article, pointing at the German
        objects as wagtail-localize copies them into translations."""
        links = [
            ("news.NewsArticleTag", "tag_id", tags, 2, 1),
            ("news.NewsArticleSector", "sector_id", self.sectors["de"], 1, 1),
            ("news.NewsArticleNetwork", "network_id", self.networks["de"], 1, 5),
        ]
        for label, field, targets, per_article, every in links:
            link_model = model(label)
            if link_model is None or not targets:
                continue
            link_model.objects.bulk_create(
                [
                    link_model(article_id=article.pk, sort_order=k, **{field: targets[(n + k * 7) % len(targets)].pk})
                    for n, article in enumerate(articles)
                    if n % every == 0
                    for k in range(per_article)
                ],
                batch_size=BATCH,
            )

    def build_search_index(self):
        """What `update_index` writes, in a fraction of its time: every backend of
        WAGTAILSEARCH_BACKENDS writes the same rows of the one index table (each object with its
        own language's configuration, search/backend.py), so one pass through the default
        backend suffices where update_index makes one per backend; large chunks; and the tag
        names of articles looked up for a whole chunk at once (the indexer asks for them three
        times per article, two queries each)."""
        backend = get_search_backend("default")
        indexes = {}
        for indexed_model in get_indexed_models():
            index = backend.get_index_for_model(indexed_model)
            indexes.setdefault(index.get_key(), (index, []))[1].append(indexed_model)
        for index, models in indexes.values():
            rebuilder = backend.rebuilder_class(index)
            index = rebuilder.start()
            for indexed_model in models:
                index.add_model(indexed_model)
            for indexed_model in models:
                objects = indexed_model.get_indexed_objects().order_by("pk")
                count = objects.count()
                if count > INDEX_CHUNK:
                    self.progress(f"search index: {count:,} {indexed_model._meta.label}")
                last_pk = None
                while True:
                    chunk = list((objects if last_pk is None else objects.filter(pk__gt=last_pk))[:INDEX_CHUNK])
                    if not chunk:
                        break
                    with_tag_names(chunk)
                    index.add_items(indexed_model, chunk)
                    last_pk = chunk[-1].pk
            rebuilder.finish()
        self.progress("search index built")

    def check_tree(self):
        problems = tree_problems()
        if any(problems):
            raise CommandError(
                "The page tree has problems (missing page type rows, bad alphabet, path, orphans, depth, "
                f"numchild): {problems}"
            )
        self.progress("page tree checked: no problems (as `manage.py fixtree` checks)")
