"""Only the newest way in works: finishing with one invitation link ends the client's other
links, and an advisor can revoke a link that is still open."""

import re

import pytest
from django.test import Client as Browser

from advising.models import Assessment, Invitation
from tests.htmlforms import form_fields, single

from .test_invitations import create_link, refused, walk

pytestmark = pytest.mark.usefixtures("fresh_rate_limits")


def test_an_older_link_stops_working_once_the_client_finishes_with_a_newer_one(
    login, advisor, maria
):
    browser = login(advisor)
    older = create_link(browser, maria)
    newer = create_link(browser, maria)
    half_way = Browser()
    assert half_way.get(older).status_code == 302  # opened, left in a tab

    walk(Browser(), newer)
    saved = Assessment.objects.get()

    assert refused(Browser().get(older, follow=True))
    assert refused(half_way.get(f"{older}finished/", follow=True))  # the old tab, finished later
    maria.refresh_from_db()
    assert maria.assessment == saved and Assessment.objects.count() == 1
    page = browser.get(f"/advisor/clients/{maria.pk}/").content.decode()
    assert "completed" in page and "closed" in page


def revoke_form(page: str) -> tuple[str, dict]:
    """The revoke button's form on the client's page: (action, fields)."""
    tags = re.findall(r'<form[^>]*id="revoke-invitation-\d+"[^>]*>', page)
    assert len(tags) == 1, "one live link, one revoke button"
    form_id = re.search(r'id="([^"]+)"', tags[0]).group(1)
    action = re.search(r'action="([^"]+)"', tags[0]).group(1)
    return action, single(form_fields(page, form_id))


def test_an_advisor_revokes_a_link_and_it_stops_working(login, advisor, maria):
    browser = login(advisor)
    link = create_link(browser, maria)
    page = browser.get(f"/advisor/clients/{maria.pk}/").content.decode()
    assert "Revoke this link" in page
    action, fields = revoke_form(page)

    done = browser.post(action, fields, follow=True)

    assert done.status_code == 200
    assert "The invitation link no longer works" in done.content.decode()
    assert "Revoke this link" not in done.content.decode()
    assert Invitation.objects.get().revoked_at is not None
    assert refused(Browser().get(link, follow=True))


def test_revoking_by_address_revokes_nothing_and_says_to_use_the_button(login, advisor, maria):
    browser = login(advisor)
    link = create_link(browser, maria)
    response = browser.get(f"/advisor/clients/{maria.pk}/revoke-invitation/", follow=True)
    assert response.redirect_chain == [(f"/advisor/clients/{maria.pk}/", 302)]
    assert "Revoke this link" in response.content.decode()
    assert Browser().get(link).status_code == 302  # still works


def test_an_advisor_cannot_revoke_another_organisations_link(login, advisor, stranger, maria):
    create_link(login(advisor), maria)
    invitation = Invitation.objects.get()
    theirs = login(stranger)
    response = theirs.post(
        f"/advisor/clients/{maria.pk}/revoke-invitation/", {"invitation": invitation.pk}
    )
    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_a_revoke_naming_another_clients_link_revokes_nothing(login, advisor, maria, other):
    browser = login(advisor)
    create_link(browser, other)
    invitation = Invitation.objects.get()
    response = browser.post(
        f"/advisor/clients/{maria.pk}/revoke-invitation/",
        {"invitation": invitation.pk},
        follow=True,
    )
    assert response.status_code == 200
    assert "no longer open" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


@pytest.mark.parametrize("value", ["", "abc", "99999999999999999999999", "-1"])
def test_a_garbled_revoke_is_refused_in_words_not_a_500(login, advisor, maria, value):
    browser = login(advisor)
    create_link(browser, maria)
    response = browser.post(
        f"/advisor/clients/{maria.pk}/revoke-invitation/", {"invitation": value}, follow=True
    )
    assert response.status_code == 200
    assert "no longer open" in response.content.decode()
    assert Invitation.objects.get().revoked_at is None
