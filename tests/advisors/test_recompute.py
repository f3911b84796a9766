"""A rule change recomputes the stored summaries and says whose standing moved, and why."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from advising.models import Readiness, Recomputation, StatusChange
from tests.factories import UserFactory
from tests.htmlforms import form_fields, single
from tests.test_editor_admin import change_url, key_with_value

from .conftest import add_client, new_hire, nurse


def editor():
    user = UserFactory(username="erin", is_staff=True)
    user.groups.add(Group.objects.get(name="Catalog editors"))
    return user


def certification_form(browser, code: str) -> dict:
    return form_fields(browser.get(change_url(code)).content.decode(), "certification_form")


@pytest.mark.slow
def test_an_editors_change_recomputes_and_records_who_moved(
    client, login, advisor, django_capture_on_commit_callbacks
):
    ready = add_client(advisor.organisation, advisor, "Ready Rita", nurse())
    assert ready.readiness.get(certification="acm").status == "eligible"
    client.force_login(editor())
    browser = client
    fields = certification_form(browser, "acm")
    fields[key_with_value(fields, "-p_hours", "2080")] = ["20000"]  # nobody has ten years yet
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = browser.post(change_url("acm"), single(fields))
    assert response.status_code == 302
    assert len(callbacks) == 1  # one pass for the save, its inlines and their history
    after = Readiness.objects.get(client=ready, certification="acm")
    assert after.status != "eligible"
    change = StatusChange.objects.get(client=ready, certification="acm")
    assert change.before_status == "eligible"
    # The certification and the rule in plain words (issue 13, item 18), not the row's code.
    assert change.cause.startswith("ACM: the hours of work needed for “1 year of paid,")
    assert "changed from 2,080 to 20,000" in change.cause
    page = login(advisor).get("/advisor/")
    assert "Ready Rita" in page.content.decode()
    assert "changed from 2,080 to 20,000" in page.content.decode()


def test_unchanged_rules_change_nothing(advisor):
    client = add_client(advisor.organisation, advisor, "Later Lou", new_hire())
    before = client.assessment.summary
    out = StringIO()
    call_command("recompute_summaries", stdout=out)
    client.assessment.refresh_from_db()
    assert client.assessment.summary == before
    assert "1 summaries checked" in out.getvalue() and "0 changed" in out.getvalue()
    assert Recomputation.objects.get().changed == 0
    assert not StatusChange.objects.exists()


def test_a_profile_the_new_rules_refuse_is_kept_and_counted(advisor):
    client = add_client(advisor.organisation, advisor, "Maria", nurse())
    profile = client.assessment.profile
    client.assessment.profile = {**profile, "credentials": ["no-such-credential"]}
    client.assessment.save()
    call_command("recompute_summaries", stdout=StringIO())
    run = Recomputation.objects.get()
    assert run.failed == 1
    # The old summary stays: one row per certification of the catalog.
    assert Readiness.objects.filter(client=client).count() == 11
