"""A work-experience condition: hours in some roles, maybe only some settings, paid,
supervised (by a holder of some credentials), within the last N years."""

from dataclasses import dataclass

from .base import Kind, Param, hours_param, within_years_param


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
