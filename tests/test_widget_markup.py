"""The assessment's fields: Django's own widget templates inside the site's field template,
with help and errors tied to the widget by aria-describedby."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from eligibility.forms import RENDERER

CHOICES = [("", "Choose…"), ("rn", "Registered nurse"), ("lcsw", 'Social worker "clinical" & <co>')]
GROUPED = [("Nursing", [("rn", "RN"), ("lpn", "LPN")]), ("Social work", [("msw", "MSW")])]


class Everything(forms.Form):
    text = forms.CharField(widget=forms.TextInput(attrs={"class": "form-control"}))
    number = forms.FloatField(widget=forms.NumberInput(attrs={"step": "0.5", "min": "1"}))
    date = forms.CharField(widget=forms.DateInput(attrs={"type": "date"}))
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput)
    hidden = forms.CharField(widget=forms.HiddenInput)
    checkbox = forms.BooleanField(required=False)
    select = forms.ChoiceField(choices=CHOICES)
    grouped = forms.ChoiceField(choices=GROUPED)
    many = forms.MultipleChoiceField(choices=CHOICES[1:], widget=forms.CheckboxSelectMultiple)
    radio = forms.ChoiceField(choices=[("yes", "Yes"), ("no", "No")], widget=forms.RadioSelect)


class Described(forms.Form):
    hours = forms.IntegerField(label="Hours a week", help_text="Paid or unpaid.")
    roles = forms.MultipleChoiceField(
        choices=CHOICES[1:], widget=forms.CheckboxSelectMultiple, help_text="All that apply."
    )


DATA = {
    "text": 'a "quoted" <value>', "number": "2.5", "date": "2024-02-29",
    "email": "x@example.org", "password": "secret", "hidden": "h", "checkbox": "on",
    "select": "lcsw", "grouped": "lpn", "many": ["rn", "lcsw"], "radio": "no",
}  # fmt: skip


@pytest.mark.parametrize("data", [None, DATA], ids=["empty", "filled"])
@pytest.mark.parametrize("name", list(Everything.base_fields))
def test_each_widget_renders_as_djangos_own_template_would(name, data):
    django_form = Everything(data=data, renderer=DjangoTemplates())
    site_form = Everything(data=data, renderer=RENDERER)
    assert str(site_form[name].as_widget()) == str(django_form[name].as_widget())


def test_a_field_with_an_error_points_its_widget_at_the_help_and_the_error():
    form = Described(data={"hours": "lots"}, renderer=RENDERER)
    html = str(form["hours"].as_field_group())
    assert 'aria-describedby="id_hours_helptext id_hours_error"' in html
    assert 'aria-invalid="true"' in html
    assert '<div class="form-text" id="id_hours_helptext">Paid or unpaid.</div>' in html
    assert 'id="id_hours_error"' in html
    assert '<label class="form-label" for="id_hours">Hours a week' in html


def test_a_group_of_checkboxes_is_a_fieldset_described_by_its_help():
    html = str(Described(renderer=RENDERER)["roles"].as_field_group())
    assert '<fieldset aria-describedby="id_roles_helptext">' in html
    assert "<legend" in html and "(required)" in html
