from django.core.paginator import Paginator
from django.db.models import QuerySet

# Page links around the current page and at either end; the rest is an ellipsis. Ten thousand
# articles are a thousand pages: linking each one makes the list useless to read or tab through.
PAGES_ON_EACH_SIDE = 2
PAGES_ON_ENDS = 1


class ListPaginator(Paginator):
    """A paginator for long lists.

    - `count` may be given (e.g. cached until the content changes): counting ten thousand
      articles is the slowest query of a list page;
    - a page of a queryset is read in two steps, the primary keys of the page first, then those
      rows: the database then skips over narrow rows instead of sorting and dropping thousands
      of wide ones, so page 400 costs about what page 1 does."""

    def __init__(self, object_list, per_page, count=None):
        super().__init__(object_list, per_page)
        if count is not None:
            self.__dict__["count"] = count  # replaces the cached_property

    def page(self, number):
        if not isinstance(self.object_list, QuerySet):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        keys = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        rows = {row.pk: row for row in self.object_list.filter(pk__in=keys)} if keys else {}
        return self._get_page([rows[key] for key in keys if key in rows], number, self)


def paginate(request, items, per_page, count=None):
    """The page of `items` named by ?page=. A number out of range or not a number gives
    the nearest valid page, never an error. `count`, when known, saves counting `items`.
    The page's `page_links` are the page numbers to show, with None for an ellipsis."""
    paginator = ListPaginator(items, per_page, count=count)
    raw = request.GET.get("page", "1").strip()
    try:
        number = int(raw)
    except ValueError:
        number = paginator.num_pages if raw == "last" else 1
    page = paginator.page(min(max(number, 1), paginator.num_pages))
    page.page_links = [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(
            page.number, on_each_side=PAGES_ON_EACH_SIDE, on_ends=PAGES_ON_ENDS
        )
    ]
    return page
