"""The one entry point the wizard, the API, the CLI and the advisors' recompute share."""

import datetime as dt

from .engine import evaluate
from .explain import certification_dict, iso, job_fit
from .profile import Profile, parse_profile
from .snapshot import Snapshot


def results_for(profile: Profile, snapshot: Snapshot) -> dict:
    """The results document (SPEC §4) for an already validated profile."""
    results = evaluate(profile, snapshot)
    return {
        "as_of": iso(profile.as_of),
        "catalog_version": snapshot.version,
        "results": [certification_dict(r, profile, snapshot) for r in results],
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
