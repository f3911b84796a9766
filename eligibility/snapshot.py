"""The catalog as a frozen, validated snapshot the engine reads.

`parse_catalog(data)` takes the catalog file format (docs/catalog-format.md) and returns a
`Snapshot`, or raises `CatalogError` with every problem named by its path. The database is
turned into the same format first (eligibility.catalog), so the seeded file, an import and the
live catalog all go through this one validation. No Django import.
"""

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .kinds import clean_params

SEED_PATH = Path(__file__).parent / "data" / "catalog.json"
FORMAT = 1
CODE_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CONFIDENCE = ("verified", "secondary", "unverified")


class CatalogError(ValueError):
    """A catalog file that cannot be used; `errors` maps each path to its problem."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{path}: {msg}" for path, msg in errors.items()))


@dataclass(frozen=True, slots=True)
class Term:
    """One vocabulary entry (a licence type, a role, a setting …)."""

    code: str
    name: str
    description: str = ""
    rank: int = 0  # degree levels
    hhs: bool = False  # degree fields: health and human services
    health_care_delivery: bool = False  # settings
    question: str = ""  # attestations


@dataclass(frozen=True, slots=True)
class Source:
    code: str
    title: str
    url: str
    publisher: str
    accessed_on: str | None
    verified_on: str | None
    confidence: str
    notes: str


@dataclass(frozen=True, slots=True)
class Body:
    code: str
    name: str
    url: str


@dataclass(frozen=True, slots=True)
class Condition:
    """One condition with its parameters resolved into what the engine compares against."""

    code: str
    kind: str
    params: dict
    text: str = ""
    hours: float = 0
    count: int = 0
    within_years: int | None = None
    codes: frozenset = frozenset()  # licence types, credentials, roles or topics
    settings: frozenset | None = None  # experience: None means any setting
    paid: bool = False
    supervised: bool = False
    supervisor_credentials: frozenset = frozenset()
    min_rank: int = 0
    fields: frozenset | None = None  # degree: None means any field
    accredited: bool = False
    attestation: str = ""


@dataclass(frozen=True, slots=True)
class Option:
    code: str
    name: str
    conditions: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class Group:
    code: str
    name: str
    options: tuple[Option, ...]


@dataclass(frozen=True, slots=True)
class ApplicationNote:
    text: str
    unless: Condition | None  # shown when this condition does not hold


@dataclass(frozen=True, slots=True)
class Certification:
    code: str
    name: str
    body: Body
    summary: str
    exam: str
    fees: str
    exam_windows: str
    renewal_years: int | None
    renewal_ce_hours: int | None
    renewal_notes: str
    source_notes: str
    sources: tuple[Source, ...]
    application_notes: tuple[ApplicationNote, ...]
    groups: tuple[Group, ...]


@dataclass(frozen=True, slots=True)
class JobRole:
    code: str
    name: str
    summary: str
    soc_codes: tuple[str, ...]
    background_licences: frozenset
    background_fields: frozenset
    background_roles: frozenset
    background_any_bachelor: bool
    settings: frozenset
    helpful_certifications: tuple[str, ...]
    shown_when_reaching: tuple[str, ...]


@dataclass(frozen=True)
class Snapshot:
    """Everything the engine needs, read once. `data` is the canonical catalog dict."""

    version: str
    data: dict
    licence_types: dict[str, Term]
    degree_levels: dict[str, Term]
    degree_fields: dict[str, Term]
    roles: dict[str, Term]
    settings: dict[str, Term]
    ce_topics: dict[str, Term]
    attestations: dict[str, Term]
    external_credentials: dict[str, Term]
    bodies: dict[str, Body]
    sources: dict[str, Source]
    certifications: tuple[Certification, ...]
    job_roles: tuple[JobRole, ...]
    credential_names: dict[str, str] = field(default_factory=dict)

    def certification(self, code: str) -> Certification:
        for cert in self.certifications:
            if cert.code == code:
                return cert
        raise KeyError(code)


# --- the file format: fields of each list, in export order --------------------------------
# type: code | text | text? (may be null) | int? | int | bool | date? | codes:<vocabulary>
VOCAB_FIELDS = {
    "licence_types": (("code", "code"), ("name", "text"), ("description", "text")),
    "degree_levels": (("code", "code"), ("name", "text"), ("rank", "int")),
    "degree_fields": (("code", "code"), ("name", "text"), ("hhs", "bool")),
    "roles": (("code", "code"), ("name", "text"), ("description", "text")),
    "settings": (("code", "code"), ("name", "text"), ("health_care_delivery", "bool")),
    "ce_topics": (("code", "code"), ("name", "text")),
    "attestations": (("code", "code"), ("name", "text"), ("question", "text")),
    "external_credentials": (("code", "code"), ("name", "text")),
}
SOURCE_FIELDS = (
    ("code", "code"),
    ("title", "text"),
    ("url", "text"),
    ("publisher", "text"),
    ("accessed_on", "date?"),
    ("verified_on", "date?"),
    ("confidence", "confidence"),
    ("notes", "text"),
)
BODY_FIELDS = (("code", "code"), ("name", "text"), ("url", "text"))
CERT_FIELDS = (
    ("code", "code"),
    ("name", "text"),
    ("body", "ref:bodies"),
    ("summary", "text"),
    ("exam", "text"),
    ("fees", "text"),
    ("exam_windows", "text"),
    ("renewal_years", "int?"),
    ("renewal_ce_hours", "int?"),
    ("renewal_notes", "text"),
    ("source_notes", "text"),
    ("sources", "codes:sources"),
)
JOB_FIELDS = (
    ("code", "code"),
    ("name", "text"),
    ("summary", "text"),
    ("soc_codes", "soc"),
    ("background_licences", "codes:licence_types"),
    ("background_fields", "codes:degree_fields"),
    ("background_roles", "codes:roles"),
    ("background_any_bachelor", "bool"),
    ("settings", "codes:settings"),
    ("helpful_certifications", "codes:certifications"),
    ("shown_when_reaching", "codes:certifications"),
)
TOP_LEVEL = (
    "format",
    *VOCAB_FIELDS,
    "sources",
    "bodies",
    "certifications",
    "job_roles",
)
SOC_RE = re.compile(r"^\d\d-\d{4}\.\d\d$")


class _Checker:
    """Collects errors by path while normalising a catalog dict."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}
        self.codes: dict[str, set[str]] = {}

    def error(self, path: str, message: str) -> None:
        self.errors.setdefault(path, message)

    def records(self, data: dict, key: str, path: str | None = None) -> list[dict]:
        path = path or key
        value = data.get(key, [])
        if not isinstance(value, list):
            self.error(path, "must be a list")
            return []
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                self.error(f"{path}[{i}]", "must be an object")
            else:
                out.append((f"{path}[{i}]", item))
        return out

    def record(self, path: str, item: dict, spec: tuple, extra: tuple = ()) -> dict:
        known = {name for name, _ in spec} | set(extra)
        for key in item:
            if key not in known:
                self.error(f"{path}.{key}", "is not a known field")
        out = {}
        for name, kind in spec:
            out[name] = self.value(f"{path}.{name}", item.get(name), kind, name in item)
        return out

    def value(self, path: str, value, kind: str, present: bool):  # noqa: C901 - a flat switch
        if kind == "code":
            if not isinstance(value, str) or not CODE_RE.match(value):
                self.error(path, "must be a code: lowercase letters, digits and hyphens")
            return value
        if kind == "text":
            if value is None and not present:
                return ""
            if not isinstance(value, str):
                self.error(path, "must be text")
            return value
        if kind in ("int", "int?"):
            if value is None and kind == "int?":
                return None
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                self.error(path, "must be a whole number")
            return value
        if kind == "bool":
            if value is None and not present:
                return False
            if not isinstance(value, bool):
                self.error(path, "must be true or false")
            return value
        if kind == "date?":
            if value is None:
                return None
            try:
                dt.date.fromisoformat(value)
            except (TypeError, ValueError):
                self.error(path, "must be a date like 2026-11-23")
            return value
        if kind == "confidence":
            if value not in CONFIDENCE:
                self.error(path, "must be one of " + ", ".join(CONFIDENCE))
            return value
        if kind == "soc":
            if not isinstance(value, list) or not all(
                isinstance(v, str) and SOC_RE.match(v) for v in value
            ):
                self.error(path, "must be a list of O*NET-SOC codes like 29-1141.00")
            return value
        if kind.startswith("ref:"):
            return value  # checked once every list is read (see _check_refs)
        if kind.startswith("codes:"):
            if value is None and not present:
                return []
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                self.error(path, "must be a list of codes")
                return []
            return value
        raise AssertionError(kind)

    def unique(self, path: str, rows: list[tuple[str, dict]], name: str) -> set[str]:
        seen: set[str] = set()
        for row_path, row in rows:
            code = row.get("code")
            if isinstance(code, str):
                if code in seen:
                    self.error(f"{row_path}.code", f"{code!r} is used twice in {path}")
                seen.add(code)
        self.codes[name] = seen
        return seen

    def refs(self, path: str, values, vocabulary: str) -> None:
        if isinstance(values, str):
            values = [values]
        if not isinstance(values, list):
            return
        unknown = [v for v in values if isinstance(v, str) and v not in self.codes[vocabulary]]
        if unknown:
            self.error(path, f"unknown {vocabulary.replace('_', ' ')}: " + ", ".join(unknown))


def normalise_catalog(data: object) -> dict:
    """Validate a catalog dict and return it canonical (every key, defaults, export order)."""
    check = _Checker()
    if not isinstance(data, dict):
        raise CatalogError({"catalog": "must be a JSON object"})
    for key in data:
        if key not in TOP_LEVEL:
            check.error(key, "is not a known field")
    if data.get("format", FORMAT) != FORMAT:
        check.error("format", f"must be {FORMAT}")
    out: dict = {"format": FORMAT}

    def table(key: str, spec: tuple, name: str | None = None, extra: tuple = ()) -> list:
        rows = [(p, check.record(p, item, spec, extra)) for p, item in check.records(data, key)]
        check.unique(key, rows, name or key)
        return rows

    vocab_rows = {key: table(key, spec) for key, spec in VOCAB_FIELDS.items()}
    for key, rows in vocab_rows.items():
        out[key] = [row for _, row in rows]
    source_rows = table("sources", SOURCE_FIELDS)
    out["sources"] = [row for _, row in source_rows]
    body_rows = table("bodies", BODY_FIELDS)
    out["bodies"] = [row for _, row in body_rows]

    raw_certs = check.records(data, "certifications")
    check.unique("certifications", [(p, c) for p, c in raw_certs], "certifications")
    check.codes["credentials"] = check.codes["certifications"] | check.codes["external_credentials"]
    vocabularies = {name: check.codes[name] for name in check.codes}

    certs = []
    for path, raw in raw_certs:
        cert = check.record(path, raw, CERT_FIELDS, extra=("application_notes", "groups"))
        check.refs(f"{path}.body", cert["body"], "bodies")
        check.refs(f"{path}.sources", cert["sources"], "sources")
        notes = []
        for npath, note in check.records(raw, "application_notes", f"{path}.application_notes"):
            clean = check.record(npath, note, (("text", "text"),), extra=("unless",))
            unless = note.get("unless")
            if unless is not None:
                unless = _condition(check, f"{npath}.unless", unless, vocabularies, coded=False)
            clean["unless"] = unless
            notes.append(clean)
        cert["application_notes"] = notes
        cert["groups"] = _groups(check, path, raw, vocabularies)
        certs.append(cert)
    out["certifications"] = certs

    jobs = []
    for path, raw in check.records(data, "job_roles"):
        job = check.record(path, raw, JOB_FIELDS)
        for name, kind in JOB_FIELDS:
            if kind.startswith("codes:"):
                check.refs(f"{path}.{name}", job[name], kind[6:])
        jobs.append(job)
    check.unique("job_roles", [(f"job_roles[{i}]", j) for i, j in enumerate(jobs)], "job_roles")
    out["job_roles"] = jobs

    if check.errors:
        raise CatalogError(check.errors)
    # Links are sets; write them in their table's order so the canonical form (and the
    # version hash) does not depend on the order a file happened to list them in.
    order = {
        name: {row["code"]: i for i, row in enumerate(out[name])}
        for name in (*VOCAB_FIELDS, "sources", "certifications")
    }
    for cert in certs:
        cert["sources"] = sorted(cert["sources"], key=order["sources"].get)
    for job in jobs:
        for name, kind in JOB_FIELDS:
            if kind.startswith("codes:"):
                job[name] = sorted(job[name], key=order[kind[6:]].get)

    if check.errors:
        raise CatalogError(check.errors)
    return out


def _groups(check: _Checker, path: str, raw: dict, vocabularies: dict) -> list:
    groups = []
    group_rows = check.records(raw, "groups", f"{path}.groups")
    if not group_rows and not check.errors.get(f"{path}.groups"):
        check.error(f"{path}.groups", "a certification needs at least one requirement group")
    check.unique(f"{path}.groups", group_rows, "_groups")
    for gpath, graw in group_rows:
        group = check.record(gpath, graw, (("code", "code"), ("name", "text")), ("options",))
        option_rows = check.records(graw, "options", f"{gpath}.options")
        if not option_rows:
            check.error(f"{gpath}.options", "a requirement group needs at least one option")
        check.unique(f"{gpath}.options", option_rows, "_options")
        options = []
        for opath, oraw in option_rows:
            option = check.record(
                opath, oraw, (("code", "code"), ("name", "text")), ("conditions",)
            )
            cond_rows = check.records(oraw, "conditions", f"{opath}.conditions")
            if not cond_rows:
                check.error(f"{opath}.conditions", "an option needs at least one condition")
            check.unique(f"{opath}.conditions", cond_rows, "_conditions")
            option["conditions"] = [
                _condition(check, cpath, craw, vocabularies) for cpath, craw in cond_rows
            ]
            options.append(option)
        group["options"] = options
        groups.append(group)
    return groups


def _condition(check: _Checker, path: str, raw, vocabularies: dict, coded: bool = True) -> dict:
    if not isinstance(raw, dict):
        check.error(path, "must be an object")
        return {}
    spec = ((("code", "code"),) if coded else ()) + (("kind", "text"),)
    cond = check.record(path, raw, spec, extra=("params",))
    params, errors = clean_params(raw.get("kind"), raw.get("params", {}), vocabularies)
    for key, message in errors.items():
        check.error(f"{path}.{key}", message)
    cond["params"] = params
    return cond


# --- building the engine's objects --------------------------------------------------------


def parse_catalog(data: object) -> Snapshot:
    """Validate a catalog dict (the file format) and build the engine's frozen snapshot."""
    canonical = normalise_catalog(data)
    encoded = json.dumps(canonical, ensure_ascii=False, separators=(",", ":"))
    version = hashlib.sha256(encoded.encode()).hexdigest()[:12]
    terms = {key: {row["code"]: Term(**row) for row in canonical[key]} for key in VOCAB_FIELDS}
    bodies = {row["code"]: Body(**row) for row in canonical["bodies"]}
    sources = {row["code"]: Source(**row) for row in canonical["sources"]}
    snap_partial = dict(
        licence_types=terms["licence_types"],
        degree_levels=terms["degree_levels"],
        degree_fields=terms["degree_fields"],
        roles=terms["roles"],
        settings=terms["settings"],
        ce_topics=terms["ce_topics"],
        attestations=terms["attestations"],
        external_credentials=terms["external_credentials"],
        bodies=bodies,
        sources=sources,
    )
    credential_names = {c["code"]: c["name"] for c in canonical["certifications"]}
    credential_names.update({code: t.name for code, t in terms["external_credentials"].items()})
    # Texts are written with the vocabulary names, so build a naming-only snapshot first.
    namer = Snapshot(
        version=version,
        data=canonical,
        certifications=(),
        job_roles=(),
        credential_names=credential_names,
        **snap_partial,
    )
    certs = tuple(_certification(c, namer) for c in canonical["certifications"])
    jobs = tuple(
        JobRole(
            code=j["code"],
            name=j["name"],
            summary=j["summary"],
            soc_codes=tuple(j["soc_codes"]),
            background_licences=frozenset(j["background_licences"]),
            background_fields=frozenset(j["background_fields"]),
            background_roles=frozenset(j["background_roles"]),
            background_any_bachelor=j["background_any_bachelor"],
            settings=frozenset(j["settings"]),
            helpful_certifications=tuple(j["helpful_certifications"]),
            shown_when_reaching=tuple(j["shown_when_reaching"]),
        )
        for j in canonical["job_roles"]
    )
    return Snapshot(
        version=version,
        data=canonical,
        certifications=certs,
        job_roles=jobs,
        credential_names=credential_names,
        **snap_partial,
    )


def _certification(c: dict, namer: Snapshot) -> Certification:
    return Certification(
        code=c["code"],
        name=c["name"],
        body=namer.bodies[c["body"]],
        summary=c["summary"],
        exam=c["exam"],
        fees=c["fees"],
        exam_windows=c["exam_windows"],
        renewal_years=c["renewal_years"],
        renewal_ce_hours=c["renewal_ce_hours"],
        renewal_notes=c["renewal_notes"],
        source_notes=c["source_notes"],
        sources=tuple(namer.sources[s] for s in c["sources"]),
        application_notes=tuple(
            ApplicationNote(
                text=n["text"],
                unless=build_condition(n["unless"], namer) if n["unless"] else None,
            )
            for n in c["application_notes"]
        ),
        groups=tuple(
            Group(
                code=g["code"],
                name=g["name"],
                options=tuple(
                    Option(
                        code=o["code"],
                        name=o["name"],
                        conditions=tuple(build_condition(k, namer) for k in o["conditions"]),
                    )
                    for o in g["options"]
                ),
            )
            for g in c["groups"]
        ),
    )


def build_condition(raw: dict, namer: Snapshot) -> Condition:
    """Resolve a validated condition dict into the engine's Condition."""
    from .explain import describe_condition

    kind, p = raw["kind"], raw["params"]
    values: dict = {}
    if kind == "licence":
        values["codes"] = frozenset(p["licence_types"])
    elif kind == "degree":
        values["min_rank"] = namer.degree_levels[p["min_level"]].rank
        if p["fields"] or p["hhs_fields"]:
            fields = set(p["fields"])
            if p["hhs_fields"]:
                fields |= {code for code, t in namer.degree_fields.items() if t.hhs}
            values["fields"] = frozenset(fields)
        values["accredited"] = p["accredited"]
    elif kind == "credential":
        values["codes"] = frozenset(p["credentials"])
    elif kind == "experience":
        values.update(
            hours=p["hours"],
            codes=frozenset(p["roles"]),
            paid=p["paid"],
            supervised=p["supervised"] or bool(p["supervisor_credentials"]),
            supervisor_credentials=frozenset(p["supervisor_credentials"]),
            within_years=p["within_years"],
        )
        if p["settings"] or p["health_care_delivery"]:
            settings = set(p["settings"])
            if p["health_care_delivery"]:
                settings |= {code for code, t in namer.settings.items() if t.health_care_delivery}
            values["settings"] = frozenset(settings)
    elif kind == "education":
        values.update(
            hours=p["hours"], codes=frozenset(p["topics"]), within_years=p["within_years"]
        )
    elif kind == "references":
        values["count"] = p["count"]
    elif kind == "attestation":
        values["attestation"] = p["attestation"]
    condition = Condition(code=raw.get("code", kind), kind=kind, params=p, **values)
    return replace(condition, text=describe_condition(condition, namer))


def load_seed_snapshot() -> Snapshot:
    """The catalog shipped with the app, without touching the database."""
    with SEED_PATH.open(encoding="utf-8") as handle:
        return parse_catalog(json.load(handle))
