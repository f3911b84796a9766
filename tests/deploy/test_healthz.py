"""/healthz: 200 when the database answers and a catalog is published, 503 naming what
failed otherwise; never cached, never redirected to HTTPS (the container asks over HTTP)."""

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.urls import reverse

from eligibility.catalog import get_snapshot
from eligibility.models import RequirementGroup

pytestmark = pytest.mark.django_db


def test_it_is_at_healthz():
    assert reverse("healthz") == "/healthz"


def test_it_answers_ok_with_the_catalog_version(client, seeded):
    snapshot = get_snapshot()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "catalog": snapshot.version,
        "certifications": len(snapshot.certifications),
    }
    assert len(snapshot.certifications) >= 4


def test_it_is_never_cached(client, seeded):
    response = client.get("/healthz")
    assert "no-store" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_it_answers_503_when_the_catalog_is_empty(client, empty_catalog):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "catalog": "empty"}


def test_a_catalog_of_unfinished_certifications_counts_as_empty(client, seeded):
    # Without requirement groups no certification validates, so none is published.
    RequirementGroup.objects.all().delete()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["catalog"] == "empty"


def test_it_answers_503_when_the_database_does_not_answer(client, seeded, monkeypatch):
    def unreachable(self, sql, params=None):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", unreachable)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "database": "unreachable",
        "catalog": "unknown",
    }
    assert "Connection refused" not in response.content.decode()  # details go to the log
    assert "no-store" in response["Cache-Control"]


def test_it_is_not_redirected_to_https_when_everything_else_is(client, seeded, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    home = client.get("/")
    assert home.status_code == 301
    assert home["Location"] == "https://testserver/"


def test_it_answers_head_and_refuses_post(client, seeded):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
