"""axe-core finds no violation on any public page, wizard step, results page or saved plan.

Every page of a test is checked before the test fails, and the failure shows axe's report of
each page with violations (rule, impact, the offending HTML).
"""

import datetime as dt

import pytest
from axe_playwright_python.sync_playwright import Axe

from .journeys import complete, fill_entry, press_button

STEPS = ("licences", "education", "work", "training", "about")


@pytest.fixture(scope="module")
def axe():
    return Axe()


class Audit:
    """Runs axe on page after page and keeps the reports of those with violations."""

    def __init__(self, axe, page):
        self.axe, self.page, self.failures, self.checked = axe, page, {}, []

    def check(self, label: str) -> None:
        results = self.axe.run(self.page)
        self.checked.append(label)
        if results.violations_count:
            self.failures[label] = results.generate_report()

    def visit(self, url: str, label: str | None = None) -> None:
        response = self.page.goto(url)
        assert response.status == 200, (url, response.status)
        self.check(label or url)

    def assert_clean(self) -> None:
        report = "\n\n".join(f"=== {label} ===\n{text}" for label, text in self.failures.items())
        if report:
            print(report)
        assert not self.failures, f"axe violations on {list(self.failures)}:\n{report}"


def test_public_pages(site, page, axe):
    audit = Audit(axe, page)
    for path in (
        "/",
        "/certifications/",
        "/certifications/ccm/",
        "/jobs/",
        "/jobs/hospital-case-manager/",
    ):
        audit.visit(site + path, path)
    audit.assert_clean()


def test_every_wizard_step_empty_and_the_work_step_in_error(site, page, axe):
    audit = Audit(axe, page)
    for step in STEPS:
        audit.visit(f"{site}/assess/{step}/", f"/assess/{step}/ (empty)")
        assert page.locator("h1").count() == 1

    page.goto(f"{site}/assess/work/")
    fill_entry(
        page,
        "work",
        0,
        {"role": "case-manager", "setting": "hospital", "start": "2024-05-01",
         "end": "2023-05-01", "hours_per_week": "90"},
    )  # fmt: skip
    press_button(page, "Continue")
    assert page.locator("#error-summary li").count() == 2  # end date and hours
    audit.check("/assess/work/ (errors)")
    audit.assert_clean()


def test_results_saved_plan_and_its_deletion(site, page, axe):
    today = dt.date.today()
    complete(
        page,
        site,
        {
            "licences": [{"type": "rn"}],
            "education": [{"level": "bachelor", "field": "nursing"}],
            "work": [
                {
                    "role": "nurse-case-manager",
                    "setting": "hospital",
                    "start": "2022-01-10",
                    "ongoing": True,
                    "hours_per_week": "40",
                }
            ],
            "training": [
                {
                    "topic": "nursing-case-management",
                    "hours": "12",
                    "completed": (today - dt.timedelta(days=90)).isoformat(),
                }
            ],
        },
    )
    audit = Audit(axe, page)
    audit.check("/assess/results/")
    press_button(page, "Save this plan")
    assert "/plan/" in page.url
    audit.check("/plan/<token>/ (just saved, with its message)")
    plan = page.url
    audit.visit(plan, "/plan/<token>/")
    audit.visit(plan + "delete/", "/plan/<token>/delete/ (confirmation)")
    press_button(page, "Delete the plan")
    audit.check("/plan/<token>/delete/ (deleted)")
    audit.assert_clean()
