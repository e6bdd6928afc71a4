"""`manage.py purge_caches`: every cached page stale at once, as after a public event – the page
cache's token and every front cache – for a deploy whose templates or code changed what pages show
(`migrate` replaces the token only: it runs before the new code serves)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from pagecache import generation, tasks


class Command(BaseCommand):
    help = "Make every cached page stale: the page cache's token and a purge of every front cache, now."

    def handle(self, *args, **options):
        with transaction.atomic():
            generation.bump_generation()
        if not tasks.front_cache_configured():
            self.stdout.write("The page cache's token is replaced; no front cache is configured.")
            return
        try:
            # At once, not queued: an operator wants to know whether it worked.
            tasks.purge_caches.call(attempt=1)
        except tasks.PurgeFailed as error:
            raise CommandError(f"The front cache was not purged: {error}") from error
        self.stdout.write("The page cache's token is replaced and every front cache is purged.")
