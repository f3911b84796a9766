"""A work-experience condition: hours in some roles, maybe only some settings, paid,
supervised (by a holder of some credentials), within the last N years."""

from dataclasses import dataclass

from .base import Kind, Param, hours_param, within_years_param
from .words import a_or_an, duration, either, lower_first, names_in, number


def scope(cond, snap) -> str:
    """What work counts toward an experience condition: "paid, supervised work as a case
    manager in a health care delivery setting, within the last 3 years"."""
    p = cond.params
    qualities = [w for w, on in (("paid", p["paid"]), ("supervised", cond.supervised)) if on]
    text = (
        (", ".join(qualities) + " " if qualities else "")
        + "work as "
        + either([a_or_an(lower_first(n)) for n in names_in(cond.codes, snap.roles)])
    )
    if cond.settings is not None:
        if p["health_care_delivery"] and not p["settings"]:
            text += " in a health care delivery setting"
        else:
            text += " in " + either([n.lower() for n in names_in(cond.settings, snap.settings)])
    if cond.supervisor_credentials:
        text += ", under a supervisor who holds " + either(
            names_in(cond.supervisor_credentials, snap.credential_names)
        )
    if cond.within_years:
        text += f", within the last {cond.within_years} years"
    return text


@dataclass(frozen=True)
class Experience(Kind):
    def build(self, params: dict, namer) -> dict:
        p = params
        values: dict = {
            "hours": p["hours"],
            "codes": frozenset(p["roles"]),
            "paid": p["paid"],
            # A supervisor's credential is asked for only of supervised work.
            "supervised": p["supervised"] or bool(p["supervisor_credentials"]),
            "supervisor_credentials": frozenset(p["supervisor_credentials"]),
            "within_years": p["within_years"],
        }
        if p["settings"] or p["health_care_delivery"]:
            settings = set(p["settings"])
            if p["health_care_delivery"]:
                settings |= {code for code, t in namer.settings.items() if t.health_care_delivery}
            values["settings"] = frozenset(settings)
        return values

    def describe(self, cond, snap):
        return (
            f"At least {number(cond.hours)} hours ({duration(cond.hours)}) of {scope(cond, snap)}"
        )


KIND = Experience(
    "experience",
    "Work experience",
    (
        hours_param(),
        Param("roles", "codes", "In one of these roles", "roles", required=True, default=()),
        Param("settings", "codes", "Only in these settings", "settings", default=()),
        Param(
            "health_care_delivery",
            "bool",
            "Only in health care delivery settings",
            default=False,
        ),
        Param("paid", "bool", "Only paid work", default=False),
        Param("supervised", "bool", "Only supervised work", default=False),
        Param(
            "supervisor_credentials",
            "codes",
            "Supervisor holds one of these credentials",
            "credentials",
            default=(),
        ),
        within_years_param("hours"),
    ),
)
