import functools

from django.http import HttpResponse


@functools.lru_cache(maxsize=8)
def reference_page(size):
    """A constant HTML page of `size` bytes (also the static file of the front-cache rows)."""
    head = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Reference</title></head><body><p>'
    tail = "</p></body></html>"
    return head + "x" * max(size - len(head) - len(tail), 0) + tail


def bench_reference(request):
    """A constant page of the requested size through the whole middleware stack and no
    database: the ceiling `make bench` compares the pages with (only served when
    BENCH_REFERENCE_VIEW=1)."""
    try:
        size = min(int(request.GET.get("bytes", "")), 2_000_000)
    except ValueError:
        size = 20_000
    return HttpResponse(reference_page(size))
