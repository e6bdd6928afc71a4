import pytest

from newsletter.tests.smtp import smtp_server  # noqa: F401 - a fixture of these tests too

from .factories import exchange_tree as build_exchange_tree


@pytest.fixture
def exchange_tree(site_tree):
    return build_exchange_tree(site_tree)
