"""An editor who is not a superuser adds a certification in the admin; the public sees it.

The rule tree is built with the nested inlines' own "Add another …" links (django-nested-admin,
JavaScript), previewed in plain language, then saved from the preview page. A public user in
another browser context then finds the new certification "Eligible now" on the results.
"""

from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from playwright.sync_api import Locator, Page, expect

from eligibility.editors import ensure_editors_group
from eligibility.models import Certification

from .journeys import answer_about, fill_entry, press_button, status, step_heading

USERNAME = "edna-editor"
PASSWORD = "a-long-test-passphrase-42"  # noqa: S105 (a test account in a flushed database)

CODE = "rn-case-coordinator"
NAME = "Registered Nurse Case Coordinator"
BODY = "American Case Management Association"

LICENCE_RULE = "An active licence in good standing as a registered nurse (RN)"
REFERENCES_RULE = "At least 2 references"


def make_editor() -> None:
    user = get_user_model().objects.create_user(USERNAME, password=PASSWORD, is_staff=True)
    # A live-server test's database is flushed between tests, migration data included.
    user.groups.add(ensure_editors_group())
    assert not user.is_superuser


def log_in(page: Page, site: str) -> None:
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    press_button(page, "Log in")
    assert urlsplit(page.url).path == "/admin/", page.url


def add_inline(scope: Locator, what: str, prefix: str) -> Locator:
    """Click the visible "Add another <what>" link in `scope`; return the new inline form."""
    scope.get_by_role("link", name=f"Add another {what}", exact=True).click()
    form = scope.page.locator(f"#{prefix}")
    expect(form).to_be_visible()
    return form


def own_field(form: Locator, prefix: str, name: str) -> Locator:
    return form.locator(f"#id_{prefix}-{name}")


def add_group(page: Page, index: int, code: str, name: str) -> Locator:
    """A new requirement group with one option holding one (still blank) condition."""
    group_prefix = f"groups-{index}"
    group = add_inline(page.locator("#groups-group"), "Requirement Group", group_prefix)
    own_field(group, group_prefix, "code").fill(code)
    own_field(group, group_prefix, "name").fill(name)

    option_prefix = f"{group_prefix}-options-0"
    option = add_inline(group, "Requirement Option", option_prefix)
    own_field(option, option_prefix, "code").fill(f"{code}-option")
    own_field(option, option_prefix, "name").fill(name)

    condition_prefix = f"{option_prefix}-conditions-0"
    condition = add_inline(option, "Condition", condition_prefix)
    own_field(condition, condition_prefix, "code").fill(code)
    return condition


def param_row(condition: Locator, param: str) -> Locator:
    return condition.locator(f".form-row.field-p_{param}")


def test_an_editor_adds_a_certification_and_the_public_is_eligible_for_it(site, new_page):
    make_editor()
    editor = new_page()
    log_in(editor, site)

    # 2. The whole certification on one page, its rule tree built with the inline links.
    editor.goto(f"{site}/admin/eligibility/certification/add/")
    editor.locator("#id_code").fill(CODE)
    editor.locator("#id_name").fill(NAME)
    editor.locator("#id_body").select_option(label=BODY)

    licence = add_group(editor, 0, "licence", "Licence")
    licence.get_by_label("Kind").select_option(label="Licence")
    # A condition added with the link shows only its kind's parameters, like a saved one
    # (condition_params.js binds the new form, not only the forms of the first page load).
    expect(param_row(licence, "licence_types")).to_be_visible()
    expect(param_row(licence, "count")).to_be_hidden()
    expect(param_row(licence, "hours")).to_be_hidden()
    licence.get_by_label("Registered nurse (RN)", exact=True).check()

    references = add_group(editor, 1, "references", "References")
    references.get_by_label("Kind").select_option(label="References")
    expect(param_row(references, "licence_types")).to_be_hidden()
    references.get_by_label("At least this many references").fill("2")
    # The first group's parameters are untouched by the second's kind.
    expect(param_row(licence, "licence_types")).to_be_visible()

    # Preview: the rules in plain language, and nothing saved yet.
    press_button(editor, "Preview the changes")
    main = editor.locator("#content-main")
    expect(editor.locator("h1")).to_contain_text(f"Preview of the changes to {NAME}")
    expect(main).to_contain_text("Nothing has been saved yet.")
    expect(main).to_contain_text(LICENCE_RULE)
    expect(main).to_contain_text(REFERENCES_RULE)
    expect(main.locator(".errornote")).to_have_count(0)  # complete enough to publish
    assert not Certification.objects.filter(code=CODE).exists()

    press_button(editor, "Save these changes")
    assert urlsplit(editor.url).path == "/admin/eligibility/certification/", editor.url
    expect(editor.locator(".messagelist")).to_contain_text(NAME)
    cert = Certification.objects.get(code=CODE)
    assert cert.body.name == BODY
    groups = list(cert.groups.order_by("position", "id"))
    assert [g.code for g in groups] == ["licence", "references"]
    (licence_rule,) = (c for o in groups[0].options.all() for c in o.conditions.all())
    (references_rule,) = (c for o in groups[1].options.all() for c in o.conditions.all())
    assert licence_rule.kind == "licence"
    assert licence_rule.params == {"licence_types": ["rn"], "awards": ""}  # awards: its default
    assert (references_rule.kind, references_rule.params) == ("references", {"count": 2})

    # 3. A public user, in a browser context of their own, is eligible for it now.
    public = new_page()
    public.goto(f"{site}/assess/")
    assert urlsplit(public.url).path == "/assess/licences/", public.url
    fill_entry(public, "licences", 0, {"type": "rn"})
    for _step in ("licences", "education", "work", "training"):
        press_button(public, "Continue")
    assert step_heading(public).startswith("About you"), step_heading(public)
    public.get_by_label("Professional references you can give").fill("2")
    answer_about(public)
    press_button(public, "See my results")
    assert urlsplit(public.url).path == "/assess/results/", public.url
    assert status(public, CODE) == "Eligible now"

    # 4. No user administration for an editor: not on the index, and 403 at the URL.
    editor.goto(f"{site}/admin/")
    expect(editor.get_by_role("link", name="Certifications", exact=True)).to_be_visible()
    expect(editor.get_by_role("link", name="Users", exact=True)).to_have_count(0)
    response = editor.goto(f"{site}/admin/auth/user/")
    assert response.status == 403

    # 5. The certification's history names the editor.
    editor.goto(f"{site}/admin/eligibility/certification/{cert.pk}/history/")
    (created,) = editor.locator("#change-history tbody tr").all()
    expect(created).to_contain_text("The certification was added")
    expect(created.get_by_role("cell", name=USERNAME, exact=True)).to_be_visible()
