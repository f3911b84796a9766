"""Invitation links: a client fills in their own assessment through a signed, expiring link
that works once, for that client only."""

import datetime as dt
import hashlib
import re
import time

import pytest
import time_machine
from django.core import signing
from django.test import Client as Browser
from django.utils import timezone

from advising.invitations import SALT
from advising.models import Assessment, Invitation
from tests.test_assessment_wizard import ANSWERS

from .conftest import add_client, nurse

# The wizard's POSTs are rate limited per address: no test inherits another's count.
pytestmark = pytest.mark.usefixtures("fresh_rate_limits")


def create_link(browser, client) -> str:
    """The advisor's POST to invite `client`; returns the path of the link shown once."""
    response = browser.post(f"/advisor/clients/{client.pk}/invite/")
    assert response.status_code == 200
    link = response.context["link"]
    assert link.startswith("http://testserver/invite/")
    assert link in response.content.decode()
    return link.removeprefix("http://testserver")


def token_of(path: str) -> str:
    return path.removeprefix("/invite/").rstrip("/")


@pytest.fixture
def link(login, advisor, maria) -> str:
    return create_link(login(advisor), maria)


def management_key(page: str) -> str:
    """The wizard's hidden current-step field, as the page names it."""
    found = re.search(r'name="([^"]+-current_step)"', page)
    assert found, "no wizard management field on the page"
    return found.group(1)


def post_step(browser, path: str, step: str, data: dict):
    """Submit a step the way a browser does: from that step's page."""
    page = browser.get(f"{path}{step}/")
    assert page.status_code == 200, step
    return browser.post(f"{path}{step}/", {management_key(page.content.decode()): step, **data})


def walk(browser, path: str):
    """Open the link, answer the five steps and finish; returns the finishing response."""
    opened = browser.get(path)
    assert opened.status_code == 302 and opened["Location"] == f"{path}licences/"
    response = None
    for step, data in ANSWERS.items():
        response = post_step(browser, path, step, data)
        assert response.status_code == 302, (step, response.context and response.context["errors"])
    assert response["Location"] == f"{path}finished/"
    return browser.get(response["Location"])


def refused(response) -> bool:
    return response.status_code == 404 and "no longer works" in response.content.decode()


# --- the happy path -------------------------------------------------------------------------


def test_an_invitation_saves_the_clients_own_assessment_to_that_client(
    login, advisor, maria, other, link
):
    invited = Browser()
    finished = walk(invited, link)
    assert finished["Location"] == f"{link}done/"

    done = invited.get(finished["Location"])
    assert done.status_code == 200
    page = done.content.decode()
    assert "Thank you, Maria Garcia" in page and "Riverside Workforce Board" in page
    assert "Certified Case Manager" in page or "CCM" in page

    maria.refresh_from_db()
    saved = Assessment.objects.get()
    assert saved.client == maria and maria.assessment == saved
    assert saved.source == Assessment.BY_CLIENT and saved.entered_by is None
    assert saved.profile["experience"][0]["role"] == "nurse-case-manager"
    other.refresh_from_db()
    assert other.assessment is None and not other.assessments.exists()

    invitation = Invitation.objects.get()
    assert invitation.client == maria and invitation.used_at is not None

    browser = login(advisor)
    detail = browser.get(f"/advisor/clients/{maria.pk}/").content.decode()
    assert "completed by the client" in detail
    assert "completed " + timezone.localdate().strftime("%-d %b %Y") in detail  # the invitation
    dashboard = browser.get("/advisor/")
    totals = dashboard.context["totals"]
    assert (totals["clients"], totals["unassessed"]) == (2, 1)  # Maria counts, Omar does not
    ccm = next(c for c in dashboard.context["certifications"] if c["code"] == "ccm")
    assert ccm["assessed"] == 1


def test_the_wizard_opens_at_the_first_step_and_names_the_client(link):
    page = Browser().get(link, follow=True)
    assert page.redirect_chain[-1][0] == f"{link}licences/"
    assert page.status_code == 200
    assert "Step 1 of 5" in page.content.decode()


def test_the_invitation_starts_from_the_clients_saved_answers(login, advisor):
    client = add_client(advisor.organisation, advisor, "Nina Nurse", nurse())
    path = create_link(login(advisor), client)
    page = Browser().get(f"{path}work/").content.decode()
    assert 'value="2023-01-01"' in page


# --- links that no longer open --------------------------------------------------------------


def test_a_used_link_no_longer_opens(link):
    walk(Browser(), link)
    again = Browser()
    assert refused(again.get(link))
    assert refused(again.get(f"{link}licences/"))
    assert refused(again.post(f"{link}licences/", {"licences-entries-TOTAL_FORMS": "0"}))
    assert Assessment.objects.count() == 1


def test_the_same_browser_cannot_reopen_a_used_link_either(link):
    browser = Browser()
    walk(browser, link)
    assert refused(browser.get(f"{link}licences/"))
    assert browser.get(f"{link}done/").status_code == 200  # the results stay for this session


def test_an_expired_invitation_does_not_open(link):
    Invitation.objects.update(expires=timezone.now() - dt.timedelta(seconds=1))
    browser = Browser()
    assert refused(browser.get(link))
    assert refused(browser.get(f"{link}licences/"))


def test_a_link_expires_after_its_days_even_if_the_row_says_otherwise(link, settings):
    """The signature carries its own age: past INVITATION_DAYS the token is refused, however
    long the stored row would let it live."""
    Invitation.objects.update(expires=timezone.now() + dt.timedelta(days=365))
    later = time.time() + (settings.INVITATION_DAYS + 1) * 86400
    with time_machine.travel(later):
        assert refused(Browser().get(link))


def test_no_invitation_days_means_no_link_opens(link, settings):
    settings.INVITATION_DAYS = 0
    later = time.time() + 2  # the signature's timestamp has whole seconds
    with time_machine.travel(later):
        assert refused(Browser().get(link))


def test_a_link_opens_within_its_days(link, settings):
    later = time.time() + (settings.INVITATION_DAYS - 1) * 86400
    with time_machine.travel(later):
        assert Browser().get(link).status_code == 302


def test_deleting_the_client_kills_the_link(login, advisor, maria, link):
    login(advisor).post(f"/advisor/clients/{maria.pk}/delete/")
    assert refused(Browser().get(link))


# --- forged tokens --------------------------------------------------------------------------


def test_a_token_re_signed_for_another_client_is_refused(link, maria, other):
    data = signing.loads(token_of(link), salt=SALT)
    assert data["c"] == maria.pk
    forged = signing.dumps({**data, "c": other.pk}, salt=SALT)
    browser = Browser()
    assert refused(browser.get(f"/invite/{forged}/"))
    assert refused(browser.get(f"/invite/{forged}/licences/"))


def test_a_token_re_signed_with_another_invitations_id_is_refused(login, advisor, link, other):
    second = create_link(login(advisor), other)
    mine, theirs = (
        signing.loads(token_of(link), salt=SALT),
        signing.loads(token_of(second), salt=SALT),
    )
    for forged in (
        {**mine, "i": theirs["i"]},
        {**mine, "i": theirs["i"], "c": theirs["c"]},
        {**theirs, "s": mine["s"]},
    ):
        assert refused(Browser().get(f"/invite/{signing.dumps(forged, salt=SALT)}/")), forged


def test_a_token_with_the_wrong_secret_is_refused(link):
    data = signing.loads(token_of(link), salt=SALT)
    forged = signing.dumps(
        {**data, "s": data["s"][:-1] + ("A" if data["s"][-1] != "A" else "B")}, salt=SALT
    )
    assert refused(Browser().get(f"/invite/{forged}/"))


@pytest.mark.parametrize(
    "sign",
    [
        lambda data: signing.dumps(data, salt="another.salt"),
        lambda data: signing.dumps(data, salt=SALT, key="not-the-site-key-" + "k" * 40),
        lambda data: signing.dumps({k: v for k, v in data.items() if k != "s"}, salt=SALT),
        lambda data: signing.dumps({**data, "i": "one"}, salt=SALT),
        lambda data: signing.dumps([data["i"], data["c"], data["s"]], salt=SALT),
    ],
    ids=["other-salt", "other-key", "no-secret", "bad-id", "not-a-dict"],
)
def test_a_token_signed_otherwise_is_refused(link, sign):
    data = signing.loads(token_of(link), salt=SALT)
    assert refused(Browser().get(f"/invite/{sign(data)}/"))


@pytest.mark.parametrize(
    "garble",
    [
        lambda t: "not-a-token",
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # the signature
        lambda t: t[:5] + ("x" if t[5] != "x" else "y") + t[6:],  # the payload
        lambda t: t.split(":")[0],  # no signature at all
        lambda t: t + "x" * 400,  # too long
        lambda t: ":::",
    ],
    ids=["random", "signature", "payload", "unsigned", "too-long", "colons"],
)
def test_a_random_or_garbled_token_is_refused(link, garble):
    token = garble(token_of(link))
    browser = Browser()
    assert refused(browser.get(f"/invite/{token}/"))
    assert refused(browser.get(f"/invite/{token}/licences/"))
    assert browser.get(f"/invite/{token}/done/").status_code == 404


# --- the results page -----------------------------------------------------------------------


def test_the_done_page_is_refused_in_another_browser_session(link):
    walk(Browser(), link)
    elsewhere = Browser()
    response = elsewhere.get(f"{link}done/")
    assert refused(response)
    assert "Maria Garcia" not in response.content.decode()


def test_the_done_page_is_refused_before_the_assessment_is_finished(link):
    browser = Browser()
    browser.get(link)
    post_step(browser, link, "licences", ANSWERS["licences"])
    assert refused(browser.get(f"{link}done/"))


def test_finishing_one_invitation_does_not_open_the_results_of_another(login, advisor, link, other):
    second = create_link(login(advisor), other)
    browser = Browser()
    walk(browser, link)
    assert refused(browser.get(f"{second}done/"))


# --- what is stored -------------------------------------------------------------------------


def test_only_a_hash_of_the_secret_is_stored(link):
    secret = signing.loads(token_of(link), salt=SALT)["s"]
    invitation = Invitation.objects.get()
    assert invitation.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    stored = " ".join(str(v) for v in Invitation.objects.values().get().values())
    assert secret not in stored
    assert token_of(link) not in stored


def test_each_invitation_has_its_own_secret(login, advisor, maria):
    browser = login(advisor)
    first, second = create_link(browser, maria), create_link(browser, maria)
    assert first != second
    hashes = set(Invitation.objects.values_list("secret_hash", flat=True))
    assert len(hashes) == 2


def test_the_link_is_shown_once(login, advisor, maria, link):
    detail = login(advisor).get(f"/advisor/clients/{maria.pk}/").content.decode()
    assert token_of(link) not in detail
    assert "open until" in detail


def test_inviting_needs_a_csrf_token(advisor, maria):
    browser = Browser(enforce_csrf_checks=True)
    browser.force_login(advisor.user)
    response = browser.post(f"/advisor/clients/{maria.pk}/invite/")
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_inviting_with_the_pages_csrf_token_works(advisor, maria):
    browser = Browser(enforce_csrf_checks=True)
    browser.force_login(advisor.user)
    page = browser.get(f"/advisor/clients/{maria.pk}/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = browser.post(f"/advisor/clients/{maria.pk}/invite/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 200 and Invitation.objects.count() == 1


def test_inviting_is_post_only(login, advisor, maria):
    response = login(advisor).get(f"/advisor/clients/{maria.pk}/invite/")
    assert response.status_code == 302 and response["Location"] == f"/advisor/clients/{maria.pk}/"
    assert not Invitation.objects.exists()
