"""Unchanged in, unchanged out: every step of the assessment, prefilled from a saved profile,
submitted exactly as the browser would send the rendered page, gives the same profile back.

For the three flows that prefill the steps: the public wizard reopened from the results, an
advisor's "Update the assessment", and a client's invitation link. The pages are parsed as a
browser submits them (tests/htmlforms.py); nothing is posted that the page did not render.
"""

import datetime as dt

import pytest
from django.test import Client as Browser
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advising.invitations import invite
from advising.models import Assessment, Client, Membership, Organisation
from advising.summaries import record_assessment
from eligibility.catalog import get_snapshot
from eligibility.forms import STEPS
from eligibility.plans import PROFILE_SESSION_KEY
from eligibility.profile import parse_profile
from eligibility.snapshot import load_seed_snapshot
from tests.factories import UserFactory
from tests.htmlforms import form_fields

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

SNAPSHOT = load_seed_snapshot()
STEP_NAMES = [name for name, _ in STEPS]
EXAMPLES = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def codes(vocabulary: dict) -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(vocabulary))


def iso_days(low: str = "2000-01-01", high: str = "2030-12-31") -> st.SearchStrategy[str]:
    start, end = dt.date.fromisoformat(low).toordinal(), dt.date.fromisoformat(high).toordinal()
    return st.integers(start, end).map(lambda day: dt.date.fromordinal(day).isoformat())


licences = st.fixed_dictionaries(
    {
        "type": codes(SNAPSHOT.licence_types),
        "active": st.booleans(),
        "good_standing": st.booleans(),
        "expires": st.none() | iso_days(),
    }
)
# A degree with or without the day it was finished (never after today: the profile refuses a
# degree finished after as_of), or saved before `completed` existed (no key at all).
degrees = st.fixed_dictionaries(
    {
        "level": codes(SNAPSHOT.degree_levels),
        "field": codes(SNAPSHOT.degree_fields),
        "accredited": st.booleans(),
    },
    optional={"completed": st.none() | iso_days("1975-01-01", "2026-06-30")},
)
half_hours = st.integers(2, 160).map(lambda halves: halves / 2)  # 1 to 80 hours a week


@st.composite
def jobs(draw) -> dict:
    start = draw(iso_days("2005-01-01", "2027-06-30"))
    end = draw(st.none() | iso_days(start, "2028-12-31"))
    return {
        "role": draw(codes(SNAPSHOT.roles)),
        "setting": draw(codes(SNAPSHOT.settings)),
        "start": start,
        "end": end,
        "hours_per_week": draw(half_hours),
        "paid": draw(st.booleans()),
        "supervised": draw(st.booleans()),
        "supervisor_credentials": draw(
            st.lists(codes(SNAPSHOT.credential_names), unique=True, max_size=2)
        ),
        "self_employed": draw(st.booleans()),
    }


courses = st.fixed_dictionaries(
    {
        "topic": codes(SNAPSHOT.ce_topics),
        "hours": st.integers(0, 400).map(lambda halves: halves / 2),
        "completed": iso_days("2015-01-01", "2027-12-31"),
    }
)
profiles = st.fixed_dictionaries(
    {
        "licenses": st.lists(licences, max_size=3),
        "degrees": st.lists(degrees, max_size=2),
        "credentials": st.lists(codes(SNAPSHOT.credential_names), unique=True, max_size=2),
        "experience": st.lists(jobs(), max_size=3),
        "education": st.lists(courses, max_size=2),
        "references": st.integers(0, 6),
        "attestations": st.lists(codes(SNAPSHOT.attestations), unique=True),
    }
)


def same_answers(profile: dict) -> dict:
    """The profile with every default filled in and numbers compared by value; `as_of` aside
    (a saved client's assessment is dated on saving)."""
    data = dict(parse_profile(profile, get_snapshot()).data)
    data.pop("as_of")
    return data


def submit_unchanged(browser: Browser, url: str, *, button: str | None = None):
    """Open `url`, and submit its form as rendered; `button` names the submit button pressed
    (None: the first, "Continue")."""
    page = browser.get(url)
    assert page.status_code == 200, url
    fields = form_fields(page.content.decode(), "wizard-form")
    if button:
        fields[button] = ["1"]
    response = browser.post(url, fields, follow=True)
    # Accepted: the wizard moved on (to the next step, or saved and left the wizard).
    assert response.redirect_chain, (url, response.context and response.context["errors"])
    return response


def walk_every_step(browser: Browser, step_url) -> None:
    """Continue through the five steps unchanged; the last one's button finishes."""
    for name in STEP_NAMES:
        submit_unchanged(browser, step_url(name))


# --- the public wizard, reopened from the results -------------------------------------------


def public_browser(profile: dict) -> Browser:
    browser = Browser()
    session = browser.session
    session[PROFILE_SESSION_KEY] = profile
    session.save()
    return browser


def public_step(name: str) -> str:
    return f"/assess/{name}/"


@override_settings(RATELIMIT_ENABLE=False)
@pytest.mark.slow
@EXAMPLES
@given(profile=profiles, step=st.sampled_from(STEP_NAMES[:-1]))
def test_reopening_a_step_of_the_public_wizard_and_saving_keeps_every_answer(profile, step):
    browser = public_browser(profile)
    submit_unchanged(browser, public_step(step), button="wizard_finish")
    assert same_answers(browser.session[PROFILE_SESSION_KEY]) == same_answers(profile)


@override_settings(RATELIMIT_ENABLE=False)
@pytest.mark.slow
@EXAMPLES
@given(profile=profiles)
def test_walking_the_public_wizard_unchanged_keeps_every_answer(profile):
    browser = public_browser(profile)
    walk_every_step(browser, public_step)
    assert same_answers(browser.session[PROFILE_SESSION_KEY]) == same_answers(profile)


def test_the_licences_step_reopened_from_the_results_shows_the_saved_licence(client):
    """The first step, too: formtools read the shown step's data from a current step that is
    unset until a step has been left once, and showed an empty licence."""
    session = client.session
    session[PROFILE_SESSION_KEY] = {"licenses": [{"type": "rn", "expires": "2028-03-31"}]}
    session.save()
    fields = form_fields(client.get("/assess/licences/").content.decode(), "wizard-form")
    assert fields["licences-entries-0-type"] == ["rn"]
    assert fields["licences-entries-0-expires"] == ["2028-03-31"]


# --- an advisor's update and a client's invitation ------------------------------------------


@pytest.fixture
def advisor_account():
    org = Organisation.objects.create(name="Riverside Workforce Board", slug="riverside")
    user = UserFactory(username="ada")
    return Membership.objects.create(user=user, organisation=org, role=Membership.ADVISOR)


def saved_client(membership: Membership, profile: dict) -> Client:
    client = Client.objects.create(
        organisation=membership.organisation, advisor=membership, name="Maria Garcia"
    )
    record_assessment(client, profile, get_snapshot(), source=Assessment.BY_ADVISOR)
    client.refresh_from_db()
    return client


def current_profile(client: Client) -> dict:
    client.refresh_from_db()
    return client.assessment.profile


@override_settings(RATELIMIT_ENABLE=False)
@pytest.mark.slow
@EXAMPLES
@given(profile=profiles, step=st.sampled_from(STEP_NAMES[:-1]))
def test_an_advisor_reopening_a_step_and_saving_keeps_every_answer(advisor_account, profile, step):
    client = saved_client(advisor_account, profile)
    browser = Browser()
    browser.force_login(advisor_account.user)
    url = f"/advisor/clients/{client.pk}/assessment/{step}/"
    submit_unchanged(browser, url, button="wizard_finish")
    assert same_answers(current_profile(client)) == same_answers(profile)


@override_settings(RATELIMIT_ENABLE=False)
@pytest.mark.slow
@EXAMPLES
@given(profile=profiles)
def test_an_advisor_walking_the_update_unchanged_keeps_every_answer(advisor_account, profile):
    client = saved_client(advisor_account, profile)
    browser = Browser()
    browser.force_login(advisor_account.user)
    # "Update the assessment" opens the first step through the entry URL.
    first = browser.get(f"/advisor/clients/{client.pk}/assessment/")
    assert first["Location"].endswith("/assessment/licences/")
    walk_every_step(browser, lambda name: f"/advisor/clients/{client.pk}/assessment/{name}/")
    assert same_answers(current_profile(client)) == same_answers(profile)


@override_settings(RATELIMIT_ENABLE=False)
@pytest.mark.slow
@EXAMPLES
@given(profile=profiles)
def test_a_client_walking_an_invitation_unchanged_keeps_every_answer(advisor_account, profile):
    client = saved_client(advisor_account, profile)
    _, token = invite(client, user=advisor_account.user)
    walk_every_step(Browser(), lambda name: f"/invite/{token}/{name}/")
    assert same_answers(current_profile(client)) == same_answers(profile)


@override_settings(RATELIMIT_ENABLE=False)
@pytest.mark.slow
@EXAMPLES
@given(profile=profiles, step=st.sampled_from(STEP_NAMES[:-1]))
def test_a_client_reopening_a_step_of_an_invitation_and_saving_keeps_every_answer(
    advisor_account, profile, step
):
    client = saved_client(advisor_account, profile)
    _, token = invite(client, user=advisor_account.user)
    browser = Browser()
    # The link opens the first step; the client moves to `step` with the step links.
    assert browser.get(f"/invite/{token}/").status_code == 302
    submit_unchanged(browser, f"/invite/{token}/{step}/", button="wizard_finish")
    assert same_answers(current_profile(client)) == same_answers(profile)


def test_an_advisor_update_that_changes_nothing_records_no_change_in_the_history(
    advisor_account,
):
    from tests.conftest import SPEC_EXAMPLE

    profile = {key: value for key, value in SPEC_EXAMPLE.items() if key != "as_of"}
    client = saved_client(advisor_account, profile)
    browser = Browser()
    browser.force_login(advisor_account.user)
    walk_every_step(browser, lambda name: f"/advisor/clients/{client.pk}/assessment/{name}/")
    assert Assessment.objects.filter(client=client).count() == 1
    page = browser.get(f"/advisor/clients/{client.pk}/").content.decode()
    assert "Removed" not in page and "Added" not in page


def test_the_advisors_last_step_saves_the_assessment_rather_than_showing_my_results(
    advisor_account,
):
    client = saved_client(advisor_account, {"references": 1})
    browser = Browser()
    browser.force_login(advisor_account.user)
    page = browser.get(f"/advisor/clients/{client.pk}/assessment/about/").content.decode()
    assert ">Save the assessment</button>" in page and "See my results" not in page


# --- a degree's completion date, and a profile saved before it existed ----------------------

DATED_AND_UNDATED = {
    "degrees": [
        {"level": "master", "field": "social-work", "accredited": True, "completed": "2021-05-15"},
        {"level": "bachelor", "field": "social-work", "accredited": True, "completed": None},
    ],
    "credentials": ["aswb-masters"],
    "experience": [
        {
            "role": "disability-manager",
            "setting": "employer",
            "start": "2021-06-01",
            "end": None,
            "hours_per_week": 40,
            "paid": True,
            "supervised": True,
            "supervisor_credentials": [],
            "self_employed": False,
        },
    ],  # fmt: skip
    "attestations": ["cdms-practice-domains", "good-moral-character", "nasw-code-of-ethics"],
}
# As saved before degrees had a completion date: no `completed` key at all.
OLD_FORMAT = {"degrees": [{"level": "bachelor", "field": "nursing", "accredited": True}],
              "licenses": [{"type": "rn"}], "attestations": ["good-moral-character"]}  # fmt: skip


def entered_degrees(fields: dict) -> list[tuple[str, str]]:
    return [
        (fields[f"education-entries-{i}-level"][0], fields[f"education-entries-{i}-completed"][0])
        for i in range(int(fields["education-entries-TOTAL_FORMS"][0]))
    ]


@override_settings(RATELIMIT_ENABLE=False)
@pytest.mark.parametrize("profile", [DATED_AND_UNDATED, OLD_FORMAT], ids=["dated", "old"])
def test_degrees_with_and_without_their_day_walk_the_public_wizard_unchanged(profile):
    browser = public_browser(profile)
    walk_every_step(browser, public_step)
    saved = browser.session[PROFILE_SESSION_KEY]
    assert same_answers(saved) == same_answers(profile)
    assert [d["completed"] for d in saved["degrees"]] == [
        d.get("completed") for d in profile["degrees"]
    ]


def test_the_degree_step_reopens_with_each_degree_s_day_as_saved():
    fields = form_fields(
        public_browser(DATED_AND_UNDATED).get("/assess/education/").content.decode(),
        "wizard-form",
    )
    assert entered_degrees(fields) == [("master", "2021-05-15"), ("bachelor", "")]
    assert fields["education-credentials"] == ["aswb-masters"]


@pytest.mark.slow
@override_settings(RATELIMIT_ENABLE=False)
@pytest.mark.parametrize("profile", [DATED_AND_UNDATED, OLD_FORMAT], ids=["dated", "old"])
def test_degrees_with_and_without_their_day_walk_the_advisors_update_unchanged(
    advisor_account, profile
):
    client = saved_client(advisor_account, profile)
    browser = Browser()
    browser.force_login(advisor_account.user)
    walk_every_step(browser, lambda name: f"/advisor/clients/{client.pk}/assessment/{name}/")
    assert same_answers(current_profile(client)) == same_answers(profile)
    # Nothing changed: the update records no new assessment.
    assert Assessment.objects.filter(client=client).count() == 1


@override_settings(RATELIMIT_ENABLE=False)
def test_an_old_saved_assessment_without_degree_days_reopens_and_saves_unchanged(
    advisor_account,
):
    client = saved_client(advisor_account, OLD_FORMAT)
    # As stored before the field existed: the saved profile has no `completed` key.
    stored = client.assessment
    stored.profile = {**stored.profile, "degrees": OLD_FORMAT["degrees"]}
    stored.save(update_fields=["profile"])
    browser = Browser()
    browser.force_login(advisor_account.user)
    page = browser.get(f"/advisor/clients/{client.pk}/assessment/education/")
    fields = form_fields(page.content.decode(), "wizard-form")
    assert entered_degrees(fields) == [("bachelor", "")]
    walk_every_step(browser, lambda name: f"/advisor/clients/{client.pk}/assessment/{name}/")
    assert Assessment.objects.filter(client=client).count() == 1
    assert same_answers(current_profile(client)) == same_answers(OLD_FORMAT)


@override_settings(RATELIMIT_ENABLE=False)
@pytest.mark.parametrize("profile", [DATED_AND_UNDATED, OLD_FORMAT], ids=["dated", "old"])
def test_degrees_with_and_without_their_day_walk_an_invitation_unchanged(advisor_account, profile):
    client = saved_client(advisor_account, profile)
    _, token = invite(client, user=advisor_account.user)
    walk_every_step(Browser(), lambda name: f"/invite/{token}/{name}/")
    assert same_answers(current_profile(client)) == same_answers(profile)
