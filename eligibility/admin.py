"""The editors' admin: every catalog model, with a certification's rule tree on its page."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from . import models as m
from .catalog import get_snapshot


class CodedAdmin(admin.ModelAdmin):
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
class SourceAdmin(admin.ModelAdmin):
    list_display = ("title", "code", "confidence", "verified_on", "accessed_on")
    list_filter = ("confidence",)
    search_fields = ("title", "code", "url")


class GroupInline(admin.TabularInline):
    model = m.RequirementGroup
    extra = 0
    fields = ("code", "name", "position", "edit_link")
    readonly_fields = ("edit_link",)

    @admin.display(description="options and conditions")
    def edit_link(self, obj):
        if not obj.pk:
            return "—"
        url = reverse("admin:eligibility_requirementgroup_change", args=[obj.pk])
        return format_html('<a href="{}">Edit options</a>', url)


class NoteInline(admin.StackedInline):
    model = m.ApplicationNote
    extra = 0


def rule_tree_html(code: str):
    """The certification's rules in the plain language users read."""
    try:
        cert = get_snapshot().certification(code)
    except KeyError:
        return "Save the certification to see its rules."
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


@admin.register(m.Certification)
class CertificationAdmin(CodedAdmin):
    list_display = ("name", "code", "body", "renewal_years", "position")
    list_select_related = ("body",)
    filter_horizontal = ("sources",)
    inlines = (GroupInline, NoteInline)
    readonly_fields = ("rule_tree",)
    fieldsets = (
        (None, {"fields": ("code", "name", "body", "position", "summary")}),
        ("Rules in plain language", {"fields": ("rule_tree",)}),
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

    @admin.display(description="rules")
    def rule_tree(self, obj):
        return rule_tree_html(obj.code) if obj.pk else "—"


class OptionInline(admin.TabularInline):
    model = m.RequirementOption
    extra = 0
    fields = ("code", "name", "position", "edit_link")
    readonly_fields = ("edit_link",)

    @admin.display(description="conditions")
    def edit_link(self, obj):
        if not obj.pk:
            return "—"
        url = reverse("admin:eligibility_requirementoption_change", args=[obj.pk])
        return format_html('<a href="{}">Edit conditions</a>', url)


@admin.register(m.RequirementGroup)
class RequirementGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "certification", "position")
    list_filter = ("certification",)
    list_select_related = ("certification",)
    inlines = (OptionInline,)


class ConditionInline(admin.StackedInline):
    model = m.Condition
    extra = 0


@admin.register(m.RequirementOption)
class RequirementOptionAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "group", "position")
    list_filter = ("group__certification",)
    list_select_related = ("group__certification",)
    inlines = (ConditionInline,)


@admin.register(m.JobRole)
class JobRoleAdmin(CodedAdmin):
    filter_horizontal = (
        "background_licences",
        "background_fields",
        "background_roles",
        "settings",
        "helpful_certifications",
        "shown_when_reaching",
    )
