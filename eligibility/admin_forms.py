"""Admin forms: condition parameters as real fields (never raw JSON), and tree rules.

The parameter fields are generated from eligibility.kinds, so a parameter added to a kind gets
its field without touching this module. Choices come from the catalog's vocabularies.
"""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from nested_admin.formsets import NestedInlineFormSet

from .catalog import get_snapshot
from .kinds import KINDS, VOCABULARIES, Param, clean_params
from .models import ApplicationNote, Condition
from .snapshot import group_depends

# Every parameter name once (kinds share "hours" and "within_years"), in a stable order.
PARAMS: dict[str, Param] = {}
USED_BY: dict[str, list[str]] = {}
for _kind in KINDS.values():
    for _param in _kind.params:
        PARAMS.setdefault(_param.name, _param)
        USED_BY.setdefault(_param.name, []).append(_kind.label.lower())


def snapshot_codes(snapshot) -> dict[str, set[str]]:
    return {name: set(snapshot.vocabulary(name)) for name in VOCABULARIES}


def depends_on(snapshot) -> dict[str, set[str]]:
    """Each published certification's code: the codes its conditions and notes depend on."""
    graph: dict[str, set[str]] = {}
    for cert in snapshot.certifications:
        notes = [n.unless for n in cert.application_notes if n.unless is not None]
        graph[cert.code] = {d for g in cert.groups for d in group_depends(g)} | {
            d for c in notes for d in KINDS[c.kind].depends(c.params)
        }
    return graph


def cycle_through(own: str, target: str, graph: dict[str, set[str]]) -> list[str] | None:
    """The codes from `own` through `target` back to `own`, if `target` depends on `own`
    (directly or through others), else None. `own`'s present edges are left out: the form
    being saved replaces them."""
    trail, seen = [own, target], {target}
    stack = [(target, iter(sorted(graph.get(target, ()))))]
    if target == own:
        return trail
    while stack:
        code, nexts = stack[-1]
        nxt = next(nexts, None)
        if nxt is None:
            stack.pop()
            trail.pop()
        elif nxt == own:
            return [*trail, own]
        elif nxt not in seen:
            seen.add(nxt)
            trail.append(nxt)
            stack.append((nxt, iter(sorted(graph.get(nxt, ())))))
    return None


def field_name(param: str) -> str:
    return f"p_{param}"


def _vocabulary_choices(vocabulary: str) -> list[tuple[str, str]]:
    """Choices from the published catalog (cached: no query per form)."""
    terms = get_snapshot().vocabulary(vocabulary)
    return [(code, getattr(term, "name", term)) for code, term in terms.items()]


def param_field(param: Param) -> forms.Field:
    """A form field for one parameter; choices are filled per form from the vocabularies."""
    help_text = "Used by: " + ", ".join(USED_BY[param.name]) + "."
    common = {"label": param.label, "required": False, "help_text": help_text}
    if param.type == "codes":
        return forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, **common)
    if param.type == "code":
        return forms.ChoiceField(**common)
    if param.type == "int":
        # The bounds are checked by clean_params (one message for the form and the import);
        # the widget only tells the browser and the editor what is allowed.
        common["help_text"] += f" From {param.minimum:,} to {param.maximum:,}."
        attrs = {"min": param.minimum, "max": param.maximum}
        return forms.IntegerField(widget=forms.NumberInput(attrs=attrs), **common)
    if param.type == "text":
        return forms.CharField(max_length=param.maximum, **common)
    if param.type == "degree":
        # A small object: shown as JSON ({"level": "bachelor", "fields": ["social-work"]});
        # clean_params checks it and names what is wrong.
        common["help_text"] += ' E.g. {"level": "bachelor", "fields": ["social-work"]}.'
        return forms.JSONField(**common)
    return forms.BooleanField(**common)


# The admin builds its forms from declared fields, so the parameter fields are declared on a
# base class generated from PARAMS.
ParamFields = type(forms.ModelForm)(
    "ParamFields",
    (forms.ModelForm,),
    {"__module__": __name__, **{field_name(n): param_field(p) for n, p in PARAMS.items()}},
)


class ParamsForm(ParamFields):
    """A form for a row holding a condition kind and its params (JSON), shown as fields."""

    class Media:
        js = ("admin/js/condition_params.js",)

    kind_field = "kind"
    params_field = "params"
    optional_kind = False  # application notes: no kind means "always shown"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Lets condition_params.js show only the fields of the chosen kind.
        self.fields[self.kind_field].widget.attrs["data-kind-params"] = json.dumps(
            {code: [p.name for p in kind.params] for code, kind in KINDS.items()}
        )
        params = getattr(self.instance, self.params_field) or {}
        for name, param in PARAMS.items():
            field = self.fields[field_name(name)]
            if param.type == "codes":
                field.choices = _vocabulary_choices(param.vocabulary)
            elif param.type == "code":
                field.choices = [("", "—")] + _vocabulary_choices(param.vocabulary)
            if params.get(name) is not None:
                self.initial[field_name(name)] = params[name]

    def clean(self):
        data = super().clean()
        kind = data.get(self.kind_field)
        if not kind:
            if not self.optional_kind:
                return data
            setattr(self.instance, self.params_field, {})
            return data
        spec = KINDS[kind]
        raw = {}
        for param in spec.params:
            value = data.get(field_name(param.name))
            if param.type == "codes":
                value = list(value or [])
            elif param.type == "code":
                value = value or None
            elif param.type == "bool":
                value = bool(value)
            elif param.type == "text":
                value = value or ""
            raw[param.name] = value
        params, errors = clean_params(kind, raw, snapshot_codes(get_snapshot()))
        for path, message in errors.items():
            name = path.removeprefix("params.")
            target = field_name(name) if name in PARAMS else None
            label = PARAMS[name].label if name in PARAMS else name
            self.add_error(target, f"{label}: {message}")
        if not errors:
            self._refuse_cycle(kind, params)
            setattr(self.instance, self.params_field, params)
        return data

    def own_certification(self) -> str:
        """The code of the certification this row belongs to ("" while it has none)."""
        return ""

    def _refuse_cycle(self, kind: str, params: dict) -> None:
        # The loader refuses a cycle in a catalog file; an edit here must not make one either,
        # or no page could build the catalog (the engine evaluates what a certification
        # depends on first).
        own = self.own_certification()
        depends = KINDS[kind].depends(params)
        if not own or not depends:
            return
        graph = depends_on(get_snapshot())
        names = get_snapshot().credential_names
        for target in depends:
            cycle = cycle_through(own, target, graph)
            if cycle:
                path = " → ".join(names.get(c, c) for c in cycle)
                self.add_error(
                    field_name("certification"),
                    f"Certification: this would make a circle ({path}); a certification "
                    "cannot depend on itself, directly or through another.",
                )


class CodeFromName:
    """Leave a code empty and it is made from the name (or, for a condition, its kind)."""

    code_source = "name"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "code" in self.fields:
            self.fields["code"].required = False
            self.fields[
                "code"
            ].help_text = (
                f"A stable identifier; leave empty to make one from the {self.code_source}."
            )

    def clean(self):
        data = super().clean()
        if not data.get("code") and data.get(self.code_source):
            data["code"] = slugify(data[self.code_source])[:80]
            self.instance.code = data["code"]
        elif not data.get("code") and "code" in self.fields and self.has_changed():
            self.add_error("code", f"Give a code, or a {self.code_source} to make it from.")
        return data


class ConditionForm(CodeFromName, ParamsForm):
    code_source = "kind"

    def own_certification(self) -> str:
        option = getattr(self.instance, "option", None)
        group = getattr(option, "group", None) if option is not None else None
        cert = getattr(group, "certification", None) if group is not None else None
        return getattr(cert, "code", "") or ""

    class Meta:
        model = Condition
        fields = ("option", "code", "kind", "position")


class GroupForm(CodeFromName, forms.ModelForm):
    class Meta:
        fields = ("code", "name", "position")


class OptionForm(CodeFromName, forms.ModelForm):
    class Meta:
        fields = ("code", "name", "position")


class ApplicationNoteForm(ParamsForm):
    kind_field = "unless_kind"
    params_field = "unless_params"
    optional_kind = True

    def own_certification(self) -> str:
        cert = getattr(self.instance, "certification", None)
        return getattr(cert, "code", "") or ""

    class Meta:
        model = ApplicationNote
        fields = ("text", "unless_kind", "position")


def params_fieldsets(first: tuple) -> tuple:
    """Admin fieldsets: the row's own fields, then the parameters grouped by what they say."""
    numbers = ("hours", "count", "within_years")
    rest = [name for name in PARAMS if name not in numbers]
    return (
        (None, {"fields": first}),
        ("Amounts", {"fields": tuple(field_name(n) for n in numbers)}),
        ("What counts", {"fields": tuple(field_name(n) for n in rest)}),
    )


class AtLeastOneFormSet(NestedInlineFormSet):
    """An inline formset that must keep at least one row (named in `required_message`)."""

    required_message = "Add at least one."

    def _parent_deleted(self) -> bool:
        """Whether the row this formset sits under (or one above it) is being deleted."""
        form = getattr(self, "parent_form", None)
        while form is not None:
            if "DELETE" in form.fields and form.fields["DELETE"].widget.value_from_datadict(
                form.data, form.files, form.add_prefix("DELETE")
            ):
                return True
            form = getattr(getattr(form, "parent_formset", None), "parent_form", None)
        return False

    def _should_delete_form(self, form):
        # A route deleted on the page takes its conditions with it, even when only the
        # route's box was ticked; otherwise they would be saved again under a deleted row.
        return self._parent_deleted() or super()._should_delete_form(form)

    def clean(self):
        super().clean()
        if self._parent_deleted():
            return
        if any(form.errors for form in self.forms):
            return
        kept = [
            form
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE", False)
        ]
        if not kept:
            raise ValidationError(self.required_message)


class GroupFormSet(AtLeastOneFormSet):
    required_message = "A certification needs at least one requirement group."


class OptionFormSet(AtLeastOneFormSet):
    required_message = "A requirement group needs at least one option."


class ConditionFormSet(AtLeastOneFormSet):
    required_message = "An option needs at least one condition."
