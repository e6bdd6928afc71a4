"""No company's address hides the representatives' pages below the directory."""

import pytest

from django.core.exceptions import ValidationError

from network.tests.factories import CompanyFactory

pytestmark = pytest.mark.django_db


def test_a_company_named_like_the_access_pages_gets_another_address():
    assert CompanyFactory(name="Zugang", slug="").slug == "zugang-2"
    assert CompanyFactory(name="Access", slug="").slug == "access-2"


@pytest.mark.parametrize("slug", ["zugang", "access"])
def test_an_editor_cannot_give_a_company_the_access_pages_address(slug):
    company = CompanyFactory(name="Muster GmbH")
    company.slug = slug
    with pytest.raises(ValidationError) as refused:
        company.full_clean()
    assert "slug" in refused.value.message_dict
