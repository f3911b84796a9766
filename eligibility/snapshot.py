"""The catalog as a frozen, validated snapshot the engine reads.

`parse_catalog(data)` takes the catalog file format (docs/catalog-format.md) and returns a
`Snapshot`, or raises `CatalogError` with every problem named by its path. The database is
turned into the same format first (eligibility.catalog), so the seeded file, an import and the
live catalog all go through this one validation. No Django import.
"""

import hashlib
import itertools
import json
from dataclasses import dataclass, field, replace
from functools import cached_property

from . import kinds
from .audiences import asks, attestation_audiences
from .catalog_format import SEED_PATH, VOCAB_FIELDS, CatalogError, normalise_catalog
from .job_words import JobWords, job_words
from .kinds.words import inline
from .openings import opening_rows

__all__ = ["SEED_PATH", "CatalogError", "Snapshot", "load_seed_snapshot", "parse_catalog"]


# The vocabularies a profile's codes come from, each with the word its errors use ("unknown
# role 'x'"): profile.py checks a profile's codes against them.
VOCABULARY_NAMES = {
    "licence_types": "licence type",
    "degree_levels": "degree level",
    "degree_fields": "degree field",
    "roles": "role",
    "settings": "setting",
    "ce_topics": "CE topic",
    "credentials": "credential",
    "attestations": "attestation",
}


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
    other_urls: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SocWage:
    """National median annual wage and employment of one SOC occupation, with its source."""

    code: str
    title: str
    median_annual_wage: int | None
    employment: int | None
    period: str
    source: Source | None
    notes: str


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
    # experience: hours count only from the completion of a degree of at least this rank in
    # one of these fields (None: any field); `after_rank` None means no such rule.
    after_rank: int | None = None
    after_fields: frozenset | None = None
    current: bool = False  # experience: a counting job must still be ongoing
    certification: str = ""  # not-eligible-for: the certification depended on
    # Words about the condition that depend only on the catalog (its kind's `phrases`: the
    # roles, settings and scope an experience rule names …), worked out here once per catalog
    # revision rather than again for every profile explained.
    phrases: dict = field(default_factory=dict, compare=False, repr=False)
    # A door kind's backgrounds (its `doors`), worded once with the catalog: the results name
    # those of a shut requirement (document.reach).
    doors: tuple = field(default=(), compare=False, repr=False)
    # The kind and parameters in one canonical string: conditions with the same key are the
    # same rule (four certifications ask for an RN licence), so one assessment evaluates and
    # explains it once (engine.evaluate, services.results_for).
    key: str = field(default="", compare=False, repr=False)


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
    audience: str = ""
    # The source of each fact (None: not cited, shown as unverified).
    fees_source: Source | None = None
    exam_source: Source | None = None
    windows_source: Source | None = None
    renewal_source: Source | None = None
    # Every background that opens the certification (document.doors), from its rules alone:
    # worked out with the snapshot, not for every profile.
    doors: tuple[dict, ...] = field(default=(), compare=False, repr=False)
    # Where the conditions of a kind that lapses (a licence) are, (group, option, condition)
    # indexes in order: the path asks only these for a renewal step.
    lapsing: tuple[tuple[int, int, int], ...] = field(default=(), compare=False, repr=False)


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
    wage_notes: str = ""


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
    soc_wages: dict[str, SocWage] = field(default_factory=dict)  # by 6-digit SOC code

    @cached_property
    def rule_versions(self) -> dict[str, str]:
        """A version of each certification's rules: a hash of what decides its standing
        (its groups and notes, the vocabularies, every certification's name, and the rule
        versions of the certifications it depends on). Unchanged between two catalogs, the
        certification's standing for a profile is unchanged: the recompute after an edit
        evaluates only the certifications whose rule version moved."""
        data = self.data
        ignored = {"certifications", "sources", "soc_wages", "job_roles"}
        base = {key: value for key, value in data.items() if key not in ignored}
        base["names"] = [(c["code"], c["name"], c["body"]) for c in data["certifications"]]
        base_hash = _digest(base)
        raw = {c["code"]: c for c in data["certifications"]}
        versions: dict[str, str] = {}

        def version(code: str) -> str:  # recursion ends: the loader refuses cycles
            if code not in versions:
                cert = raw[code]
                needs = sorted(
                    {d for g in self.certification(code).groups for d in group_depends(g)}
                )
                versions[code] = _digest([
                    base_hash, cert["groups"], cert["application_notes"],
                    [(d, version(d)) for d in needs],
                ])  # fmt: skip
            return versions[code]

        return {code: version(code) for code in raw}

    @cached_property
    def profile_vocabularies(self) -> dict[str, dict]:
        """The vocabularies a profile's codes are checked against (VOCABULARY_NAMES),
        by name: looked up for every code of every profile parsed."""
        return {name: self.vocabulary(name) for name in VOCABULARY_NAMES}

    @cached_property
    def attestation_audiences(self) -> dict[str, list[list]]:
        """Whom each attestation question concerns (audiences.attestation_audiences): asked
        for every About step and every summary of answers, and a matter of the rules alone."""
        return attestation_audiences(self)

    def wage(self, soc_code: str) -> SocWage | None:
        """The pay figures of a job's O*NET-SOC code, or None when none were found: BLS
        publishes them by SOC occupation, and O*NET-SOC "29-1141.00" is SOC "29-1141"."""
        return self.soc_wages.get(soc_code[:7])

    def asks(self, attestation: str, answers: dict) -> bool:
        """Whether the About step puts this attestation's question to a person with these
        answers (profile keys): audiences.asks, for the kinds, which take no import of it."""
        return asks(attestation, answers, self)

    def asked(self, attestation: str, profile) -> bool:
        """`asks` for a parsed profile, worked out once per profile, catalog and question:
        every certification's path that lacks the answer asks it again."""
        key = (self.version, attestation)
        found = profile.derived.get(key)
        if found is None:
            found = profile.derived[key] = asks(attestation, profile.data, self)
        return found

    @cached_property
    def openings(self) -> tuple[dict, ...]:
        """Which backgrounds open which certifications (openings.opening_rows), in catalog
        order: the results page shows them to everyone, and they depend on the rules alone."""
        return tuple(opening_rows((c.code, c.name, c.doors) for c in self.certifications))

    @cached_property
    def supervisor_credentials_asked(self) -> frozenset[str]:
        """The credentials some rule asks of a supervisor (CCM for ACM, CRC for the CRC): the
        only ones the work step asks about, as no other changes an answer."""
        return frozenset(
            code
            for cert in self.certifications
            for group in cert.groups
            for option in group.options
            for cond in option.conditions
            for code in cond.supervisor_credentials
        )

    @cached_property
    def job_words(self) -> dict[str, JobWords]:
        """The words of each job type's reasons, by code (job_words.job_words): listed for
        every person assessed, and a matter of the catalog alone."""
        return {job.code: job_words(job, self) for job in self.job_roles}

    def vocabulary(self, name: str) -> dict:
        """Codes of one vocabulary (kinds.VOCABULARIES) mapped to their terms or names."""
        if name == "credentials":
            return self.credential_names
        if name == "certifications":
            return {c.code: c.name for c in self.certifications}
        return getattr(self, name)

    def certification(self, code: str) -> Certification:
        for cert in self.certifications:
            if cert.code == code:
                return cert
        raise KeyError(code)


def _digest(value: object) -> str:
    encoded = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(encoded.encode()).hexdigest()[:16]


def group_depends(group: "Group") -> set[str]:
    """The certification codes a group's conditions depend on (not-eligible-for)."""
    return {
        code
        for option in group.options
        for cond in option.conditions
        for code in kinds.KINDS[cond.kind].depends(cond.params)
    }


# --- building the engine's objects --------------------------------------------------------


def parse_catalog(data: object) -> Snapshot:
    """Validate a catalog dict (the file format) and build the engine's frozen snapshot."""
    canonical = normalise_catalog(data)
    encoded = json.dumps(canonical, ensure_ascii=False, separators=(",", ":"))
    version = hashlib.sha256(encoded.encode()).hexdigest()[:12]
    terms = {key: {row["code"]: Term(**row) for row in canonical[key]} for key in VOCAB_FIELDS}
    bodies = {
        row["code"]: Body(**{**row, "other_urls": tuple(row["other_urls"])})
        for row in canonical["bodies"]
    }
    sources = {row["code"]: Source(**row) for row in canonical["sources"]}
    soc_wages = {
        row["code"]: SocWage(**{**row, "source": sources.get(row["source"])})
        for row in canonical["soc_wages"]
    }
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
            wage_notes=j["wage_notes"],
        )
        for j in canonical["job_roles"]
    )
    return Snapshot(
        version=version,
        data=canonical,
        certifications=certs,
        job_roles=jobs,
        credential_names=credential_names,
        soc_wages=soc_wages,
        **snap_partial,
    )


def _certification(c: dict, namer: Snapshot) -> Certification:
    cert = _certification_rules(c, namer)
    lapsing = tuple(
        (g, o, k)
        for g, group in enumerate(cert.groups)
        for o, option in enumerate(group.options)
        for k, cond in enumerate(option.conditions)
        if kinds.KINDS[cond.kind].renews
    )
    return replace(cert, doors=_doors(cert.groups, namer), lapsing=lapsing)


def _doors(groups: tuple[Group, ...], namer: Snapshot) -> tuple[dict, ...]:
    """The backgrounds that open a certification with these groups (see document.doors): the
    door conditions of the groups every route of which asks for one, each door once (by its
    text), in the catalog's order, with the code of the first such group it is in ("group"):
    a certification asking for a licence and a course as well (the CMCN) is open to people
    with one of the licences and the course, not with any one of them."""
    found: dict[str, dict] = {}
    for group in groups:
        if not all(any(kinds.KINDS[c.kind].door for c in o.conditions) for o in group.options):
            continue
        for option in group.options:
            # A route asking for two backgrounds at once (CMC's RN diploma and RN licence)
            # is one door naming both: each alone opens nothing.
            each = [
                kinds.KINDS[cond.kind].doors(cond, namer)
                for cond in option.conditions
                if kinds.KINDS[cond.kind].door
            ]
            for together in itertools.product(*each):
                door = together[0] if len(together) == 1 else _both(together)
                found.setdefault(door["text"], {**door, "group": group.code})
    return tuple(found.values())


def _both(doors: tuple[dict, ...]) -> dict:
    """One door of several backgrounds: "A diploma or higher in nursing, with a registered
    nurse (RN) licence"."""
    text = doors[0]["text"] + ", with " + " and ".join(inline(d["text"]) for d in doors[1:])
    return {"text": text, "kind": "all", "parts": list(doors)}


def _certification_rules(c: dict, namer: Snapshot) -> Certification:
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
        audience=c["audience"],
        fees_source=namer.sources.get(c["fees_source"]),
        exam_source=namer.sources.get(c["exam_source"]),
        windows_source=namer.sources.get(c["windows_source"]),
        renewal_source=namer.sources.get(c["renewal_source"]),
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
    kind, p = raw["kind"], raw["params"]
    spec = kinds.get(kind)
    condition = Condition(code=raw.get("code", kind), kind=kind, params=p, **spec.build(p, namer))
    # The sentence is the kind's, worded from this data (no import of explain, which reads
    # snapshots: it would close a circle).
    return replace(
        condition,
        text=spec.describe(condition, namer),
        phrases=spec.phrases(condition, namer),
        doors=tuple(spec.doors(condition, namer)) if spec.door else (),
        key=kind + json.dumps(p, sort_keys=True, default=sorted),
    )


def load_seed_snapshot() -> Snapshot:
    """The catalog shipped with the app, without touching the database."""
    with SEED_PATH.open(encoding="utf-8") as handle:
        return parse_catalog(json.load(handle))
