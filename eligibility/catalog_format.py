"""The catalog file format (docs/catalog-format.md): validation with paths, canonical form.

`normalise_catalog(data)` checks a whole catalog dict, names every problem by its path
(`certifications[0].groups[1].options[0].conditions[0].params.hours`) and returns the canonical
form: every key present, defaults filled in, keys and linked codes in export order. The seeded
file, an import and the live database all pass through it. No Django import.
"""

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from .kinds import KINDS, clean_params
from .kinds.words import possessive, the


def parse_catalog_json(raw: bytes) -> object:
    """The bytes of a catalog file as JSON data; ValueError saying why they cannot be one.

    Beyond malformed JSON and bad UTF-8, refuses what parses but cannot be stored or shown:
    lone surrogates ("\\ud800"), integers too long to convert, nesting too deep to walk.
    """
    try:
        data = json.loads(raw.decode("utf-8"))
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except RecursionError:
        raise ValueError("nested too deeply") from None
    return data


SEED_PATH = Path(__file__).parent / "data" / "catalog.json"
FORMAT = 1
CODE_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CONFIDENCE = ("verified", "secondary", "unverified")


class CatalogError(ValueError):
    """A catalog file that cannot be used; `errors` maps each path to its problem."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{path}: {msg}" for path, msg in errors.items()))


# --- the file format: fields of each list, in export order --------------------------------
# type: code | text | url (http/https or empty) | int? | int | bool | date? | codes:<vocabulary>
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
    ("url", "url"),
    ("publisher", "text"),
    ("accessed_on", "date?"),
    ("verified_on", "date?"),
    ("confidence", "confidence"),
    ("notes", "text"),
)
BODY_FIELDS = (("code", "code"), ("name", "text"), ("url", "url"), ("other_urls", "urls"))
# Each fact of a certification and the field naming the source it came from.
FACTS = (
    ("fees", "fees_source"),
    ("exam", "exam_source"),
    ("exam_windows", "windows_source"),
    ("renewal", "renewal_source"),
)
CERT_FIELDS = (
    ("code", "code"),
    ("name", "text"),
    ("body", "ref:bodies"),
    ("audience", "text"),
    ("summary", "text"),
    ("exam", "text"),
    ("exam_source", "ref?:sources"),
    ("fees", "text"),
    ("fees_source", "ref?:sources"),
    ("exam_windows", "text"),
    ("windows_source", "ref?:sources"),
    ("renewal_years", "int?"),
    ("renewal_ce_hours", "int?"),
    ("renewal_notes", "text"),
    ("renewal_source", "ref?:sources"),
    ("source_notes", "text"),
    ("sources", "codes:sources"),
)
WAGE_FIELDS = (
    ("code", "code"),
    ("title", "text"),
    ("median_annual_wage", "int?"),
    ("employment", "int?"),
    ("period", "text"),
    ("source", "ref?:sources"),
    ("notes", "text"),
)
WAGE_CODE_RE = re.compile(r"^\d\d-\d{4}$")
# A wage marked verified must come from the Bureau of Labor Statistics' own site.
WAGE_PUBLISHER_SITE = "https://www.bls.gov"
JOB_FIELDS = (
    ("code", "code"),
    ("name", "text"),
    ("summary", "text"),
    ("soc_codes", "soc"),
    ("wage_notes", "text"),
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
    "soc_wages",
    "job_roles",
)
SOC_RE = re.compile(r"^\d\d-\d{4}\.\d\d$")
URL_SCHEMES = ("http", "https")  # a link an editor sets is followed by the public
URL_MESSAGE = "must be a web address starting with https:// or http://"

# Limits: for each list ("certifications", "groups", "conditions" …) the largest value of a
# field, in characters for text and codes, as a number for whole numbers. eligibility.loading
# reads them from the model fields the values are stored in; without them only the format is
# checked (the seeded file and the live catalog, both already stored).
Limits = dict[str, dict[str, int]]


def web_address(value: str) -> bool:
    """Whether `value` is an absolute http(s) address a browser opens as a page.

    Anything else (javascript:, data:, a relative path, a leading space that some browsers
    strip) is refused rather than rendered as a link.
    """
    if value != value.strip() or any(ch.isspace() or ord(ch) < 32 for ch in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in URL_SCHEMES and bool(parts.netloc)


def _host(url: str) -> str:
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    return host.removeprefix("www.")


def on_body_site(url: str, sites: list[str]) -> bool:
    """Whether `url` is on one of `sites` (the same host, or a subdomain of it; "www." aside).

    The test for "verified": only a certifying body's own page verifies a fact.
    """
    host = _host(url)
    if not host:
        return False
    for site in sites:
        own = _host(site)
        if own and (host == own or host.endswith("." + own)):
            return True
    return False


def off_site_message(field: str, code: str, url: str, body: str, sites: list[str]) -> str:
    """Why a verified source is refused where it is cited, naming the field."""
    hosts = ", ".join(_host(s) for s in sites if _host(s)) or "no address recorded"
    return (
        f"{field + ': ' if field else ''}the source {code!r} is marked verified, but its "
        f"address ({url}) is not on {possessive(the(body))} own site ({hosts}). Only the "
        "body's own page verifies a fact: mark the source secondary, or cite the body's page."
    )


class _Checker:
    """Collects errors by path while normalising a catalog dict."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.errors: dict[str, str] = {}
        self.codes: dict[str, set[str]] = {}
        self.limits = limits or {}

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

    def record(
        self, path: str, item: dict, spec: tuple, extra: tuple = (), table: str = ""
    ) -> dict:
        known = {name for name, _ in spec} | set(extra)
        for key in item:
            if key not in known:
                self.error(f"{path}.{key}", "is not a known field")
        out = {}
        limits = self.limits.get(table, {})
        for name, kind in spec:
            out[name] = value = self.value(f"{path}.{name}", item.get(name), kind, name in item)
            self.within(f"{path}.{name}", value, limits.get(name))
        return out

    def within(self, path: str, value, largest: int | None) -> None:
        """Refuse a value the database column cannot hold (once its format is right)."""
        if largest is None or path in self.errors:
            return
        if isinstance(value, str) and len(value) > largest:
            self.error(path, f"must be at most {largest:,} characters")
        elif isinstance(value, int) and not isinstance(value, bool) and value > largest:
            self.error(path, f"must be at most {largest:,}")

    def value(self, path: str, value, kind: str, present: bool):  # noqa: C901 - a flat switch
        if kind == "code":
            if not isinstance(value, str) or not CODE_RE.match(value):
                self.error(path, "must be a code: lowercase letters, digits and hyphens")
            return value
        if kind in ("text", "url"):
            if value is None and not present:
                return ""
            if not isinstance(value, str):
                self.error(path, "must be text")
            elif "\x00" in value:  # PostgreSQL cannot store it in text
                self.error(path, "must not contain a NUL character (\\u0000)")
            elif kind == "url" and value and not web_address(value):
                self.error(path, URL_MESSAGE)
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
        if kind == "urls":
            if value is None and not present:
                return []
            if not isinstance(value, list) or not all(
                isinstance(v, str) and web_address(v) for v in value
            ):
                self.error(path, "must be a list of web addresses starting with https://")
            return value
        if kind.startswith("ref?:"):
            if value is not None and not isinstance(value, str):
                self.error(path, "must be a code or null")
            return value
        if kind.startswith("ref:"):
            if not isinstance(value, str):  # null or a number passed, and crashed the loader
                self.error(path, "must be a code")
            return value  # which codes exist is checked once every list is read (see refs)
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


def normalise_catalog(data: object, limits: Limits | None = None) -> dict:
    """Validate a catalog dict and return it canonical (every key, defaults, export order).

    `limits` (see `Limits`) also refuses values too long or too large to be stored.
    """
    check = _Checker(limits)
    if not isinstance(data, dict):
        raise CatalogError({"catalog": "must be a JSON object"})
    for key in data:
        if key not in TOP_LEVEL:
            check.error(key, "is not a known field")
    if data.get("format", FORMAT) != FORMAT:
        check.error("format", f"must be {FORMAT}")
    out: dict = {"format": FORMAT}

    def table(key: str, spec: tuple, name: str | None = None, extra: tuple = ()) -> list:
        rows = [
            (p, check.record(p, item, spec, extra, table=key))
            for p, item in check.records(data, key)
        ]
        check.unique(key, rows, name or key)
        return rows

    vocab_rows = {key: table(key, spec) for key, spec in VOCAB_FIELDS.items()}
    for key, rows in vocab_rows.items():
        out[key] = [row for _, row in rows]
    source_rows = table("sources", SOURCE_FIELDS)
    out["sources"] = [row for _, row in source_rows]
    body_rows = table("bodies", BODY_FIELDS)
    out["bodies"] = [row for _, row in body_rows]
    source_by_code = {row["code"]: row for row in out["sources"] if isinstance(row["code"], str)}
    body_by_code = {row["code"]: row for row in out["bodies"] if isinstance(row["code"], str)}

    raw_certs = check.records(data, "certifications")
    check.unique("certifications", [(p, c) for p, c in raw_certs], "certifications")
    check.codes["credentials"] = check.codes["certifications"] | check.codes["external_credentials"]
    vocabularies = {name: check.codes[name] for name in check.codes}

    certs = []
    for path, raw in raw_certs:
        cert = check.record(
            path, raw, CERT_FIELDS, extra=("application_notes", "groups"), table="certifications"
        )
        check.refs(f"{path}.body", cert["body"], "bodies")
        check.refs(f"{path}.sources", cert["sources"], "sources")
        for _, name in FACTS:
            if isinstance(cert[name], str):
                check.refs(f"{path}.{name}", cert[name], "sources")
        _verified_on_site(check, path, cert, source_by_code, body_by_code)
        notes = []
        for npath, note in check.records(raw, "application_notes", f"{path}.application_notes"):
            clean = check.record(
                npath, note, (("text", "text"),), extra=("unless",), table="application_notes"
            )
            unless = note.get("unless")
            if unless is not None:
                unless = _condition(check, f"{npath}.unless", unless, vocabularies, coded=False)
            clean["unless"] = unless
            notes.append(clean)
        cert["application_notes"] = notes
        cert["groups"] = _groups(check, path, raw, vocabularies)
        certs.append(cert)
    out["certifications"] = certs
    _refuse_cycles(check, [p for p, _ in raw_certs], certs)

    wage_rows = table("soc_wages", WAGE_FIELDS)
    for path, row in wage_rows:
        if isinstance(row["code"], str) and not WAGE_CODE_RE.match(row["code"]):
            check.error(f"{path}.code", "must be a 6-digit SOC code like 29-1141")
        if isinstance(row["source"], str):
            check.refs(f"{path}.source", row["source"], "sources")
            source = source_by_code.get(row["source"])
            if (
                source
                and source["confidence"] == "verified"
                and isinstance(source["url"], str)
                and not on_body_site(source["url"], [WAGE_PUBLISHER_SITE])
            ):
                check.error(
                    f"{path}.source",
                    off_site_message(
                        "", row["source"], source["url"], "the Bureau of Labor Statistics",
                        [WAGE_PUBLISHER_SITE],
                    ),
                )  # fmt: skip
    out["soc_wages"] = [row for _, row in wage_rows]

    jobs = []
    for path, raw in check.records(data, "job_roles"):
        job = check.record(path, raw, JOB_FIELDS, table="job_roles")
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


def _verified_on_site(check: _Checker, path: str, cert: dict, sources: dict, bodies: dict) -> None:
    """Refuse, by the field citing it, a verified source off the certifying body's own site."""
    body = bodies.get(cert["body"]) if isinstance(cert["body"], str) else None
    if body is None:
        return
    others = body["other_urls"] if isinstance(body["other_urls"], list) else []
    sites = [u for u in [body["url"], *others] if isinstance(u, str) and u]
    cited = [(name, cert[name]) for _, name in FACTS]
    if isinstance(cert["sources"], list):
        cited += [(f"sources[{i}]", code) for i, code in enumerate(cert["sources"])]
    for name, code in cited:
        source = sources.get(code) if isinstance(code, str) else None
        if (
            source
            and source["confidence"] == "verified"
            and isinstance(source["url"], str)
            and not on_body_site(source["url"], sites)
        ):
            check.error(
                f"{path}.{name}",
                off_site_message("", code, source["url"], body["name"], sites),
            )


def _groups(check: _Checker, path: str, raw: dict, vocabularies: dict) -> list:
    groups = []
    group_rows = check.records(raw, "groups", f"{path}.groups")
    if not group_rows and not check.errors.get(f"{path}.groups"):
        check.error(f"{path}.groups", "a certification needs at least one requirement group")
    check.unique(f"{path}.groups", group_rows, "_groups")
    for gpath, graw in group_rows:
        group = check.record(
            gpath, graw, (("code", "code"), ("name", "text")), ("options",), table="groups"
        )
        option_rows = check.records(graw, "options", f"{gpath}.options")
        if not option_rows:
            check.error(f"{gpath}.options", "a requirement group needs at least one option")
        check.unique(f"{gpath}.options", option_rows, "_options")
        options = []
        for opath, oraw in option_rows:
            option = check.record(
                opath, oraw, (("code", "code"), ("name", "text")), ("conditions",), table="options"
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
    cond = check.record(path, raw, spec, extra=("params",), table="conditions")
    params, errors = clean_params(raw.get("kind"), raw.get("params", {}), vocabularies)
    for key, message in errors.items():
        check.error(f"{path}.{key}", message)
    cond["params"] = params
    return cond


def _dependencies(cert_path: str, cert: dict):
    """(path of the condition's parameter, certification code) for each condition of `cert`
    whose kind depends on another certification (not-eligible-for)."""
    for gi, group in enumerate(cert.get("groups", [])):
        for oi, option in enumerate(group.get("options", [])):
            for ci, cond in enumerate(option.get("conditions", [])):
                kind = KINDS.get(cond.get("kind")) if isinstance(cond.get("kind"), str) else None
                if kind is not None and cond.get("params"):
                    path = f"{cert_path}.groups[{gi}].options[{oi}].conditions[{ci}].params"
                    for code in kind.depends(cond["params"]):
                        yield f"{path}.certification", code
    for ni, note in enumerate(cert.get("application_notes", [])):
        unless = note.get("unless") or {}
        kind = KINDS.get(unless.get("kind")) if isinstance(unless.get("kind"), str) else None
        if kind is not None and unless.get("params"):
            for code in kind.depends(unless["params"]):
                yield f"{cert_path}.application_notes[{ni}].unless.params.certification", code


def _refuse_cycles(check: _Checker, paths: list[str], certs: list[dict]) -> None:
    """Refuse a certification that depends, through other certifications, on itself: the
    engine evaluates what a certification depends on first, which a cycle makes impossible."""
    edges: dict[str, list[tuple[str, str]]] = {}
    for path, cert in zip(paths, certs, strict=False):
        if isinstance(cert.get("code"), str):
            edges.setdefault(cert["code"], []).extend(_dependencies(path, cert))

    def cycle_from(start: str, code: str, trail: list[str]) -> list[str] | None:
        for _, nxt in edges.get(code, []):
            if nxt == start:
                return [*trail, nxt]
            if nxt not in trail:
                found = cycle_from(start, nxt, [*trail, nxt])
                if found:
                    return found
        return None

    for code, deps in edges.items():
        for path, first in deps:
            trail = [code, first] if first != code else [code, code]
            found = trail if first == code else cycle_from(code, first, trail)
            if found:
                check.error(path, "makes a cycle: " + " → ".join(found))
