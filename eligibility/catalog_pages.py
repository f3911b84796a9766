"""The public catalog pages: certifications and case-manager jobs, in plain language.

Every page reads the cached snapshot (`get_snapshot()`), never the ORM, so it runs the same
small number of queries whatever the size of the catalog (one when the cache is warm). What a
page says about a rule is generated from the rule's data, so an editor's change shows up
without code.
"""

import datetime as dt
from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from .catalog import get_snapshot
from .explain import a_or_an, either, long_date, lower_first, names_in
from .snapshot import Certification, JobRole, Snapshot, Source

ONET_SUMMARY_URL = "https://www.onetonline.org/link/summary/{soc}"

CONFIDENCE_LABELS = {
    "verified": "Verified",
    "secondary": "Secondary source",
    "unverified": "Unverified",
}
CONFIDENCE_HELP = {
    "verified": "checked against the certifying body's own page",
    "secondary": "a report of the rules by someone other than the certifying body",
    "unverified": "not checked against the certifying body's own page",
}


# --- what the templates show --------------------------------------------------------------


@dataclass(frozen=True)
class SourceView:
    title: str
    url: str
    publisher: str
    confidence: str  # the code, used as a CSS modifier
    confidence_label: str
    confidence_help: str
    verified: str  # "last verified on 20 November 2026" or "not verified"
    accessed: str  # "consulted on 26 April 2023" or ""
    notes: str


@dataclass(frozen=True)
class JobSummary:
    code: str
    name: str


@dataclass(frozen=True)
class SocCode:
    code: str
    url: str


@dataclass(frozen=True)
class JobView:
    code: str
    name: str
    summary: str
    soc_codes: tuple[SocCode, ...]
    background: tuple[str, ...]  # one sentence per kind of background
    settings: tuple[str, ...]
    certifications: tuple[Certification, ...]
    shown_when_reaching: str  # certification names joined with "or", or ""


def _date(value: str | None) -> str:
    return long_date(dt.date.fromisoformat(value).toordinal()) if value else ""


def source_view(source: Source) -> SourceView:
    verified = _date(source.verified_on)
    accessed = _date(source.accessed_on)
    return SourceView(
        title=source.title,
        url=source.url,
        publisher=source.publisher,
        confidence=source.confidence,
        confidence_label=CONFIDENCE_LABELS.get(source.confidence, source.confidence),
        confidence_help=CONFIDENCE_HELP.get(source.confidence, ""),
        verified=f"last verified on {verified}" if verified else "not verified",
        accessed=f"consulted on {accessed}" if accessed else "",
        notes=source.notes,
    )


def needs_unverified_notice(cert: Certification) -> bool:
    """True when a rule may rest on nothing better than a secondary source: a source is
    unverified, every source is secondary, or no source is recorded at all."""
    confidences = [s.confidence for s in cert.sources]
    return (
        not confidences or "unverified" in confidences or all(c == "secondary" for c in confidences)
    )


def background(job: JobRole, snap: Snapshot) -> tuple[str, ...]:
    lines = []
    licences = names_in(job.background_licences, snap.licence_types)
    if licences:
        lines.append("Licensed as " + either([a_or_an(lower_first(n)) for n in licences]))
    fields = names_in(job.background_fields, snap.degree_fields)
    if fields:
        lines.append("A degree in " + either([n.lower() for n in fields]))
    if job.background_any_bachelor:
        lines.append("Any bachelor's degree")
    roles = names_in(job.background_roles, snap.roles)
    if roles:
        lines.append("Experience as " + either([a_or_an(lower_first(n)) for n in roles]))
    return tuple(lines)


def job_view(job: JobRole, snap: Snapshot) -> JobView:
    certs = {c.code: c for c in snap.certifications}
    return JobView(
        code=job.code,
        name=job.name,
        summary=job.summary,
        soc_codes=tuple(SocCode(soc, ONET_SUMMARY_URL.format(soc=soc)) for soc in job.soc_codes),
        background=background(job, snap),
        settings=tuple(names_in(job.settings, snap.settings)),
        certifications=tuple(certs[c] for c in job.helpful_certifications if c in certs),
        shown_when_reaching=either([certs[c].name for c in job.shown_when_reaching if c in certs]),
    )


def jobs_helped_by(code: str, snap: Snapshot) -> list[JobSummary]:
    return [
        JobSummary(job.code, job.name)
        for job in snap.job_roles
        if code in job.helpful_certifications
    ]


# --- the views ----------------------------------------------------------------------------


def certification_list(request: HttpRequest) -> HttpResponse:
    snap = get_snapshot()
    return render(
        request,
        "eligibility/catalog/certification_list.html",
        {"nav": "certifications", "certifications": snap.certifications},
    )


def certification_detail(request: HttpRequest, code: str) -> HttpResponse:
    snap = get_snapshot()
    try:
        cert = snap.certification(code)
    except KeyError:
        raise Http404("No certification has this code.") from None
    return render(
        request,
        "eligibility/catalog/certification_detail.html",
        {
            "nav": "certifications",
            "cert": cert,
            "sources": [source_view(s) for s in cert.sources],
            "unverified_notice": needs_unverified_notice(cert),
            "jobs": jobs_helped_by(cert.code, snap),
        },
    )


def job_list(request: HttpRequest) -> HttpResponse:
    snap = get_snapshot()
    return render(
        request,
        "eligibility/catalog/job_list.html",
        {"nav": "jobs", "jobs": [job_view(job, snap) for job in snap.job_roles]},
    )


def job_detail(request: HttpRequest, code: str) -> HttpResponse:
    snap = get_snapshot()
    job = next((j for j in snap.job_roles if j.code == code), None)
    if job is None:
        raise Http404("No job role has this code.")
    return render(
        request,
        "eligibility/catalog/job_detail.html",
        {"nav": "jobs", "job": job_view(job, snap)},
    )
