"""Addresses that only a button reaches (a POST), opened another way: a reload of the page the
button led to, a bookmark, a link pasted into a new tab. The advisor gets a page that says what
to do, never a bare "405 Method Not Allowed", and nothing is done on their behalf.
"""

import pytest
from django.urls import URLPattern, reverse

from advising import urls as advising_urls
from advising.models import Invitation, Membership

from .conftest import add_client, member, nurse


def test_reloading_the_invitation_page_goes_back_to_the_client_and_says_why(login, advisor):
    maria = add_client(advisor.organisation, advisor, profile=nurse())
    browser = login(advisor)
    created = browser.post(f"/advisor/clients/{maria.pk}/invite/")
    assert created.status_code == 200
    assert Invitation.objects.count() == 1

    reloaded = browser.get(f"/advisor/clients/{maria.pk}/invite/", follow=True)
    assert reloaded.status_code == 200
    assert reloaded.redirect_chain == [(f"/advisor/clients/{maria.pk}/", 302)]
    page = reloaded.content.decode()
    assert "shown only once" in page
    assert "Invite Maria Garcia to fill it in" in page  # the button that makes a new one
    assert Invitation.objects.count() == 1  # a reload makes no new link


def test_the_invitation_address_of_another_organisations_client_stays_not_found(
    login, advisor, stranger
):
    theirs = add_client(stranger.organisation, stranger, "Their Client")
    assert login(advisor).get(f"/advisor/clients/{theirs.pk}/invite/").status_code == 404


def test_opening_a_team_button_address_goes_back_to_the_team_page(login, org_admin, colleague):
    browser = login(org_admin)
    for action in ("role", "active", "invite"):
        response = browser.get(f"/advisor/team/{colleague.pk}/{action}/", follow=True)
        assert response.status_code == 200, action
        assert response.redirect_chain == [("/advisor/team/", 302)], action
        assert "Use the buttons on this page" in response.content.decode(), action
    colleague.refresh_from_db()
    assert colleague.role == Membership.ADVISOR and colleague.user.is_active


def test_logging_out_by_address_asks_for_the_button_and_keeps_the_advisor_logged_in(login, advisor):
    browser = login(advisor)
    response = browser.get("/accounts/logout/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [("/advisor/", 302)]
    assert "To log out, press “Log out” at the top of the page." in response.content.decode()
    assert browser.get("/advisor/").status_code == 200  # still logged in: a GET changes nothing


def addresses():
    """Every advisor address (and the log-out), with its placeholders filled in."""
    for pattern in advising_urls.urlpatterns:
        if isinstance(pattern, URLPattern):
            yield pattern.name, tuple(pattern.pattern.converters)
    yield "logout", ()


@pytest.mark.parametrize(("name", "params"), list(addresses()))
def test_no_advisor_address_answers_a_bare_405_to_a_get(login, org_admin, name, params):
    colleague = member(org_admin.organisation, "bob")
    maria = add_client(org_admin.organisation, colleague, profile=nurse())
    values = {
        "pk": colleague.pk if name.startswith("advisor_member") else maria.pk,
        "token": "not-a-real-token",
        "step": "licences",
    }
    url = reverse(name, kwargs={p: values[p] for p in params})
    response = login(org_admin).get(url)
    assert response.status_code != 405, url
