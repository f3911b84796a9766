"""The assessment's fields as the site renders them, through the crispy template pack
("careerpath"): Django's own widget templates inside the pack's field template, with help and
errors tied to the widget by aria-describedby, and an error summary linking to the widgets."""

import re

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from crispy_forms.utils import render_crispy_form
from django import forms
from django.template.loader import render_to_string

from eligibility.forms import CrispyMixin, ErrorSummaryMixin

CHOICES = [("", "Choose…"), ("rn", "Registered nurse"), ("lcsw", 'Social worker "clinical" & <co>')]
GROUPED = [("Nursing", [("rn", "RN"), ("lpn", "LPN")]), ("Social work", [("msw", "MSW")])]


class Everything(CrispyMixin, forms.Form):
    text = forms.CharField(widget=forms.TextInput(attrs={"class": "form-control"}))
    number = forms.FloatField(widget=forms.NumberInput(attrs={"step": "0.5", "min": "1"}))
    date = forms.CharField(widget=forms.DateInput(attrs={"type": "date"}))
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput)
    checkbox = forms.BooleanField(required=False)
    select = forms.ChoiceField(choices=CHOICES)
    grouped = forms.ChoiceField(choices=GROUPED)
    many = forms.MultipleChoiceField(choices=CHOICES[1:], widget=forms.CheckboxSelectMultiple)
    radio = forms.ChoiceField(choices=[("yes", "Yes"), ("no", "No")], widget=forms.RadioSelect)


class Described(CrispyMixin, ErrorSummaryMixin, forms.Form):
    hours = forms.IntegerField(label="Hours a week", help_text="Paid or unpaid.")
    roles = forms.MultipleChoiceField(
        choices=CHOICES[1:], widget=forms.CheckboxSelectMultiple, help_text="All that apply."
    )


DATA = {
    "text": 'a "quoted" <value>', "number": "2.5", "date": "2024-02-29",
    "email": "x@example.org", "password": "secret", "checkbox": "on",
    "select": "lcsw", "grouped": "lpn", "many": ["rn", "lcsw"], "radio": "no",
}  # fmt: skip


def crispy_field(form: forms.Form, name: str) -> str:
    """One field as `{{ form.name|as_crispy_field }}` renders it with the site's pack."""
    return str(as_crispy_field(form[name])).strip()


@pytest.mark.parametrize("data", [None, DATA], ids=["empty", "filled"])
@pytest.mark.parametrize("name", list(Everything.base_fields))
def test_each_widget_is_djangos_own_inside_the_packs_field_template(name, data):
    form = Everything(data=data)
    html = crispy_field(form, name)
    assert html.startswith('<div class="field'), html
    assert f'id="div_{form[name].auto_id}"' in html
    assert str(form[name].as_widget()) in html  # the pack does not rewrite Django's widget


def test_the_whole_form_is_each_visible_field_through_the_pack_and_no_form_tag():
    form = Everything(data=DATA)
    html = render_crispy_form(form)
    assert "<form" not in html
    assert [f"div_id_{name}" for name in Everything.base_fields] == re.findall(
        r'<div class="field[^"]*" id="(div_id_[a-z]+)"', html
    )


def test_a_field_with_an_error_points_its_widget_at_the_help_and_the_error():
    html = crispy_field(Described(data={"hours": "lots"}), "hours")
    assert 'aria-describedby="id_hours_helptext id_hours_error"' in html
    assert 'aria-invalid="true"' in html
    assert '<div class="form-text" id="id_hours_helptext">Paid or unpaid.</div>' in html
    assert 'id="id_hours_error"' in html
    assert '<label class="form-label" for="id_hours">Hours a week' in html


def test_a_group_of_checkboxes_is_a_fieldset_described_by_its_help():
    html = crispy_field(Described(), "roles")
    assert '<fieldset aria-describedby="id_roles_helptext">' in html
    assert "<legend" in html and "(required)" in html


def test_the_error_summary_links_each_error_to_its_widget_on_the_page():
    form = Described(data={"hours": "lots"})
    summary = render_to_string("_error_summary.html", {"errors": form.error_summary()})
    assert 'role="alert"' in summary and "There are 2 problems" in summary
    targets = re.findall(r'<a href="#([^"]+)">', summary)
    # A group of checkboxes is reached at its first box: its wrapper cannot take focus.
    assert targets == ["id_hours", "id_roles_0"]
    assert 'id="id_roles_0"' in crispy_field(form, "roles")
    page = render_crispy_form(form)
    assert 'id="id_hours"' in page and 'id="id_roles"' in page
