"""The editors' admin: every catalog model, a certification's whole rule tree on one page
(nested inlines), history with revert on every row, and freshness of the sources."""

import datetime as dt
from functools import partial

import nested_admin
from django.contrib import admin
from django.db import transaction
from django.db.models import Max, Q
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from . import models as m
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
from .preview import impact
from .snapshot import parse_catalog

STALE_AFTER = dt.timedelta(days=365)


class CatalogAdmin(SimpleHistoryAdmin):
    """History (who, when, what) and revert on every catalog row."""


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
    (m.CertifyingBody, ("url",)),
):
    admin.site.register(
        model,
        type(
            f"{model.__name__}Admin",
            (CodedAdmin,),
            {"list_display": (*CodedAdmin.list_display, *extra)},
        ),
    )


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


def recent_rule_changes(cert, limit: int = 15) -> list[tuple]:
    """(when, who, verb, history url, what, kind of row) for the rule tree of `cert`."""
    group_ids = list(cert.groups.values_list("pk", flat=True))
    option_ids = list(m.RequirementOption.objects.filter(group_id__in=group_ids).values_list(
        "pk", flat=True))  # fmt: skip
    sources = (
        (m.RequirementGroup.history.filter(certification_id=cert.pk), "requirementgroup", "group"),
        (m.RequirementOption.history.filter(group_id__in=group_ids), "requirementoption", "option"),
        (m.Condition.history.filter(option_id__in=option_ids), "condition", "condition"),
    )
    rows = []
    for queryset, model, label in sources:
        for record in queryset.select_related("history_user").order_by("-history_date")[:limit]:
            rows.append((record, model, label))
    rows.sort(key=lambda row: row[0].history_date, reverse=True)
    return [
        (
            timezone.localtime(record.history_date).strftime("%Y-%m-%d %H:%M"),
            record.history_user.get_username() if record.history_user else "loader",
            m.HISTORY_VERBS.get(record.history_type, "changed"),
            reverse(f"admin:eligibility_{model}_history", args=[record.id]),
            record.code,
            label,
        )
        for record, model, label in rows[:limit]
    ]


def rule_tree_html(code: str):
    """The certification's rules in the plain language users read."""
    try:
        cert = get_snapshot().certification(code)
    except KeyError:
        return "Not published yet: complete every group, option and condition, then save."
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
        "<p>All of these requirement groups; in each, any one option.</p><ol>{}</ol>",
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


@admin.register(m.Certification)
class CertificationAdmin(CatalogAdmin, nested_admin.NestedModelAdmin):
    list_display = ("name", "code", "body", "verification", "position")
    list_select_related = ("body",)
    list_filter = (FreshnessFilter,)
    search_fields = ("name", "code")
    filter_horizontal = ("sources",)
    inlines = (GroupInline, NoteInline)
    readonly_fields = ("rule_tree", "rule_changes")
    fieldsets = (
        (None, {"fields": ("code", "name", "body", "position", "summary")}),
        ("Rules in plain language (as saved)", {"fields": ("rule_tree", "rule_changes")}),
        (
            "Exam and renewal",
            {
                "fields": (
                    "exam",
                    "fees",
                    "exam_windows",
                    "renewal_years",
                    "renewal_ce_hours",
                    "renewal_notes",
                )
            },
        ),
        ("Sources", {"fields": ("sources", "source_notes")}),
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
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li>{} — {} {} <a href="{}">{}</a> ({})</li>',
                rows,
            ),
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
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(request, "_catalog_preview", None) is not None:
            return self.preview_response(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def preview_response(self, request, obj):
        after = parse_catalog(published(read_catalog()))
        # Saved public plans and every advisor client's latest assessment.
        saved = list(m.SavedPlan.objects.values_list("profile", flat=True))
        saved += m.Assessment.objects.filter(
            pk__in=m.Client.objects.values("assessment_id")
        ).values_list("profile", flat=True)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Preview of the changes to {obj.name}",
            "opts": self.model._meta,
            "original": obj,
            "published": any(c.code == obj.code for c in after.certifications),
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

    def has_add_permission(self, request):
        return False


@admin.register(m.RequirementGroup)
class RequirementGroupAdmin(TreeRowAdmin):
    list_display = ("name", "code", "certification", "position")
    list_filter = ("certification",)
    list_select_related = ("certification",)


@admin.register(m.RequirementOption)
class RequirementOptionAdmin(TreeRowAdmin):
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


from .advising import admin as advising_admin  # noqa: E402,F401  (registers the organisations)
