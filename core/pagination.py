from django.core.paginator import Paginator

# Page links around the current page and at either end; the rest is an ellipsis. Ten thousand
# articles are a thousand pages: linking each one makes the list useless to read or tab through.
PAGES_ON_EACH_SIDE = 2
PAGES_ON_ENDS = 1


def paginate(request, items, per_page):
    """The page of `items` named by ?page=. A number out of range or not a number gives
    the nearest valid page, never an error. The page's `page_links` are the page numbers
    to show, with None for an ellipsis."""
    paginator = Paginator(items, per_page)
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
