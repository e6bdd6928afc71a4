import pytest

from .factories import exchange_tree as build_exchange_tree


@pytest.fixture
def exchange_tree(site_tree):
    return build_exchange_tree(site_tree)
