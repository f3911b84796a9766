"""Catalog import and export in the admin: a dry-run diff first, then one transaction."""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from advising.tasks import enqueue_recompute

from .catalog import dump_catalog
from .catalog_format import CatalogError, parse_catalog_json
from .loading import load_catalog, preview_load, summarise

MAX_IMPORT_BYTES = 2 * 1024 * 1024
IMPORT_PERMISSIONS = [
    f"eligibility.{action}_{model}"
    for model in ("certification", "requirementgroup", "requirementoption", "condition")
    for action in ("add", "change", "delete")
]


class ImportForm(forms.Form):
    file = forms.FileField(label="Catalog file (JSON, as exported)", required=False)
    content = forms.CharField(widget=forms.HiddenInput, required=False)

    def catalog(self) -> object:
        """The uploaded (or carried-over) catalog as parsed JSON; ValidationError if not JSON."""
        upload = self.cleaned_data.get("file")
        if upload is not None:
            if upload.size > MAX_IMPORT_BYTES:
                raise forms.ValidationError("The file is larger than 2 MB.")
            raw = upload.read()
        else:
            raw = (self.cleaned_data.get("content") or "").encode()
        if not raw:
            raise forms.ValidationError("Choose a catalog file to import.")
        try:
            return parse_catalog_json(raw)
        except ValueError as exc:
            raise forms.ValidationError(f"The file is not valid JSON: {exc}") from None


def export_view(model_admin, request: HttpRequest) -> HttpResponse:
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    try:
        data = dump_catalog()
    except CatalogError as refused:
        messages.error(
            request,
            "The catalog cannot be exported while a certification is incomplete: "
            + "; ".join(f"{p}: {msg}" for p, msg in refused.errors.items()),
        )
        return redirect("admin:eligibility_certification_changelist")
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False) + "\n", content_type="application/json"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="careerpath-catalog-{stamp}.json"'
    return response


def import_view(model_admin, request: HttpRequest) -> HttpResponse:
    if not request.user.has_perms(IMPORT_PERMISSIONS):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Import the catalog",
        "opts": model_admin.model._meta,
    }
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            data = form.catalog()
        except forms.ValidationError as problem:
            form.add_error("file", problem)
        else:
            try:
                if "apply" in request.POST:
                    report = load_catalog(data)
                    if report.changed:
                        enqueue_recompute(trigger="catalog import")
                    lines = summarise(report)
                    messages.success(
                        request,
                        "Catalog imported: " + ("; ".join(lines) if lines else "nothing changed."),
                    )
                    return redirect("admin:eligibility_certification_changelist")
                report = preview_load(data)
            except CatalogError as refused:
                context["errors"] = refused.errors
            else:
                context["changes"] = summarise(report)
                context["carry"] = ImportForm(
                    initial={"content": json.dumps(data, ensure_ascii=False)}
                )
    context["form"] = form
    return TemplateResponse(request, "admin/eligibility/catalog_import.html", context)
