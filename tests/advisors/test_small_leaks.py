"""Smaller leaks and gaps found by attacking the advisor pages (issue 14, item 13; the
organisations and members are tests/advisors/conftest.py's): what one
page answers must not tell a stranger which addresses or external ids exist, a button must
not send a mailbox-full of mail, a deactivated member's browser stays logged out, a CSV cell
never runs as a formula, and junk in an address does not grow the page cache."""

import csv
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.core.signals import request_finished
from django.db import close_old_connections
from django.test import Client as Browser
from django.test import RequestFactory
from django.test.signals import template_rendered

from advising import auth
from advising.models import Client, Membership
from tests.advisors.conftest import add_client, member
from tests.factories import UserFactory
from tests.htmlforms import form_fields, single

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("seeded", "fresh_rate_limits"),
]

User = get_user_model()
PASSWORD = "a-long-test-password"  # tests.factories.UserFactory's


def logged_in(membership: Membership) -> Browser:
    browser = Browser()
    browser.force_login(membership.user)
    return browser


def flashed(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def main(response) -> str:
    return re.search(r"<main.*</main>", response.content.decode(), re.S).group(0)


# --- the password reset ---------------------------------------------------------------------


def reset_steps(email: str) -> tuple[list[str], object]:
    """The templates rendered while the reset page handles `email`, and its response (not
    yet closed: what the person waits for)."""
    rendered = []

    def seen(sender, template, context, **kwargs):
        rendered.append(template.name)

    request_factory = RequestFactory()
    browser = Browser()
    page = browser.get("/accounts/password_reset/")
    fields = single(form_fields(page.content.decode()))
    fields["email"] = email
    request = request_factory.post("/accounts/password_reset/", fields)
    request._dont_enforce_csrf_checks = True
    request.session = SessionStore()
    template_rendered.connect(seen)
    try:
        response = auth.PasswordResetView.as_view()(request)
    finally:
        template_rendered.disconnect(seen)
    return rendered, response


def test_a_reset_for_an_unknown_address_does_the_same_work_as_for_a_known_one(mailoutbox):
    UserFactory(username="ada", email="ada@riverside.example")
    known, known_response = reset_steps("ada@riverside.example")
    unknown, unknown_response = reset_steps("nobody@riverside.example")
    assert "registration/password_reset_email.html" in known
    assert unknown == known
    assert known_response["Location"] == unknown_response["Location"]


def served(response) -> None:
    """What the server does once the answer is written: close the response. As the test
    client does, without closing the test's database connection (request_finished would)."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def test_the_reset_mail_leaves_after_the_answer_and_only_for_a_known_address(mailoutbox):
    UserFactory(username="ada", email="ada@riverside.example")
    _, response = reset_steps("ada@riverside.example")
    assert mailoutbox == []  # the person has their answer before any mail server is waited for
    served(response)
    assert [message.to for message in mailoutbox] == [["ada@riverside.example"]]

    _, response = reset_steps("nobody@riverside.example")
    served(response)
    assert len(mailoutbox) == 1


def test_a_reset_through_the_page_still_mails_the_link(mailoutbox):
    UserFactory(username="ada", email="ada@riverside.example")
    browser = Browser()
    fields = single(form_fields(browser.get("/accounts/password_reset/").content.decode()))
    fields["email"] = "ada@riverside.example"
    response = browser.post("/accounts/password_reset/", fields)
    assert response["Location"] == "/accounts/password_reset/done/"
    assert len(mailoutbox) == 1 and "/accounts/reset/" in mailoutbox[0].body


# --- adding an advisor ----------------------------------------------------------------------


def add_advisor(browser: Browser, email: str):
    fields = form_fields(browser.get("/advisor/team/new/").content.decode(), "member-form")
    fields = single(fields)
    fields.update(first_name="Nadia", last_name="Okafor", email=email)
    return browser.post("/advisor/team/new/", fields, follow=True)


@pytest.mark.parametrize("holder", ["another organisation's member", "the superuser"])
def test_adding_an_address_used_elsewhere_answers_as_for_a_new_one(
    org_admin, other_org, mailoutbox, holder
):
    if holder == "the superuser":
        elsewhere = UserFactory(
            username="root", email="nadia@example.org", is_superuser=True, is_staff=True
        )
    else:
        elsewhere = member(other_org, "dan").user
        elsewhere.email = "nadia@example.org"
        elsewhere.save()
    browser = logged_in(org_admin)
    used = add_advisor(browser, "Nadia@example.org")
    fresh = add_advisor(browser, "nadia.fresh@example.org")

    def said(response):
        return [m.replace("nadia.fresh@example.org", "ADDRESS").replace("Nadia@example.org",
                "ADDRESS") for m in flashed(response)]  # fmt: skip

    assert used.redirect_chain == fresh.redirect_chain == [("/advisor/team/", 302)]
    assert said(used) == said(fresh)
    assert said(used)[0].startswith("Invitation e-mail sent to Nadia Okafor at ADDRESS")
    # The account elsewhere is not linked to this organisation, nor changed.
    elsewhere.refresh_from_db()
    assert getattr(elsewhere, "membership", None) is None or (
        elsewhere.membership.organisation == other_org
    )
    newcomer = User.objects.get(email="Nadia@example.org")
    assert newcomer != elsewhere and newcomer.membership.organisation == org_admin.organisation
    assert not newcomer.is_staff and not newcomer.is_superuser
    assert f"username: {newcomer.username}" in mailoutbox[0].body


def test_an_address_of_a_member_of_the_same_team_is_refused_at_its_field(org_admin, advisor):
    advisor.user.email = "ada@riverside.example"
    advisor.user.save()
    response = add_advisor(logged_in(org_admin), "ADA@riverside.example")
    assert response.context["errors"] == [
        ("id_email", "E-mail is already used by a member of your team")
    ]


# --- a colleague's client's external id -----------------------------------------------------


def new_client_form(browser: Browser, **changes):
    fields = single(
        form_fields(browser.get("/advisor/clients/new/").content.decode(), "client-form")
    )
    fields.update(changes)
    return browser.post("/advisor/clients/new/", fields)


def test_a_plain_advisor_is_not_told_that_a_colleagues_client_has_an_external_id(
    advisor, colleague
):
    add_client(advisor.organisation, colleague, "Carla Colleague", external_id="C-9")
    response = new_client_form(logged_in(advisor), name="Nia Newcomer", external_id="C-9")
    # Saved like any new id: refusing it would say that some client already holds it.
    assert response.status_code == 302, response.context and response.context["errors"]
    assert Client.objects.filter(name="Nia Newcomer", external_id="C-9").count() == 1


def test_an_organisation_admin_is_told_which_client_has_the_external_id(org_admin, colleague):
    add_client(org_admin.organisation, colleague, "Carla Colleague", external_id="C-9")
    response = new_client_form(logged_in(org_admin), name="Nia Newcomer", external_id="C-9")
    messages = [message for _, message in response.context["errors"]]
    assert "External id is already used by Carla Colleague." in messages


def test_an_advisor_is_told_which_of_their_own_clients_has_the_external_id(advisor):
    add_client(advisor.organisation, advisor, "Rita Ready", external_id="R-1")
    response = new_client_form(logged_in(advisor), name="Nia Newcomer", external_id="R-1")
    messages = [message for _, message in response.context["errors"]]
    assert "External id is already used by Rita Ready." in messages


# --- sending the invitation again -----------------------------------------------------------


@pytest.mark.slow
def test_sending_the_invitation_again_and_again_sends_one_mail(org_admin, mailoutbox):
    newcomer = User.objects.create_user(
        username="nadia@example.org", email="nadia@example.org", password=None,
        first_name="Nadia", last_name="Okafor",
    )  # fmt: skip
    nadia = Membership.objects.create(user=newcomer, organisation=org_admin.organisation)
    browser = logged_in(org_admin)
    responses = [browser.post(f"/advisor/team/{nadia.pk}/invite/", follow=True)
                 for _ in range(25)]  # fmt: skip
    assert len(mailoutbox) == 1
    assert any(
        m.startswith("Invitation e-mail sent to Nadia Okafor") for m in flashed(responses[0])
    )
    refused = flashed(responses[-1])
    assert any("less than 10 minutes ago" in m for m in refused), refused


# --- deactivating ---------------------------------------------------------------------------


def test_reactivating_a_member_does_not_revive_their_old_session(org_admin, advisor):
    ada = Browser()
    ada.post("/accounts/login/", {"username": "ada", "password": PASSWORD})
    assert ada.get("/advisor/").status_code == 200
    admin = logged_in(org_admin)
    admin.post(f"/advisor/team/{advisor.pk}/active/", {"active": "false"})
    admin.post(f"/advisor/team/{advisor.pk}/active/", {"active": "true"})

    response = ada.get("/advisor/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    # Other people's sessions are left alone.
    assert admin.get("/advisor/team/").status_code == 200


# --- the CSV export -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", [";=1+1", "\uff1d1+1", "\uff0b1", "\uff0d1", "\uff201", "  =1+1", " @SUM(A1)"]
)
def test_a_csv_cell_that_a_spreadsheet_would_run_is_prefixed(advisor, name):
    add_client(advisor.organisation, advisor, name)
    response = logged_in(advisor).get("/advisor/clients/export.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["name"] for row in rows] == ["'" + name]


def test_a_plain_name_is_exported_as_it_is(advisor):
    add_client(advisor.organisation, advisor, "Maria Garcia-Lopez")
    response = logged_in(advisor).get("/advisor/clients/export.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["name"] for row in rows] == ["Maria Garcia-Lopez"]
