"""A certification's rules through time, in plain words, and going back to one of its versions.

Every save of a certification, its requirement groups, routes (options), conditions and
application notes leaves a django-simple-history record. This module turns those records into
sentences an editor or an advisor reads ("CCM: the hours of work needed for “12 months under a
CCM-certified supervisor” changed from 2,080 to 1,500"), groups them into the versions editors
saved, and brings a certification's whole tree back to how it was at one of them (reverting
only the certification's own row would leave its rules as they are).
"""

import bisect
import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from . import models as m
from .explain import short_date
from .kinds import KINDS

# Records closer than this, by one person, belong to the same save.
SAME_SAVE = dt.timedelta(seconds=2)
REVERTED = "Reverted to the version of "

PAST = {"changed": "changed", "added": "was added", "removed": "was removed",
        "renamed": "was renamed to", "reworded": "was reworded"}  # fmt: skip
NEXT = {"changed": "changes", "added": "is added", "removed": "is removed",
        "renamed": "is renamed to", "reworded": "is reworded"}  # fmt: skip

# What a parameter is called in a sentence, by kind where kinds differ.
NOUNS = {
    "hours": {"education": "the CE hours needed", None: "the hours of work needed"},
    "count": "the references needed",
    "within_years": "the period that counts",
    "roles": "the roles that count",
    "settings": "the settings that count",
    "supervisor_credentials": "the supervisor credentials that count",
    "licence_types": "the licences that count",
    "min_level": "the lowest degree that counts",
    "fields": "the degree fields that count",
    "credentials": "the credentials that count",
    "topics": "the CE topics that count",
    "attestation": "the statement to affirm",
}
# A yes/no parameter: what holds when it is on, and when it is off.
SWITCHES = {
    "paid": ("only paid work counts", "unpaid work counts too"),
    "supervised": ("only supervised work counts", "unsupervised work counts too"),
    "health_care_delivery": (
        "only work in health care delivery settings counts",
        "work in any setting counts",
    ),
    "hhs_fields": ("any health and human services field counts", "only the listed fields count"),
    "accredited": (
        "only a degree from an accredited school counts",
        "a degree from any school counts",
    ),
    "current": ("the person must still be in such a job", "past jobs count too"),
}
# Empty lists that mean "no restriction".
ANY_WHEN_EMPTY = {"settings", "fields", "supervisor_credentials"}
CERT_FIELDS = ("name", "code", "body_id", "summary", "exam", "fees", "exam_windows",
               "renewal_years", "renewal_ce_hours", "renewal_notes", "source_notes")  # fmt: skip
TREE_FIELDS = {
    "group": ("certification_id", "code", "name", "position"),
    "option": ("group_id", "code", "name", "position"),
    "condition": ("option_id", "code", "kind", "params", "position"),
    "note": ("certification_id", "text", "unless_kind", "unless_params", "position"),
}
MODELS = {
    "certification": m.Certification,
    "group": m.RequirementGroup,
    "option": m.RequirementOption,
    "condition": m.Condition,
    "note": m.ApplicationNote,
}


def number(value) -> str:
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def long_when(moment: dt.datetime) -> str:
    """For example 1 Dec 2026, 19:40:05, in the site's time zone (to the second: two saves
    in one minute are two versions, and their links must not read the same)."""
    local = timezone.localtime(moment)
    return f"{local.day} {local:%b %Y, %H:%M:%S}"


def short_day(moment: dt.datetime) -> str:
    """For example 1 Dec 2026, in the site's time zone."""
    return short_date(timezone.localtime(moment).date())


def _vocabulary_names() -> dict[str, dict[str, str]]:
    from .catalog import get_snapshot
    from .kinds import VOCABULARIES

    snapshot = get_snapshot()
    names = {}
    for vocabulary in VOCABULARIES:
        terms = snapshot.vocabulary(vocabulary)
        names[vocabulary] = {code: getattr(term, "name", term) for code, term in terms.items()}
    return names


class Names:
    """What groups, routes and certifications were called, and where they sat, at a moment.

    Built from history records (and current rows) already read, so naming costs no query.
    """

    def __init__(self):
        self._by: dict[tuple[str, int], list[tuple[dt.datetime, dict]]] = {}
        self.vocabularies: dict[str, dict[str, str]] | None = None

    def add(self, what: str, pk: int, at: dt.datetime, **values) -> None:
        rows = self._by.setdefault((what, pk), [])
        bisect.insort(rows, (at, values), key=lambda row: row[0])

    def _at(self, what: str, pk, at: dt.datetime | None) -> dict:
        rows = self._by.get((what, pk))
        if not rows:
            return {}
        if at is None:
            return rows[-1][1]
        index = bisect.bisect_right([row[0] for row in rows], at)
        return rows[max(index - 1, 0)][1]

    def option(self, pk, at=None) -> str:
        return self._at("option", pk, at).get("name", "a route")

    def group_of_option(self, pk, at=None):
        return self._at("option", pk, at).get("group_id")

    def group(self, pk, at=None) -> str:
        return self._at("group", pk, at).get("name", "a requirement")

    def certification_of_group(self, pk, at=None):
        return self._at("group", pk, at).get("certification_id")

    def certification(self, pk, at=None) -> str:
        return self._at("certification", pk, at).get("code", "")

    def body(self, pk) -> str:
        return self._at("body", pk, None).get("name", "another body")

    def term(self, vocabulary: str, code: str) -> str:
        if self.vocabularies is None:
            self.vocabularies = _vocabulary_names()
        return self.vocabularies.get(vocabulary, {}).get(code, code)

    def remember(self, what: str, row, at: dt.datetime) -> None:
        fields = {"option": ("name", "group_id"), "group": ("name", "certification_id"),
                  "certification": ("code",)}.get(what)  # fmt: skip
        if fields:
            self.add(what, row.id, at, **{f: getattr(row, f) for f in fields})


def _codes_text(values, vocabulary, names: Names, param: str) -> str:
    if not values:
        return "any" if param in ANY_WHEN_EMPTY else "none"
    return ", ".join(names.term(vocabulary, code) for code in values)


def _param_phrases(kind: str, before: dict, after: dict, option: str, words, names: Names):
    spec = KINDS.get(kind)
    params = spec.params if spec else ()
    phrases = []
    for param in params:
        old, new = before.get(param.name), after.get(param.name)
        if old == new or (param.type == "codes" and set(old or ()) == set(new or ())):
            continue  # the order of a list of codes means nothing
        noun = NOUNS.get(param.name)
        if isinstance(noun, dict):
            noun = noun.get(kind, noun[None])
        if param.type == "bool":
            fallback = (f"“{param.label}” is on", f"“{param.label}” is off")
            on, off = SWITCHES.get(param.name, fallback)
            phrases.append(f"for “{option}”, {on if new else off} now")
            continue
        if noun is None:
            phrases.append(f"“{param.label}” for “{option}” {words['changed']}")
            continue
        if param.type == "codes":
            old_text = _codes_text(old, param.vocabulary, names, param.name)
            new_text = _codes_text(new, param.vocabulary, names, param.name)
        elif param.type == "code":
            old_text = names.term(param.vocabulary, old) if old else "none"
            new_text = names.term(param.vocabulary, new) if new else "none"
        elif param.name == "within_years":
            old_text, new_text = (
                "any time" if v is None else ("the last year" if v == 1 else f"the last {v} years")
                for v in (old, new)
            )
        elif isinstance(old, (int, type(None))) and isinstance(new, (int, type(None))):
            old_text, new_text = (number(v) if v is not None else "none" for v in (old, new))
        else:
            phrases.append(f"{noun} for “{option}” {words['changed']}")
            continue
        phrases.append(f"{noun} for “{option}” {words['changed']} from {old_text} to {new_text}")
    return phrases


def _short(text: str, length: int = 50) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def describe(what: str, before, after, names: Names, words=PAST, at=None) -> list[str]:
    """Plain phrases for one row going from `before` to `after` (None: absent).

    `what` is "certification", "group", "option", "condition" or "note"; the rows may be
    model instances or history records (anything with the model's attributes).
    """
    if before is None and after is None:
        return []
    row = after if after is not None else before
    if what == "certification":
        if before is None:
            return [f"the certification {words['added']}"]
        if after is None:
            return [f"the certification {words['removed']}"]
        phrases = []
        for name in CERT_FIELDS:
            old, new = getattr(before, name), getattr(after, name)
            if old == new:
                continue
            label = m.Certification._meta.get_field(name.removesuffix("_id")).verbose_name
            if name == "body_id":
                old, new = names.body(old), names.body(new)
            if name in ("renewal_years", "renewal_ce_hours"):
                old, new = (number(v) if v is not None else "not set" for v in (old, new))
            if len(str(old)) <= 60 and len(str(new)) <= 60:
                phrases.append(f"the {label} {words['changed']} from “{old}” to “{new}”")
            else:
                phrases.append(f"the {label} {words['changed']}")
        old_sources = getattr(before, "source_ids", None)
        new_sources = getattr(after, "source_ids", None)
        if old_sources is not None and new_sources is not None and old_sources != new_sources:
            phrases.append(f"the sources {words['changed']}")
        return phrases
    if what == "group":
        name = row.name
        if before is None:
            return [f"the requirement “{name}” {words['added']}"]
        if after is None:
            return [f"the requirement “{name}” {words['removed']}"]
        if before.name != after.name:
            return [f"the requirement “{before.name}” {words['renamed']} “{after.name}”"]
        return []
    if what == "option":
        group = names.group(row.group_id, at)
        if before is None:
            return [f"the route “{row.name}” {words['added']} to “{group}”"]
        if after is None:
            return [f"the route “{row.name}” {words['removed']} from “{group}”"]
        if before.name != after.name:
            return [f"the route “{before.name}” {words['renamed']} “{after.name}”"]
        return []
    if what == "condition":
        option = names.option(row.option_id, at)
        label = KINDS[row.kind].label.lower() if row.kind in KINDS else "rule"
        if before is None:
            return [f"a {label} rule {words['added']} to “{option}”"]
        if after is None:
            return [f"the {label} rule of “{option}” {words['removed']}"]
        if before.kind != after.kind:
            return [f"the rule of “{option}” {words['changed']} to a {label} rule"]
        return _param_phrases(row.kind, before.params or {}, after.params or {}, option, words,
                              names)  # fmt: skip
    if what == "note":
        if before is None:
            return [f"the application note “{_short(row.text)}” {words['added']}"]
        if after is None:
            return [f"the application note “{_short(row.text)}” {words['removed']}"]
        phrases = []
        if before.text != after.text:
            phrases.append(f"the application note “{_short(before.text)}” {words['reworded']}")
        if (before.unless_kind, before.unless_params) != (after.unless_kind, after.unless_params):
            phrases.append(
                f"when the application note “{_short(after.text)}” is shown {words['changed']}"
            )
        return phrases
    return []


# --- records ------------------------------------------------------------------------------


@dataclass
class Change:
    """One history record with what it changed, in words."""

    what: str
    record: object
    certification_id: int | None
    phrases: list[str]
    parent_added: bool = False  # its parent was added in the same save (not worth a line)

    @property
    def at(self) -> dt.datetime:
        return self.record.history_date

    @property
    def who(self) -> str:
        user = self.record.history_user
        return user.get_username() if user else "catalog import"

    def key(self) -> str:
        """The version this record closes, as it appears in the history page's links."""
        if self.what == "certification":
            return str(self.record.history_id)
        return f"{self.what}-{self.record.history_id}"


@dataclass
class Version:
    """The records one person saved together (one save of the change form, one import)."""

    changes: list[Change] = field(default_factory=list)

    @property
    def at(self) -> dt.datetime:
        return self.changes[-1].at

    @property
    def who(self) -> str:
        return self.changes[0].who

    @property
    def key(self) -> str:
        return self.changes[-1].key()

    @property
    def when(self) -> str:
        return long_when(self.at)

    @property
    def reverted_to(self) -> str:
        for change in self.changes:
            reason = change.record.history_change_reason or ""
            if reason.startswith(REVERTED):
                return reason.removeprefix(REVERTED)
        return ""

    @property
    def phrases(self) -> list[str]:
        return [p for c in self.changes if not c.parent_added for p in c.phrases]


def _load(records_by_what: dict[str, list], names: Names, *, earlier: dict | None = None):
    """Changes for the given records (each list sorted by date); `earlier` holds the latest
    record before the window of each row, so the window's first record has its "before"."""
    earlier = earlier or {}
    for what, records in records_by_what.items():
        for record in (*earlier.get(what, {}).values(), *records):
            names.remember(what, record, record.history_date)
    changes = []
    for what, records in records_by_what.items():
        last = dict(earlier.get(what, {}))
        for record in records:
            pk = record.id
            before = last.get(pk)
            if before is not None and before.history_type == "-":
                before = None
            after = None if record.history_type == "-" else record
            if record.history_type == "+":
                before = None
            last[pk] = record
            changes.append(Change(what, record, _certification_of(what, record, names),
                                  describe(what, before, after, names, PAST,
                                           record.history_date)))  # fmt: skip
    changes.sort(key=lambda c: c.at)
    _mark_parent_added(changes)
    return changes


def _certification_of(what: str, record, names: Names):
    at = record.history_date
    if what == "certification":
        return record.id
    if what in ("group", "note"):
        return record.certification_id
    if what == "option":
        return names.certification_of_group(record.group_id, at)
    return names.certification_of_group(names.group_of_option(record.option_id, at), at)


PARENT = {
    "group": ("certification", "certification_id"),
    "option": ("group", "group_id"),
    "condition": ("option", "option_id"),
    "note": ("certification", "certification_id"),
}


def _mark_parent_added(changes: list[Change]) -> None:
    """A certification added with its groups reads as one line, not thirty (and a group
    removed with its routes, likewise; a cascade removes the routes first)."""
    moments = {
        (c.what, c.record.id, c.record.history_type): c.at
        for c in changes
        if c.record.history_type in "+-"
    }
    for change in changes:
        record, parent = change.record, PARENT.get(change.what)
        added = moments.get(("certification", record.id, "+"))
        if change.what == "certification" and record.history_type == "~" and added:
            # Its sources, set just after it was added.
            change.parent_added = record.history_date - added <= SAME_SAVE
        elif parent and record.history_type in "+-":
            moment = moments.get((parent[0], getattr(record, parent[1]), record.history_type))
            if moment is not None and abs(record.history_date - moment) <= SAME_SAVE:
                change.parent_added = True


def _with_sources(records: list) -> None:
    """Give certification records their source ids (one query), for "the sources changed"."""
    through = m.Certification.history.model.sources.model
    ids: dict[int, set] = {r.history_id: set() for r in records}
    for history_id, source_id in through.objects.filter(history_id__in=list(ids)).values_list(
        "history_id", "source_id"
    ):
        ids[history_id].add(source_id)
    for record in records:
        record.source_ids = ids[record.history_id]


def _bodies(names: Names) -> None:
    for pk, name in m.CertifyingBody.objects.values_list("pk", "name"):
        names.add("body", pk, dt.datetime.min.replace(tzinfo=dt.UTC), name=name)


def certification_changes(cert) -> list[Change]:
    """Every change to `cert` and its whole tree, oldest first (a fixed number of queries)."""
    names = Names()
    _bodies(names)

    def history(model, **lookup):
        return list(
            model.history.filter(**lookup).select_related("history_user").order_by("history_date")
        )

    certs = history(m.Certification, id=cert.pk)
    _with_sources(certs)
    groups = history(m.RequirementGroup, certification_id=cert.pk)
    group_ids = {r.id for r in groups}
    options = history(m.RequirementOption, group_id__in=group_ids)
    conditions = history(m.Condition, option_id__in={r.id for r in options})
    notes = history(m.ApplicationNote, certification_id=cert.pk)
    records = {"certification": certs, "group": groups, "option": options,
               "condition": conditions, "note": notes}  # fmt: skip
    return _load(records, names)


def versions(changes: list[Change]) -> list[Version]:
    """The changes grouped into the versions people saved, newest first.

    A save of the change form writes the certification first, then its tree; an import does
    the same. So a certification record starts a version, unless the version so far is only
    certification records (its sources are recorded just after it); a different person or a
    pause also starts one.
    """
    result: list[Version] = []
    for change in changes:
        current = result[-1] if result else None
        starts = (
            current is None
            or change.who != current.who
            or change.at - current.at > SAME_SAVE
            or (
                change.what == "certification"
                and any(c.what != "certification" for c in current.changes)
            )
        )
        if starts:
            result.append(Version())
        result[-1].changes.append(change)
    return [v for v in reversed(result) if v.phrases or v.reverted_to or v is result[0]]


def find_version(all_versions: list[Version], key: str) -> Version | None:
    """The version a history link names: by its last record, or (an older link, or
    simple_history's own) by any certification record in it."""
    for version in all_versions:
        if version.key == key or any(c.key() == key for c in version.changes):
            return version
    return None


def rule_changes_since(since: dt.datetime | None, limit: int = 500) -> list[Change]:
    """Every certification's rule changes after `since`, oldest first (for the advisors)."""
    names = Names()
    _bodies(names)
    for pk, name, group_id, at in m.RequirementOption.history.values_list(
        "id", "name", "group_id", "history_date"
    ):
        names.add("option", pk, at, name=name, group_id=group_id)
    for pk, name, cert_id, at in m.RequirementGroup.history.values_list(
        "id", "name", "certification_id", "history_date"
    ):
        names.add("group", pk, at, name=name, certification_id=cert_id)
    for pk, code, at in m.Certification.history.values_list("id", "code", "history_date"):
        names.add("certification", pk, at, code=code)
    records, earlier = {}, {}
    for what, model in MODELS.items():
        window = model.history.select_related("history_user").order_by("history_date")
        if since is not None:
            window = window.filter(history_date__gt=since)
        records[what] = list(window[:limit])
        ids = {r.id for r in records[what]}
        # The latest record of each row before the window: what its first change started from.
        before = model.history.filter(id__in=ids, history_date__lte=since or timezone.now())
        if since is None:
            before = before.none()
        earlier[what] = {r.id: r for r in before.latest_of_each()}
    _with_sources(records["certification"] + list(earlier["certification"].values()))
    return _load(records, names, earlier=earlier)


def sentence(change: Change, names_by_id: dict[int, str] | None = None) -> list[str]:
    """ "CCM: the hours of work needed for “…” changed from 2,080 to 1,500 (erin, 1 Dec 2026)"."""
    code = (names_by_id or {}).get(change.certification_id, "")
    prefix = f"{code.upper()}: " if code else ""
    return [f"{prefix}{p} ({change.who}, {short_day(change.at)})" for p in change.phrases]


# --- going back ---------------------------------------------------------------------------


@dataclass
class Plan:
    """What bringing `cert` back to the moment `at` writes: rows (now, then) that differ."""

    cert: object
    at: dt.datetime
    then_cert: object
    rows: list[tuple[str, object, object]]  # what, now (or None), then (or None)
    names: Names

    def phrases(self, words=NEXT) -> list[str]:
        phrases = describe("certification", self.cert, self.then_cert, self.names, words)
        added = {(what, (then or now).pk) for what, now, then in self.rows if now is None}
        removed = {(what, (then or now).pk) for what, now, then in self.rows if then is None}
        for what, now, then in self.rows:
            row = then or now
            parent = PARENT.get(what)
            if parent:
                key = (parent[0], getattr(row, parent[1]))
                if (now is None and key in added) or (then is None and key in removed):
                    continue
            phrases += describe(what, now, then, self.names, words)
        return phrases

    def apply(self, reason: str) -> list[str]:
        """Write the plan (one transaction); returns what changed, in the past tense."""
        from .catalog import loading, revised

        said = self.phrases(PAST)
        with transaction.atomic(), loading():
            # The certification first, always saved: its record opens the revert's version
            # (see versions()), so the history shows the revert as one.
            cert = self.cert
            for name in (*CERT_FIELDS, "position"):
                setattr(cert, name, getattr(self.then_cert, name))
            cert._change_reason = reason
            cert.save()
            if set(cert.sources.values_list("pk", flat=True)) != self.then_cert.source_ids:
                cert.sources.set(self.then_cert.source_ids)
            # Rows that were not there then go next, deepest first, so that codes they hold
            # are free for the rows that come back.
            for what in ("condition", "option", "group", "note"):
                for kind, now, then in self.rows:
                    if kind == what and then is None and now is not None:
                        now._change_reason = reason
                        if type(now).objects.filter(pk=now.pk).exists():
                            now.delete()
            for what in ("group", "option", "condition", "note"):
                for kind, now, then in self.rows:
                    if kind != what or then is None:
                        continue
                    target = now if now is not None else MODELS[what](pk=then.pk)
                    for name in TREE_FIELDS[what]:
                        setattr(target, name, getattr(then, name))
                    target._change_reason = reason
                    target.save()
            m.CatalogRevision.bump()
        revised.send(sender=m.CatalogRevision)
        return said


def plan_revert(cert, at: dt.datetime) -> Plan:
    """What bringing `cert` and its whole rule tree back to the moment `at` would change."""
    then_cert = m.Certification.history.filter(id=cert.pk, history_date__lte=at).first()
    if then_cert is None:
        raise m.Certification.DoesNotExist("the certification did not exist then")
    _with_sources([then_cert])
    cert.source_ids = set(cert.sources.values_list("pk", flat=True))
    names = Names()
    _bodies(names)
    then_groups = list(m.RequirementGroup.history.as_of(at).filter(certification_id=cert.pk))
    then_options = list(
        m.RequirementOption.history.as_of(at).filter(group_id__in=[g.pk for g in then_groups])
    )
    then_conditions = list(
        m.Condition.history.as_of(at).filter(option_id__in=[o.pk for o in then_options])
    )
    then_notes = list(m.ApplicationNote.history.as_of(at).filter(certification_id=cert.pk))
    now_groups = list(m.RequirementGroup.objects.filter(certification=cert))
    now_options = list(m.RequirementOption.objects.filter(group__certification=cert))
    now_conditions = list(m.Condition.objects.filter(option__group__certification=cert))
    now_notes = list(m.ApplicationNote.objects.filter(certification=cert))
    future = timezone.now()
    for what, rows in (("group", now_groups + then_groups), ("option", now_options + then_options)):
        for row in rows:
            names.remember(what, row, future)
    rows = []
    for what, now_rows, then_rows in (
        ("group", now_groups, then_groups),
        ("option", now_options, then_options),
        ("condition", now_conditions, then_conditions),
        ("note", now_notes, then_notes),
    ):
        now_by = {r.pk: r for r in now_rows}
        then_by = {r.pk: r for r in then_rows}
        for pk in [*now_by, *(pk for pk in then_by if pk not in now_by)]:
            now, then = now_by.get(pk), then_by.get(pk)
            fields = TREE_FIELDS[what]
            if (
                now is None
                or then is None
                or any(getattr(now, f) != getattr(then, f) for f in fields)
            ):
                rows.append((what, now, then))
    return Plan(cert=cert, at=at, then_cert=then_cert, rows=rows, names=names)
