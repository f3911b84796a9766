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
from .snapshot import Body, Certification, JobRole, Snapshot, SocWage, Source

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
class FactView:
    """One fact of a certification (fees, exam, windows, renewal) with its own citation."""

    label: str
    source: SourceView | None  # None: no source recorded, shown as unverified
    confidence: str
    confidence_label: str
    checked: str  # "checked on 2 December 2026" or "no source recorded"


@dataclass(frozen=True)
class BodyGroup:
    body: Body
    certifications: tuple[Certification, ...]


@dataclass(frozen=True)
class WageView:
    code: str
    title: str
    median: str  # "$81,220" or ""
    employment: str  # "187,630" or ""
    period: str
    source: SourceView | None
    notes: str


@dataclass(frozen=True)
class JobSummary:
    code: str
    name: str


@dataclass(frozen=True)
class SocCode:
    code: str
    url: str
    wage: WageView | None = None  # None: no figure recorded for this occupation


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
    wage_notes: str = ""
    top_median: int | None = None  # the highest median of its occupations, for sorting


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


def fact_view(label: str, source: Source | None) -> FactView:
    """A fact's citation: its own source's confidence and date, never the certification's."""
    if source is None:
        return FactView(label, None, "unverified", CONFIDENCE_LABELS["unverified"],
                        "no source recorded")  # fmt: skip
    view = source_view(source)
    checked = _date(source.verified_on) or _date(source.accessed_on)
    return FactView(
        label=label,
        source=view,
        confidence=view.confidence,
        confidence_label=view.confidence_label,
        checked=f"checked on {checked}" if checked else "date not recorded",
    )


def certification_facts(cert: Certification) -> dict[str, FactView]:
    """Fees, exam, exam windows and renewal, each with the source it came from."""
    return {
        "fees": fact_view("Fees", cert.fees_source),
        "exam": fact_view("Exam", cert.exam_source),
        "windows": fact_view("Exam windows", cert.windows_source),
        "renewal": fact_view("Renewal", cert.renewal_source),
    }


def by_body(snap: Snapshot) -> list[BodyGroup]:
    """The certifications grouped by the body awarding them, bodies in catalog order."""
    groups = []
    for body in snap.bodies.values():
        certs = tuple(c for c in snap.certifications if c.body.code == body.code)
        if certs:
            groups.append(BodyGroup(body, certs))
    return groups


def wage_view(wage: SocWage) -> WageView:
    return WageView(
        code=wage.code,
        title=wage.title,
        median=f"${wage.median_annual_wage:,}" if wage.median_annual_wage is not None else "",
        employment=f"{wage.employment:,}" if wage.employment is not None else "",
        period=wage.period,
        source=source_view(wage.source) if wage.source else None,
        notes=wage.notes,
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
    wages = [snap.wage(soc) for soc in job.soc_codes]
    medians = [w.median_annual_wage for w in wages if w and w.median_annual_wage is not None]
    return JobView(
        code=job.code,
        name=job.name,
        summary=job.summary,
        soc_codes=tuple(
            SocCode(soc, ONET_SUMMARY_URL.format(soc=soc), wage_view(w) if w else None)
            for soc, w in zip(job.soc_codes, wages, strict=True)
        ),
        wage_notes=job.wage_notes,
        top_median=max(medians, default=None),
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
        {
            "nav": "certifications",
            "certifications": snap.certifications,
            "bodies": by_body(snap),
        },
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
            "facts": certification_facts(cert),
            "jobs": jobs_helped_by(cert.code, snap),
        },
    )


JOB_SORTS = {"": "Catalog order", "wage": "Median wage, highest first"}


def sorted_jobs(jobs: list[JobView], sort: str) -> list[JobView]:
    """Jobs in catalog order, or by their highest median wage (jobs without one last)."""
    if sort != "wage":
        return jobs
    return sorted(jobs, key=lambda j: (j.top_median is None, -(j.top_median or 0)))


def job_list(request: HttpRequest) -> HttpResponse:
    snap = get_snapshot()
    sort = request.GET.get("sort", "")
    sort = sort if sort in JOB_SORTS else ""
    jobs = sorted_jobs([job_view(job, snap) for job in snap.job_roles], sort)
    return render(
        request,
        "eligibility/catalog/job_list.html",
        {"nav": "jobs", "jobs": jobs, "sort": sort, "sorts": JOB_SORTS.items()},
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
