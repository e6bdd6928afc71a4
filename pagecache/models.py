from django.db import models
from django.utils.translation import gettext_lazy as _


class CacheGeneration(models.Model):
    """A single row whose token is part of every page and fragment cache key (pagecache.cache).

    Every content change replaces the token in the same transaction as the change, so every
    cached page becomes stale at once and for every process."""

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("cache generation")

    def __str__(self):
        return self.token
