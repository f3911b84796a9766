"""Loading a catalog file into the database: validate everything, then upsert by code.

`load_catalog(data)` writes only rows that differ, in one transaction, so loading twice changes
nothing; `preview_load(data)` reports what a load would change without changing anything, and
`summarise(report)` says it in a line per item ("ccm: 1 condition changed").
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.db.backends.base.operations import BaseDatabaseOperations

from . import models as m
from .catalog import JOB_LINKS, VOCAB_MODELS, loading, revised
from .catalog_format import FACTS, Limits, normalise_catalog

FACT_SOURCES = tuple(name for _, name in FACTS)


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


def _upsert(model, lookup: dict, values: dict, report: LoadReport, label: str):
    """Create or update one row, saving only when a value differs."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        report.created.append(label)
        return obj
    changed = [key for key, value in values.items() if getattr(obj, key) != value]
    if changed:
        for key in changed:
            setattr(obj, key, values[key])
        obj.save()
        report.updated.append(label)
    return obj


def _set_links(obj, name: str, targets: list, report: LoadReport, label: str) -> None:
    manager = getattr(obj, name)
    if {t.pk for t in targets} != set(manager.values_list("pk", flat=True)):
        manager.set(targets)
        report.updated.append(f"{label}.{name}")


def _prune(queryset, keep: list[int], report: LoadReport, label: str) -> None:
    stale = queryset.exclude(pk__in=keep)
    for row in stale:
        report.deleted.append(f"{label}.{getattr(row, 'code', row.pk)}")
    stale.delete()


# The model each list of the file is stored in (the limits of its fields apply to the list).
TABLE_MODELS = {
    **VOCAB_MODELS,
    "sources": m.Source,
    "bodies": m.CertifyingBody,
    "certifications": m.Certification,
    "application_notes": m.ApplicationNote,
    "groups": m.RequirementGroup,
    "options": m.RequirementOption,
    "conditions": m.Condition,
    "soc_wages": m.SocWage,
    "job_roles": m.JobRole,
}


def field_limits() -> Limits:
    """The largest value each stored field holds, read from the models (never restated).

    Text and codes: their max_length. Whole numbers: the column's range on every supported
    database (the portable ranges, so SQLite refuses what PostgreSQL would).
    """
    ranges = BaseDatabaseOperations.integer_field_ranges
    limits: Limits = {}
    for table, model in TABLE_MODELS.items():
        fields = limits[table] = {}
        for f in model._meta.concrete_fields:
            if f.max_length is not None:
                fields[f.name] = f.max_length
            elif f.get_internal_type() in ranges:
                fields[f.name] = ranges[f.get_internal_type()][1]
    return limits


def load_catalog(data: object) -> LoadReport:
    """Validate `data` (file format) and upsert it by code; all or nothing.

    Rows of the file are created or updated; a certification's rule tree and notes are made
    to match the file exactly. Top-level rows absent from the file are kept.
    Raises CatalogError (nothing written) when the file is invalid, or holds a value too
    long or too large for its column (`field_limits`).
    """
    with loading():  # one revision bump for the whole load instead of one per row saved
        return _load(data)


@transaction.atomic
def _load(data: object) -> LoadReport:
    canonical = normalise_catalog(data, field_limits())
    report = LoadReport()
    by_code: dict[str, dict] = {}
    for key, model in VOCAB_MODELS.items():
        by_code[key] = {}
        for i, row in enumerate(canonical[key]):
            values = {k: v for k, v in row.items() if k != "code"} | {"position": i}
            by_code[key][row["code"]] = _upsert(
                model, {"code": row["code"]}, values, report, f"{key}:{row['code']}"
            )
    by_code["sources"] = {}
    for i, row in enumerate(canonical["sources"]):
        values = {k: v for k, v in row.items() if k != "code"} | {"position": i}
        for date_key in ("accessed_on", "verified_on"):
            if values[date_key]:
                values[date_key] = dt.date.fromisoformat(values[date_key])
        by_code["sources"][row["code"]] = _upsert(
            m.Source, {"code": row["code"]}, values, report, f"sources:{row['code']}"
        )
    bodies = {
        row["code"]: _upsert(
            m.CertifyingBody,
            {"code": row["code"]},
            {
                "name": row["name"],
                "url": row["url"],
                "other_urls": row["other_urls"],
                "position": i,
            },
            report,
            f"bodies:{row['code']}",
        )
        for i, row in enumerate(canonical["bodies"])
    }
    certs = {}
    for i, row in enumerate(canonical["certifications"]):
        label = f"certifications:{row['code']}"
        scalar = {
            k: v
            for k, v in row.items()
            if k not in ("code", "body", "sources", "application_notes", "groups", *FACT_SOURCES)
        }
        fact_sources = {
            name: by_code["sources"][row[name]] if row[name] else None for name in FACT_SOURCES
        }
        cert = _upsert(
            m.Certification,
            {"code": row["code"]},
            scalar | fact_sources | {"body": bodies[row["body"]], "position": i},
            report,
            label,
        )
        certs[row["code"]] = cert
        _set_links(cert, "sources", [by_code["sources"][s] for s in row["sources"]], report, label)
        _load_notes(cert, row["application_notes"], report, label)
        _load_tree(cert, row["groups"], report, label)
    for i, row in enumerate(canonical["soc_wages"]):
        values = {k: v for k, v in row.items() if k not in ("code", "source")}
        source = by_code["sources"][row["source"]] if row["source"] else None
        _upsert(
            m.SocWage,
            {"code": row["code"]},
            values | {"source": source, "position": i},
            report,
            f"soc_wages:{row['code']}",
        )
    for i, row in enumerate(canonical["job_roles"]):
        label = f"job_roles:{row['code']}"
        job = _upsert(
            m.JobRole,
            {"code": row["code"]},
            {
                "name": row["name"],
                "summary": row["summary"],
                "soc_codes": row["soc_codes"],
                "wage_notes": row["wage_notes"],
                "background_any_bachelor": row["background_any_bachelor"],
                "position": i,
            },
            report,
            label,
        )
        vocab_of = {
            "background_licences": by_code["licence_types"],
            "background_fields": by_code["degree_fields"],
            "background_roles": by_code["roles"],
            "settings": by_code["settings"],
        }
        for name in JOB_LINKS:
            pool = vocab_of.get(name, certs)
            targets = [pool[c] for c in row[name]]
            _set_links(job, name, targets, report, label)
    if report.changed:
        m.CatalogRevision.bump()
        revised.send(sender=m.CatalogRevision)
    return report


def _load_notes(cert, notes: list, report: LoadReport, label: str) -> None:
    existing = list(cert.application_notes.all())
    keep = []
    for i, note in enumerate(notes):
        unless = note["unless"] or {"kind": "", "params": {}}
        values = {
            "text": note["text"],
            "unless_kind": unless["kind"],
            "unless_params": unless["params"],
            "position": i,
        }
        if i < len(existing):
            obj = _upsert(
                m.ApplicationNote, {"pk": existing[i].pk}, values, report, f"{label}.note[{i}]"
            )
        else:
            obj = m.ApplicationNote.objects.create(certification=cert, **values)
            report.created.append(f"{label}.note[{i}]")
        keep.append(obj.pk)
    _prune(cert.application_notes.all(), keep, report, label)


# The rule tree, level by level: model, its parent field, the key of its rows in the file,
# and the values a row sets besides code and position.
TREE = (
    (m.RequirementGroup, "certification", "groups", lambda row: {"name": row["name"]}),
    (m.RequirementOption, "group", "options", lambda row: {"name": row["name"]}),
    (
        m.Condition,
        "option",
        "conditions",
        lambda row: {"kind": row["kind"], "params": row["params"]},
    ),
)


def _load_tree(parent, rows: list, report: LoadReport, label: str, level: int = 0) -> None:
    """Make one level of a certification's rule tree (and the levels below) match the file."""
    model, parent_field, _, values = TREE[level]
    keep = []
    for position, row in enumerate(rows):
        row_label = f"{label}.{row['code']}"
        obj = _upsert(
            model,
            {parent_field: parent, "code": row["code"]},
            values(row) | {"position": position},
            report,
            row_label,
        )
        keep.append(obj.pk)
        if level + 1 < len(TREE):
            _load_tree(obj, row[TREE[level + 1][2]], report, row_label, level + 1)
    _prune(model.objects.filter(**{parent_field: parent}), keep, report, label)


WHAT_BY_DEPTH = {1: "group", 2: "option", 3: "condition"}


def summarise(report: LoadReport) -> list[str]:
    """One line per catalog item a load touches: "ccm: 1 condition changed; cmac: added"."""
    changes: dict[str, dict[str, int]] = {}
    added: set[str] = set()
    for verb, labels in (("added", report.created), ("changed", report.updated),
                         ("removed", report.deleted)):  # fmt: skip
        for label in labels:
            top, _, rest = label.partition(".")
            if not rest:
                if verb == "added":
                    added.add(top)
                else:
                    changes.setdefault(top, {})[f"details {verb}"] = 1
                continue
            if rest.startswith("note["):
                what = "application note"
            elif rest == "sources" or top.startswith("job_roles:"):
                what = "links"
            else:
                what = WHAT_BY_DEPTH.get(rest.count(".") + 1, "item")
            key = f"{what} {verb}"
            changes.setdefault(top, {})[key] = changes.setdefault(top, {}).get(key, 0) + 1
    lines = []
    for top in sorted(added | set(changes)):
        name = top.partition(":")[2] or top
        if top in added:
            lines.append(f"{name}: added")
            continue
        parts = []
        for key, count in changes[top].items():
            what, verb = key.rsplit(" ", 1)
            plural = "s" if count > 1 and what not in ("details", "links") else ""
            parts.append(f"{count} {what}{plural} {verb}" if what not in ("details", "links")
                         else f"{what} {verb}")  # fmt: skip
        lines.append(f"{name}: " + ", ".join(parts))
    return lines


class _DryRun(Exception):
    pass


def preview_load(data: object) -> LoadReport:
    """What `load_catalog(data)` would change, without changing anything."""
    try:
        with transaction.atomic():
            report = load_catalog(data)
            raise _DryRun
    except _DryRun:
        return report
