"""The catalog between the database, the file format and the engine's cached snapshot.

- `dump_catalog()` reads every catalog row (a fixed number of queries) into the file format.
- `published(data)` leaves out certifications an editor has not finished.
- `get_snapshot()` returns the frozen snapshot, rebuilt only when the catalog revision token
  moved (any catalog save or delete moves it; see apps.py).
"""

import logging
import re
import threading
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import connection
from django.dispatch import Signal

from . import models as m
from .catalog_format import VOCAB_FIELDS, CatalogError, normalise_catalog

# VOCAB_MODELS and vocabulary_codes live with the models; imported here for the loader and tests.
from .models import VOCAB_MODELS, vocabulary_codes  # noqa: F401
from .snapshot import Snapshot, parse_catalog

logger = logging.getLogger(__name__)

JOB_LINKS = (
    "background_licences",
    "background_fields",
    "background_roles",
    "settings",
    "helpful_certifications",
    "shown_when_reaching",
)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _code(row) -> str | None:
    return row.code if row is not None else None


def _codes(manager) -> list[str]:
    return [row.code for row in manager.all()]  # prefetched, ordered by the model's ordering


def dump_catalog() -> dict:
    """The whole catalog in the file format (canonical order); CatalogError if incomplete."""
    return normalise_catalog(read_catalog())


def read_catalog() -> dict:
    """Every catalog row in the file format, not yet validated."""
    data: dict = {"format": 1}
    for key, model in VOCAB_MODELS.items():
        names = [name for name, _ in VOCAB_FIELDS[key]]
        data[key] = [{n: getattr(row, n) for n in names} for row in model.objects.all()]
    data["sources"] = [
        {
            "code": s.code,
            "title": s.title,
            "url": s.url,
            "publisher": s.publisher,
            "accessed_on": _iso(s.accessed_on),
            "verified_on": _iso(s.verified_on),
            "confidence": s.confidence,
            "notes": s.notes,
        }
        for s in m.Source.objects.all()
    ]
    data["bodies"] = [
        {"code": b.code, "name": b.name, "url": b.url, "other_urls": b.other_urls}
        for b in m.CertifyingBody.objects.all()
    ]
    certs = m.Certification.objects.select_related("body", *m.FACT_FIELDS).prefetch_related(
        "sources", "application_notes", "groups__options__conditions"
    )
    data["certifications"] = [
        {
            "code": c.code,
            "name": c.name,
            "body": c.body.code,
            "audience": c.audience,
            "summary": c.summary,
            "exam": c.exam,
            "exam_source": _code(c.exam_source),
            "fees": c.fees,
            "fees_source": _code(c.fees_source),
            "exam_windows": c.exam_windows,
            "windows_source": _code(c.windows_source),
            "renewal_years": c.renewal_years,
            "renewal_ce_hours": c.renewal_ce_hours,
            "renewal_notes": c.renewal_notes,
            "renewal_source": _code(c.renewal_source),
            "source_notes": c.source_notes,
            "sources": _codes(c.sources),
            "application_notes": [
                {
                    "text": n.text,
                    "unless": {"kind": n.unless_kind, "params": n.unless_params}
                    if n.unless_kind
                    else None,
                }
                for n in c.application_notes.all()
            ],
            "groups": [
                {
                    "code": g.code,
                    "name": g.name,
                    "options": [
                        {
                            "code": o.code,
                            "name": o.name,
                            "conditions": [
                                {"code": k.code, "kind": k.kind, "params": k.params}
                                for k in o.conditions.all()
                            ],
                        }
                        for o in g.options.all()
                    ],
                }
                for g in c.groups.all()
            ],
        }
        for c in certs
    ]
    data["soc_wages"] = [
        {
            "code": w.code,
            "title": w.title,
            "median_annual_wage": w.median_annual_wage,
            "employment": w.employment,
            "period": w.period,
            "source": _code(w.source),
            "notes": w.notes,
        }
        for w in m.SocWage.objects.select_related("source")
    ]
    jobs = m.JobRole.objects.prefetch_related(*JOB_LINKS)
    data["job_roles"] = [
        {
            "code": j.code,
            "name": j.name,
            "summary": j.summary,
            "soc_codes": j.soc_codes,
            "wage_notes": j.wage_notes,
            "background_licences": _codes(j.background_licences),
            "background_fields": _codes(j.background_fields),
            "background_roles": _codes(j.background_roles),
            "background_any_bachelor": j.background_any_bachelor,
            "settings": _codes(j.settings),
            "helpful_certifications": _codes(j.helpful_certifications),
            "shown_when_reaching": _codes(j.shown_when_reaching),
        }
        for j in jobs
    ]
    return data


# --- the cached snapshot ------------------------------------------------------------------

_lock = threading.Lock()
_cached: tuple[str, Snapshot, float] | None = None  # token, snapshot, when the token was read


def get_snapshot() -> Snapshot:
    """The published catalog as an engine snapshot.

    The revision token is read again at most every `settings.CATALOG_RECHECK_SECONDS` (one
    query, which would otherwise be a tenth of an assessment's request): a change made in
    this process is seen at once (`_recheck` below), one made in another worker or replica
    within that many seconds. The snapshot is rebuilt only when the token moved.
    """
    global _cached
    cached = _cached
    now = time.monotonic()
    if cached is not None and now - cached[2] < settings.CATALOG_RECHECK_SECONDS:
        return cached[1]
    token = m.CatalogRevision.current()
    # What is read inside a transaction may yet be rolled back: trust it for this call only.
    read_at = float("-inf") if connection.in_atomic_block else now
    if cached is not None and cached[0] == token:
        _cached = (token, cached[1], read_at)
        return cached[1]
    with _lock:
        snapshot = parse_catalog(published(read_catalog()))
        _cached = (token, snapshot, read_at)
    return snapshot


def current_snapshot() -> Snapshot:
    """The rules in force now: the revision token read afresh (one query), for writes that
    must not keep a snapshot a few seconds old (a client's stored summary)."""
    _recheck()
    return get_snapshot()


def _recheck(**kwargs) -> None:
    """Receiver of `revised`: read the token on the next call (this process changed it)."""
    global _cached
    cached = _cached
    if cached is not None:
        _cached = (cached[0], cached[1], float("-inf"))


CERT_PATH = re.compile(r"^certifications\[(\d+)\]")


def published(data: dict) -> dict:
    """The catalog without certifications that do not validate yet.

    An editor builds a certification over several saves (the certification, then its groups,
    then their options …); until it is whole it stays out of the public snapshot instead of
    breaking every page. Problems outside certifications still raise CatalogError.
    """
    while True:
        try:
            return normalise_catalog(data)
        except CatalogError as refused:
            drafts = {CERT_PATH.match(path) for path in refused.errors}
            if None in drafts:
                raise
            indices = {int(match.group(1)) for match in drafts}
            codes = {data["certifications"][i].get("code") for i in indices}
            logger.warning("Not published while incomplete: %s", ", ".join(sorted(map(str, codes))))
            data = {
                **data,
                "certifications": [
                    c for i, c in enumerate(data["certifications"]) if i not in indices
                ],
                "job_roles": [
                    {
                        **job,
                        "helpful_certifications": [
                            c for c in job["helpful_certifications"] if c not in codes
                        ],
                        "shown_when_reaching": [
                            c for c in job["shown_when_reaching"] if c not in codes
                        ],
                    }
                    for job in data["job_roles"]
                ],
            }


_loading = threading.local()


@contextmanager
def loading():
    """Inside, saves do not move the revision one by one; the loader moves it once."""
    _loading.active = True
    try:
        yield
    finally:
        _loading.active = False


# Sent once the catalog's rules may have changed (a row saved or deleted, a file loaded): this
# process reads the token afresh. Nothing else listens: the services that change the catalog
# ask for the advisors' summaries to be recomputed themselves (advising.recompute).
revised = Signal()
revised.connect(_recheck, dispatch_uid="catalog-recheck")


def catalog_changed(**kwargs) -> None:
    """Signal receiver: any catalog row saved or deleted moves the revision token."""
    if not getattr(_loading, "active", False):
        m.CatalogRevision.bump()
        revised.send(sender=m.CatalogRevision)
