from django.core.paginator import Paginator


def paginate(request, items, per_page):
    """The page of `items` named by ?page=. A number out of range or not a number gives
    the nearest valid page, never an error."""
    paginator = Paginator(items, per_page)
    raw = request.GET.get("page", "1").strip()
    try:
        number = int(raw)
    except ValueError:
        number = paginator.num_pages if raw == "last" else 1
    return paginator.page(min(max(number, 1), paginator.num_pages))
