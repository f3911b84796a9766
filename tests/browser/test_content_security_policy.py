"""The Content-Security-Policy holds on every page people and editors use, in a real browser.

The policy allows no inline script, no inline style and no javascript: URL. The browser
reports each refusal on the console; these tests walk the admin (every model's list, add,
change and history pages, the widgets that build pages with JavaScript) and the public pages
and fail on any refusal. Skipped without Debian's chromium, like tests/browser.
"""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.browser.journeys import press_button
from tests.browser.test_editor_journey import add_group

PASSWORD = "a-long-test-passphrase-42"  # noqa: S105 (a test account in a flushed database)


@pytest.fixture
def csp_refusals(new_page):  # noqa: F811
    """A page whose console refusals (CSP violations) are collected in page.refusals."""
    page = new_page()
    page.refusals = []
    page.on(
        "console",
        lambda message: (
            page.refusals.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return page


def log_in_as_superuser(page: Page, site: str):  # noqa: F811
    user = get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Username").fill("root")
    page.get_by_label("Password").fill(PASSWORD)
    press_button(page, "Log in")
    return user


def admin_pages(user) -> list[str]:
    """Every registered model's list and add page (where adding is allowed), and the change
    and history page of its first row."""
    request = RequestFactory().get("/admin/")
    request.user = user
    urls = [reverse("admin:index")]
    for model, model_admin in admin.site._registry.items():
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls += [reverse(f"{name}_changelist")]
        if model_admin.has_add_permission(request):
            urls += [reverse(f"{name}_add")]
        first = model._default_manager.order_by("pk").values_list("pk", flat=True).first()
        if first is not None:
            urls += [reverse(f"{name}_change", args=[first])]
            urls += [reverse(f"{name}_history", args=[first])]
    return urls


def test_every_admin_page_keeps_to_the_policy(site, csp_refusals):  # noqa: F811
    page = csp_refusals
    user = log_in_as_superuser(page, site)
    pages = admin_pages(user) + [reverse("admin:eligibility_catalog_import")]
    for url in pages:
        response = page.goto(site + url)
        assert response.status == 200, url
    assert len(pages) > 40
    assert page.refusals == []


def test_the_admin_widgets_that_build_the_page_keep_to_the_policy(site, csp_refusals):  # noqa: F811
    page = csp_refusals
    log_in_as_superuser(page, site)

    # Nested inlines, the two-box source picker, and the preview with its way back.
    page.goto(f"{site}/admin/eligibility/certification/add/")
    page.locator("#id_code").fill("csp-check")
    page.locator("#id_name").fill("CSP check")
    page.locator("#id_body").select_option(index=1)
    condition = add_group(page, 0, "references", "References")
    condition.get_by_label("Kind").select_option(label="References")
    condition.get_by_label("At least this many references").fill("2")
    page.locator("#id_sources_from option").first.dblclick()
    expect(page.locator("#id_sources_to option")).to_have_count(1)
    press_button(page, "Preview the changes")
    expect(page.locator("h1")).to_contain_text("Preview of the changes")
    with page.expect_navigation():
        page.get_by_role("link", name="Back to editing").click()
    expect(page.locator("#id_code")).to_be_visible()

    # The organisation form: slug filled from the name, the user search (select2), inlines.
    page.goto(f"{site}/admin/advising/organisation/add/")
    page.locator("#id_name").press_sequentially("Policy Clinic")
    expect(page.locator("#id_slug")).to_have_value("policy-clinic")
    page.locator("#members-0 .select2-selection").click()
    page.locator(".select2-search__field").fill("ro")
    expect(page.locator(".select2-results__option").first).to_contain_text("root")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Add another Membership").click()
    expect(page.locator("#members-1")).to_be_visible()
    assert page.refusals == []


def test_public_pages_keep_to_the_policy(site, csp_refusals):  # noqa: F811
    page = csp_refusals
    for path in ("/", "/assess/licences/", "/certifications/", "/jobs/", "/accounts/login/"):
        response = page.goto(site + path)
        assert response.status == 200, path
    assert page.refusals == []
