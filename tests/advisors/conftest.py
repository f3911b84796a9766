"""Shared set-up for the advisor pages: the seeded catalog, two organisations, advisors."""

import copy

import pytest

from advising.models import Client, Membership, Organisation
from advising.summaries import record_assessment
from eligibility.catalog import get_snapshot
from tests.conftest import SPEC_EXAMPLE
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _catalog(seeded):
    """Every advisor test runs against the seeded catalog."""


def member(org: Organisation, username: str, role: str = Membership.ADVISOR) -> Membership:
    user = UserFactory(username=username, first_name=username.capitalize(), last_name="Lee")
    return Membership.objects.create(user=user, organisation=org, role=role)


@pytest.fixture
def org():
    return Organisation.objects.create(name="Riverside Workforce Board", slug="riverside")


@pytest.fixture
def other_org():
    return Organisation.objects.create(name="Hillside School of Nursing", slug="hillside")


@pytest.fixture
def advisor(org):
    return member(org, "ada")


@pytest.fixture
def colleague(org):
    return member(org, "bob")


@pytest.fixture
def org_admin(org):
    return member(org, "cleo", Membership.ADMIN)


@pytest.fixture
def stranger(other_org):
    return member(other_org, "dan")


def nurse(**changes) -> dict:
    """The SPEC example: a nurse case manager since January 2023 (CCM and ACM eligible now;
    CMGT-BC needs more nursing case management education)."""
    profile = copy.deepcopy(SPEC_EXAMPLE)
    profile.update(changes)
    return profile


def new_hire(start: str = "2026-03-01") -> dict:
    """A nurse case manager who started recently: CCM and ACM reachable later."""
    profile = nurse()
    profile["experience"] = [dict(profile["experience"][0], start=start)]
    return profile


def add_client(org, advisor=None, name="Maria Garcia", profile=None, **fields) -> Client:
    client = Client.objects.create(organisation=org, advisor=advisor, name=name, **fields)
    if profile is not None:
        record_assessment(client, profile, get_snapshot(), source="advisor")
        client.refresh_from_db()
    return client


@pytest.fixture
def maria(advisor):
    """The advisor's client Maria Garcia, not yet assessed."""
    return add_client(advisor.organisation, advisor, "Maria Garcia")


@pytest.fixture
def other(advisor):
    """Another client of the same advisor."""
    return add_client(advisor.organisation, advisor, "Omar Other")


@pytest.fixture
def login(client):
    def as_(membership: Membership):
        client.force_login(membership.user)
        return client

    return as_
