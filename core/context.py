"""What pages hand to their templates."""

from django.utils.functional import SimpleLazyObject


def lazy(compute):
    """A context value computed when a template first uses it, once: inside a cached fragment
    ({% fragment_cache %}), only when the fragment is rendered, so a cached part costs no query."""
    return SimpleLazyObject(compute)
