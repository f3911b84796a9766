"""Pages about a person (answers, results, a saved plan, an advisor's clients) tell every
cache, the browser's included, not to keep them: on a shared computer the next person cannot
bring them back from the history or the back button."""

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import pytest

from advising.invitations import invite
from eligibility.plans import save_plan
from tests.advisors.conftest import add_client, member, nurse
from tests.conftest import SPEC_EXAMPLE
from tests.test_api import post as post_api
from tests.test_assessment_wizard import complete

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


def assert_never_cached(response) -> None:
    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private", "no-cache", "max-age=0"} <= cache_control
    # Already past (Django's never_cache: now minus a second), for caches older than HTTP/1.1.
    assert parsedate_to_datetime(response["Expires"]) <= datetime.now(UTC)


def test_the_steps_and_the_results_of_the_self_assessment(client):
    assert_never_cached(complete(client))  # the results page
    assert_never_cached(client.get("/assess/work/"))


def test_a_saved_plan_and_its_delete_page(client):
    token = save_plan(profile=SPEC_EXAMPLE)
    assert_never_cached(client.get(f"/plan/{token}/"))
    assert_never_cached(client.get(f"/plan/{token}/delete/"))


def test_the_api_results(client):
    assert_never_cached(post_api(client, SPEC_EXAMPLE))


def test_the_advisors_pages_and_the_invited_clients_form(client):
    from advising.models import Membership, Organisation

    org = Organisation.objects.create(name="Riverside Workforce Board", slug="riverside")
    admin = member(org, "cleo", Membership.ADMIN)
    maria = add_client(org, admin, profile=nurse())
    client.force_login(admin.user)
    for url in (
        "/advisor/", "/advisor/clients/", "/advisor/clients/export.csv", "/advisor/team/",
        f"/advisor/clients/{maria.pk}/", f"/advisor/clients/{maria.pk}/edit/",
    ):  # fmt: skip
        assert_never_cached(client.get(url))
    assert_never_cached(client.get(f"/advisor/clients/{maria.pk}/assessment/", follow=True))
    client.logout()
    _, token = invite(maria, user=admin.user)
    assert_never_cached(client.get(f"/invite/{token}/", follow=True))
