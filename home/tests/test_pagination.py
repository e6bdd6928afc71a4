"""Long lists: the page links a visitor gets."""

from django.test import RequestFactory

from core.pagination import paginate


def page_of(items, number, per_page=4):
    return paginate(RequestFactory().get("/", {"page": number}), items, per_page)


def test_many_pages_link_the_ends_and_the_neighbours_of_the_current_page():
    page = page_of(list(range(400)), 50)
    assert page.page_links == [1, None, 48, 49, 50, 51, 52, None, 100]
    assert list(page) == [196, 197, 198, 199]
    assert page_of(list(range(400)), 1).page_links == [1, 2, 3, None, 100]
    assert page_of(list(range(20)), 3).page_links == [1, 2, 3, 4, 5]
