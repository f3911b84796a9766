"""factory-boy factories for catalog and advisors' rows (the shared test base)."""

import factory
from django.contrib.auth import get_user_model

from advising.demo import DEMO_PASSWORD, email_for
from advising.models import Client, Membership, Organisation
from eligibility import models as m


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("a-long-test-password")


class EditorFactory(UserFactory):
    is_staff = True
    is_superuser = True


class CertifyingBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.CertifyingBody
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"body-{n}")
    name = factory.Sequence(lambda n: f"Certifying Body {n}")


class CertificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Certification
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"cert-{n}")
    name = factory.Sequence(lambda n: f"Certification {n}")
    body = factory.SubFactory(CertifyingBodyFactory)
    summary = "A certification made for a test."
    position = 100


class RequirementGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.RequirementGroup

    certification = factory.SubFactory(CertificationFactory)
    code = factory.Sequence(lambda n: f"group-{n}")
    name = factory.Sequence(lambda n: f"Group {n}")


class RequirementOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.RequirementOption

    group = factory.SubFactory(RequirementGroupFactory)
    code = factory.Sequence(lambda n: f"option-{n}")
    name = factory.Sequence(lambda n: f"Option {n}")


class ConditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Condition

    option = factory.SubFactory(RequirementOptionFactory)
    code = factory.Sequence(lambda n: f"condition-{n}")
    kind = "references"
    params = factory.LazyFunction(lambda: {"count": 1})


# Advisors' rows: organisations, memberships, clients.


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Faker("company")
    slug = factory.Sequence(lambda n: f"organisation-{n}")


class DemoUserFactory(factory.django.DjangoModelFactory):
    """An advisor's user: password `careerpath-demo` (hashed with set_password), names from
    Faker. Not the UserFactory above, which the catalog tests use."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"advisor{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", DEMO_PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()  # keeps the password set above (post-generation runs after the insert)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(DemoUserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.ADVISOR


class ClientFactory(factory.django.DjangoModelFactory):
    """A client of an advisor in the same organisation.

    `ClientFactory(profile={...})` also records an assessment of that profile against the
    published catalog (which must be loaded), as an advisor would.
    """

    class Meta:
        model = Client
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    advisor = factory.SubFactory(
        MembershipFactory, organisation=factory.SelfAttribute("..organisation")
    )
    name = factory.Faker("name")
    email = factory.LazyAttribute(lambda o: email_for(o.name, o.external_id))
    external_id = factory.Sequence(lambda n: f"C-{n:05d}")

    @factory.post_generation
    def profile(obj, create, extracted, **kwargs):
        if create and extracted is not None:
            from advising.summaries import record_assessment
            from eligibility.catalog import get_snapshot

            record_assessment(
                obj, extracted, get_snapshot(), source=kwargs.get("source", "advisor")
            )


__all__ = [
    "CertificationFactory",
    "CertifyingBodyFactory",
    "ClientFactory",
    "ConditionFactory",
    "DemoUserFactory",
    "EditorFactory",
    "MembershipFactory",
    "OrganisationFactory",
    "RequirementGroupFactory",
    "RequirementOptionFactory",
    "UserFactory",
]
