"""Error pages a person can act on, with the site's navigation (not Django's bare ones)."""

import pytest
from django.test import override_settings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


@override_settings(DEBUG=False)
def test_a_deleted_plans_link_says_what_happened_and_where_to_go(client):
    response = client.get("/plan/no-such-plan-token/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "This page does not exist" in page
    assert "A saved plan's link stops working when the plan is deleted" in page
    assert 'href="/assess/"' in page


def test_the_server_error_page_stands_alone_and_points_home():
    from django.template.loader import render_to_string

    page = render_to_string("500.html")
    assert "Something went wrong on our side" in page and 'href="/"' in page
