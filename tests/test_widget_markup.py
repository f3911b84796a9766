"""The assessment's fast widget templates write exactly the markup of Django's own."""

import pytest
from django import forms
from django.forms.renderers import Jinja2

from eligibility.forms import FAST_WIDGETS, RENDERER

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


DATA = {
    "text": 'a "quoted" <value>', "number": "2.5", "date": "2024-02-29",
    "email": "x@example.org", "password": "secret", "hidden": "h", "checkbox": "on",
    "select": "lcsw", "grouped": "lpn", "many": ["rn", "lcsw"], "radio": "no",
}  # fmt: skip


@pytest.mark.parametrize("data", [None, DATA], ids=["empty", "filled"])
@pytest.mark.parametrize("name", list(Everything.base_fields))
def test_each_widget_renders_as_djangos_own_template_would(name, data):
    django_form = Everything(data=data, renderer=Jinja2())
    fast_form = Everything(data=data, renderer=RENDERER)
    assert str(fast_form[name].as_widget()) == str(django_form[name].as_widget())


def test_every_widget_of_the_form_goes_through_a_fast_template():
    form = Everything(renderer=RENDERER)
    for field in form:
        assert field.field.widget.template_name in FAST_WIDGETS, field.name
