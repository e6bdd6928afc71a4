"""Long lists: the page links a visitor gets, and pages read by their keys first."""

import pytest

from django.contrib.auth.models import Group
from django.test import RequestFactory

from home.pagination import paginate


def page_of(items, number, per_page=4, **kwargs):
    return paginate(RequestFactory().get("/", {"page": number}), items, per_page, **kwargs)


def test_many_pages_link_the_ends_and_the_neighbours_of_the_current_page():
    page = page_of(list(range(400)), 50)
    assert page.page_links == [1, None, 48, 49, 50, 51, 52, None, 100]
    assert page_of(list(range(400)), 1).page_links == [1, 2, 3, None, 100]
    assert page_of(list(range(20)), 3).page_links == [1, 2, 3, 4, 5]


@pytest.mark.django_db
def test_a_page_of_a_queryset_has_the_rows_and_order_of_plain_slicing():
    Group.objects.bulk_create([Group(name=f"group {n:03}") for n in range(30)])
    groups = Group.objects.filter(name__startswith="group").order_by("-name")
    expected = [group.name for group in groups]
    for number in range(1, 9):
        page = page_of(groups, number)
        assert [group.name for group in page] == expected[(number - 1) * 4 : number * 4]
    assert page.paginator.num_pages == 8
    assert len(page) == 2 and page.has_next() is False


@pytest.mark.django_db
def test_a_given_count_is_used_instead_of_counting(django_assert_num_queries):
    Group.objects.bulk_create([Group(name=f"group {n:03}") for n in range(10)])
    with django_assert_num_queries(2):  # the page's keys, then its rows: no COUNT
        page = page_of(Group.objects.filter(name__startswith="group").order_by("name"), 2, count=10)
        assert [group.name for group in page] == ["group 004", "group 005", "group 006", "group 007"]
