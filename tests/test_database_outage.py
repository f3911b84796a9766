"""While the database cannot be reached (a restart, a failover), pages and the API answer
503 with Retry-After instead of a 500 crash page (careerpath/outage.py).

The outage is simulated on SQLite by making the first database call of the request raise what
Django raises when PostgreSQL drops its connections. bench/soak.py checks the same against a
real PostgreSQL restart under load.
"""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import InterfaceError, OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db

DROPPED = (OperationalError, "terminating connection due to administrator command")


def fail(kind: type[Exception], message: str):
    def raising(*args, **kwargs):
        raise kind(message)

    return raising


@pytest.mark.parametrize("error", [DROPPED, (InterfaceError, "connection already closed")])
def test_a_page_answers_503_with_retry_after_while_the_database_is_down(client, monkeypatch, error):
    monkeypatch.setattr("eligibility.views.find_plan", fail(*error))
    response = client.get("/plan/some-token/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Content-Type"].startswith("text/html")
    assert "back in a moment" in response.content.decode()


def test_the_api_answers_503_in_json_while_the_database_is_down(
    client, seeded, monkeypatch, fresh_rate_limits
):
    monkeypatch.setattr("eligibility.api.get_snapshot", fail(*DROPPED))
    response = client.post("/api/assess", {}, content_type="application/json")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response.json() == {
        "errors": {"request": "temporarily unavailable; try again in a few seconds"}
    }


def test_a_session_that_cannot_be_saved_after_the_view_answers_503_not_500(seeded, monkeypatch):
    # The wizard's first page starts a session; saving it happens in the session middleware,
    # after the view, where Django has already turned the error into a 500.
    browser = Client(raise_request_exception=False)
    assert browser.get("/assess/licences/").status_code == 200
    assert "sessionid" in browser.cookies  # the page does save a session

    monkeypatch.setattr(SessionStore, "save", fail(*DROPPED))
    browser = Client(raise_request_exception=False)
    response = browser.get("/assess/licences/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "back in a moment" in response.content.decode()
    assert "Content-Security-Policy" in response  # headers set on the 500 are kept
    assert "sessionid" not in response.cookies


def test_other_errors_still_answer_500(monkeypatch):
    monkeypatch.setattr("eligibility.views.find_plan", fail(RuntimeError, "a bug"))
    response = Client(raise_request_exception=False).get("/plan/some-token/")
    assert response.status_code == 500
    assert not response.has_header("Retry-After")
