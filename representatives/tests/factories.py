import factory

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Locale

from network.tests.factories import CompanyFactory
from representatives.models import REPRESENTATIVES_GROUP, Representative

PASSWORD = "ein-langes-passwort-fuer-tests"


def german():
    return Locale.objects.get(language_code="de")


class RepresentativeFactory(factory.django.DjangoModelFactory):
    """A request for access; `approved=True` makes it an approved representative with an account
    (password PASSWORD) in the representatives' group."""

    company = factory.SubFactory(CompanyFactory)
    name = factory.Sequence(lambda n: f"Vera Vertreterin {n}")
    email = factory.Sequence(lambda n: f"vera{n}@firma.example.org")
    role = "Geschäftsführerin"
    locale = factory.LazyFunction(german)
    status = Representative.Status.CONFIRMED
    consent_text = "Ja."
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Representative
        skip_postgeneration_save = True

    @factory.post_generation
    def approved(obj, create, value, **kwargs):
        if not value:
            return
        user = get_user_model().objects.create_user(obj.email.lower(), obj.email.lower(), PASSWORD)
        group, _ = Group.objects.get_or_create(name=REPRESENTATIVES_GROUP)
        user.groups.add(group)
        obj.user = user
        obj.status = Representative.Status.APPROVED
        obj.decided_at = timezone.now()
        obj.save()
