"""An organisation admin's team page: list the members, add an advisor (an invitation by
e-mail), change a role, deactivate and reactivate; nobody else may, and nothing of another
organisation is reachable."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import connection
from django.test import Client as Browser
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from advising.models import Membership
from tests.factories import UserFactory

from .conftest import add_client, member

# The invitation's set-password page and the logins POST to rate-limited views.
pytestmark = pytest.mark.usefixtures("fresh_rate_limits")

User = get_user_model()
PASSWORD = "a-long-test-password"  # tests.factories.UserFactory's
NEW = {"first_name": "Nadia", "last_name": "Okafor", "email": "Nadia.Okafor@Riverside.example",
       "role": "advisor"}  # fmt: skip


def main(response) -> str:
    return re.search(r"<main.*</main>", response.content.decode(), re.S).group(0)


def row(response, name: str) -> str:
    """The team table's row of `name`."""
    rows = re.findall(r"<tr[^>]*>.*?</tr>", main(response), re.S)
    found = [r for r in rows if f'<th scope="row">{name}' in r]
    assert len(found) == 1, f"no single row for {name}"
    return found[0]


def member_names(response) -> list[str]:
    return [m.display_name for m in response.context["members"]]


def flashed(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def reset_link(message) -> str:
    found = re.search(r"http://testserver(/accounts/reset/[^/\s]+/[^/\s]+/)", message.body)
    assert found, message.body
    return found.group(1)


def log_in(browser, username: str, password: str = PASSWORD):
    return browser.post("/accounts/login/", {"username": username, "password": password})


# --- the list -------------------------------------------------------------------------------


def test_it_lists_the_organisations_members_with_their_clients_and_last_login(
    login, org_admin, advisor, colleague, stranger
):
    add_client(org_admin.organisation, advisor, "Rita Ready")
    add_client(org_admin.organisation, advisor, "Lou Later")
    add_client(stranger.organisation, stranger, "Someone Else")
    advisor.user.email = "ada@riverside.example"
    advisor.user.last_login = timezone.make_aware(dt.datetime(2026, 11, 20, 9, 30))
    advisor.user.save()
    colleague.user.is_active = False
    colleague.user.save()

    response = login(org_admin).get("/advisor/team/")
    assert response.status_code == 200
    assert member_names(response) == ["Ada Lee", "Bob Lee", "Cleo Lee"]
    assert "Dan Lee" not in response.content.decode()  # another organisation's member

    ada = row(response, "Ada Lee")
    assert "ada@riverside.example" in ada
    assert "<td>Advisor</td>" in ada
    assert ">2<span" in ada and "/advisor/clients/?advisor=" in ada  # two clients, linked
    assert "20 Nov 2026, 09:30" in ada
    assert "<td>Active</td>" in ada
    bob = row(response, "Bob Lee")
    assert "Deactivated" in bob and "Reactivate" in bob and '<td class="num">0</td>' in bob
    cleo = row(response, "Cleo Lee")
    assert "<td>Organisation admin</td>" in cleo and "(you)" in cleo


def test_the_list_takes_a_fixed_number_of_queries(login, org_admin, django_assert_max_num_queries):
    org = org_admin.organisation
    browser = login(org_admin)
    browser.get("/advisor/team/")  # the session is warm
    with CaptureQueriesContext(connection) as few:
        browser.get("/advisor/team/")
    for i in range(25):
        someone = member(org, f"member{i:02}")
        add_client(org, someone, f"Client {i}")
    with django_assert_max_num_queries(10):
        response = browser.get("/advisor/team/")
    assert len(response.context["members"]) == 26
    with CaptureQueriesContext(connection) as many:
        browser.get("/advisor/team/")
    assert len(many) == len(few)


def test_the_table_and_every_button_have_accessible_names(login, org_admin, advisor):
    response = login(org_admin).get("/advisor/team/")
    page = main(response)
    assert '<table class="data team" aria-labelledby="members-heading">' in page
    assert 'id="members-heading"' in page
    ada = row(response, "Ada Lee")
    for button in re.findall(r"<button[^>]*>(.*?)</button>", ada, re.S):
        assert '<span class="visually-hidden">' in button and "Ada Lee" in button, button


def test_the_add_form_labels_every_field(login, org_admin):
    page = login(org_admin).get("/advisor/team/new/").content.decode()
    for name in ("first_name", "last_name", "email"):
        assert re.search(rf'<label[^>]*for="id_{name}"', page), name
        assert re.search(rf'<input[^>]*id="id_{name}"', page), name
    assert re.search(r"<legend[^>]*>Role", page)
    assert re.search(r'<label for="id_role_0"><input[^>]*value="advisor"[^>]*checked', page)
    assert re.search(r'<label for="id_role_1"><input[^>]*value="admin"', page)


# --- who may ---------------------------------------------------------------------------------

# (method, path) of every team URL; {pk} is a member of the organisation.
TEAM_URLS = [
    ("get", "/advisor/team/"),
    ("get", "/advisor/team/new/"),
    ("post", "/advisor/team/new/"),
    ("post", "/advisor/team/{pk}/role/"),
    ("post", "/advisor/team/{pk}/active/"),
    ("post", "/advisor/team/{pk}/invite/"),
    ("get", "/advisor/team/{pk}/role/"),
]


@pytest.mark.parametrize(("method", "path"), TEAM_URLS)
def test_a_plain_advisor_gets_a_clear_403_on_every_team_url(
    login, advisor, colleague, org_admin, method, path
):
    browser = login(advisor)
    data = {**NEW, "role": "admin", "active": "false"} if method == "post" else None
    response = getattr(browser, method)(path.format(pk=colleague.pk), data)
    assert response.status_code == 403
    page = response.content.decode()
    assert "Only an organisation admin can manage the team" in page
    assert "Cleo Lee" in page  # who to ask
    colleague.refresh_from_db()
    assert colleague.role == Membership.ADVISOR and colleague.user.is_active
    assert not User.objects.filter(email__iexact=NEW["email"]).exists()


@pytest.mark.parametrize("path", ["/advisor/team/", "/advisor/team/new/"])
def test_a_visitor_is_sent_to_log_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={path}"


@pytest.mark.parametrize("action", ["role", "active", "invite"])
def test_it_checks_ownership_of_the_member(login, org_admin, stranger, action):
    stranger.user.set_unusable_password()
    stranger.user.save()
    data = {"role": "admin", "active": "false"}
    response = login(org_admin).post(f"/advisor/team/{stranger.pk}/{action}/", data)
    assert response.status_code == 404
    stranger.refresh_from_db()
    assert stranger.role == Membership.ADVISOR and stranger.user.is_active


@pytest.mark.parametrize("action", ["role", "active", "invite"])
def test_member_changes_are_posts_only(login, org_admin, advisor, action):
    response = login(org_admin).get(f"/advisor/team/{advisor.pk}/{action}/?role=admin")
    assert response.status_code == 302 and response["Location"] == "/advisor/team/"
    advisor.refresh_from_db()
    assert advisor.role == Membership.ADVISOR and advisor.user.is_active


@pytest.mark.parametrize(
    ("path", "data"),
    [("/advisor/team/new/", NEW), ("/advisor/team/{pk}/role/", {"role": "admin"}),
     ("/advisor/team/{pk}/active/", {"active": "false"})],
)  # fmt: skip
def test_changes_without_a_csrf_token_are_refused(org_admin, advisor, path, data):
    browser = Browser(enforce_csrf_checks=True)
    browser.force_login(org_admin.user)
    response = browser.post(path.format(pk=advisor.pk), data)
    assert response.status_code == 403
    advisor.refresh_from_db()
    assert advisor.role == Membership.ADVISOR and advisor.user.is_active
    assert not User.objects.filter(email__iexact=NEW["email"]).exists()


def test_the_dashboard_links_to_the_team_for_admins_only(login, org_admin, advisor):
    assert 'href="/advisor/team/"' in main(login(org_admin).get("/advisor/"))
    assert 'href="/advisor/team/"' not in main(login(advisor).get("/advisor/"))


# --- adding an advisor ----------------------------------------------------------------------


def test_adding_an_advisor_invites_them_to_choose_a_password_and_log_in(
    login, org_admin, mailoutbox
):
    browser = login(org_admin)
    response = browser.post("/advisor/team/new/", NEW, follow=True)
    assert response.redirect_chain == [("/advisor/team/", 302)]
    assert any(m.startswith("Invitation e-mail sent to Nadia Okafor") for m in flashed(response))
    assert "Nadia Okafor" in member_names(response)

    user = User.objects.get(email__iexact=NEW["email"])
    assert user.username == "nadia.okafor@riverside.example"
    assert (user.first_name, user.last_name) == ("Nadia", "Okafor")
    assert not user.has_usable_password() and user.is_active and not user.is_staff
    membership = user.membership
    assert membership.organisation == org_admin.organisation
    assert membership.role == Membership.ADVISOR
    assert "no password chosen yet" in row(response, "Nadia Okafor")

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [user.email]
    assert "\n" not in message.subject and "Riverside Workforce Board" in message.subject
    assert "Cleo Lee has added you to Riverside Workforce Board" in message.body
    assert "username: nadia.okafor@riverside.example" in message.body

    newcomer = Browser()
    form = newcomer.get(reset_link(message), follow=True)
    set_url = form.redirect_chain[-1][0]
    assert set_url.endswith("/set-password/")
    new = "river-otter-lantern-93"
    done = newcomer.post(set_url, {"new_password1": new, "new_password2": new})
    assert done["Location"] == "/accounts/reset/done/"
    assert log_in(newcomer, user.username, new)["Location"] == "/advisor/"
    assert newcomer.get("/advisor/").status_code == 200


def test_an_organisation_admin_can_be_added(login, org_admin, mailoutbox):
    login(org_admin).post("/advisor/team/new/", {**NEW, "role": "admin"})
    assert User.objects.get(email__iexact=NEW["email"]).membership.role == Membership.ADMIN


@pytest.mark.parametrize("field", ["email", "username"])
def test_an_address_used_in_another_organisation_gets_a_separate_account_and_says_nothing(
    login, org_admin, stranger, mailoutbox, field
):
    # Someone of another organisation already has the address (in another case) as their
    # e-mail, or as their username. The admin is not told (issue 14, item 13): the newcomer
    # gets an account of their own, and the other account is left as it was.
    setattr(stranger.user, field, "NADIA.OKAFOR@riverside.example")
    stranger.user.save()

    response = login(org_admin).post("/advisor/team/new/", NEW, follow=True)
    assert response.redirect_chain == [("/advisor/team/", 302)]
    assert any(m.startswith("Invitation e-mail sent to Nadia Okafor") for m in flashed(response))
    assert "Nadia Okafor" in member_names(response)
    stranger.refresh_from_db()
    assert stranger.organisation.slug == "hillside"
    nadia = Membership.objects.get(organisation=org_admin.organisation, user__first_name="Nadia")
    assert nadia.user != stranger.user and nadia.user.username != stranger.user.username
    assert len(mailoutbox) == 1 and f"username: {nadia.user.username}" in mailoutbox[0].body


def test_bad_input_is_summarised_with_links_to_each_field_and_nothing_is_saved(
    login, org_admin, mailoutbox
):
    users = User.objects.count()
    response = login(org_admin).post(
        "/advisor/team/new/",
        {"first_name": "", "last_name": "Okafor", "email": "not-an-address", "role": "owner"},
    )
    assert response.status_code == 200
    assert response.context["errors"] == [
        ("id_first_name", "First name is required"),
        ("id_email", "E-mail is not an e-mail address"),
        ("id_role_0", "Role is not one of the roles"),  # its first choice: a radio takes focus
    ]
    page = response.content.decode()
    assert 'class="error-summary"' in page and 'role="alert"' in page
    for target in ("id_first_name", "id_email", "id_role_0"):
        assert f'href="#{target}"' in page and f'id="{target}"' in page
    assert re.search(r'<input[^>]*id="id_email"[^>]*aria-invalid="true"', page) or re.search(
        r'<input[^>]*aria-invalid="true"[^>]*id="id_email"', page
    )
    assert User.objects.count() == users and mailoutbox == []


def test_a_mail_that_cannot_be_sent_is_reported(login, org_admin, monkeypatch, mailoutbox):
    def refuse(self, fail_silently=False):
        raise OSError("connection refused")

    monkeypatch.setattr(EmailMultiAlternatives, "send", refuse)
    response = login(org_admin).post("/advisor/team/new/", NEW, follow=True)
    assert any("could not be sent" in m for m in flashed(response))
    assert "Send the invitation again" in row(response, "Nadia Okafor")


def test_the_invitation_can_be_sent_again_until_a_password_is_chosen(
    login, org_admin, advisor, mailoutbox
):
    browser = login(org_admin)
    browser.post("/advisor/team/new/", NEW)
    nadia = User.objects.get(email__iexact=NEW["email"]).membership
    response = browser.post(f"/advisor/team/{nadia.pk}/invite/", follow=True)
    assert any(m.startswith("Invitation e-mail sent to Nadia Okafor") for m in flashed(response))
    assert len(mailoutbox) == 2 and reset_link(mailoutbox[1])

    assert "Send the invitation again" not in row(response, "Ada Lee")  # has a password
    response = browser.post(f"/advisor/team/{advisor.pk}/invite/", follow=True)
    assert any("has already chosen a password" in m for m in flashed(response))
    assert len(mailoutbox) == 2


# --- roles ----------------------------------------------------------------------------------


def test_a_promoted_advisor_sees_every_client_at_once(login, org_admin, advisor, colleague):
    org = org_admin.organisation
    add_client(org, advisor, "Ada's Client")
    add_client(org, colleague, "Bob's Client")
    ada = Browser()
    ada.force_login(advisor.user)
    before = ada.get("/advisor/clients/")  # cached for Ada's scope
    assert [r["client"].name for r in before.context["rows"]] == ["Ada's Client"]
    assert ada.get("/advisor/team/").status_code == 403

    response = login(org_admin).post(
        f"/advisor/team/{advisor.pk}/role/", {"role": "admin"}, follow=True
    )
    assert "Ada Lee is now an organisation admin." in flashed(response)
    advisor.refresh_from_db()
    assert advisor.role == Membership.ADMIN

    after = ada.get("/advisor/clients/")
    assert [r["client"].name for r in after.context["rows"]] == ["Ada's Client", "Bob's Client"]
    assert ada.get("/advisor/team/").status_code == 200


def test_a_demoted_admin_sees_only_their_clients(login, org_admin, advisor):
    second = member(org_admin.organisation, "eve", Membership.ADMIN)
    add_client(org_admin.organisation, advisor, "Ada's Client")
    eve = Browser()
    eve.force_login(second.user)
    assert len(eve.get("/advisor/clients/").context["rows"]) == 1
    login(org_admin).post(f"/advisor/team/{second.pk}/role/", {"role": "advisor"})
    assert eve.get("/advisor/clients/").context["rows"] == []
    assert eve.get("/advisor/team/").status_code == 403


def test_the_last_active_admin_cannot_demote_or_deactivate_themselves(login, org_admin):
    browser = login(org_admin)
    for action, data in (("role", {"role": "advisor"}), ("active", {"active": "false"})):
        response = browser.post(f"/advisor/team/{org_admin.pk}/{action}/", data, follow=True)
        assert response.status_code == 200
        assert any(
            "Cleo Lee is the last active organisation admin of Riverside Workforce Board" in m
            and "make another member an organisation admin first" in m
            for m in flashed(response)
        ), action
    org_admin.refresh_from_db()
    assert org_admin.role == Membership.ADMIN and org_admin.user.is_active


def test_a_deactivated_admin_does_not_count_as_another_admin(login, org_admin):
    gone = member(org_admin.organisation, "eve", Membership.ADMIN)
    gone.user.is_active = False
    gone.user.save()
    login(org_admin).post(f"/advisor/team/{org_admin.pk}/role/", {"role": "advisor"})
    org_admin.refresh_from_db()
    assert org_admin.role == Membership.ADMIN


def test_with_another_active_admin_an_admin_may_step_down(login, org_admin):
    member(org_admin.organisation, "eve", Membership.ADMIN)
    browser = login(org_admin)
    response = browser.post(f"/advisor/team/{org_admin.pk}/role/", {"role": "advisor"})
    assert response["Location"] == "/advisor/team/"
    org_admin.refresh_from_db()
    assert org_admin.role == Membership.ADVISOR
    assert browser.get("/advisor/team/").status_code == 403  # at once


def test_an_unknown_role_changes_nothing(login, org_admin, advisor):
    response = login(org_admin).post(
        f"/advisor/team/{advisor.pk}/role/", {"role": "owner"}, follow=True
    )
    assert any("Choose the role" in m for m in flashed(response))
    advisor.refresh_from_db()
    assert advisor.role == Membership.ADVISOR


# --- deactivating ---------------------------------------------------------------------------


def test_a_deactivated_member_cannot_log_in_and_their_clients_stay(login, org_admin, advisor):
    add_client(org_admin.organisation, advisor, "Rita Ready")
    ada = Browser()
    assert log_in(ada, "ada")["Location"] == "/advisor/"  # before

    response = login(org_admin).post(
        f"/advisor/team/{advisor.pk}/active/", {"active": "false"}, follow=True
    )
    assert any(m.startswith("Ada Lee is deactivated") for m in flashed(response))
    assert "Deactivated" in row(response, "Ada Lee")
    advisor.user.refresh_from_db()
    assert not advisor.user.is_active

    # Their open session ends, and the right password no longer logs them in.
    assert ada.get("/advisor/")["Location"].startswith("/accounts/login/")
    refused = log_in(Browser(), "ada")
    assert refused.status_code == 200 and "_auth_user_id" not in refused.client.session

    # Their clients stay assigned to them, and the admin still sees them.
    clients = login(org_admin).get("/advisor/clients/")
    rows = clients.context["rows"]
    assert [(r["client"].name, r["client"].advisor_id) for r in rows] == [
        ("Rita Ready", advisor.pk)
    ]


def test_a_reactivated_member_can_log_in_again(login, org_admin, advisor):
    browser = login(org_admin)
    browser.post(f"/advisor/team/{advisor.pk}/active/", {"active": "false"})
    response = browser.post(f"/advisor/team/{advisor.pk}/active/", {"active": "true"}, follow=True)
    assert "Ada Lee is active again and can log in." in flashed(response)
    assert log_in(Browser(), "ada")["Location"] == "/advisor/"


def test_an_account_that_runs_the_site_is_left_to_a_superuser(login, org_admin):
    editor = UserFactory(username="root", is_staff=True, is_superuser=True)
    boss = Membership.objects.create(user=editor, organisation=org_admin.organisation)
    response = login(org_admin).post(
        f"/advisor/team/{boss.pk}/active/", {"active": "false"}, follow=True
    )
    assert any("only a superuser can" in m for m in flashed(response))
    editor.refresh_from_db()
    assert editor.is_active


def test_a_deactivated_advisor_takes_no_new_clients_but_keeps_theirs(login, org_admin, advisor):
    kept = add_client(advisor.organisation, advisor, "Kept Client")
    advisor.user.is_active = False
    advisor.user.save()
    browser = login(org_admin)
    new_form = browser.get("/advisor/clients/new/").content.decode()
    assert f'value="{advisor.pk}"' not in new_form
    edit_form = browser.get(f"/advisor/clients/{kept.pk}/edit/").content.decode()
    assert f'value="{advisor.pk}" selected' in edit_form
    response = browser.post(
        f"/advisor/clients/{kept.pk}/edit/",
        {"name": "Kept Client", "advisor": advisor.pk, "notes": "still theirs"},
    )
    assert response.status_code == 302
