"""The self-assessment's step forms: their fields are the profile's keys (docs/profile-format.md).

Every step is validated twice over: Django checks each field's type, then the step's part of
the profile goes through `parse_profile`, the validator the API and the CLI use, and its errors
land on the fields they name. So a person sees exactly the messages an API client gets, with
the field's label in front ("End date is before the start date").
"""

import contextlib
import datetime as dt

from crispy_forms.helper import FormHelper
from django import forms
from django.forms.utils import ErrorList
from django.utils import timezone

from .audiences import attestations_asked
from .explain import long_date
from .profile import MAX_ENTRIES, ProfileError, parse_profile
from .snapshot import Snapshot

MESSAGES = {
    "required": "is required",
    "invalid": "must be a number",
    "invalid_choice": "is not one of the choices",
}
DATE_WIDGET = forms.DateInput(attrs={"type": "date"})


class CrispyMixin:
    """A crispy-forms helper for {% crispy form %}: the project's own template pack
    ("careerpath", eligibility/templates/careerpath/) writes each field through its field
    template (label, "(required)", help and errors) around Django's own widget templates. The
    page's template writes the <form>, its csrf token and its buttons, so the helper writes
    neither."""

    @property
    def helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        return helper


WIDGET_CLASSES = {"select": "form-select", "checkbox": "form-check-input"}


def style_widgets(form: forms.Form) -> None:
    """The CSS class of each widget (site.css styles these class names)."""
    for field in form.fields.values():
        widget = field.widget
        kind = widget.__class__.__name__.lower().replace("input", "")
        if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
            widget.attrs.setdefault("class", "form-check-input")
        else:
            widget.attrs.setdefault("class", WIDGET_CLASSES.get(kind, "form-control"))


def choices(vocabulary: dict, blank: str | None = "Choose…") -> list[tuple[str, str]]:
    options = [(code, term.name) for code, term in vocabulary.items()]
    return ([("", blank)] if blank else []) + options


# Exams passed and courses completed: credentials of the person, not certifications a
# supervisor is known by, so the supervisor's list leaves them out (unless already chosen).
EXAMS_AND_COURSES = frozenset(
    {"aswb-bachelors", "aswb-masters", "aswb-clinical", "aamcn-managed-care-course"}
)


def credential_choices(snapshot: Snapshot, *, leave_out=frozenset(), keep=()):
    """Every credential the profile accepts, as (code, name), but `leave_out`; a code in
    `keep` (already chosen) stays, so saved answers reopen as they were saved."""
    return [
        (code, name)
        for code, name in snapshot.credential_names.items()
        if code not in leave_out or code in keep
    ]


class LabelledErrorsMixin:
    """Puts the field's label in front of predicate-style messages ("is required")."""

    def full_clean(self) -> None:
        super().full_clean()
        for name, errors in list(self._errors.items()):
            if name in self.fields:
                self._errors[name] = ErrorList([self.labelled(name, str(e)) for e in errors])

    def labelled(self, name: str, message: str) -> str:
        label = str(self.fields[name].label or name)
        if message[:1].islower():
            return f"{label} {message}"
        return message

    def add_profile_error(self, name: str, message: str) -> None:
        if name in self.fields:
            self.add_error(name, self.labelled(name, message))
        else:
            self.add_error(None, f"{name.replace('_', ' ').capitalize()} {message}")


class ErrorSummaryMixin:
    """The error summary at the top of a page: (element id, message) for every error, in page
    order, each linking to its field; errors of the whole form link to `summary_target`."""

    summary_target = "form"

    def summary_message(self, name: str, error) -> str:
        return str(error)

    def summary_link(self, name: str) -> str:
        """The element an error's link moves focus to: the field, or the first choice of a
        group of radios or checkboxes (their wrapper cannot take focus, so the link left it
        on the page's body)."""
        bound = self[name]
        if isinstance(bound.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            return f"{bound.auto_id}_0"
        return bound.auto_id

    def error_summary(self) -> list[tuple[str, str]]:
        items = [
            (self.summary_link(name), self.summary_message(name, error))
            for name, errors in self.errors.items()
            if name in self.fields
            for error in errors
        ]
        items += [(self.summary_target, str(error)) for error in self.non_field_errors()]
        return items


class EntryForm(CrispyMixin, LabelledErrorsMixin, forms.Form):
    """One repeatable entry (a licence, a degree, a job, a course)."""

    date_fields: tuple[str, ...] = ()

    def __init__(self, *args, snapshot: Snapshot, **kwargs):
        super().__init__(*args, **kwargs)
        self.snapshot = snapshot
        for field in self.fields.values():
            field.error_messages = {**field.error_messages, **MESSAGES}
        style_widgets(self)

    @classmethod
    def defaults(cls) -> dict:
        """What a new, untouched entry holds: its fields' initial values. The one definition
        for the first blank entry, an entry added with "Add another" and the empty entry of
        every flow (public, advisor, invitation)."""
        return {
            name: field.initial
            for name, field in cls.base_fields.items()
            if field.initial is not None
        }

    def entry(self) -> dict:
        """This entry in the profile's format (dates stay text: the profile checks them)."""
        data = dict(self.cleaned_data)
        for name in self.date_fields:
            data[name] = data.get(name) or None
        return data


class LicenceForm(EntryForm):
    date_fields = ("expires",)
    type = forms.ChoiceField(label="Licence")
    expires = forms.CharField(
        label="Expiry date", required=False, widget=DATE_WIDGET,
        help_text="Leave empty if you do not know it or it does not expire.",
    )  # fmt: skip
    active = forms.BooleanField(label="This licence is active", required=False, initial=True)
    good_standing = forms.BooleanField(
        label="It is in good standing (no restriction or discipline)", required=False, initial=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = choices(self.snapshot.licence_types)


class DegreeForm(EntryForm):
    date_fields = ("completed",)
    level = forms.ChoiceField(label="Degree")
    field = forms.ChoiceField(label="Field of study")
    accredited = forms.BooleanField(
        label="From an accredited school or programme", required=False, initial=True
    )
    completed = forms.CharField(
        label="Date finished", required=False, widget=DATE_WIDGET,
        help_text="When you finished it. Some credentials count only work done after the "
        "degree. Leave empty if you do not know it.",
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = choices(self.snapshot.degree_levels)
        self.fields["field"].choices = choices(self.snapshot.degree_fields)

    def clean(self):
        # The profile refuses a degree finished after the assessment date (as_of: the
        # validator's today, here); said in the person's words before that check runs. A
        # malformed date is left to the validator, whose message the API gives too.
        data = super().clean()
        value = data.get("completed") or ""
        with contextlib.suppress(ValueError):
            if len(value) == 10 and dt.date.fromisoformat(value) > dt.date.today():
                self.add_profile_error(
                    "completed", "is in the future: add a degree once you have finished it"
                )
        return data


class ExperienceForm(EntryForm):
    date_fields = ("start", "end")
    role = forms.ChoiceField(
        label="Role",
        help_text="Pick the closest. Certifications count hours only in some roles: case "
        "management work for the case manager certifications, disability or return-to-work "
        "management for the CDMS. A nurse case manager is a registered nurse (RN) in a case "
        "management post; an LPN or LVN in one is a case manager.",
    )
    setting = forms.ChoiceField(
        label="Setting",
        help_text="Where you did the work: some certifications count only some settings. For "
        "a company's own absence, disability or occupational health programme, choose the "
        "employer's programme.",
    )
    start = forms.CharField(label="Start date", widget=DATE_WIDGET)
    end = forms.CharField(label="End date", required=False, widget=DATE_WIDGET)
    ongoing = forms.BooleanField(label="I still work here", required=False)
    hours_per_week = forms.FloatField(
        label="Hours a week",
        widget=forms.NumberInput(attrs={"step": "0.5", "min": "1", "max": "80"}),
        help_text="Full time is 40.",
    )
    paid = forms.BooleanField(label="Paid work", required=False, initial=True)
    supervised = forms.BooleanField(label="I had a supervisor", required=False, initial=True)
    supervisor_credentials = forms.MultipleChoiceField(
        label="My supervisor's certifications", required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    self_employed = forms.BooleanField(label="I was self-employed", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = choices(self.snapshot.roles)
        self.fields["setting"].choices = choices(self.snapshot.settings)
        name = self.add_prefix("supervisor_credentials")
        if self.is_bound:
            chosen = self.data.getlist(name) if hasattr(self.data, "getlist") else []
        else:
            chosen = self.initial.get("supervisor_credentials") or []
        # Only the credentials a rule asks of a supervisor (eleven boxes, of which two
        # mattered); one already chosen stays, so saved answers reopen as they were saved.
        asked = self.snapshot.supervisor_credentials_asked
        self.fields["supervisor_credentials"].choices = credential_choices(
            self.snapshot,
            leave_out=EXAMS_AND_COURSES | (self.snapshot.credential_names.keys() - asked),
            keep=chosen,
        )

    def clean(self):
        data = super().clean()
        if data.get("ongoing") and data.get("end"):
            self.add_profile_error("end", "must be empty when you still work here")
        elif not data.get("ongoing") and not data.get("end") and "end" not in self.errors:
            self.add_profile_error("end", "is required unless you still work here")
        return data

    def entry(self) -> dict:
        data = super().entry()
        data.pop("ongoing", None)
        return data


class EducationForm(EntryForm):
    date_fields = ("completed",)
    topic = forms.ChoiceField(label="Topic")
    hours = forms.FloatField(
        label="Hours", widget=forms.NumberInput(attrs={"step": "0.5", "min": "0"})
    )
    completed = forms.CharField(label="Date completed", widget=DATE_WIDGET)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = choices(self.snapshot.ce_topics)


class StepForm(CrispyMixin, ErrorSummaryMixin, LabelledErrorsMixin, forms.Form):
    """One wizard step: its own fields plus, optionally, a list of repeatable entries."""

    title = ""
    intro = ""
    entry_form: type[EntryForm] | None = None
    entry_noun = ""  # "licence": headings "Licence 1", button "Add another licence"
    profile_key = ""  # where the entries go in the profile
    # True when the step's questions depend on the other steps' answers: the wizard then
    # passes them as `answers` (the profile keys of the other steps answered so far).
    uses_answers = False

    def __init__(self, data=None, files=None, *, snapshot: Snapshot, prefix=None, initial=None,
                 **kwargs):  # fmt: skip
        super().__init__(data, files, prefix=prefix, initial=initial, **kwargs)
        self.snapshot = snapshot
        self._valid: bool | None = None
        for field in self.fields.values():
            field.error_messages = {**field.error_messages, **MESSAGES}
        self.entries = None
        if self.entry_form is not None:
            start = (initial or {}).get("entries") or []
            # A posted TOTAL_FORMS of 100000 would otherwise build (and render) Django's
            # default maximum of 2,000 entries; a profile holds at most MAX_ENTRIES.
            formset = forms.formset_factory(
                self.entry_form, extra=0 if start else 1,
                max_num=MAX_ENTRIES, absolute_max=MAX_ENTRIES, validate_max=True,
            )  # fmt: skip
            self.entries = formset(
                data if self.is_bound else None,
                initial=None if self.is_bound else start,
                prefix=self.entries_prefix,
                form_kwargs={"snapshot": snapshot},
                error_messages={
                    "too_many_forms": f"add at most {MAX_ENTRIES} (this list has too many)",
                    "missing_management_form": "the list was sent incomplete; please try again",
                },
            )

    @property
    def entries_prefix(self) -> str:
        return f"{self.prefix}-entries" if self.prefix else "entries"

    @classmethod
    def new_entry_data(cls, prefix: str, index: int) -> dict:
        """The values a browser sends for entry `index` when it is new and untouched (as the
        blank first entry renders them): an added job is paid and supervised, as the first."""
        if cls.entry_form is None:
            return {}
        values = _form_values(cls.entry_form.defaults())
        return {f"{prefix}-{index}-{name}": value for name, value in values.items()}

    def filled_entries(self) -> list[EntryForm]:
        """Entry forms the person filled in (an untouched blank entry is ignored)."""
        if self.entries is None:
            return []
        return [form for form in self.entries.forms if form.has_changed()]

    def is_valid(self) -> bool:
        # Worked out once: the profile's checks add their errors to the fields, and a second
        # run would add them again (the wizard asks both when it keeps a step and renders it).
        if self._valid is None:
            valid = super().is_valid()
            if self.entries is not None:
                valid = self.entries.is_valid() and valid
            self._valid = valid and self._check_profile()
        return self._valid

    def profile_part(self) -> dict:
        """This step's share of the profile, from cleaned data."""
        part = {}
        if self.entries is not None:
            part[self.profile_key] = [form.entry() for form in self.filled_entries()]
        return part

    def _check_profile(self) -> bool:
        """Run the profile validator on this step's part; put its errors on the fields."""
        try:
            parse_profile(self.profile_part(), self.snapshot)
        except ProfileError as refused:
            filled = self.filled_entries()
            for path, message in refused.errors.items():
                head, _, field = path.partition(".")
                if head.startswith(f"{self.profile_key}[") and self.entries is not None:
                    index = int(head[len(self.profile_key) + 1 : -1])
                    field = field.split("[")[0]
                    filled[index].add_profile_error(field, message)
                else:
                    self.add_profile_error(head.split("[")[0], message)
            return False
        return True

    @property
    def summary_target(self) -> str:
        return f"{self.prefix}-errors"

    @property
    def confirm_name(self) -> str:
        """The hidden field that says the person has seen this step's warnings."""
        return f"{self.prefix}-confirmed" if self.prefix else "confirmed"

    def warnings(self) -> list[tuple[str, str]]:
        """Answers that are allowed but probably wrong, as (element id, message): shown on the
        step, never blocking. Only for a bound step whose answers are valid."""
        return []

    def warnings_key(self) -> str:
        """What the warnings were about; the step moves on once the person has seen them."""
        return "|".join(message for _, message in self.warnings())

    def unconfirmed_warnings(self) -> bool:
        """True when the step has warnings the person has not been shown yet."""
        key = self.warnings_key()
        return bool(key) and self.data.get(self.confirm_name) != key

    def error_summary(self) -> list[tuple[str, str]]:
        """Every error of the step in page order, the entries' after the step's own."""
        items = super().error_summary()
        if self.entries is not None and self.entries.is_bound:
            for error in self.entries.non_form_errors():
                items.append(("entries", f"{self.entry_noun.capitalize()}s: {error}"))
        for number, form in enumerate(self.entries.forms if self.entries else [], start=1):
            # In the order of the fields on the page, whichever check found the error (the
            # profile's checks run after the fields' own, so the dict's order is not it).
            found = form.errors
            names = [name for name in form.fields if name in found]
            names += [name for name in found if name not in form.fields]
            for name in names:
                target = form[name].auto_id if name in form.fields else f"entry-{number}"
                for error in found[name]:
                    items.append((target, f"{self.entry_noun.capitalize()} {number}: {error}"))
        return items


class LicencesStep(StepForm):
    title = "Licences"
    intro = (
        "Add each professional licence you hold, such as a registered nurse or clinical social "
        "work licence. If you hold none, leave Licence 1 blank and continue: what is marked "
        "required is asked only of a licence you add."
    )
    entry_form = LicenceForm
    entry_noun = "licence"
    profile_key = "licenses"

    def warnings(self) -> list[tuple[str, str]]:
        """A licence ticked active whose expiry date has passed: most often a renewal whose
        new date was not entered, sometimes a licence that has lapsed. Certifications count
        only a licence that is current on the day."""
        if not self.is_bound or not self.is_valid():
            return []
        today = timezone.localdate()
        found = []
        for number, form in enumerate(self.entries.forms, start=1):
            data = form.cleaned_data if form.has_changed() else {}
            try:
                expires = dt.date.fromisoformat(data.get("expires") or "")
            except ValueError:
                continue
            if data.get("active") and expires < today:
                day = long_date(expires.toordinal())
                found.append((
                    form["expires"].auto_id,
                    f"Licence {number}: its expiry date, {day}, has passed, yet "
                    "it is marked active. If you have renewed it, enter the new expiry date; "
                    "if it has lapsed, untick “This licence is active”.",
                ))  # fmt: skip
        return found


class EducationStep(StepForm):
    title = "Education and credentials"
    intro = (
        "Your degrees, any certifications you already hold, and the licensing exams and "
        "courses some certifications ask for."
    )
    entry_form = DegreeForm
    entry_noun = "degree"
    profile_key = "degrees"
    credentials = forms.MultipleChoiceField(
        label="Certifications, exams and courses you have", required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Social workers: tick the ASWB exam you passed, even without a licence; "
        "some social work certifications accept it instead. Nurses: tick AAMCN's managed "
        "care nursing course if you completed it; the CMCN asks for it.",
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["credentials"].choices = credential_choices(self.snapshot)
        style_widgets(self)

    def profile_part(self) -> dict:
        return {**super().profile_part(), "credentials": self.cleaned_data.get("credentials", [])}


class WorkStep(StepForm):
    title = "Work history"
    intro = (
        "Add each job, including the one you have now. Count only the hours you actually work "
        "in a usual week. To plan ahead, you can also add a job that starts in the future."
    )
    entry_form = ExperienceForm
    entry_noun = "job"
    profile_key = "experience"


class TrainingStep(StepForm):
    title = "Continuing education"
    intro = "Courses and continuing education (CE) you have completed or have booked."
    entry_form = EducationForm
    entry_noun = "course"
    profile_key = "education"


class AboutStep(StepForm):
    title = "About you"
    uses_answers = True
    intro = "Last questions some certifications ask. Answer No to any that does not apply to you."
    references = forms.IntegerField(
        label="Professional references you can give", min_value=0, initial=0,
        help_text="People or organisations that have used your case management services.",
    )  # fmt: skip

    def __init__(self, *args, answers: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["references"].error_messages["min_value"] = "must not be negative"
        self.fields["references"].error_messages["invalid"] = "must be a whole number"
        # A question answered Yes stays asked: a saved Yes reopens as it was saved.
        held = [
            code
            for code in self.snapshot.attestations
            if self.data.get(self.add_prefix(f"attest_{code}")) == "yes"
        ]
        for code in attestations_asked(answers, self.snapshot, held):
            term = self.snapshot.attestations[code]
            self.fields[f"attest_{code}"] = forms.TypedChoiceField(
                label=term.question,
                choices=[("yes", "Yes"), ("no", "No")],
                widget=forms.RadioSelect,
                coerce=lambda value: value == "yes",
                error_messages={"required": "Choose Yes or No."},
            )
        style_widgets(self)

    def summary_message(self, name: str, error) -> str:
        # The summary is read away from the question: say which one, in a few words.
        if name.startswith("attest_"):
            term = self.snapshot.attestations.get(name.removeprefix("attest_"))
            if term is not None:
                return f"{term.name}: choose Yes or No."
        return super().summary_message(name, error)

    def profile_part(self) -> dict:
        data = self.cleaned_data
        attested = [code for code in self.snapshot.attestations if data.get(f"attest_{code}")]
        return {"references": data.get("references") or 0, "attestations": attested}


STEPS = (
    ("licences", LicencesStep),
    ("education", EducationStep),
    ("work", WorkStep),
    ("training", TrainingStep),
    ("about", AboutStep),
)


def profile_from_steps(forms_by_step: dict) -> dict:
    """The whole profile (docs/profile-format.md) from the validated step forms."""
    profile: dict = {}
    for form in forms_by_step.values():
        profile.update(form.profile_part())
    return profile


def steps_from_profile(profile: dict, snapshot: Snapshot) -> dict[str, dict]:
    """POST-like data for every step, so a saved profile can be reopened and edited: what a
    browser would send for the steps filled in with these answers.

    The profile is read with its defaults filled in first (a saved `{"type": "rn"}` licence is
    active and in good standing, and must not reopen with those boxes unticked); a profile the
    catalog no longer accepts is shown as it was saved, for the person to correct.
    """
    with contextlib.suppress(ProfileError):
        profile = {**profile, **parse_profile(profile, snapshot).data}
    steps: dict[str, dict] = {}
    for name, step in STEPS:
        data: dict = {}
        if step.entry_form is not None:
            entries = profile.get(step.profile_key, [])
            prefix = f"{name}-entries"
            data.update({f"{prefix}-TOTAL_FORMS": str(len(entries)),
                         f"{prefix}-INITIAL_FORMS": "0"})  # fmt: skip
            for i, entry in enumerate(entries):
                for key, value in _entry_fields(step.profile_key, entry).items():
                    data[f"{prefix}-{i}-{key}"] = value
        if name == "education":
            data["education-credentials"] = list(profile.get("credentials", []))
        if name == "about":
            data["about-references"] = str(profile.get("references", 0))
            # Only the questions these answers were asked: one that comes to matter after a
            # change (a social work degree added) is then asked, not taken as a No.
            held = set(profile.get("attestations", []))
            for code in attestations_asked(profile, snapshot):
                data[f"about-attest_{code}"] = "yes" if code in held else "no"
        steps[name] = data
    return steps


def _entry_fields(key: str, entry: dict) -> dict:
    """One profile entry as form values (checkboxes present only when ticked)."""
    values = _form_values(entry)
    if key == "experience" and not entry.get("end"):
        values["ongoing"] = "on"
    return values


def _form_values(entry: dict) -> dict:
    """Field values as a browser submits them: a ticked box "on", an unticked one absent."""
    values: dict = {}
    for name, value in entry.items():
        if value is True:
            values[name] = "on"
        elif value is False:
            continue
        elif value is None:
            values[name] = ""
        elif isinstance(value, list):
            values[name] = list(value)
        elif isinstance(value, float) and value.is_integer():
            values[name] = str(int(value))  # 20, not "20.0"
        else:
            values[name] = str(value)
    return values
