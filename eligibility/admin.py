"""The editors' admin: every catalog model, a certification's whole rule tree on one page
(nested inlines), history with revert on every row, and freshness of the sources."""

import datetime as dt
from functools import partial

import nested_admin
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from advising.selectors import current_profiles
from advising.tasks import enqueue_recompute

from . import models as m
from . import rule_history
from .admin_forms import (
    ApplicationNoteForm,
    ConditionForm,
    ConditionFormSet,
    GroupForm,
    GroupFormSet,
    OptionForm,
    OptionFormSet,
    params_fieldsets,
)
from .admin_views import export_view, import_view
from .catalog import JOB_LINKS, get_snapshot, published, read_catalog
from .catalog_format import off_site_message, on_body_site
from .preview import impact, name_mismatches, rule_lines
from .snapshot import parse_catalog

STALE_AFTER = dt.timedelta(days=365)


class CatalogAdmin(SimpleHistoryAdmin):
    """History (who, when, what) and revert on every catalog row.

    Every write an editor makes here (a save, a list edit, a delete, a revert from the
    history) asks for the advisors' summaries to be recomputed once it commits: one pass per
    transaction, nothing at all when a preview rolls the change back."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        enqueue_recompute(trigger="catalog edit")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        enqueue_recompute(trigger="catalog edit")

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        enqueue_recompute(trigger="catalog edit")

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        enqueue_recompute(trigger="catalog edit")


class CodedAdmin(CatalogAdmin):
    list_display = ("name", "code", "position")
    search_fields = ("name", "code")
    ordering = ("position", "code")


for model, extra in (
    (m.LicenceType, ()),
    (m.DegreeLevel, ("rank",)),
    (m.DegreeField, ("hhs",)),
    (m.Role, ()),
    (m.Setting, ("health_care_delivery",)),
    (m.CETopic, ()),
    (m.Attestation, ()),
    (m.ExternalCredential, ()),
):
    admin.site.register(
        model,
        type(
            f"{model.__name__}Admin",
            (CodedAdmin,),
            {"list_display": (*CodedAdmin.list_display, *extra)},
        ),
    )


@admin.register(m.CertifyingBody)
class CertifyingBodyAdmin(CodedAdmin):
    list_display = (*CodedAdmin.list_display, "url")
    fields = ("code", "name", "position", "url", "other_urls")


@admin.register(m.SocWage)
class SocWageAdmin(CatalogAdmin):
    """National pay and employment of each occupation (BLS OEWS), shown with the jobs."""

    list_display = ("code", "title", "median_annual_wage", "employment", "period", "source")
    list_select_related = ("source",)
    search_fields = ("code", "title")
    autocomplete_fields = ("source",)
    fields = (
        "code", "title", "median_annual_wage", "employment", "period", "source", "notes",
        "position",
    )  # fmt: skip


@admin.register(m.Source)
class SourceAdmin(CatalogAdmin):
    list_display = ("title", "code", "confidence", "verified_on", "accessed_on")
    list_filter = ("confidence",)
    search_fields = ("title", "code", "url")


class TreeInline(nested_admin.NestedStackedInline):
    """A level of a certification's page: no blank rows, ordered (and draggable) by position."""

    extra = 0
    sortable_field_name = "position"


class ConditionInline(TreeInline):
    model = m.Condition
    form = ConditionForm
    formset = ConditionFormSet
    fieldsets = params_fieldsets(("code", "kind", "position"))


class OptionInline(TreeInline):
    model = m.RequirementOption
    form = OptionForm
    formset = OptionFormSet
    inlines = (ConditionInline,)
    fields = ("code", "name", "position")


class GroupInline(TreeInline):
    model = m.RequirementGroup
    form = GroupForm
    formset = GroupFormSet
    inlines = (OptionInline,)
    fields = ("code", "name", "position")


class NoteInline(TreeInline):
    model = m.ApplicationNote
    form = ApplicationNoteForm
    fieldsets = params_fieldsets(("text", "unless_kind", "position"))


def recent_rule_changes(cert, limit: int = 15) -> list[tuple[str, str, str]]:
    """(when, who, what changed in plain words) for `cert` and its rule tree, newest first."""
    rows = [
        (rule_history.long_when(change.at), change.who, phrase)
        for change in reversed(rule_history.certification_changes(cert))
        if not change.parent_added
        for phrase in change.phrases
    ]
    return rows[:limit]


def read_published():
    """The catalog as the public would see it now (inside a transaction: with its edits)."""
    return parse_catalog(published(read_catalog()))


def _find_cert(snapshot, code: str):
    return next((c for c in snapshot.certifications if c.code == code), None)


def rule_tree_html(code: str):
    """The certification's rules in the plain language users read."""
    try:
        cert = get_snapshot().certification(code)
    except KeyError:
        return "Not published yet: complete every group, option and condition, then save."
    problems = name_mismatches(cert)
    warning = (
        format_html(
            '<div class="errornote"><p>A name contradicts its numbers; people read both:</p>'
            "<ul>{}</ul></div>",
            format_html_join("", "<li>{}</li>", ((p.message,) for p in problems)),
        )
        if problems
        else ""
    )
    groups = []
    for group in cert.groups:
        options = format_html_join(
            "",
            "<li>{}<ul>{}</ul></li>",
            (
                (
                    option.name,
                    format_html_join("", "<li>{}</li>", ((c.text,) for c in option.conditions)),
                )
                for option in group.options
            ),
        )
        groups.append((group.name, options))
    return format_html(
        "{}<p>All of these requirement groups; in each, any one option.</p><ol>{}</ol>",
        warning,
        format_html_join("", "<li><strong>{}</strong> — any one of:<ul>{}</ul></li>", groups),
    )


class FreshnessFilter(admin.SimpleListFilter):
    title = "verification"
    parameter_name = "fresh"

    def lookups(self, request, model_admin):
        return (("stale", "Not verified in the last 12 months"), ("fresh", "Verified this year"))

    def queryset(self, request, queryset):
        cutoff = timezone.localdate() - STALE_AFTER
        if self.value() == "stale":
            return queryset.filter(Q(last_verified__isnull=True) | Q(last_verified__lt=cutoff))
        if self.value() == "fresh":
            return queryset.filter(last_verified__gte=cutoff)
        return queryset


class CertificationForm(forms.ModelForm):
    """Refuses a verified source of the rules that is not on the body's own site (the fact
    sources are checked in Certification.clean, which cannot see the new list of sources)."""

    class Meta:
        model = m.Certification
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what is shown

    def clean(self):
        data = super().clean()
        body = data.get("body")
        if body is None:
            return data
        sites = body.sites()
        for source in data.get("sources") or []:
            if source.confidence == "verified" and not on_body_site(source.url, sites):
                self.add_error(
                    "sources",
                    off_site_message(
                        "Sources of the rules", source.code, source.url, body.name, sites
                    ),
                )
        return data


@admin.register(m.Certification)
class CertificationAdmin(CatalogAdmin, nested_admin.NestedModelAdmin):
    form = CertificationForm
    list_display = ("name", "code", "body", "verification", "position")
    list_select_related = ("body",)
    list_filter = (FreshnessFilter,)
    search_fields = ("name", "code")
    filter_horizontal = ("sources",)
    inlines = (GroupInline, NoteInline)
    readonly_fields = ("rule_tree", "rule_changes")
    fieldsets = (
        (None, {"fields": ("code", "name", "body", "position", "audience", "summary")}),
        ("Rules in plain language (as saved)", {"fields": ("rule_tree", "rule_changes")}),
        (
            "Exam and renewal, each fact with its own source",
            {
                "description": "Each fact shows the confidence and date of the source chosen "
                "beside it: a fact without a source is shown as unverified. Only a page on "
                "the body's own site may be marked verified.",
                "fields": (
                    "exam",
                    "exam_source",
                    "fees",
                    "fees_source",
                    "exam_windows",
                    "windows_source",
                    "renewal_years",
                    "renewal_ce_hours",
                    "renewal_notes",
                    "renewal_source",
                ),
            },
        ),
        ("Sources of the requirements", {"fields": ("sources", "source_notes")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(last_verified=Max("sources__verified_on"))

    @admin.display(description="last verified", ordering="last_verified")
    def verification(self, obj):
        last = getattr(obj, "last_verified", None)
        if last is None:
            return format_html('<strong class="stale">{}</strong>', "never verified")
        if last < timezone.localdate() - STALE_AFTER:
            return format_html('<strong class="stale">{} (over 12 months ago)</strong>', last)
        return last

    class Media:
        css = {"all": ("admin/css/careerpath.css",)}

    @admin.display(description="rules")
    def rule_tree(self, obj):
        return rule_tree_html(obj.code) if obj.pk else "—"

    @admin.display(description="recent rule changes")
    def rule_changes(self, obj):
        """Changes to this certification's groups, options and conditions (each has its own
        history with revert; this gathers them on one page)."""
        if not obj.pk:
            return "—"
        rows = recent_rule_changes(obj)
        if not rows:
            return "No changes recorded yet."
        history = reverse("admin:eligibility_certification_history", args=[obj.pk])
        return format_html(
            '<ul>{}</ul><p><a href="{}">The whole history, with going back to a version</a></p>',
            format_html_join("", "<li>{} — {}: {}</li>", rows),
            history,
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST" or "_preview" not in request.POST:
            return super().changeform_view(request, object_id, form_url, extra_context)
        # Preview: run the whole save (validation included), look, then roll it all back.
        request._catalog_preview = get_snapshot()
        with transaction.atomic():
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render"):
                response.render()  # while the edit is still visible in this transaction
            transaction.set_rollback(True)
        return response

    def response_change(self, request, obj):
        if getattr(request, "_catalog_preview", None) is not None:
            return self.preview_response(request, obj)
        self.warn_of_names(request, obj)
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(request, "_catalog_preview", None) is not None:
            return self.preview_response(request, obj)
        self.warn_of_names(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def warn_of_names(self, request, obj) -> None:
        """After a save: each group or route whose name now contradicts its numbers."""
        # The snapshot read here is the one the next page uses (the token already moved).
        cert = _find_cert(get_snapshot(), obj.code)
        for problem in name_mismatches(cert):
            messages.warning(request, problem.message)

    def preview_response(self, request, obj):
        after = parse_catalog(published(read_catalog()))
        # Saved public plans and every advisor client's latest assessment.
        saved = list(m.SavedPlan.objects.values_list("profile", flat=True))
        saved += current_profiles()
        context = {
            **self.admin_site.each_context(request),
            "title": f"Preview of the changes to {obj.name}",
            "opts": self.model._meta,
            "original": obj,
            "published": any(c.code == obj.code for c in after.certifications),
            "name_problems": name_mismatches(_find_cert(after, obj.code)),
            "impact": impact(
                code=obj.code, before=request._catalog_preview, after=after, saved_profiles=saved
            ),
            "replay": [
                (key, value)
                for key, values in request.POST.lists()
                if key not in ("_preview", "csrfmiddlewaretoken")
                for value in values
            ],
        }
        return TemplateResponse(request, "admin/eligibility/certification/preview.html", context)

    # --- history: the whole rule tree, in words, and going back to a version -----------

    REVERT_PERMISSIONS = [
        f"eligibility.{action}_{model}"
        for model in ("requirementgroup", "requirementoption", "condition", "applicationnote")
        for action in ("add", "change", "delete")
    ] + ["eligibility.change_certification"]

    def _history_of(self, request, object_id):
        cert = self.get_object(request, unquote(object_id))
        if cert is None:
            raise Http404("No such certification.")
        if not self.has_view_history_or_change_history_permission(request, cert):
            raise PermissionDenied
        return cert, rule_history.versions(rule_history.certification_changes(cert))

    def history_view(self, request, object_id, extra_context=None):
        """Every saved version of the certification with its whole rule tree, newest first,
        each saying what changed; a version's date opens what going back to it would do."""
        cert, versions = self._history_of(request, object_id)
        context = {
            **self.admin_site.each_context(request),
            "title": f"History of {cert}",
            "subtitle": None,
            "object": cert,
            "opts": self.model._meta,
            "module_name": self.model._meta.verbose_name_plural.capitalize(),
            "versions": versions[: self.history_list_per_page],
            "more": max(len(versions) - self.history_list_per_page, 0),
            "may_revert": request.user.has_perms(self.REVERT_PERMISSIONS),
            **(extra_context or {}),
        }
        return TemplateResponse(
            request, "admin/eligibility/certification/object_history.html", context
        )

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Going back to one version: what would change (nothing changes yet), and on POST,
        the certification, its groups, routes, conditions and notes as they were then."""
        cert, versions = self._history_of(request, object_id)
        version = rule_history.find_version(versions, version_id)
        if version is None:
            raise Http404("No such version of this certification.")
        plan = rule_history.plan_revert(cert, version.at)
        if request.method == "POST":
            if not request.user.has_perms(self.REVERT_PERMISSIONS):
                raise PermissionDenied
            if not plan.rows and not plan.phrases():
                messages.info(request, f"{cert} already is as it was on {version.when}.")
                return redirect("admin:eligibility_certification_history", cert.pk)
            try:
                said = plan.apply(reason=f"{rule_history.REVERTED}{version.when}")
                enqueue_recompute(trigger="catalog revert")
            except IntegrityError:
                messages.error(
                    request,
                    "This version cannot be brought back as a whole: two rows would share a "
                    "code. Change the codes on the certification page, then try again.",
                )
                return redirect("admin:eligibility_certification_history", cert.pk)
            messages.success(
                request,
                f"{cert} is back to the version of {version.when}: " + "; ".join(said) + ".",
            )
            return redirect("admin:eligibility_certification_change", cert.pk)
        after, hidden = None, False
        if plan.rows or plan.phrases():
            public_now = any(c.code == cert.code for c in get_snapshot().certifications)
            # The rules in plain language as they would read: apply, look, roll back.
            with transaction.atomic():
                plan_copy = rule_history.plan_revert(cert, version.at)
                plan_copy.apply(reason="preview")
                after_cert = _find_cert(read_published(), cert.code)
                after, hidden = rule_lines(after_cert), public_now and after_cert is None
                transaction.set_rollback(True)
            cert.refresh_from_db()
        context = {
            **self.admin_site.each_context(request),
            "title": f"Go back to the version of {version.when}?",
            "subtitle": None,
            "object": cert,
            "opts": self.model._meta,
            "module_name": self.model._meta.verbose_name_plural.capitalize(),
            "version": version,
            "changes": plan.phrases(rule_history.NEXT),
            "after_rules": after,
            "hidden": hidden,
            "may_revert": request.user.has_perms(self.REVERT_PERMISSIONS),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/eligibility/certification/revert.html", context)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("catalog/export/", wrap(partial(export_view, self)),
                 name="eligibility_catalog_export"),
            path("catalog/import/", wrap(partial(import_view, self)),
                 name="eligibility_catalog_import"),
            *super().get_urls(),
        ]  # fmt: skip


@admin.register(m.JobRole)
class JobRoleAdmin(CodedAdmin):
    filter_horizontal = JOB_LINKS


class TreeRowAdmin(CatalogAdmin):
    """Rows of the rule tree are built on their certification's page; these admins give each
    row its own history and revert, but no "add" away from its certification."""

    object_history_template = "admin/eligibility/tree_row_history.html"
    certification_path: tuple[str, ...] = ()  # attributes from the row to its certification

    def has_add_permission(self, request):
        return False

    def history_view(self, request, object_id, extra_context=None):
        """The row's own history, pointing to its certification's history: going back there
        brings the whole rule tree back, not this one row."""
        obj = self.get_object(request, unquote(object_id))
        cert = obj
        for name in self.certification_path:
            cert = getattr(cert, name, None)
        return super().history_view(
            request, object_id, {"certification": cert, **(extra_context or {})}
        )

    def history_view_title(self, request, obj):
        return f"History of {self.plain_name(obj)}"

    def plain_name(self, obj) -> str:
        return str(obj)


@admin.register(m.RequirementGroup)
class RequirementGroupAdmin(TreeRowAdmin):
    certification_path = ("certification",)
    list_display = ("name", "code", "certification", "position")
    list_filter = ("certification",)
    list_select_related = ("certification",)


@admin.register(m.RequirementOption)
class RequirementOptionAdmin(TreeRowAdmin):
    certification_path = ("group", "certification")
    list_display = ("name", "code", "group", "position")
    list_filter = ("group__certification",)
    list_select_related = ("group__certification",)


@admin.register(m.Condition)
class ConditionAdmin(TreeRowAdmin):
    form = ConditionForm
    fieldsets = params_fieldsets(("option", "code", "kind", "position"))
    list_display = ("code", "kind", "option")
    list_filter = ("kind", "option__group__certification")
    list_select_related = ("option__group__certification",)
    certification_path = ("option", "group", "certification")

    def plain_name(self, obj) -> str:
        # Three rows of CCM are all "experience": name the rule by its route.
        kind, cert = obj.get_kind_display().lower(), obj.option.group.certification
        return f"the {kind} rule of “{obj.option.name}” ({cert.code.upper()})"
