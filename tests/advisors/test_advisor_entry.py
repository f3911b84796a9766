"""An advisor enters or updates a client's assessment through the same steps as the public."""

from advising.models import Assessment
from tests.htmlforms import form_fields

from .conftest import add_client, new_hire

STEPS = ["licences", "education", "work", "training", "about"]


def test_update_starts_from_the_last_profile_and_saves_a_new_assessment(login, advisor):
    lou = add_client(advisor.organisation, advisor, "Lou Later", new_hire())
    browser = login(advisor)
    start = browser.get(f"/advisor/clients/{lou.pk}/assessment/")
    assert start.status_code == 302
    assert start["Location"] == f"/advisor/clients/{lou.pk}/assessment/licences/"
    for step in STEPS:
        page = browser.get(f"/advisor/clients/{lou.pk}/assessment/{step}/")
        assert "Assessment of <strong>Lou Later</strong>" in page.content.decode()
        data = form_fields(page.content.decode(), "wizard-form")
        if step == "training":
            data["training-entries-0-hours"] = ["30"]  # 12 → 30 hours of CE
        response = browser.post(f"/advisor/clients/{lou.pk}/assessment/{step}/", data)
        assert response.status_code == 302, response.context["errors"]
    assert response["Location"] == f"/advisor/clients/{lou.pk}/assessment/finished/"
    done = browser.get(response["Location"])
    assert done["Location"] == f"/advisor/clients/{lou.pk}/"
    latest = Assessment.objects.filter(client=lou).first()
    assert Assessment.objects.filter(client=lou).count() == 2
    assert latest.source == "advisor" and latest.entered_by == advisor.user
    assert latest.profile["education"][0]["hours"] == 30
    lou.refresh_from_db()
    assert lou.assessment == latest


def test_a_step_error_is_shown_at_the_field_and_nothing_is_saved(login, advisor):
    una = add_client(advisor.organisation, advisor, "Una")
    browser = login(advisor)
    page = browser.get(f"/advisor/clients/{una.pk}/assessment/work/")
    data = form_fields(page.content.decode(), "wizard-form")
    data.update(
        {
            "work-entries-TOTAL_FORMS": ["1"],
            "work-entries-0-role": ["nurse-case-manager"],
            "work-entries-0-setting": ["hospital"],
            "work-entries-0-start": ["2025-05-01"],
            "work-entries-0-end": ["2024-05-01"],
            "work-entries-0-hours_per_week": ["40"],
        }
    )
    response = browser.post(f"/advisor/clients/{una.pk}/assessment/work/", data)
    assert response.status_code == 200
    assert any("before" in message.lower() for _, message in response.context["errors"])
    assert not Assessment.objects.filter(client=una).exists()
