"""The one entry point the wizard, the API, the CLI and the advisors' recompute share."""

import datetime as dt

from .document import certification_dict
from .engine import evaluate
from .explain import iso
from .jobfit import job_fit
from .profile import Profile, ProfileError, parse_profile
from .snapshot import Snapshot


def results_for(profile: Profile, snapshot: Snapshot) -> dict:
    """The results document (docs/results-format.md) for an already validated profile."""
    results = evaluate(profile, snapshot)
    by_code = {r.certification.code: r for r in results}
    worded: dict[str, dict] = {}  # a rule several certifications share is worded once
    return {
        "as_of": iso(profile.as_of),
        "catalog_version": snapshot.version,
        "results": [certification_dict(r, profile, snapshot, by_code, worded) for r in results],
        "jobs": job_fit(profile, results, snapshot),
    }


def assess_profile(
    data: object, *, snapshot: Snapshot | None = None, today: dt.date | None = None
) -> dict:
    """Validate a profile dict and assess it; raises ProfileError on bad input.

    Without `snapshot`, the published catalog (read from the database, cached) is used.
    """
    if snapshot is None:
        from .catalog import get_snapshot

        snapshot = get_snapshot()
    return results_for(parse_profile(data, snapshot, today=today), snapshot)


def assess_many(data: object, snapshot: Snapshot, *, today: dt.date | None = None) -> object:
    """Results for one profile, or a list of results for a list (the CLI and API; the format:
    docs/results-format.md).

    Every profile is validated before any is assessed; errors of a list are keyed by index
    (`[1].references`). Raises ProfileError with all of them.
    """
    many = isinstance(data, list)
    profiles, errors = [], {}
    for i, item in enumerate(data if many else [data]):
        try:
            profiles.append(parse_profile(item, snapshot, today=today))
        except ProfileError as refused:
            prefix = f"[{i}]." if many else ""
            errors.update({f"{prefix}{path}": msg for path, msg in refused.errors.items()})
    if errors:
        raise ProfileError(errors)
    results = [results_for(profile, snapshot) for profile in profiles]
    return results if many else results[0]
