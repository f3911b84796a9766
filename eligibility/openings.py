"""Which backgrounds open which certifications (the results' "openings"): a matter of the
catalog's rules alone, so the snapshot works it out once (Snapshot.openings), and the results
page only looks it up. No Django import."""

from collections.abc import Iterable

from .kinds import KINDS


def _parts(door: dict) -> list[dict]:
    """The single backgrounds of a door: those of a route asking for several at once (an RN
    diploma with an RN licence, kind "all"), else the door itself."""
    return door["parts"] if door["kind"] == "all" else [door]


def within(a: dict, b: dict) -> bool:
    """Whether every background door `a` stands for also passes door `b` (a bachelor's in
    social work passes "a bachelor's or higher in a health and human services field"); a door
    of several backgrounds passes `b` when one of its own passes each of `b`'s."""
    return all(
        any(p["kind"] == q["kind"] and KINDS[p["kind"]].door_within(p, q) for p in _parts(a))
        for q in _parts(b)
    )


def opening_rows(certifications: Iterable[tuple[str, str, Iterable[dict]]]) -> list[dict]:
    """One row a licence, degree or credential, {"door", "certifications": [{"code",
    "name"}]}, from (code, name, doors) of each certification: rows and certifications in the
    order the certifications come. A degree's row also names what a wider degree opens (a
    social work degree opens what any bachelor's does)."""
    order: list[tuple[str, str]] = []
    found: dict[str, tuple[dict, list[tuple[str, str]]]] = {}
    for code, name, doors in certifications:
        order.append((code, name))
        for door in doors:
            found.setdefault(door["text"], (door, []))[1].append((code, name))
    rows = []
    for door, _ in found.values():
        opens: set[tuple[str, str]] = set()
        for other, opened in found.values():
            if within(door, other):
                opens.update(opened)
        rows.append(
            {
                "door": door["text"],
                "certifications": [{"code": c, "name": n} for c, n in order if (c, n) in opens],
            }
        )
    return rows
