"""seed_demo: the demo organisation, its accounts and clients with stored summaries."""

import datetime as dt
import random
from collections import defaultdict
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone

from advising.demo import demo_plans, demo_profile
from advising.models import Assessment, Client, Membership, Organisation, Readiness
from advising.summaries import soonest, summarise
from eligibility.catalog import get_snapshot
from eligibility.engine import evaluate
from eligibility.profile import parse_profile
from tests.conftest import SPEC_EXAMPLE
from tests.factories import ClientFactory, MembershipFactory

PASSWORD = "careerpath-demo"


@pytest.fixture
def loaded(seeded):
    return get_snapshot()


def seed(**options) -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out, **{"allow_without_debug": True, **options})
    return out.getvalue()


def test_seed_creates_the_organisation_its_accounts_and_assessed_clients(loaded, client):
    seed(clients=30)

    org = Organisation.objects.get(slug="demo")
    assert org.name == "Riverside Workforce Board"
    roles = dict(Membership.objects.filter(organisation=org).values_list("user__username", "role"))
    assert roles == {
        "demo-admin": Membership.ADMIN,
        "demo-advisor": Membership.ADVISOR,
        "demo-advisor2": Membership.ADVISOR,
    }
    for username in roles:
        assert client.login(username=username, password=PASSWORD)

    clients = list(Client.objects.filter(organisation=org).select_related("assessment"))
    assert len(clients) == 30
    assert {c.advisor.user.username for c in clients if c.advisor} == {
        "demo-advisor",
        "demo-advisor2",
    }
    assert len({c.external_id for c in clients}) == 30
    today = timezone.localdate()
    for c in clients:
        assessment = c.assessment
        assert assessment is not None and assessment.client_id == c.pk
        assert c.assessments.count() == 1
        assert assessment.source == Assessment.BY_ADVISOR
        assert assessment.catalog_version == loaded.version
        assert assessment.profile["as_of"] == today.isoformat()
        profile = parse_profile(assessment.profile, loaded)
        assert assessment.summary == summarise(evaluate(profile, loaded))
        assert c.soonest_on == soonest(assessment.summary, assessment.profile["as_of"])
        rows = {
            r.certification: {
                "status": r.status,
                "eligible_on": r.eligible_on.isoformat() if r.eligible_on else None,
                "blocker": r.blocker,
                "detail": r.detail,
            }
            for r in Readiness.objects.filter(client=c)
        }
        assert rows == assessment.summary


def test_running_again_duplicates_nothing_and_tops_up(loaded):
    seed(clients=30)
    first = dict(Client.objects.values_list("pk", "external_id"))

    out = seed(clients=30)
    assert "none added" in out
    assert get_user_model().objects.count() == 3
    assert Membership.objects.count() == 3
    assert Organisation.objects.count() == 1
    assert Client.objects.count() == Assessment.objects.count() == 30
    assert Readiness.objects.count() == 30 * len(loaded.certifications)

    seed(clients=35)
    assert Client.objects.count() == Assessment.objects.count() == 35
    assert Client.objects.filter(assessment__isnull=True).count() == 0
    kept = dict(Client.objects.filter(pk__in=first).values_list("pk", "external_id"))
    assert kept == first
    # Topping up in steps gives the same people as seeding them at once.
    seed(clients=35, organisation_slug="other")
    by_org = defaultdict(list)
    for slug, name, profile in Client.objects.order_by("external_id").values_list(
        "organisation__slug", "name", "assessment__profile"
    ):
        by_org[slug].append((name, profile))
    assert by_org["demo"] == by_org["other"]


def test_every_certification_the_demo_works_toward_has_clients_eligible_now_and_not(loaded):
    from advising.demo import GOALS

    seed(clients=60)
    statuses = defaultdict(set)
    for code, status in Readiness.objects.values_list("certification", "status"):
        statuses[code].add(status == "eligible")
    # The demo's people aim at every certification of the catalog (GOALS).
    aimed = {goal for goals in GOALS.values() for goal, _ in goals}
    assert set(statuses) == aimed == {cert.code for cert in loaded.certifications}
    for code in sorted(aimed):
        assert statuses[code] == {True, False}, code


def test_credentials_are_printed_only_in_debug(loaded, settings):
    settings.DEBUG = False
    out = seed(clients=3)
    assert PASSWORD not in out and "demo-advisor" not in out
    assert "3 in all" in out

    settings.DEBUG = True
    out = seed(clients=3)
    assert f"Demo advisor: demo-advisor / {PASSWORD}" in out
    assert f"Demo advisor: demo-advisor2 / {PASSWORD}" in out
    assert f"Demo organisation admin: demo-admin / {PASSWORD}" in out


def test_refuses_without_a_catalog(empty_catalog):
    with pytest.raises(CommandError, match="load_catalog"):
        seed(clients=3)
    assert not Organisation.objects.exists()


def test_demo_profiles_are_valid_and_varied(catalog):
    today = dt.date(2026, 11, 23)
    rng = random.Random(7)
    kinds = set()
    for plan in demo_plans(rng, catalog, 300):
        data = demo_profile(rng, catalog, today, plan)
        profile = parse_profile(data, catalog, today=today)  # raises ProfileError if invalid
        assert 1 <= len(profile.experience) <= 3
        assert all(20 <= job.hours_per_week <= 40 for job in profile.experience)
        assert 0 <= profile.references <= 3
        kinds.add(plan.kind)
    assert kinds == {"nurse", "social-worker", "counsellor", "disability-manager", "other"}


def test_client_factory_records_an_assessment(loaded):
    membership = MembershipFactory()
    person = ClientFactory(
        organisation=membership.organisation, advisor=membership, profile=SPEC_EXAMPLE
    )
    assert person.assessment.summary["ccm"]["status"] == "eligible"
    assert person.readiness.count() == len(loaded.certifications)
    assert membership.user.check_password(PASSWORD)
    assert person.organisation.members.get() == membership


def test_refuses_to_create_demo_accounts_on_a_site_without_debug(loaded, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG=true"):
        call_command("seed_demo", clients=3, stdout=StringIO())
    assert not Organisation.objects.exists()
