"""factory-boy factories for catalog rows (the shared test base)."""

import factory
from django.contrib.auth import get_user_model

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


# Advisors' rows (organisations, memberships, clients): the demo factories, shared. Their user
# factory (password "careerpath-demo", names from Faker) is DemoUserFactory here, so as not to
# replace the UserFactory above that the catalog tests use.
from advising.demo import (  # noqa: E402
    ClientFactory,
    MembershipFactory,
    OrganisationFactory,
)
from advising.demo import UserFactory as DemoUserFactory  # noqa: E402

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
